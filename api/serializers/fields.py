"""Small field helpers: a choice as its code plus its label in the request's language."""

from rest_framework import serializers


def label_of(field_name):
    """The label of a choice field in the active language (``Accept-Language``)."""
    return serializers.CharField(source=f"get_{field_name}_display", read_only=True)
