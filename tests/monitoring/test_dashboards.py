"""The alliance's and committees' monitoring dashboards: who opens them and what they count."""

from django.urls import reverse
from django.utils import timezone

from monitoring.dashboard import dashboard
from monitoring.models import Implementation

from .conftest import approved_report


def test_dashboards_open_to_staff_and_the_committees_posts_only(client, scene):
    alliance = reverse("monitoring:dashboard")
    committee = reverse("monitoring:committee-dashboard", args=[scene.committee.pk])
    client.force_login(scene.chair)
    assert client.get(alliance).status_code == 403
    assert client.get(committee).status_code == 200
    client.force_login(scene.other_chair)
    assert client.get(committee).status_code == 403
    client.force_login(scene.lead)
    assert client.get(committee).status_code == 403
    client.force_login(scene.staff)
    assert client.get(alliance).status_code == 200


def test_the_dashboard_counts_lights_overdue_reports_contributions_and_results_by_sdg_indicator(scene):
    approved_report(scene, value="321")
    data = dashboard(Implementation.objects.all(), timezone.localdate())
    assert [assessment.light for _i, assessment in data["rows"]] == ["inactive"]  # 2024–2025 mostly unreported
    assert data["overdue"] == 7
    ((indicator, unit, total, projects),) = data["results"]
    assert indicator == scene.indicator.sdg_indicator and unit == "t" and total == 321 and projects == 1
    kinds = {kind: (pledged, delivered) for kind, pledged, delivered in data["contributions"]}
    assert kinds["Financiera"][0] == 500000


def test_the_demo_dashboard_shows_every_light(demo, client):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(email="staff@amexcid.example"))
    html = client.get(reverse("monitoring:dashboard")).content.decode()
    for label in ("En buen camino", "En riesgo", "Desviado", "Inactivo", "Datos de demostración"):
        assert label in html


def test_the_dashboard_pages_its_projects_but_counts_lights_over_all_of_them(client, db):
    from bench.monitoring_seed import seed

    seeded = seed(30, indicators=1, periods=4)
    data = dashboard(Implementation.objects.all(), timezone.localdate(), page=2)
    assert len(data["rows"]) == 5 and data["page_obj"].paginator.count == 30
    assert sum(count for _light, count in data["counts"]) == 30
    client.force_login(seeded.staff)
    html = client.get(reverse("monitoring:dashboard"), {"page": "2", "lang": "x"}).content.decode()
    assert html.count("Proyecto 0") == 5
    # Other parameters do not reach the page links (nor the cache key: the dashboards take none).
    assert 'href="?page=1"' in html and 'href="?lang=x' not in html
    first = client.get(reverse("monitoring:dashboard")).content.decode()
    assert first.count("Proyecto 0") == 25 and 'href="?page=2"' in first
