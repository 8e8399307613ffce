"""Large files built ahead of time by a job, served whole while the data they show has not changed.

A source (a dataset that declares ``areas``, or the IATI activity file, registered by ``iati``) names
its data's version: for a dataset, the versions of the fragment areas (``axs_platform.fragments``)
that the services changing its rows bump. A job writes the file with the same writer as the streamed
download, and records the version read before it started; a download serves it while the version is
unchanged and the file is younger than ``AXS_OPENDATA_MAX_AGE_SECONDS``, and otherwise streams as
before and asks for a rebuild. Celery beat asks for the rebuild of every stale file too.
"""

import hashlib
import json
import logging
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from axs_platform import fragments

from . import datasets
from .models import PrebuiltFile

logger = logging.getLogger(__name__)


class NothingToBuild(Exception):
    """The source has nothing to publish now (e.g. IATI not set up): no file, and no failure either."""


@dataclass(frozen=True)
class Source:
    """Something whose file is built ahead: its name, formats, data version and writer."""

    name: str
    formats: tuple
    version: Callable  # () -> str naming the data the file would show; moves when that data changes
    write: Callable  # (file_format, binary file) -> rows written


_EXTRA = {}


def register(source):
    """Add a source that is not a dataset (the IATI activity file)."""
    _EXTRA[source.name] = source
    return source


def _dataset_source(dataset):
    from .downloads import FORMATS, write

    # The dictionary too (the columns, their meanings and codes' labels, which the JSON's head carries): a file
    # built before a release that changed them is stale at once, not a day later.
    columns = hashlib.sha256(json.dumps(dataset.dictionary(), sort_keys=True).encode()).hexdigest()[:12]

    def version():
        parts = [str(number) for number in fragments.versions(*dataset.areas)]
        if dataset.version_extra is not None:
            parts.append(dataset.version_extra())
        return "|".join([*parts, columns])

    return Source(dataset.slug, FORMATS, version, lambda file_format, out: write(dataset, file_format, out))


def sources():
    """Every source built ahead: the datasets that declare their areas, then the registered ones."""
    found = [_dataset_source(dataset) for dataset in datasets.all_datasets() if dataset.areas]
    return found + list(_EXTRA.values())


def source(name):
    """Return the source of this name, or None when its file is never built ahead."""
    if name in _EXTRA:
        return _EXTRA[name]
    try:
        dataset = datasets.get(name)
    except datasets.UnknownDataset:
        return None
    return _dataset_source(dataset) if dataset.areas else None


def _oldest_fresh(now):
    return now - timedelta(seconds=settings.AXS_OPENDATA_MAX_AGE_SECONDS)


def fresh(name, file_format, *, now=None):
    """Return the built file if it shows the current data, else None."""
    built = PrebuiltFile.objects.filter(name=name, file_format=file_format).exclude(file="").first()
    return built if built is not None and is_current(built, now=now) else None


def is_current(built, *, now=None):
    """Whether this built file (a ``PrebuiltFile`` row) still shows the current data and is young enough."""
    found = source(built.name)
    return bool(
        found is not None
        and built.file
        and built.built_at is not None
        and built.built_at >= _oldest_fresh(now or timezone.now())
        and built.source_version == found.version()
    )


def open_fresh(name, file_format):
    """Return ``(built, opened file)`` when a current file can be read, else None.

    A rebuild removes the previous file once it commits, so a file found current a moment earlier
    may be gone when opened: the caller then streams instead of answering 500.
    """
    built = fresh(name, file_format)
    if built is None:
        return None
    try:
        return built, built.file.open("rb")
    except FileNotFoundError:
        return None


def built_files(name):
    """Return ``{format: PrebuiltFile}`` of the source's files that show the current data."""
    return {file_format: built for file_format in _formats_of(name) if (built := fresh(name, file_format))}


def _formats_of(name):
    found = source(name)
    return found.formats if found else ()


def build(*, name, file_format, now=None):
    """Write the file now unless the stored one is current; return its row, or None if nothing to build."""
    found = source(name)
    if found is None or file_format not in found.formats:
        raise ValueError(f"No prebuilt file {name}.{file_format}")
    version = found.version()  # read before the rows: a change while writing leaves the file stale
    current = fresh(name, file_format, now=now)
    if current is not None:
        return current
    with tempfile.TemporaryFile() as out:
        try:
            rows = found.write(file_format, out)
        except NothingToBuild:
            PrebuiltFile.objects.filter(name=name, file_format=file_format).update(queued_at=None)
            return None
        size = out.tell()
        out.seek(0)
        with transaction.atomic():
            built, _created = PrebuiltFile.objects.select_for_update().get_or_create(name=name, file_format=file_format)
            old = built.file.name
            built.file.save(f"{name}.{file_format}", File(out), save=False)
            built.built_at = now or timezone.now()
            built.row_count, built.file_size, built.source_version = rows, size, version
            built.queued_at, built.attempts, built.error, built.failed_at = None, 0, "", None
            built.save()
            if old:
                transaction.on_commit(lambda: built.file.storage.delete(old))
    return built


def build_failed(*, name, file_format, error, now=None):
    """Record a failed build where staff see it (the dataset page, the admin); the beat asks again later."""
    PrebuiltFile.objects.get_or_create(name=name, file_format=file_format)
    built = PrebuiltFile.objects.get(name=name, file_format=file_format)
    built.attempts += 1
    built.error = f"{type(error).__name__}: {error}"[:2000]
    built.failed_at = now or timezone.now()
    built.queued_at = None
    built.save(update_fields=["attempts", "error", "failed_at", "queued_at"])
    logger.error("Building the open-data file %s.%s failed: %r", name, file_format, error)


def queue(name, file_format, *, now=None):
    """Ask a job to rebuild the file, unless one was asked within ``AXS_OPENDATA_BUILD_SECONDS``."""
    now = now or timezone.now()
    PrebuiltFile.objects.get_or_create(name=name, file_format=file_format)
    waited = now - timedelta(seconds=settings.AXS_OPENDATA_BUILD_SECONDS)
    taken = (
        PrebuiltFile.objects.filter(name=name, file_format=file_format)
        .exclude(queued_at__gte=waited)
        .update(queued_at=now)
    )
    if taken:
        transaction.on_commit(lambda: _send(name, file_format))
    return bool(taken)


def rebuild(name, file_format, *, now=None):
    """Send the file to be rebuilt now, whatever the queue's window: staff asked, and wait for it without a worker."""
    PrebuiltFile.objects.get_or_create(name=name, file_format=file_format)
    PrebuiltFile.objects.filter(name=name, file_format=file_format).update(queued_at=now or timezone.now())
    transaction.on_commit(lambda: _send(name, file_format, inline=True))


def _send(name, file_format, *, inline=False):
    from .tasks import build_task

    if build_task.app.conf.task_always_eager:
        if inline:  # a failure is recorded by the task for the page to show, not raised into the request
            build_task.apply((name, file_format), throw=False)
        return  # no worker (embedded): building inline would hold the download for minutes; it streams instead
    try:
        build_task.apply_async((name, file_format), retry=False)
    except (BrokerError, OSError) as error:
        logger.error("The broker refused the open-data file %s.%s (%r); the beat asks again.", name, file_format, error)
        PrebuiltFile.objects.filter(name=name, file_format=file_format).update(queued_at=None)


def queue_due(*, now=None):
    """Ask for the rebuild of every file that is missing or stale; return how many were asked."""
    asked = 0
    for found in sources():
        for file_format in found.formats:
            if fresh(found.name, file_format, now=now) is None and queue(found.name, file_format, now=now):
                asked += 1
    return asked
