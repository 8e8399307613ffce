"""Files built ahead of time: the same bytes as the streamed download, served while the data is unchanged."""

import importlib

import pytest
from django.apps import apps
from django.http import FileResponse
from django.urls import reverse
from django.utils import translation

from axs_platform import fragments
from opendata import datasets, prebuilt
from opendata.downloads import download
from opendata.models import PrebuiltFile
from opendata.tasks import build_task
from tests.factories import make_staff

from .helpers import read_xlsx

PREBUILT = [found.name for found in prebuilt.sources() if found.name in {d.slug for d in datasets.all_datasets()}]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _url(slug, file_format):
    return reverse("opendata:download", kwargs={"slug": slug, "file_format": file_format})


def _streamed(slug, file_format):
    response = download(datasets.get(slug), file_format)
    return b"".join(response.streaming_content if response.streaming else [response.content])


def test_every_dataset_is_built_ahead():
    assert set(PREBUILT) == {dataset.slug for dataset in datasets.all_datasets()}
    assert prebuilt.source("no-such-dataset") is None


@pytest.mark.parametrize("slug", PREBUILT)
def test_a_built_file_is_byte_for_byte_the_streamed_download(slug, demo, client, django_assert_max_num_queries):
    for file_format in ("csv", "json", "xlsx"):
        built = prebuilt.build(name=slug, file_format=file_format)
        assert built.row_count == sum(1 for _ in datasets.get(slug).rows()) and built.row_count > 0
        with django_assert_max_num_queries(2):
            response = client.get(_url(slug, file_format))
        assert response.status_code == 200 and isinstance(response, FileResponse)
        assert response["Content-Disposition"] == f'attachment; filename="{slug}.{file_format}"'
        served = b"".join(response.streaming_content)
        assert built.file_size == len(served)
        if file_format == "xlsx":  # openpyxl stamps the workbook with the time it was written: compare the cells
            assert read_xlsx(served) == read_xlsx(_streamed(slug, file_format))
        else:
            assert served == _streamed(slug, file_format)


@pytest.mark.parametrize("built_in", ["es-mx", "en"])
@pytest.mark.parametrize("slug", PREBUILT)
def test_one_built_file_gives_each_address_what_its_language_streams(slug, built_in, demo, client):
    with translation.override(built_in):  # the worker's language, whichever it is
        for file_format in ("csv", "json"):
            prebuilt.build(name=slug, file_format=file_format)
    for prefix, language in (("/datos-abiertos/", "es-mx"), ("/open-data/", "en")):
        for file_format in ("csv", "json"):
            response = client.get(f"{prefix}{slug}.{file_format}")
            assert isinstance(response, FileResponse), (prefix, file_format)
            with translation.override(language):
                streamed = _streamed(slug, file_format)
            assert b"".join(response.streaming_content) == streamed, (prefix, file_format)


def test_the_migration_makes_the_ballots_files_built_in_one_language_stale(demo):
    migration = importlib.import_module("opendata.migrations.0002_votaciones_files_without_language")
    prebuilt.build(name="votaciones", file_format="csv")
    prebuilt.build(name="votos-nominales", file_format="csv")
    migration.mark_stale(apps, None)
    assert prebuilt.fresh("votaciones", "csv") is None
    assert prebuilt.fresh("votos-nominales", "csv") is not None


def test_a_change_makes_the_file_stale_the_download_streams_and_a_rebuild_is_queued(
    demo, client, django_capture_on_commit_callbacks, monkeypatch
):
    first = prebuilt.build(name="organizaciones", file_format="csv")
    old_name = first.file.name
    fragments.changed(fragments.DIRECTORY)  # what the directory's services do when they change an organization
    assert prebuilt.fresh("organizaciones", "csv") is None
    sent = []
    monkeypatch.setattr(build_task, "apply_async", lambda args, **options: sent.append(args))
    build_task.app.conf.task_always_eager = False  # a worker takes the job (the conftest fixture restores it)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(_url("organizaciones", "csv"))
    assert response.streaming and not isinstance(response, FileResponse)
    assert sent == [("organizaciones", "csv")]
    assert PrebuiltFile.objects.get(name="organizaciones", file_format="csv").queued_at is not None
    with django_capture_on_commit_callbacks(execute=True):
        build_task.apply(sent[0])
    rebuilt = prebuilt.fresh("organizaciones", "csv")
    assert rebuilt is not None and rebuilt.file.name != old_name and rebuilt.queued_at is None
    assert not first.file.storage.exists(old_name)
    assert b"".join(client.get(_url("organizaciones", "csv")).streaming_content) == _streamed("organizaciones", "csv")


def test_without_a_worker_a_download_never_builds_inline(demo, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(_url("avances", "csv")).streaming
    assert not PrebuiltFile.objects.filter(built_at__isnull=False).exists()


def test_a_rebuild_is_asked_once_while_one_is_pending(demo):
    assert prebuilt.queue("avances", "csv") is True
    assert prebuilt.queue("avances", "csv") is False
    expected = sum(len(found.formats) for found in prebuilt.sources()) - 1
    assert prebuilt.queue_due() == expected
    assert prebuilt.queue_due() == 0


def test_a_file_older_than_the_maximum_age_is_not_served(demo, client, settings):
    prebuilt.build(name="proyectos", file_format="json")
    settings.AXS_OPENDATA_MAX_AGE_SECONDS = 0
    assert prebuilt.fresh("proyectos", "json") is None
    assert client.get(_url("proyectos", "json")).streaming


def test_a_failed_build_is_recorded_and_shown_to_staff_only(demo, client, monkeypatch):
    def broken(*args):
        raise ValueError("disk says no")

    monkeypatch.setattr(prebuilt, "source", lambda name: prebuilt.Source(name, ("csv",), lambda: "v", broken))
    with pytest.raises(ValueError):
        build_task.apply(("convocatorias", "csv"), throw=True)
    failed = PrebuiltFile.objects.get(name="convocatorias", file_format="csv")
    assert failed.attempts == 1 and failed.error == "ValueError: disk says no" and not failed.file
    monkeypatch.undo()
    page = reverse("opendata:dataset", kwargs={"slug": "convocatorias"})
    assert "disk says no" not in client.get(page).content.decode()
    client.force_login(make_staff())
    assert "La última generación del archivo CSV falló" in client.get(page).content.decode()


def test_a_transient_failure_is_retried(demo, monkeypatch):
    calls = []
    real = prebuilt.source

    def flaky(name):
        found = real(name)

        def write(file_format, out):
            calls.append(file_format)
            if len(calls) == 1:
                raise OSError("storage not mounted yet")
            return found.write(file_format, out)

        return prebuilt.Source(name, found.formats, found.version, write)

    monkeypatch.setattr(prebuilt, "source", flaky)
    build_task.apply(("consorcios", "json"), throw=False)
    assert calls == ["json", "json"]
    built = PrebuiltFile.objects.get(name="consorcios", file_format="json")
    assert built.built_at and built.attempts == 0 and built.error == ""


def test_excel_above_the_limit_is_served_once_built_ahead(demo, client, monkeypatch):
    monkeypatch.setattr("opendata.views.XLSX_MAX_ROWS", 1)
    refused = client.get(_url("matriz-resultados", "xlsx"))
    assert refused.status_code == 406
    assert "Se está preparando un archivo de Excel" in refused.content.decode()
    prebuilt.build(name="matriz-resultados", file_format="xlsx")
    assert client.get(_url("matriz-resultados", "xlsx")).status_code == 200


def test_the_dataset_page_says_when_its_files_were_updated(demo, client, django_assert_max_num_queries):
    built = prebuilt.build(name="avances", file_format="csv")
    with django_assert_max_num_queries(8):
        page = client.get(reverse("opendata:dataset", kwargs={"slug": "avances"})).content.decode()
    assert "Archivo CSV actualizado el" in page and f"({built.row_count} filas)" in page


def test_a_file_removed_by_a_rebuild_while_found_current_streams_instead_of_failing(demo, client):
    built = prebuilt.build(name="organizaciones", file_format="csv")
    built.file.storage.delete(built.file.name)  # a newer build removed it between the lookup and the open
    assert prebuilt.fresh("organizaciones", "csv") is not None
    response = client.get(_url("organizaciones", "csv"))
    assert response.status_code == 200 and not isinstance(response, FileResponse)
    assert b"".join(response.streaming_content) == _streamed("organizaciones", "csv")
