"""The project page's list of periods is cached per reader role, and each service that changes it shows at once."""

import datetime

import pytest
from django.urls import reverse
from django.utils import formats, translation

from monitoring import services

from .conftest import filled_report


def periods_section(client, scene):
    html = client.get(reverse("monitoring:project", args=[scene.implementation.pk])).content.decode()
    start = html.index('id="periods-title"')
    return html[start : html.index("</section>", start)]


def status_after_link(section, report):
    """Return the CSS class of the status badge that follows the report's link in the list."""
    link = f'href="{reverse("monitoring:report", args=[report.pk])}"'
    assert link in section
    badge = section[section.index(link) :].split('<span class="badge ', 1)[1]
    return badge.split('"', 1)[0]


@pytest.fixture
def lead_client(client, scene):
    client.force_login(scene.lead)
    return client


def test_reporters_see_the_buttons_and_approvers_reading_the_same_cached_list_do_not(client, scene):
    first = reverse("monitoring:report-start", args=[scene.periods[0].pk])
    client.force_login(scene.lead)
    assert f'formaction="{first}"' in periods_section(client, scene)
    client.force_login(scene.secretary)
    section = periods_section(client, scene)
    assert "formaction" not in section
    assert "csrfmiddlewaretoken" not in section


def test_the_buttons_post_through_one_form_with_the_readers_own_csrf_token(client, scene):
    client.force_login(scene.lead)
    html = client.get(reverse("monitoring:project", args=[scene.implementation.pk])).content.decode()
    form = html[html.index('id="periods-title"') :]
    form = form[form.index("<form") : form.index("</form>")]
    assert 'method="post"' in form and "csrfmiddlewaretoken" in form and "formaction" in form


def test_starting_a_report_shows_its_draft_and_hides_the_button_at_once(lead_client, scene):
    button = f'formaction="{reverse("monitoring:report-start", args=[scene.periods[0].pk])}"'
    assert button in periods_section(lead_client, scene)
    report = services.report_start(actor=scene.lead, period=scene.periods[0])
    section = periods_section(lead_client, scene)
    assert status_after_link(section, report).startswith("text-bg-light")
    assert button not in section


def test_submitting_approving_and_returning_show_at_once(lead_client, scene):
    report = filled_report(scene)
    periods_section(lead_client, scene)  # cached with the draft
    services.report_submit(actor=scene.lead, report=report)
    assert status_after_link(periods_section(lead_client, scene), report) == "text-bg-primary"
    services.report_return(actor=scene.secretary, report=report, comments="Falta la evidencia.")
    assert status_after_link(periods_section(lead_client, scene), report) == "text-bg-warning"
    services.report_submit(actor=scene.lead, report=report, reply="Se añadió la evidencia.")
    periods_section(lead_client, scene)
    services.report_approve(actor=scene.secretary, report=report)
    section = periods_section(lead_client, scene)
    assert status_after_link(section, report) == "text-bg-success"
    assert f'formaction="{reverse("monitoring:report-start", args=[scene.periods[0].pk])}"' in section


def test_a_new_grace_period_moves_the_due_dates_shown_at_once(lead_client, scene):
    period = scene.periods[0]
    with translation.override("es-mx"):
        due = formats.date_format(period.due_on, "SHORT_DATE_FORMAT")
        later = formats.date_format(period.ends_on + datetime.timedelta(days=45), "SHORT_DATE_FORMAT")
    assert due in periods_section(lead_client, scene)
    services.implementation_set_grace(actor=scene.staff, implementation=scene.implementation, grace_days=45)
    section = periods_section(lead_client, scene)
    assert later in section and due not in section
