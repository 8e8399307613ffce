"""Opposing the public directory hides one's name from public committee pages at once; minutes name nobody opposed."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from committees.documents import minutes_context
from committees.models import Agreement, Minutes, Post, PostKind
from privacy import services
from tests.factories import make_committee, make_committee_member, make_post_holder, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def chair():
    committee = make_committee(4, name="Educación")
    return make_post_holder(committee, PostKind.CHAIR, full_name="Rosa Quintana Pliego")


def _oppose(person, allowed, capture):
    with capture(execute=True):
        services.purposes_set(person=person, choices={"directory": allowed})


def test_public_committee_pages_withhold_the_name_at_once_and_members_and_staff_keep_it(
    client, chair, django_capture_on_commit_callbacks
):
    committee = Post.objects.get(holder=chair).committee
    pages = [reverse("committees:committee-detail", args=[committee.pk])]
    pages.append(reverse("committees:committee-members", args=[committee.pk]))
    for page in pages:  # warm the cached fragments first: the choice must not wait for them to expire
        assert "Rosa Quintana Pliego" in client.get(page).text
    _oppose(chair, False, django_capture_on_commit_callbacks)
    for page in pages:
        text = client.get(page).text
        assert "Rosa Quintana Pliego" not in text and "nombre reservado" in text
    for reader in (make_staff(), make_committee_member(committee)):
        client.force_login(reader)
        for page in pages:
            assert "Rosa Quintana Pliego" in client.get(page).text
        client.logout()
    _oppose(chair, True, django_capture_on_commit_callbacks)
    assert "Rosa Quintana Pliego" in client.get(pages[0]).text


def test_public_page_in_english_says_the_name_is_withheld(client, chair, django_capture_on_commit_callbacks):
    _oppose(chair, False, django_capture_on_commit_callbacks)
    committee = Post.objects.get(holder=chair).committee
    text = client.get(reverse("committees:committee-detail", args=[committee.pk]), HTTP_ACCEPT_LANGUAGE="en").text
    assert "name withheld" in text and "Rosa Quintana Pliego" not in text


def test_minutes_withhold_the_approver_and_agreement_responsible_who_opposed(demo):
    minutes = Minutes.objects.filter(status="approved", approved_by__isnull=False).select_related("session").first()
    approver = minutes.approved_by
    responsible = make_staff(full_name="Ulises Bermúdez Tapia")
    Agreement.objects.create(
        session=minutes.session,
        description="Enviar el informe",
        responsible_person=responsible,
        due_on=datetime.date(2020, 1, 31),
        created_by=responsible,
    )
    before = render_to_string("committees/pdf/minutes.html", minutes_context(minutes.session))
    assert approver.full_name in before and responsible.full_name in before
    for person in (approver, responsible):
        services.purposes_set(person=person, choices={"named_in_minutes": False})
    after = render_to_string("committees/pdf/minutes.html", minutes_context(minutes.session))
    assert approver.full_name not in after and responsible.full_name not in after
    assert after.count("Nombre omitido a petición de la persona") >= 2


def test_public_session_page_withholds_the_approver_who_opposes_being_named_in_minutes_and_staff_see_it(
    demo, client, django_capture_on_commit_callbacks
):
    minutes = (
        Minutes.objects.filter(status="approved", approved_by__isnull=False, session__is_public=True)
        .select_related("session", "approved_by")
        .order_by("-version")
        .first()
    )
    session = minutes.session
    in_force = session.minutes.filter(status="approved").order_by("-version").first()
    approver = in_force.approved_by
    page = reverse("committees:session-detail", args=[session.pk])
    assert approver.full_name in client.get(page).text
    with django_capture_on_commit_callbacks(execute=True):
        services.purposes_set(person=approver, choices={"named_in_minutes": False})
    assert approver.full_name not in client.get(page).text
    client.force_login(make_staff())
    assert approver.full_name in client.get(page).text
