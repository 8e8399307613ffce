"""Shared by the API's tests: issue a token for a person and a client that sends it."""

import datetime

from django.test import Client
from django.utils import timezone

from api import services


def issue(person, *, staff, days=30, name="Pruebas"):
    """Return ``(token, key)`` issued by ``staff`` for ``person``."""
    return services.token_issue(
        actor=staff, person=person, name=name, expires_on=timezone.localdate() + datetime.timedelta(days=days)
    )


def client_for(key=None, **headers):
    """A client that sends ``Authorization: Bearer <key>`` (none for an anonymous client)."""
    if key is not None:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    return Client(**headers)


def every_row(client, url):
    """Follow ``next`` through every page of a list; return the rows."""
    rows = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code, response.content[:300])
        body = response.json()
        rows.extend(body["results"])
        url = body["next"]
    return rows
