"""Staff's administration of people and roles; everybody else is kept out."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from audit.models import AuditEvent
from tests.factories import make_evaluator, make_representative, make_staff

pytestmark = pytest.mark.django_db
LIST = reverse("accounts:user-list")
CREATE = reverse("accounts:user-create")


def person_data(**overrides):
    data = {
        "email": "nueva@fundacion.example",
        "full_name": "Nueva Persona",
        "job_title": "",
        "phone": "",
        "role": "evaluator",
        "preferred_language": "es-mx",
        "is_active": "on",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("url_name", ["accounts:user-list", "accounts:user-create"])
def test_anonymous_visitors_are_sent_to_sign_in(client, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("make_person", [make_representative, make_evaluator])
def test_people_who_are_not_staff_are_refused_and_the_refusal_is_recorded(client, make_person):
    person = make_person()
    client.force_login(person)
    for url in (LIST, CREATE, reverse("accounts:user-update", args=[person.pk])):
        response = client.get(url)
        assert response.status_code == 403
        assert "No puede abrir esta página" in response.content.decode()
    assert AuditEvent.objects.filter(action=AuditEvent.Action.ACCESS_DENIED, actor=person).count() == 3


def test_staff_see_the_list_and_can_filter_it(client, django_assert_max_num_queries):
    staff = make_staff(full_name="Ana Staff")
    make_evaluator(full_name="Eva Luadora")
    for _number in range(30):
        make_representative()
    client.force_login(staff)
    with django_assert_max_num_queries(8):
        response = client.get(LIST)
    assert response.status_code == 200
    assert "Ana Staff" in response.content.decode()
    filtered = client.get(LIST, {"role": "evaluator"}).content.decode()
    assert "Eva Luadora" in filtered
    assert "Ana Staff" not in filtered


def test_staff_create_a_person_who_is_invited_by_email(client, django_capture_on_commit_callbacks):
    staff = make_staff()
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CREATE, person_data(email="Nueva@Fundacion.example"))
    assert response.status_code == 302
    person = User.objects.get(email="nueva@fundacion.example")
    assert person.role == User.Role.EVALUATOR
    assert not person.has_usable_password()
    assert mail.outbox[0].to == ["nueva@fundacion.example"]
    assert "/cuenta/contrasena/restablecer/" in mail.outbox[0].body
    event = AuditEvent.objects.get(action=AuditEvent.Action.CREATED, actor=staff)
    assert event.changes["role"] == [None, "evaluator"]


def test_creating_a_person_with_an_email_already_used_is_refused_next_to_the_field(client):
    make_representative(email="taken@b.example")
    client.force_login(make_staff())
    response = client.post(CREATE, person_data(email="TAKEN@b.example", full_name="Keep This Name"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Este correo electrónico ya está en uso por otra persona" in content
    assert "Keep This Name" in content
    assert User.objects.filter(email__iexact="taken@b.example").count() == 1


def test_staff_change_a_role_and_the_change_is_recorded(client):
    staff = make_staff()
    person = make_representative()
    client.force_login(staff)
    url = reverse("accounts:user-update", args=[person.pk])
    response = client.post(url, person_data(email=person.email, full_name=person.full_name, role="staff"))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.role == User.Role.STAFF and person.is_staff
    event = AuditEvent.objects.get(action=AuditEvent.Action.UPDATED, target_id=str(person.pk))
    assert event.changes == {"role": ["representative", "staff"]}
    history = client.get(url).content.decode()
    assert "representative" in history and "staff" in history


def test_demoting_staff_takes_back_office_access_away(client):
    client.force_login(make_staff())
    other = make_staff()
    client.post(
        reverse("accounts:user-update", args=[other.pk]),
        person_data(email=other.email, full_name=other.full_name, role="representative"),
    )
    other.refresh_from_db()
    assert other.is_staff is False and other.is_superuser is False


def test_staff_deactivate_a_person_who_then_cannot_sign_in_but_is_kept(client):
    client.force_login(make_staff())
    person = make_representative()
    data = person_data(email=person.email, full_name=person.full_name, role="representative")
    del data["is_active"]
    url = reverse("accounts:user-update", args=[person.pk])
    assert client.post(url, data).status_code == 200  # what the deactivation ends is shown first
    person.refresh_from_db()
    assert person.is_active is True
    client.post(url, {**data, "confirm": "yes"})
    person.refresh_from_db()
    assert person.is_active is False
    assert User.objects.filter(pk=person.pk).exists()


def test_staff_cannot_deactivate_or_demote_themselves(client):
    staff = make_staff()
    client.force_login(staff)
    url = reverse("accounts:user-update", args=[staff.pk])
    data = person_data(email=staff.email, full_name=staff.full_name, role="staff")
    del data["is_active"]
    response = client.post(url, data)
    assert "No puede desactivar su propia cuenta" in response.content.decode()
    response = client.post(url, person_data(email=staff.email, full_name=staff.full_name, role="evaluator"))
    assert "No puede quitarse su propio rol" in response.content.decode()
    staff.refresh_from_db()
    assert staff.is_active and staff.role == User.Role.STAFF


def test_staff_can_send_the_password_link_again(client, django_capture_on_commit_callbacks):
    client.force_login(make_staff())
    person = make_representative(email="again@b.example")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:user-invite-again", args=[person.pk]))
    assert response.status_code == 302
    assert mail.outbox[0].to == ["again@b.example"]


def test_the_back_office_is_open_to_staff_only(client):
    client.force_login(make_representative())
    assert client.get(reverse("admin:index")).status_code == 302
    client.force_login(make_staff())
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 200


def test_a_person_who_represents_an_organization_keeps_their_role_until_the_representation_ends(client):
    from companies.models import Representative
    from tests.factories import make_member, make_organization

    staff = make_staff()
    organization = make_organization(short_name="Fundación Cuatro")
    person = make_member(organization, full_name="Secretaria Cuatro", job_title="")
    client.force_login(staff)
    url = reverse("accounts:user-update", args=[person.pk])
    data = person_data(email=person.email, full_name="Secretaria Cuatro Editada", role="evaluator")
    response = client.post(url, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "representa a" in page and "Fundación Cuatro" in page
    assert "Secretaria Cuatro Editada" in page  # what was typed stays in the form
    person.refresh_from_db()
    assert person.role == User.Role.REPRESENTATIVE and person.full_name == "Secretaria Cuatro"
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.UPDATED, target_id=str(person.pk)).exists()
    # Other details still change; once the representation has ended, so does the role.
    client.post(url, person_data(email=person.email, full_name="Secretaria", role="representative"))
    person.refresh_from_db()
    assert person.full_name == "Secretaria"
    Representative.objects.filter(user=person).update(ended_at=timezone.now())
    assert client.post(url, data).status_code == 302
    person.refresh_from_db()
    assert person.role == User.Role.EVALUATOR


def test_a_persons_page_does_not_reveal_which_ids_exist(client):
    person = make_representative()
    missing = reverse("accounts:user-update", args=[person.pk + 1000])
    existing = reverse("accounts:user-update", args=[person.pk])
    assert client.get(missing).status_code == client.get(existing).status_code == 302
    assert client.post(missing).status_code == client.post(existing).status_code == 302
    client.force_login(person)
    assert client.get(missing).status_code == client.get(existing).status_code == 403
    assert client.post(missing).status_code == 403
    client.force_login(make_staff())
    assert client.get(missing).status_code == 404


@pytest.mark.parametrize("typed", ["nunez", "NÚÑEZ", "Núñez", "ibáñez nunez"])
def test_staff_find_people_in_the_list_whatever_the_accents(client, typed):
    from accounts.services import user_create

    staff = make_staff()
    user_create(actor=staff, email="maria@ejemplo.example", full_name="María Ibañez Núñez", role="evaluator")
    make_evaluator(full_name="Otra Persona")
    client.force_login(staff)
    body = client.get(LIST, {"q": typed}).content.decode()
    assert "María Ibañez Núñez" in body and "Otra Persona" not in body
