"""The indicator page: approvers revise it and split its target; refusals show next to the fields."""

from decimal import Decimal

from django.urls import reverse

from monitoring.models import IndicatorRevision

from .conftest import approved_report


def _post(client, scene, data):
    return client.post(reverse("monitoring:indicator", args=[scene.indicator.pk]), data)


def test_only_approvers_open_the_indicator_page(client, scene):
    url = reverse("monitoring:indicator", args=[scene.indicator.pk])
    client.force_login(scene.lead)
    assert client.get(url).status_code == 403
    client.force_login(scene.secretary)
    assert client.get(url).status_code == 200


def test_a_split_that_does_not_add_up_is_refused_and_keeps_what_was_typed(client, scene):
    client.force_login(scene.secretary)
    data = {"form": "split", **{f"split-period_{p.pk}": "100" for p in scene.periods}}
    response = _post(client, scene, data)
    html = response.content.decode()
    assert "Las metas por periodo suman 800" in html and 'value="100"' in html
    data[f"split-period_{scene.periods[-1].pk}"] = "300"
    assert _post(client, scene, data).status_code == 302
    assert sum(t.value for t in scene.indicator.period_targets.all()) == Decimal(1000)


def test_a_revision_after_an_approved_report_needs_a_reason_on_the_page(client, scene):
    approved_report(scene)
    client.force_login(scene.secretary)
    data = {
        "form": "revise", "revise-name": "Toneladas recuperadas", "revise-unit": "t", "revise-baseline": "0",
        "revise-target": "1200", "revise-means_of_verification": "Reportes", "revise-disaggregation": "",
    }  # fmt: skip
    assert "diga por qué cambia el indicador" in _post(client, scene, data).content.decode()
    data["revise-reason"] = "Se sumó una cadena."
    assert _post(client, scene, data).status_code == 302
    assert IndicatorRevision.objects.get().reason == "Se sumó una cadena."
