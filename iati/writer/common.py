"""Small pieces every IATI element uses: narratives in Spanish and English, dates, amounts, even shares.

Builds lxml elements only; reads no database.
"""

import calendar
import datetime
import re
from decimal import ROUND_DOWN, Decimal

from django.utils import timezone, translation
from lxml import etree

from axs_platform.dates import DatePrecision

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# The files' default language: narratives without xml:lang are Spanish, the users' language.
DEFAULT_LANGUAGE = "es"
# Characters XML 1.0 does not allow (control characters other than tab and line breaks, non-characters):
# lxml raises ValueError on them, which would cut a streamed file in the middle.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value):
    """Return the value as text that XML accepts, the characters it does not allow removed."""
    return XML_ILLEGAL.sub("", str(value))


def sub(parent, tag, **attributes):
    """Append a child element, leaving out attributes whose value is None."""
    values = {k.replace("_", "-"): xml_text(v) for k, v in attributes.items() if v is not None}
    return etree.SubElement(parent, tag, values)


def narratives(parent, texts):
    """Append one narrative per language, ``texts`` being ``{"es": ..., "en": ...}``; empty texts are left out."""
    for language, text in texts.items():
        text = xml_text(text or "").strip()
        if not text:
            continue
        element = etree.SubElement(parent, "narrative")
        if language != DEFAULT_LANGUAGE:
            element.set(XML_LANG, language)
        element.text = text
    return parent


def both_languages(message, **params):
    """Return a translatable message in Spanish and English, for the texts the files themselves write."""
    texts = {}
    for language in (DEFAULT_LANGUAGE, "en"):
        with translation.override(language):
            texts[language] = str(message) % params if params else str(message)
    return texts


def iso_date(value):
    return value.isoformat()


def iso_datetime(value):
    return timezone.localtime(value).replace(microsecond=0).isoformat()


def local_date(value):
    return timezone.localdate(value)


def full_date(value, precision=DatePrecision.DAY):
    """Return the local day of ``value`` where IATI requires a full date, for a date known only so far.

    A date known to the month only is written as the last day of that month, one known to the year only as
    31 December: the latest day it can have been, never a day the record does not give.
    """
    day = local_date(value) if isinstance(value, datetime.datetime) else value
    if precision == DatePrecision.MONTH:
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if precision == DatePrecision.YEAR:
        return day.replace(month=12, day=31)
    return day


def amount(value):
    """Write a Decimal plainly: 1500.50 as ``1500.5``, 100 as ``100``, never in scientific notation."""
    text = format(Decimal(value).normalize(), "f")
    return text


def even_shares(count):
    """Split 100 % into ``count`` shares with two decimals that add up to exactly 100."""
    if count <= 0:
        return []
    share = (Decimal(100) / count).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    shares = [share] * count
    shares[0] += Decimal(100) - share * count
    return [amount(s) for s in shares]
