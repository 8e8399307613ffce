"""Every service that changes what a built-ahead dataset shows makes its file stale, and the download is then fresh.

Committees, memberships, sessions, agreements, ballots and survey results are built ahead like the large
datasets (``opendata.prebuilt``). For each service that writes their rows (or the names they show), on the
demo: build the CSV, change through the service, and the file is stale; the download streams, and it is
byte for byte the stream of the data as it now is (and, where the change shows, not the old file).
"""

import datetime

import pytest
from django.http import FileResponse
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from committees import services as committee_services
from committees.models import Committee, Membership, Session
from companies.services import organization_update
from opendata import datasets, prebuilt
from opendata.downloads import download
from projects.models import Ballot, BallotCandidate, Proposal
from projects.services import ballot_close, proposal_publish
from sdg.models import Goal
from surveys import services as survey_services
from surveys.models import Survey
from tests.factories import make_member, make_organization

BUILT_AHEAD_HERE = ("comites", "membresias-comites", "sesiones", "acuerdos", "votaciones", "votos-nominales")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def staff(demo):
    return User.objects.get(email="staff@amexcid.example")


def _streamed(slug):
    return b"".join(download(datasets.get(slug), "csv").streaming_content)


def _first(slug):
    return datasets.get(slug).queryset().first()


def _postpone(agreement, staff):
    # A new due date may not come before the agreement's session.
    due_on = max(agreement.due_on, agreement.session.starts_on) + datetime.timedelta(days=1)
    committee_services.agreement_update(actor=staff, agreement=agreement, due_on=due_on)


def _rename(organization, staff):
    organization_update(actor=staff, organization=organization, legal_name=f"{organization.legal_name} (renombrada)")


def _past(days):
    return timezone.now().replace(microsecond=0) - datetime.timedelta(days=days)


def _held_public_session(staff):
    committee = Committee.objects.order_by("pk").first()
    return committee_services.session_schedule(
        actor=staff,
        committee=committee,
        title="Sesión extraordinaria",
        starts_at=_past(3),
        ends_at=_past(3) + datetime.timedelta(hours=2),
        place="AMEXCID",
        video_url="",
        description="",
        is_public=True,
    )


def _with_agreement(staff):
    session = _held_public_session(staff)
    organization = Membership.objects.filter(committee=session.committee, status="active").first().organization
    committee_services.agreement_create(
        actor=staff,
        session=session,
        description="Publicar el directorio de programas",
        responsible_organization=organization,
        responsible_person=None,
        due_on=timezone.localdate() + datetime.timedelta(days=30),
    )
    return committee_services.minutes_save_draft(actor=staff, session=session, body="Se acordó publicar.")


def _membership_request(staff):
    """A representative of an organization on no committee asks to join one (a request is not published)."""
    person = make_member(make_organization(actor=staff))
    committee_services.membership_request(actor=person, committee=Committee.objects.order_by("pk").first())


# (dataset, what is ready before the file is built, the change through a service, whether the rows change)
CASES = {
    "committee_create": (
        "comites",
        None,
        lambda staff, _ready: committee_services.committee_create(
            actor=staff, name="Agua limpia", goal=Goal.objects.get(number=6), decision_mechanism="vote"
        ),
        True,
    ),
    "committee_update": (
        "comites",
        None,
        lambda staff, _ready: committee_services.committee_update(
            actor=staff, committee=_first("comites"), description="Nueva descripción"
        ),
        True,
    ),
    "committee_close": (
        "comites",
        None,
        lambda staff, _ready: committee_services.committee_close(
            actor=staff, committee=_first("comites"), reason="Se fusionó con otro comité."
        ),
        True,
    ),
    "committee_update names memberships": (
        "membresias-comites",
        None,
        lambda staff, _ready: committee_services.committee_update(
            actor=staff, committee=_first("comites"), name="Educación de calidad para todas"
        ),
        True,
    ),
    "membership_add": (
        "membresias-comites",
        None,
        lambda staff, _ready: committee_services.membership_add(
            actor=staff,
            committee=Committee.objects.order_by("pk").first(),
            organization=datasets.get("organizaciones")
            .queryset()
            .exclude(committee_memberships__committee=Committee.objects.order_by("pk").first())
            .first(),
        ),
        True,
    ),
    "membership_request": ("membresias-comites", None, lambda staff, _ready: _membership_request(staff), False),
    "membership_transition": (
        "membresias-comites",
        None,
        lambda staff, _ready: committee_services.membership_transition(
            actor=staff,
            membership=datasets.get("membresias-comites").queryset().filter(status="active").first(),
            action="suspend",
            reason="Cuotas pendientes",
        ),
        True,
    ),
    "organization_update names memberships": (
        "membresias-comites",
        None,
        lambda staff, _ready: _rename(_first("membresias-comites").organization, staff),
        True,
    ),
    "session_schedule": ("sesiones", None, lambda staff, _ready: _held_public_session(staff), True),
    "session_update": (
        "sesiones",
        None,
        lambda staff, _ready: committee_services.session_update(
            actor=staff, session=_first("sesiones"), place="Plaza Juárez 20, Ciudad de México"
        ),
        True,
    ),
    "session_cancel": (
        "sesiones",
        None,
        lambda staff, _ready: committee_services.session_cancel(
            actor=staff, session=Session.objects.filter(is_public=True).order_by("-starts_at").first(), reason="Lluvia"
        ),
        True,
    ),
    "minutes_save_draft": (
        "sesiones",
        None,
        lambda staff, _ready: committee_services.minutes_save_draft(
            actor=staff, session=_held_public_session(staff), body="Borrador."
        ),
        True,  # the new session shows; its draft does not
    ),
    "minutes_start_correction": (
        "sesiones",
        None,
        lambda staff, _ready: committee_services.minutes_start_correction(
            actor=staff, session=_first("sesiones"), body="Texto corregido.", correction_note="Fecha"
        ),
        False,  # a correction shows once approved
    ),
    "minutes_approve marks the session": (
        "sesiones",
        _with_agreement,
        lambda staff, draft: committee_services.minutes_approve(actor=staff, minutes=draft),
        True,
    ),
    "minutes_approve publishes agreements": (
        "acuerdos",
        _with_agreement,
        lambda staff, draft: committee_services.minutes_approve(actor=staff, minutes=draft),
        True,
    ),
    "agreement_create": (
        "acuerdos",
        None,
        lambda staff, _ready: _with_agreement(staff),
        False,  # published once its minutes are approved (the case above)
    ),
    "agreement_update": (
        "acuerdos",
        None,
        lambda staff, _ready: _postpone(_first("acuerdos"), staff),
        True,
    ),
    "organization_update names agreements": (
        "acuerdos",
        None,
        lambda staff, _ready: _rename(_first("acuerdos").responsible_organization, staff),
        True,
    ),
    "ballot_close": (
        "votaciones",
        None,
        lambda staff, _ready: ballot_close(actor=staff, ballot=Ballot.objects.get(status="open")),
        True,
    ),
    "ballot_close names votes": (
        "votos-nominales",
        None,
        lambda staff, _ready: ballot_close(actor=staff, ballot=Ballot.objects.get(status="open")),
        None,  # shows only if the demo's open ballot has votes already
    ),
    "organization_update names voters": (
        "votos-nominales",
        None,
        lambda staff, _ready: _rename(
            datasets.get("votos-nominales")
            .queryset()
            .filter(paper__elector__organization__isnull=False)
            .first()
            .paper.elector.organization,
            staff,
        ),
        True,
    ),
    "proposal_publish takes a candidate's title off": (
        "votaciones",
        None,
        lambda staff, _ready: proposal_publish(actor=staff, proposal=_published_candidate(), publish=False),
        True,
    ),
    "survey_counts_rebuild": (
        "resultados-encuestas",
        None,
        lambda staff, _ready: survey_services.survey_counts_rebuild(_first("resultados-encuestas")),
        False,  # the same answers give the same counts
    ),
    "survey_close": (
        "resultados-encuestas",
        None,
        lambda staff, _ready: survey_services.survey_close(actor=staff, survey=Survey.objects.get(pk=_open_survey())),
        True,
    ),
    "survey_archive": (
        "resultados-encuestas",
        None,
        lambda staff, _ready: survey_services.survey_archive(actor=staff, survey=_first("resultados-encuestas")),
        True,
    ),
}


def _published_candidate():
    closed = datasets.get("votaciones").queryset()
    candidates = BallotCandidate.objects.filter(ballot__in=closed).values("proposal_id")
    return Proposal.objects.published().filter(pk__in=candidates).first()


def _open_survey():
    now = timezone.now()
    return Survey.objects.filter(published_at__isnull=False, opens_at__lte=now, closes_at__gt=now).values_list(
        "pk", flat=True
    )[0]


def _url(slug):
    return reverse("opendata:download", kwargs={"slug": slug, "file_format": "csv"})


def _assert_stale_then_fresh(client, slug, before, shows):
    assert prebuilt.fresh(slug, "csv") is None
    response = client.get(_url(slug))
    assert response.status_code == 200 and not isinstance(response, FileResponse)
    body = b"".join(response.streaming_content)
    assert body == _streamed(slug)
    if shows is not None:
        assert (body != before) is shows


def test_the_committee_ballot_and_survey_datasets_are_built_ahead():
    for slug in (*BUILT_AHEAD_HERE, "resultados-encuestas"):
        assert prebuilt.source(slug) is not None, slug


@pytest.mark.parametrize("case", CASES)
def test_a_change_through_the_service_makes_the_built_file_stale_and_the_download_fresh(case, staff, client):
    slug, prepare, change, shows = CASES[case]
    ready = prepare(staff) if prepare else None
    built = prebuilt.build(name=slug, file_format="csv")
    before = built.file.open("rb").read()
    assert prebuilt.fresh(slug, "csv") == built
    assert isinstance(client.get(_url(slug)), FileResponse)
    change(staff, ready)
    _assert_stale_then_fresh(client, slug, before, shows)


def test_a_survey_whose_closing_date_passes_makes_the_survey_results_file_stale(staff, client):
    built = prebuilt.build(name="resultados-encuestas", file_format="csv")
    before = built.file.open("rb").read()
    # No service runs when a survey's date passes: the dataset's version counts the surveys closed now.
    Survey.objects.filter(pk=_open_survey()).update(closes_at=timezone.now() - datetime.timedelta(minutes=1))
    _assert_stale_then_fresh(client, "resultados-encuestas", before, True)
