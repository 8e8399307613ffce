"""An opposition filed as a request: staff apply it on the request's page, through the same service, recorded."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from audit.models import AuditEvent
from privacy import services
from privacy.models import RightsRequest
from privacy.selectors import current_choices
from tests.factories import make_member, make_organization, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    return make_member(make_organization())


def _file(client, person, right="opposition"):
    client.force_login(person)
    data = {"right": right, "details": "No quiero aparecer en el directorio.", "channel": "email"}
    assert client.post(reverse("privacy:request-file"), data).status_code == 302
    return RightsRequest.objects.get(email=person.email, right=right)


def test_staff_apply_an_opposition_request_at_once_and_both_records_say_so(client, person):
    rights_request = _file(client, person)
    staff = make_staff()
    client.force_login(staff)
    assert "Aplicar la oposición" in client.get(rights_request.get_absolute_url()).text
    url = reverse("privacy:request-action", args=[rights_request.pk, "oppose"])
    assert client.post(url, {"oppose-purposes": ["directory", "named_in_minutes"]}).status_code == 302
    assert current_choices(person) == {"directory": False, "reminders": True, "named_in_minutes": False}
    changed = AuditEvent.objects.get(action="privacy.purposes_changed", target_id=str(person.pk))
    assert changed.actor == staff and rights_request.number in changed.message
    applied = AuditEvent.objects.get(action="privacy.opposition_applied", target_id=str(rights_request.pk))
    assert applied.actor == staff and sorted(applied.changes) == ["directory", "named_in_minutes"]
    # Applying it again changes nothing and says so; the form keeps what was ticked.
    response = client.post(url, {"oppose-purposes": ["directory"]})
    assert response.status_code == 400 and "La persona ya se opone a estas finalidades." in response.text
    (box,) = re.findall(r'<input[^>]*value="directory"[^>]*>', response.text)
    assert "checked" in box


def test_only_staff_apply_it_and_only_on_a_verified_opposition_request(client, person):
    opposition = _file(client, person)
    access = _file(client, person, right="access")
    staff = make_staff()
    with pytest.raises(PermissionDenied):
        services.request_oppose(actor=person, rights_request=opposition, purposes=["directory"])
    with pytest.raises(ValidationError) as error:
        services.request_oppose(actor=staff, rights_request=access, purposes=["directory"])
    assert error.value.code == "not_opposition"
    client.force_login(person)
    response = client.post(reverse("privacy:request-action", args=[opposition.pk, "oppose"]), {})
    assert response.status_code == 403
    assert current_choices(person)["directory"] is True


@pytest.mark.parametrize(
    ("language", "row", "raw"),
    [
        ("es-mx", ("Aparecer como contacto en el directorio público de miembros", "acepta", "se opone"), "True"),
        ("en", ("Appear as a contact in the public directory of members", "consents", "opposes"), "True"),
    ],
)
def test_the_history_of_an_applied_opposition_names_the_purpose_and_consents_or_opposes_in_the_readers_language(
    client, person, language, row, raw
):
    from django.utils import translation

    from audit.selectors import history_for

    person.preferred_language = language
    person.save(update_fields=["preferred_language"])
    rights_request = _file(client, person)
    services.request_oppose(actor=make_staff(), rights_request=rights_request, purposes=["directory"])
    client.force_login(person)
    page = client.get(rights_request.get_absolute_url()).text
    cells = [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<t[hd][^>]*>.*?</t[hd]>", page, re.S)]
    label, before, after = row
    assert [label, before, after] == cells[cells.index(label) : cells.index(label) + 3]
    assert "<td data-label" in page and f">{raw}<" not in page and ">directory<" not in page
    with translation.override(language):
        (changed,) = [e for e in history_for(person) if e.action == "privacy.purposes_changed"]
    assert changed.readable_changes == [row]
