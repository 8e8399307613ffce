"""Signals for the apps above accounts, which may not be imported from here.

``user_deactivated``: sent in the transaction that deactivates a person (``actor``, ``user``, ``request`` and
``reason``: what staff typed, else ``deactivation.DEFAULT_REASON``); the read API revokes the person's tokens on
it, committees stop their calendar feed and end their posts, companies end their representation.
"""

from django.dispatch import Signal

user_deactivated = Signal()
