"""The staff page shows how the activity file built ahead last went, and staff can have it written again."""

from django.urls import reverse

from audit.models import AuditEvent
from iati.prebuilt import NAME
from opendata import prebuilt
from opendata.models import PrebuiltFile
from tests.factories import make_representative, make_staff


def test_a_failed_build_is_shown_with_its_reason_and_a_rebuild_writes_the_file(
    client, demo, django_capture_on_commit_callbacks
):
    user = make_staff()
    client.force_login(user)
    prebuilt.build_failed(name=NAME, file_format="xml", error=RuntimeError("disco lleno"))
    page = client.get(reverse("iati:settings")).content.decode()
    assert "La última generación falló el" in page and "RuntimeError: disco lleno" in page
    assert "Regenerar ahora" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("iati:rebuild"))
    assert response["Location"] == reverse("iati:settings")
    page = client.get(response["Location"]).content.decode()
    assert "Se pidió regenerar el archivo de actividades." in page
    built = PrebuiltFile.objects.get(name=NAME, file_format="xml")
    assert built.failed_at is None and built.error == "" and built.row_count == 5
    assert "falló" not in page and "generado por última vez el" in page and "5 actividades" in page
    assert AuditEvent.objects.filter(action="iati.activity_file_rebuild", actor=user).exists()


def test_only_staff_rebuild_the_file_and_asking_for_the_address_shows_the_page(client, demo):
    client.force_login(make_representative())
    assert client.post(reverse("iati:rebuild")).status_code == 403
    assert not PrebuiltFile.objects.filter(name=NAME).exists()
    client.force_login(make_staff())
    assert client.get(reverse("iati:rebuild"))["Location"] == reverse("iati:settings")
