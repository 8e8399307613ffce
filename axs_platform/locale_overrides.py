"""Strings of Django's own whose Mexican Spanish differs from Django's catalogue.

Django's es_MX catalogue capitalizes month names ("21 de Noviembre de 2026"); in Mexican
Spanish they are lower case. Listing the msgids here puts them in our catalogue, which wins.
"""

from django.utils.translation import gettext_noop

MONTHS = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]
