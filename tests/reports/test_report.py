"""The systematization report: figures counted from the data, the seed's structure, the narrative staff write."""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from committees.models import Membership
from documents.models import Document
from documents.services import document_request
from projects.models import Proposal
from reports.documents import SYSTEMATIZATION
from reports.models import Finding, FindingKind, Milestone
from reports.selectors import report_data
from tests.factories import make_committee, make_representative, make_session, make_staff
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.django_db

PERIOD = (datetime.date(2016, 5, 1), datetime.date(2018, 3, 31))


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_demo_leaves_the_report_four_fact_sheets_and_the_public_ones_ready(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())
    report = Document.objects.get(kind=SYSTEMATIZATION)
    assert report.status == Document.Status.READY, report.error
    assert report.params == {"start": "2016-05-01", "end": "2018-03-31"}
    sheets = Document.objects.filter(kind="projects.fact_sheet", status=Document.Status.READY)
    assert sheets.count() == 4
    public = Document.objects.filter(kind="projects.public_fact_sheet", status=Document.Status.READY)
    published = Proposal.objects.published().count()
    assert sorted(public.values_list("language", flat=True)) == ["en"] * published + ["es-mx"] * published
    text = pdf_text(report)
    assert "Sistematización de la Alianza por la Sostenibilidad" in text
    assert re.search(r"Resumen ejecutivo[ .]*\d+", text), "the contents list its page numbers"
    assert "81 organizaciones en el lanzamiento" in text
    assert "61.0 % de alrededor de 90 organizaciones respondieron la encuesta de prioridades" in text
    assert "5 comités de trabajo" in text
    assert "4 proyectos completamente estructurados" in text
    figures = report_data(*PERIOD)["figures"]
    installation, active = figures["installation_organizations"], figures["active_organizations"]
    text = " ".join(text.split())  # a sentence may run across a page break
    assert f"{installation} organizaciones en la instalación de los comités" in text
    assert f"{active} organizaciones activas en los comités al cierre del periodo" in text
    assert (
        f"{installation} organizaciones participaron en la instalación de los comités. "
        f"Al cierre del periodo {active} organizaciones seguían activas en los comités."
    ) in text
    # Of the real organizations named at the installation the records say nothing after it: "sin dato", in words,
    # never folded into the active count nor into 0.
    unknown = figures["unknown_organizations"]
    assert (
        f"{active} organizaciones activas en los comités al cierre del periodo, según los registros de la "
        f"plataforma; sin dato para {unknown} organizaciones"
    ) in text
    assert (
        f"seguían activas en los comités. Sin dato para {unknown} organizaciones: los registros no dicen si seguían "
        "activas al cierre del periodo."
    ) in text
    assert "los registros no dicen si seguían siendo integrantes al cierre del periodo" in text
    attended = figures["organizations_in_recent_sessions"]
    assert (
        f"{attended} organizaciones registradas como presentes en las sesiones de los comités en los últimos tres "
        "meses del periodo"
    ) in text
    # What the lists hold: never "9 attended" beside the seed's "about 50" as if the rest were absent.
    assert (
        f"Entre el 1 de enero de 2018 y el 31 de marzo de 2018, las listas de asistencia de los comités registran "
        f"{attended} organizaciones presentes."
    ) in text
    assert "asistieron a las sesiones de los comités" not in text
    # The installation of Educación, in the timeline: the platform's count (the seed lists 9 organizations).
    assert "Organizaciones en la instalación según los registros de la plataforma: 13." in text
    assert "Solar Comunitaria de Oaxaca (ficticia) (suspendida)" in text
    assert "Gabriela Núñez Ibarra (persona ficticia)" in text  # the chair of Educación
    assert "Maersk (suspendida)" not in text
    for heading in ("Acrónimos", "Acercamiento y diálogo", "Identificación de prioridades", "Aciertos", "Desafíos"):
        assert heading in text
    assert "Se construyeron relaciones sólidas con las empresas" in text
    assert "Diversificar la representación del sector privado incorporando PyMES." in text
    # The recommendation calls the seed's note 37 after "due diligence": its number in the report's one numbering.
    assert re.search(r"Aplicar el proceso de due diligence ?\d+ diseñado por la AMEXCID\.", text)
    assert "Habilidades digitales para jóvenes" in text and "Cocinas comunitarias con jóvenes en riesgo" in text
    assert "Bibliografía" in text and "PROCID" in text
    assert report.page_count >= 10


def test_the_demo_figures_match_the_seeds_record(demo):
    figures = report_data(*PERIOD)["figures"]
    assert figures["launch_organizations"] == 81
    assert figures["plenaries"] == 4
    assert figures["survey_invited"] == 90 and round(figures["survey_rate"]) == 61
    assert figures["committees"] == 5
    assert figures["projects_structured"] == 4
    # "más de 60 empresas, fundaciones y organismos empresariales" at the installation (31 Oct – 4 Nov 2016);
    # "alrededor de 50 empresas continuaban participando activamente" in March 2018.
    assert figures["installation_organizations"] > 60
    # The seed's "about 50" names none of them: it is a recorded figure (tests/companies/test_demo_facts.py).
    # Counted from the memberships, the active ones are the fictitious members only; of the 46 real organizations
    # named at the installation there is no data after it: "sin dato", neither active nor gone (never 0).
    real = Membership.objects.filter(organization__is_fictitious=False)
    assert not real.active_on(PERIOD[1]).exists()
    assert figures["unknown_organizations"] == real.values("organization").distinct().count() == 46
    fictitious = Membership.objects.active_on(PERIOD[1]).filter(organization__is_fictitious=True)
    assert figures["active_organizations"] == fictitious.values("organization").distinct().count() == 9
    # Counted from the attendance lists too: present at a committee session in January–March 2018. The seed names
    # no one present after the installations, so those lists hold the 9 fictitious members only, all active.
    assert figures["recent_sessions_since"] == datetime.date(2018, 1, 1)
    assert figures["organizations_in_recent_sessions"] == 9
    assert figures["organizations_unrecorded_recent"] == 0
    assert figures["organizations_in_sessions"] > figures["organizations_in_recent_sessions"]


def test_the_installation_counts_who_sat_on_the_day_and_each_organization_once():
    from committees import services
    from tests.factories import make_organization

    staff = make_staff()
    installed_on = datetime.date(2016, 11, 1)
    first, second = make_committee(4, installed_on=installed_on), make_committee(7, installed_on=installed_on)
    on_both, left_later, joined_later = make_organization(), make_organization(), make_organization()
    for committee in (first, second):
        services.membership_add(actor=staff, committee=committee, organization=on_both, joined_on=installed_on)
    membership = services.membership_add(actor=staff, committee=first, organization=left_later, joined_on=installed_on)
    services.membership_transition(
        actor=staff, membership=membership, action="end", reason="Cambio de prioridades",
        effective_on=datetime.date(2017, 3, 1),
    )  # fmt: skip
    services.membership_add(
        actor=staff, committee=first, organization=joined_later, joined_on=datetime.date(2017, 5, 2)
    )
    data = report_data(datetime.date(2016, 5, 1), datetime.date(2018, 3, 31))
    assert data["figures"]["installation_organizations"] == 2
    assert data["figures"]["active_organizations"] == 2
    by_goal = {committee.goal.number: committee.members_at_installation for committee in data["committees"]}
    assert by_goal == {4: 2, 7: 1}
    assert (
        report_data(datetime.date(2017, 1, 1), datetime.date(2017, 12, 31))["figures"]["installation_organizations"]
        is None
    )


def test_the_period_counts_members_by_their_status_on_its_last_day_not_today():
    from committees import services
    from tests.factories import make_organization

    staff = make_staff()
    installed_on = datetime.date(2016, 11, 1)
    committee = make_committee(12, installed_on=installed_on)
    suspended_after, suspended_within = make_organization(), make_organization()
    later = services.membership_add(
        actor=staff, committee=committee, organization=suspended_after, joined_on=installed_on
    )
    within = services.membership_add(
        actor=staff, committee=committee, organization=suspended_within, joined_on=installed_on
    )
    for membership, day in ((later, datetime.date(2018, 6, 1)), (within, datetime.date(2017, 6, 1))):
        services.membership_transition(
            actor=staff, membership=membership, action="suspend", reason="Pausa", effective_on=day
        )
    data = report_data(datetime.date(2016, 5, 1), datetime.date(2018, 3, 31))
    assert data["figures"]["active_organizations"] == 1  # suspended since June 2018: active in March
    [members] = [c.members_at_end for c in data["committees"]]
    assert {(o.pk, o.suspended_at_end) for o in members} == {(suspended_after.pk, False), (suspended_within.pk, True)}


def test_members_with_no_data_at_the_period_end_are_neither_active_nor_listed_but_said_in_words():
    from django.template.loader import render_to_string
    from django.utils import translation

    from committees import services
    from tests.factories import make_organization

    staff = make_staff()
    installed_on = datetime.date(2016, 11, 1)
    committee = make_committee(12, installed_on=installed_on)
    known, unknown, on_both = make_organization(), make_organization(), make_organization()
    for organization in (known, unknown, on_both):
        services.membership_add(actor=staff, committee=committee, organization=organization, joined_on=installed_on)
    other = make_committee(4, installed_on=installed_on)
    services.membership_add(actor=staff, committee=other, organization=on_both, joined_on=installed_on)
    for membership in Membership.objects.filter(organization__in=[unknown, on_both], committee=committee):
        services.membership_mark_unknown(
            actor=staff, membership=membership, since=datetime.date(2016, 11, 2), reason="La fuente no lo dice"
        )
    data = report_data(*PERIOD)
    # on_both is still known active on the other committee: active, not "no data".
    assert (data["figures"]["active_organizations"], data["figures"]["unknown_organizations"]) == (2, 1)
    chapter = {c.goal.number: c for c in data["committees"]}[12]
    assert [o.pk for o in chapter.members_at_end] == [known.pk] and chapter.members_unknown == 2
    assert {o.pk for o in chapter.installation_organizations} == {known.pk, unknown.pk, on_both.pk}
    with translation.override("es-mx"):
        html = " ".join(
            render_to_string(
                "reports/includes/stages/structuring.html", {**data, "end": PERIOD[1], "start": PERIOD[0]}
            ).split()
        )
    assert "Sin dato para 1 organización: los registros no dicen si seguía activa al cierre del periodo." in html, html
    assert (
        "Sin dato para 2 organizaciones: los registros no dicen si seguían siendo integrantes al cierre del periodo."
        in html
    )


def test_the_attendance_figure_counts_each_organization_present_in_the_last_three_months_once():
    from django.utils import timezone

    from committees.models import Attendance
    from tests.factories import make_organization, seat

    committee = make_committee(4)

    def attend(day, organization, status="present"):
        session = make_session(committee, days_from_now=-1)
        session.starts_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
        session.ends_at = session.starts_at + datetime.timedelta(hours=2)
        session.save()
        Attendance.objects.create(
            session=session, person=make_representative(), organization=organization, status=status
        )

    twice, excused, earlier, once = (make_organization() for _ in range(4))
    attend(datetime.date(2018, 1, 9), twice)
    attend(datetime.date(2018, 3, 6), twice)
    attend(datetime.date(2018, 2, 6), excused, status="excused")
    attend(datetime.date(2017, 12, 5), earlier)
    attend(datetime.date(2018, 3, 6), once)
    silent = make_organization()
    for organization in (twice, excused, earlier, once, silent):
        seat(committee, organization)
    figures = report_data(datetime.date(2016, 5, 1), datetime.date(2018, 3, 31))["figures"]
    assert figures["recent_sessions_since"] == datetime.date(2018, 1, 1)
    assert figures["organizations_in_recent_sessions"] == 2
    # Excused is recorded; a member with nothing recorded in those months is unknown (no data), not absent.
    assert figures["organizations_unrecorded_recent"] == 2  # earlier (December only) and silent
    assert figures["organizations_in_sessions"] == 3
    short = report_data(datetime.date(2018, 2, 15), datetime.date(2018, 3, 31))["figures"]
    assert short["recent_sessions_since"] == datetime.date(2018, 2, 15)  # never before the period starts
    assert short["organizations_in_recent_sessions"] == 2


def test_loading_the_demo_twice_asks_for_no_document_again(demo):
    before = Document.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert Document.objects.count() == before
    assert Finding.objects.filter(kind=FindingKind.SUCCESS).count() == 7


def test_the_figures_are_counted_from_the_data_not_typed():
    make_session(kind="plenary", days_from_now=-30, reported_attendance=40)
    start, end = datetime.date.today() - datetime.timedelta(days=60), datetime.date.today()
    assert report_data(start, end)["figures"]["launch_organizations"] == 40
    make_committee(11, installed_on=start)
    data = report_data(start, end)
    assert data["figures"]["committees"] == 1 and data["figures"]["plenaries"] == 1
    assert report_data(end + datetime.timedelta(days=1), end + datetime.timedelta(days=9))["figures"]["plenaries"] == 0


def test_the_report_in_english_uses_the_english_narrative(django_capture_on_commit_callbacks):
    Finding.objects.create(kind=FindingKind.CHALLENGE, title_es="Evaluar el impacto", title_en="Evaluate the impact")
    Milestone.objects.create(happened_on=datetime.date(2017, 6, 7), stage="structuring", title_es="Sesión transversal")
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(
            actor=make_staff(), kind=SYSTEMATIZATION, language="en", params={"start": "2017-01-01", "end": "2017-12-31"}
        )
    document.refresh_from_db()
    assert document.status == Document.Status.READY, document.error
    text = pdf_text(document)
    assert "Contents" in text and "Findings of the systematization" in text
    assert "Evaluate the impact" in text
    assert "Sesión transversal" in text  # no English text written: the Spanish one stands in
    assert document.filename == "sistematizacion-axs-2017-01-2017-12-en.pdf"


PAGES = ["reports:report-home", "reports:dashboard", "reports:narrative-list"]


@pytest.mark.parametrize("name", PAGES)
def test_report_pages_send_anonymous_visitors_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and "/cuenta/" in response.url


@pytest.mark.parametrize("name", PAGES)
def test_report_pages_are_refused_to_representatives(client, name):
    client.force_login(make_representative())
    assert client.get(reverse(name)).status_code == 403


@pytest.mark.parametrize("name", PAGES)
def test_report_pages_open_for_staff(client, name):
    client.force_login(make_staff())
    assert client.get(reverse(name)).status_code == 200


def test_staff_choose_the_period_and_language_and_follow_the_progress(client, django_capture_on_commit_callbacks):
    client.force_login(make_staff())
    data = {"start": "2016-05-01", "end": "2018-03-31", "language": "es-mx"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:report-home"), data)
    document = Document.objects.get()
    assert response.url == document.get_absolute_url()
    assert document.params == {"start": "2016-05-01", "end": "2018-03-31"}
    assert "Descargar el PDF" in client.get(response.url).content.decode()


def test_a_period_that_ends_before_it_starts_is_refused(client):
    client.force_login(make_staff())
    response = client.post(
        reverse("reports:report-home"), {"start": "2018-01-01", "end": "2017-01-01", "language": "en"}
    )
    assert response.status_code == 200
    assert "El periodo debe terminar después de empezar." in response.content.decode()
    assert not Document.objects.exists()


def test_representatives_cannot_ask_for_the_report(client):
    client.force_login(make_representative())
    response = client.post(
        reverse("reports:report-home"), {"start": "2016-05-01", "end": "2018-03-31", "language": "en"}
    )
    assert response.status_code == 403
    assert not Document.objects.exists()


def test_the_dashboard_draws_the_reports_charts(client, demo):
    client.force_login(make_staff())
    page = client.get(reverse("reports:dashboard"), {"start": "2016-05-01", "end": "2018-03-31"}).content.decode()
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" role="img"') == 3
    assert "Organizaciones en cada sesión plenaria" in page and "Lanzamiento de la Alianza" in page
    assert "ODS prioritarios elegidos por las organizaciones" in page
    assert "organizaciones en la instalación de los comités" in page


def test_staff_write_change_and_archive_a_finding(client):
    client.force_login(make_staff())
    data = {
        "kind": "challenge",
        "position": 1,
        "title_es": "Garantizar los recursos",
        "title_en": "",
        "body_es": "",
        "body_en": "",
    }
    response = client.post(reverse("reports:narrative-create", args=["hallazgos"]), data)
    assert response.status_code == 302
    finding = Finding.objects.get()
    data["title_en"] = "Secure the resources"
    client.post(reverse("reports:narrative-update", args=["hallazgos", finding.pk]), data)
    finding.refresh_from_db()
    assert finding.title_en == "Secure the resources"
    response = client.post(reverse("reports:narrative-archive", args=["hallazgos", finding.pk]))
    assert response.status_code == 302
    assert response.url == reverse("reports:narrative-list") + "#hallazgos"
    finding.refresh_from_db()
    assert finding.archived_at is not None


def test_representatives_cannot_write_the_narrative(client):
    client.force_login(make_representative())
    data = {"kind": "challenge", "position": 1, "title_es": "X"}
    assert client.post(reverse("reports:narrative-create", args=["hallazgos"]), data).status_code == 403
    assert client.get(reverse("reports:narrative-create", args=["hallazgos"])).status_code == 403
    client.logout()
    assert client.get(reverse("reports:narrative-create", args=["hallazgos"])).status_code == 302
    assert not Finding.objects.exists()


def test_an_unknown_part_of_the_narrative_is_a_404(client):
    client.force_login(make_staff())
    assert client.get(reverse("reports:narrative-create", args=["poemas"])).status_code == 404
