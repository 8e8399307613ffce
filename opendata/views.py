"""The open-data pages: the list of datasets, a page per dataset with its dictionary, and the downloads.

Everything here is public; what a dataset holds is decided by its declaration (``opendata.datasets``).
An unknown dataset or format answers 404 with the list of what exists.
"""

from functools import wraps

from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation

from axs_platform import fragments
from axs_platform.language_addresses import ENGLISH_SUFFIX
from axs_platform.permissions import is_staff_member

from . import datasets, prebuilt
from .downloads import FORMATS, download, prebuilt_response
from .models import PrebuiltFile

# Excel is written whole before it is sent; above this many rows it would outlast gunicorn's 30-second
# timeout (deploy/systemd/axs-web.service), so unless a job has built it ahead it is refused with a page
# pointing to CSV (streamed).
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


def _route_suffix(request):
    """Return ``"-en"`` on the English alias (``/open-data/``), ``""`` on ``/datos-abiertos/``.

    The pages' links stay within the address family they are read under (``{% url 'opendata:…'|add:route_suffix %}``).
    """
    match = request.resolver_match
    return ENGLISH_SUFFIX if match and match.url_name.endswith(ENGLISH_SUFFIX) else ""


def _render(request, template_name, context, status=None):
    return render(request, template_name, {**context, "route_suffix": _route_suffix(request)}, status=status)


def _formats():
    return [(code, FORMAT_LABELS[code]) for code in FORMATS]


def _not_found(request, *, slug="", file_format=""):
    return _render(
        request,
        "opendata/not_found.html",
        {"datasets": datasets.all_datasets(), "formats": _formats(), "slug": slug, "file_format": file_format},
        status=404,
    )


def _cards(found, route_suffix):
    """Return the datasets' cards, rendered once per version of the data the datasets show.

    The versions are those a prebuilt file is checked against (``opendata.prebuilt``): the areas each
    dataset declares, which the services changing its rows bump, and its ``version_extra`` (the surveys
    closed by now, which closing by date makes without a service). Each card says when its rows last changed.
    The cards link within the address family they are shown under, so each family has its own copy.
    """
    areas = sorted({area for dataset in found for area in dataset.areas})
    extras = tuple(dataset.version_extra() for dataset in found if dataset.version_extra is not None)

    def render_cards():
        # The project datasets share one "last updated": each question is asked once.
        dates = {}
        rows = []
        for dataset in found:
            if dataset.last_updated not in dates:
                dates[dataset.last_updated] = dataset.updated()
            rows.append((dataset, dates[dataset.last_updated]))
        context = {"datasets": rows, "formats": _formats(), "route_suffix": route_suffix}
        return render_to_string("opendata/includes/cards.html", context), None

    return fragments.fragment(areas, f"opendata-cards{route_suffix}", extras, render_cards)


def index(request):
    cards = _cards(datasets.all_datasets(), _route_suffix(request))
    return _render(request, "opendata/index.html", {"cards": cards, "licence": datasets.LICENCE})


def dataset_detail(request, slug):
    try:
        dataset = datasets.get(slug)
    except datasets.UnknownDataset:
        return _not_found(request, slug=slug)
    fields = [(column, column.labelled_choices) for column in dataset.fields]
    return _render(
        request,
        "opendata/dataset.html",
        {
            "dataset": dataset,
            "fields": fields,
            "formats": _formats(),
            "licence": datasets.LICENCE,
            "related": [datasets.get(other) for other in dataset.related],
            "built": prebuilt.built_files(slug),
            "failures": _failures(request, slug),
        },
    )


def _failures(request, slug):
    """The files of this dataset whose last build failed, for staff to see."""
    if not is_staff_member(request.user):
        return []
    return list(PrebuiltFile.objects.filter(name=slug, failed_at__isnull=False))


def dataset_download(request, slug, file_format):
    try:
        dataset = datasets.get(slug)
    except datasets.UnknownDataset:
        return _not_found(request, slug=slug, file_format=file_format)
    if file_format not in FORMATS:
        return _not_found(request, slug=slug, file_format=file_format)
    found = prebuilt.open_fresh(slug, file_format)
    if found is not None:
        return prebuilt_response(request, dataset, *found)
    if prebuilt.source(slug) is not None:
        prebuilt.queue(slug, file_format)
    if file_format == "xlsx" and dataset.queryset().count() > XLSX_MAX_ROWS:
        context = {"dataset": dataset, "limit": XLSX_MAX_ROWS, "preparing": prebuilt.source(slug) is not None}
        return _render(request, "opendata/too_large.html", context, status=406)
    return download(dataset, file_format)
