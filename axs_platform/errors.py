"""Refusals that services raise and views put next to a form's fields (imports no app)."""

from django.core.exceptions import ValidationError


def field_error(field, message, code):
    """Return a refusal attached to one form field, keeping its code (a dict alone would drop it)."""
    return ValidationError({field: ValidationError(message, code=code)})
