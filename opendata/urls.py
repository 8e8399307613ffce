"""Open data: ``/datos-abiertos/`` and its English alias ``/open-data/`` (the same pages, in English).

A download's extension is any text (``x.tar.gz`` too), so that an unknown one gets the helpful 404.
"""

from django.urls import include, path

from axs_platform.language_addresses import ENGLISH_SUFFIX

from . import views

app_name = "opendata"


def _pages(suffix, wrap=lambda view: view):
    return [
        path("", wrap(views.index), name=f"index{suffix}"),
        path("<slug:slug>/", wrap(views.dataset_detail), name=f"dataset{suffix}"),
        path("<slug:slug>.<str:file_format>", wrap(views.dataset_download), name=f"download{suffix}"),
    ]


urlpatterns = [
    path("datos-abiertos/", include(_pages(""))),
    path("open-data/", include(_pages(ENGLISH_SUFFIX, views.in_english))),
]
