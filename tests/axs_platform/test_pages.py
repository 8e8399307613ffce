"""Home pages per role, error pages, health, the privacy notice and the demo accounts."""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.demo import DEMO_PASSWORD
from accounts.models import User
from tests.factories import make_evaluator, make_representative, make_staff

pytestmark = pytest.mark.django_db
DEMO_EMAILS = [
    "staff@amexcid.example",
    "evaluador@axs.example",
    "representante@axs.example",
    *[f"presidencia.ods{goal}@axs.example" for goal in (4, 7, 10, 11, 12)],
    *[f"secretaria.ods{goal}@axs.example" for goal in (4, 7, 10, 11, 12)],
]


def test_the_public_home_explains_the_alliance_and_its_committees(client):
    from tests.factories import make_committee

    for goal in (4, 7, 10, 11, 12):
        make_committee(goal)
    make_committee(13, closed_at=timezone.now(), close_reason="Fusionado")  # a closed committee is not shown
    content = client.get(reverse("home")).content.decode()
    assert "Acercamiento y diálogo" in content
    for goal in (4, 7, 10, 11, 12):
        assert f'href="/ods/{goal}/"' in content
    assert "Qué puede hacer" not in content
    assert 'href="/ods/13/"' not in content


def test_staff_home_offers_administration(client):
    client.force_login(make_staff(full_name="Ana Ramírez"))
    content = client.get(reverse("home")).content.decode()
    assert "Bienvenido(a), Ana" in content
    assert reverse("accounts:user-list") in content
    assert reverse("audit:event-list") in content
    assert reverse("admin:index") in content


@pytest.mark.parametrize("make_person", [make_representative, make_evaluator])
def test_other_homes_offer_no_administration(client, make_person):
    client.force_login(make_person())
    content = client.get(reverse("home")).content.decode()
    assert reverse("accounts:profile") in content
    assert reverse("accounts:user-list") not in content
    assert reverse("admin:index") not in content


def test_load_demo_creates_every_demo_account_and_a_second_run_changes_nothing():
    call_command("load_demo", stdout=io.StringIO())
    first = list(User.objects.order_by("email").values_list("email", "role", "password"))
    call_command("load_demo", stdout=io.StringIO())
    assert list(User.objects.order_by("email").values_list("email", "role", "password")) == first
    assert set(DEMO_EMAILS) <= {email for email, _role, _password in first}
    assert User.objects.get(email="staff@amexcid.example").role == User.Role.STAFF
    assert User.objects.get(email="evaluador@axs.example").role == User.Role.EVALUATOR


@pytest.mark.parametrize("email", DEMO_EMAILS)
def test_every_demo_account_signs_in_and_sees_its_own_home(demo, email):
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": email, "password": DEMO_PASSWORD}, follow=True)
    user = User.objects.get(email=email)
    content = response.content.decode()
    assert response.status_code == 200
    assert user.get_short_name() in content
    assert user.get_role_display() in content


def test_an_unknown_page_gets_the_404_page_in_the_sites_design_and_language(client):
    response = client.get("/no-existe/")
    assert response.status_code == 404
    assert "No encontramos esta página" in response.content.decode()
    assert "axs-header" in response.content.decode()
    client.post(reverse("accounts:set-language"), {"language": "en", "next": "/"})
    assert "We could not find this page" in client.get("/no-existe/").content.decode()


def test_a_server_error_gets_a_500_page_that_leaks_nothing(settings):
    settings.ROOT_URLCONF = "tests.axs_platform.boom_urls"
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    content = response.content.decode()
    assert response.status_code == 500
    assert "Algo salió mal" in content
    assert "secret-database-password" not in content
    assert "Traceback" not in content and "RuntimeError" not in content


def test_a_csrf_failure_gets_the_403_page_in_the_sites_design_saying_what_to_do():
    client = Client(enforce_csrf_checks=True)
    data = {"full_name": "Ana", "email": "ana@example.org", "right": "access", "details": "x", "channel": "email"}
    response = client.post(reverse("privacy:request-file"), data, HTTP_ACCEPT_LANGUAGE="es")
    content = response.content.decode()
    assert response.status_code == 403
    assert "axs-header" in content and "DEBUG=True" not in content
    assert "El formulario caducó o su navegador bloquea las cookies" in content
    assert "Vuelva a la página anterior" in content


def test_health_answers_ok(client):
    assert client.get(reverse("health")).json() == {"status": "ok"}


def test_the_privacy_notice_is_public(client):
    response = client.get(reverse("privacy"))
    assert response.status_code == 200
    assert "derechos ARCO" in response.content.decode()


def test_the_administration_hub_is_for_staff_only_and_leads_everywhere(client):
    url = reverse("administration")
    assert client.get(url).status_code == 302
    client.force_login(make_representative())
    assert client.get(url).status_code == 403
    client.force_login(make_staff())
    content = client.get(url).content.decode()
    for name in (
        "accounts:user-list",
        "companies:figures",
        "committees:agreement-list",
        "audit:event-list",
        "admin:index",
    ):
        assert f'href="{reverse(name)}"' in content
    # Every card is named: its title in the person's language.
    for title in ("Personas y roles", "Seguimiento de la implementación", "Solicitudes de datos personales"):
        assert f'<h2 class="h6 card-title">{title}</h2>' in content
