"""Signals for the apps above accounts, which may not be imported from here.

``user_deactivated``: sent in the transaction that deactivates a person (``actor``, ``user``, ``request``);
the read API revokes the person's tokens on it, committees stop their calendar feed.
"""

from django.dispatch import Signal

user_deactivated = Signal()
