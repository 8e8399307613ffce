"""Checks on proposal attachments and selection evidence: type by content, size (``axs_platform.uploads``)."""

from axs_platform.uploads import UploadValidator

ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
DOCUMENT_KINDS = ("pdf", "png", "jpeg", "docx", "xlsx", "pptx")

validate_attachment = UploadValidator(DOCUMENT_KINDS, ATTACHMENT_MAX_BYTES, code="attachment")
validate_selection_evidence = UploadValidator(DOCUMENT_KINDS, ATTACHMENT_MAX_BYTES, code="evidence")
