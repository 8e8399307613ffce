"""The open-data datasets (``opendata.datasets``) through the API: each one's dictionary, and its public rows.

The rows are the registry's own (``dataset.queryset()`` and ``row``/``rows_of``), the same as the downloads
of ``/datos-abiertos/``, paged; decimals are written as text, as the downloads write them.
"""

import datetime
from decimal import Decimal

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from opendata import datasets as registry

from ..pagination import Pagination, page_parameters


class ChoiceSerializer(serializers.Serializer):
    code = serializers.CharField()
    es = serializers.CharField()
    en = serializers.CharField()


class FieldSerializer(serializers.Serializer):
    name = serializers.CharField()
    type = serializers.CharField()
    meaning = serializers.CharField()
    meaning_es = serializers.CharField()
    meaning_en = serializers.CharField()
    choices = ChoiceSerializer(many=True, source="labelled_choices")


class DatasetSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    description = serializers.CharField()
    frequency = serializers.CharField()
    licence = serializers.SerializerMethodField()
    last_updated = serializers.SerializerMethodField()
    fields = FieldSerializer(many=True)

    def get_licence(self, dataset) -> dict[str, str]:
        return registry.LICENCE

    def get_last_updated(self, dataset) -> datetime.datetime | None:
        return dataset.updated()


def _cell(value):
    return str(value) if isinstance(value, Decimal) else value


class DatasetViewSet(viewsets.ViewSet):
    """The alliance's open datasets (public rows only), with their data dictionary; ``rows`` pages through them."""

    lookup_field = "slug"
    lookup_value_regex = "[-a-z0-9_]+"
    serializer_class = DatasetSerializer

    def _dataset(self, slug):
        try:
            dataset = registry.get(slug)
        except registry.UnknownDataset:
            raise NotFound(
                _("There is no dataset “%(slug)s”; the datasets are: %(slugs)s.")
                % {"slug": slug, "slugs": ", ".join(dataset.slug for dataset in registry.all_datasets())}
            ) from None
        return dataset

    @extend_schema(responses=DatasetSerializer(many=True))
    def list(self, request):
        return Response(DatasetSerializer(registry.all_datasets(), many=True).data)

    @extend_schema(responses=DatasetSerializer)
    def retrieve(self, request, slug=None):
        return Response(DatasetSerializer(self._dataset(slug)).data)

    @extend_schema(
        parameters=page_parameters(),
        responses=OpenApiResponse(OpenApiTypes.OBJECT, description="A page of rows, as the downloads"),
    )
    @action(detail=True)
    def rows(self, request, slug=None):
        dataset = self._dataset(slug)
        paginator = Pagination()
        objects = paginator.paginate_queryset(dataset.queryset(), request, view=self)
        header = dataset.header
        rows = []
        for item in objects:
            produced = [dataset.row(item)] if dataset.row is not None else dataset.rows_of(item)
            rows.extend({name: _cell(value) for name, value in zip(header, row, strict=True)} for row in produced)
        return paginator.get_paginated_response(rows)
