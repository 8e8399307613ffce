"""The report's page names the written parts the report really has: its five chapters, not a chapter 10."""

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import make_staff

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "parts"),
    [
        ("es-mx", "créditos, epígrafe, prólogo, resumen ejecutivo, los textos de los capítulos 1 a 5, agradecimientos"),
        ("en", "credits, epigraph, prologue, executive summary, the texts of chapters 1 to 5, acknowledgements"),
    ],
)
def test_the_report_page_names_the_written_parts_by_the_reports_chapters(client, language, parts):
    staff = make_staff()
    staff.preferred_language = language
    staff.save(update_fields=["preferred_language"])
    client.force_login(staff)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(reverse("reports:report-home")).content.decode()
    assert parts in page
