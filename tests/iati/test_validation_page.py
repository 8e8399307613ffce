"""The "Validar ahora" posts, then lands on the staff page with the result: saving or reloading there loses nothing."""

from django.urls import reverse

from iati.models import Publisher
from tests.factories import make_staff


def test_validate_now_lands_on_the_staff_page_with_the_result(client, demo):
    client.force_login(make_staff())
    response = client.post(reverse("iati:validate"))
    assert response.status_code == 302 and response["Location"] == reverse("iati:settings")
    page = client.get(reverse("iati:settings")).content.decode()
    assert "Ambos archivos son válidos" in page and "5 actividades" in page
    assert f'action="{reverse("iati:settings")}"' in page  # the publisher form posts to the staff page
    assert "Ambos archivos son válidos" in client.get(reverse("iati:settings") + "?page=1").content.decode()


def test_saving_the_publisher_after_validating_saves_it(client, demo):
    client.force_login(make_staff())
    client.post(reverse("iati:validate"))
    data = {"organisation_ref": "XM-DAC-99999", "name_es": "AMEXCID", "name_en": "", "organisation_type": "10"}
    response = client.post(reverse("iati:settings"), data, follow=True)
    assert Publisher.objects.get().organisation_ref == "XM-DAC-99999"
    page = response.content.decode()
    assert "Se guardó la configuración de IATI." in page
    assert "Ambos archivos son válidos" not in page  # the result was of the files before the change


def test_asking_for_the_validation_address_goes_to_the_staff_page(client, demo):
    client.force_login(make_staff())
    response = client.get(reverse("iati:validate"))
    assert response.status_code == 302 and response["Location"] == reverse("iati:settings")
