"""The index follows corrections made in the back office, and documents of published sessions are public."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory

import search
from committees.models import Session, SessionDocument
from committees.search_kinds import index_session
from search.selectors import visible_entries
from tests.factories import make_committee, make_session, make_staff

pytestmark = pytest.mark.django_db


def _public_count(kind):
    return visible_entries(AnonymousUser()).filter(kind=kind).count()


def test_a_session_made_private_in_the_admin_leaves_anonymous_search(settings):
    session = make_session(make_committee(), is_public=True)
    index_session(session)
    assert _public_count("session") == 1
    session.is_public = False
    request = RequestFactory().post("/admin/")
    request.user = make_staff()
    admin.site._registry[Session].save_model(request, session, form=None, change=True)
    assert _public_count("session") == 0


def test_a_document_of_a_published_session_is_found_by_the_public(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    session = make_session(make_committee(), is_public=True)
    document = SessionDocument.objects.create(
        session=session,
        title="Orden del día",
        file=SimpleUploadedFile("orden.pdf", b"%PDF-1.4"),
        original_name="orden.pdf",
        uploaded_by=make_staff(),
    )
    search.index(document)
    assert _public_count("session_document") == 1
    Session.objects.filter(pk=session.pk).update(is_public=False)
    index_session(Session.objects.get(pk=session.pk))
    assert _public_count("session_document") == 0
