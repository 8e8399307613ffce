"""How the API answers errors."""

from django.http import Http404
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    """Answer a missing row with a plain, translated "Not found." that names no model."""
    if isinstance(exc, Http404):
        # Django's message ("No Proposal matches the given query.") is English and names the model.
        exc = exceptions.NotFound()
    return drf_exception_handler(exc, context)
