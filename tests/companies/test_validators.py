import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from companies.validators import normalize_rfc, validate_evidence, validate_logo, validate_rfc


def png_bytes(size=(8, 8)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "green").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("rfc", ["ABC010203XY1", "ÑAB991231A1A", "GOMA800101AB3", "A&B150228ZZ9"])
def test_well_formed_rfcs_are_accepted(rfc):
    validate_rfc(rfc)


@pytest.mark.parametrize(
    ("rfc", "code"),
    [("ABC0102", "invalid_rfc"), ("1BC010203XY1", "invalid_rfc"), ("ABC011332XY1", "invalid_rfc_date")],
)
def test_malformed_rfc_is_refused_with_what_to_fix(rfc, code):
    with pytest.raises(ValidationError) as caught:
        validate_rfc(rfc)
    assert caught.value.code == code


def test_rfc_is_normalized_to_capitals_without_separators():
    assert normalize_rfc(" abc-010203 xy1 ") == "ABC010203XY1"


def test_png_logo_is_accepted():
    validate_logo(SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png"))


def test_logo_whose_content_is_not_an_image_is_refused():
    with pytest.raises(ValidationError) as caught:
        validate_logo(SimpleUploadedFile("logo.png", b"MZ\x90\x00 not really a picture", content_type="image/png"))
    assert caught.value.code == "logo_content"


def test_jpeg_named_png_is_refused():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, "JPEG")
    with pytest.raises(ValidationError) as caught:
        validate_logo(SimpleUploadedFile("logo.png", buffer.getvalue()))
    assert caught.value.code == "logo_content"


def test_oversized_logo_is_refused(settings):
    upload = SimpleUploadedFile("logo.png", png_bytes() + b"\0" * (2 * 1024 * 1024))
    with pytest.raises(ValidationError) as caught:
        validate_logo(upload)
    assert caught.value.code == "file_too_large"


def test_pdf_evidence_is_accepted_and_fake_pdf_refused():
    validate_evidence(SimpleUploadedFile("informe.pdf", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"))
    with pytest.raises(ValidationError) as caught:
        validate_evidence(SimpleUploadedFile("informe.pdf", b"<html>not a pdf</html>"))
    assert caught.value.code == "evidence_content"


def test_evidence_with_unaccepted_extension_is_refused():
    with pytest.raises(ValidationError) as caught:
        validate_evidence(SimpleUploadedFile("macro.docm", b"PK\x03\x04"))
    assert caught.value.code == "evidence_extension"
