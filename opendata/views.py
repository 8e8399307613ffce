"""The open-data pages: the list of datasets, a page per dataset with its dictionary, and the downloads.

Everything here is public; what a dataset holds is decided by its declaration (``opendata.datasets``).
An unknown dataset or format answers 404 with the list of what exists.
"""

from functools import wraps

from django.shortcuts import render
from django.utils import translation

from . import datasets
from .downloads import FORMATS, download

# Excel is written whole before it is sent; above this many rows it would outlast gunicorn's 30-second
# timeout (deploy/systemd/axs-web.service), so Excel is refused with a page pointing to CSV (streamed).
# The check counts the dataset's objects, one query; a dataset of several rows per object may pass with more.
XLSX_MAX_ROWS = 100_000
FORMAT_LABELS = {"csv": "CSV (UTF-8)", "json": "JSON", "xlsx": "Excel (XLSX)"}


def in_english(view):
    """Answer the English alias (``/open-data/``) in English, whatever the visitor's language setting."""

    @wraps(view)
    def english_view(request, *args, **kwargs):
        with translation.override("en"):
            return view(request, *args, **kwargs)

    return english_view


def _formats():
    return [(code, FORMAT_LABELS[code]) for code in FORMATS]


def _not_found(request, *, slug="", file_format=""):
    return render(
        request,
        "opendata/not_found.html",
        {"datasets": datasets.all_datasets(), "formats": _formats(), "slug": slug, "file_format": file_format},
        status=404,
    )


def index(request):
    return render(
        request,
        "opendata/index.html",
        {"datasets": datasets.all_datasets(), "formats": _formats(), "licence": datasets.LICENCE},
    )


def dataset_detail(request, slug):
    try:
        dataset = datasets.get(slug)
    except datasets.UnknownDataset:
        return _not_found(request, slug=slug)
    fields = []
    for column in dataset.fields:
        codes = []
        for code, label in column.choices:
            with translation.override("es"):
                label_es = str(label)
            with translation.override("en"):
                label_en = str(label)
            codes.append((code, label_es, label_en))
        fields.append((column, codes))
    return render(
        request,
        "opendata/dataset.html",
        {
            "dataset": dataset,
            "fields": fields,
            "formats": _formats(),
            "licence": datasets.LICENCE,
            "related": [datasets.get(other) for other in dataset.related],
        },
    )


def dataset_download(request, slug, file_format):
    try:
        dataset = datasets.get(slug)
    except datasets.UnknownDataset:
        return _not_found(request, slug=slug, file_format=file_format)
    if file_format not in FORMATS:
        return _not_found(request, slug=slug, file_format=file_format)
    if file_format == "xlsx" and dataset.queryset().count() > XLSX_MAX_ROWS:
        return render(request, "opendata/too_large.html", {"dataset": dataset, "limit": XLSX_MAX_ROWS}, status=406)
    return download(dataset, file_format)
