"""One upload check for every upload: the type comes from the content, the size has a limit; private downloads."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from axs_platform.uploads import UploadValidator, content_kind, private_file_response, random_name
from committees.forms import DocumentForm
from companies.validators import validate_evidence, validate_logo
from projects.forms_selection import EvidenceForm
from projects.validators import validate_attachment

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"


def image(kind):
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(buffer, kind)
    return buffer.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(
    ("content", "kind"),
    [(PDF, "pdf"), (image("PNG"), "png"), (image("JPEG"), "jpeg"), (image("WEBP"), "webp"), (HTML, None)],
)
def test_the_kind_is_read_from_the_bytes(content, kind):
    assert content_kind(upload("whatever.bin", content)) == kind


ATTACKS = {
    "html named pdf": ("informe.pdf", HTML),
    "html with %PDF- in its first kilobyte": ("informe.pdf", b"<html><!-- %PDF-1.7 -->" + HTML),
    "text named pdf": ("informe.pdf", b"Este no es un PDF.\n"),
    "svg named png": ("logo.png", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    "svg": ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
    "html": ("pagina.html", HTML),
    "png with html appended": ("foto.png", image("PNG") + HTML),
    "jpeg with html appended": ("foto.jpg", image("JPEG") + HTML),
    "png named pdf": ("informe.pdf", image("PNG")),
}


@pytest.mark.parametrize(
    "validator", [validate_logo, validate_evidence, validate_attachment], ids=["logo", "evidence", "attachment"]
)
@pytest.mark.parametrize("name", ATTACKS)
def test_every_upload_check_refuses_what_is_not_what_it_says(validator, name):
    with pytest.raises(ValidationError):
        validator(upload(*ATTACKS[name]))


def test_the_allowed_kinds_pass():
    validate_evidence(upload("informe.pdf", PDF))
    validate_evidence(upload("foto.JPG", image("JPEG")))
    validate_logo(upload("logo.webp", image("WEBP")))
    validate_attachment(upload("foto.png", image("PNG")))


def test_an_eleven_megabyte_file_is_refused_with_its_size_and_the_limit():
    with pytest.raises(ValidationError) as caught:
        validate_attachment(upload("grande.pdf", PDF + b"0" * (11 * 1024 * 1024)))
    assert caught.value.code == "file_too_large"
    assert "MB" in caught.value.messages[0]


def test_the_message_names_the_file_and_the_allowed_kinds_in_spanish():
    with pytest.raises(ValidationError) as caught:
        UploadValidator(("pdf",), 1024)(upload("informe.pdf", HTML))
    assert "informe.pdf" in caught.value.messages[0] and "PDF" in caught.value.messages[0]
    assert "diga lo que diga su nombre" in caught.value.messages[0]


@pytest.mark.django_db
def test_session_documents_and_selection_evidence_forms_use_the_check():
    document = DocumentForm({"title": "Acta"}, {"file": upload("acta.pdf", HTML)})
    assert not document.is_valid() and "file" in document.errors
    from committees.models import Committee

    evidence = EvidenceForm(
        {"kind": "study", "title": "Estudio"},
        {"file": upload("estudio.png", image("PNG") + HTML)},
        committee=Committee(pk=1),
    )
    assert not evidence.is_valid() and "file" in evidence.errors


def test_stored_names_are_random_and_keep_only_a_plain_extension():
    first, second = random_name("x", "Acta de sesión.PDF"), random_name("x", "Acta de sesión.PDF")
    assert first != second and first.startswith("x/") and first.endswith(".pdf") and "sesi" not in first
    assert random_name("x", "a.p<h>p").endswith(".bin")


class _Stored:
    def open(self, mode):
        return io.BytesIO(PDF)


def test_private_files_go_out_as_downloads_no_browser_sniffs_and_no_cache_keeps():
    response = private_file_response(_Stored(), "Acta 2026.pdf")
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert set(response["Cache-Control"].replace(" ", "").split(",")) == {"private", "no-store"}
