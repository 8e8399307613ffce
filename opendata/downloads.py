"""Downloads of a dataset as CSV, JSON or Excel, streamed row by row so memory stays flat.

CSV and Excel go through the project's one export writer (``axs_platform.exports``: UTF-8 with BOM,
formula-like text neutralized; Excel in openpyxl's write-only mode to a temporary file). JSON is
written here as one object whose ``rows`` array is streamed in batches.
"""

import datetime
import hashlib
import json
from decimal import Decimal

from django.http import FileResponse, StreamingHttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag

from axs_platform.exports import XLSX_TYPE, csv_response, xlsx_bytes_to, xlsx_response
from axs_platform.middleware import same_for_everyone

from .registry import LICENCE

FORMATS = ("csv", "json", "xlsx")
JSON_BATCH = 500  # rows joined into one chunk of the response: fewer, larger writes
# How long anyone (a harvester, a shared cache) may keep a built file without asking again: a few minutes, as
# a change to the data makes it stale at once.
CACHE_SECONDS = 300


def _text_cell(value):
    """A cell for CSV and Excel: times in ISO 8601 (UTC), yes/no as true/false; dates and numbers as they are."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return value


def _json_value(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"Cannot write {type(value).__name__} as JSON")


def _plain_rows(rows):
    for row in rows:
        yield [_text_cell(cell) for cell in row]


class _Counted:
    """Rows passed through, counted: how many a built file holds."""

    def __init__(self, rows):
        self.rows, self.count = rows, 0

    def __iter__(self):
        for row in self.rows:
            self.count += 1
            yield row


def _json_chunks(dataset, rows):
    encode = json.JSONEncoder(ensure_ascii=False, default=_json_value).encode
    head = {
        "dataset": dataset.slug,
        "title": {"es": dataset.title_es, "en": dataset.title_en},
        "licence": LICENCE,
        "fields": dataset.header,
        "dictionary": dataset.dictionary(),
        "last_updated": dataset.updated(),
    }
    yield encode(head)[:-1] + ', "rows": ['
    names = dataset.header
    batch, first = [], True
    for row in rows:
        batch.append(encode(dict(zip(names, row, strict=True))))
        if len(batch) == JSON_BATCH:
            yield ("" if first else ",") + ",".join(batch)
            batch, first = [], False
    if batch:
        yield ("" if first else ",") + ",".join(batch)
    yield "]}\n"


CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "xlsx": XLSX_TYPE,
}


def download(dataset, file_format, rows=None):
    """Return the response that sends the whole dataset (or these rows) in ``file_format`` (one of ``FORMATS``)."""
    filename = f"{dataset.slug}.{file_format}"
    rows = dataset.rows() if rows is None else rows
    if file_format == "csv":
        return csv_response(filename, dataset.header, _plain_rows(rows))
    if file_format == "xlsx":
        return xlsx_response(filename, dataset.slug, dataset.header, _plain_rows(rows))
    if file_format == "json":
        response = StreamingHttpResponse(_json_chunks(dataset, rows), content_type=CONTENT_TYPES["json"])
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    raise ValueError(f"Unknown format {file_format!r}")


def write(dataset, file_format, out):
    """Write the whole dataset to the binary file ``out`` with the download's own writer; return the rows written."""
    rows = _Counted(dataset.rows())
    if file_format == "xlsx":
        xlsx_bytes_to(out, dataset.slug, dataset.header, _plain_rows(rows))
    else:
        # The response is only read, never closed: closing it sends request_finished, which closes the
        # job's database connection (on PostgreSQL, in the middle of the build's transaction in tests).
        for chunk in download(dataset, file_format, rows).streaming_content:
            out.write(chunk)
    return rows.count


def prebuilt_response(request, dataset, built, opened):
    """Send a file built ahead of time (``opened``), as the streamed download would name it, with its validators.

    The file is the same for every visitor and language, and is replaced only by a rebuild: its ``ETag`` names
    the build (data version, format, time built) and ``Last-Modified`` is when it was built, so a harvester asking
    again with them gets 304 while it is unchanged; it varies on neither the visitor's language nor their cookie
    (``same_for_everyone``), so a shared cache keeps one copy. A stale file is streamed instead, without validators.
    """
    build = f"{built.source_version}|{built.file_format}|{built.built_at.isoformat()}"
    etag = quote_etag(hashlib.sha256(build.encode()).hexdigest()[:32])
    last_modified = int(built.built_at.timestamp())
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        response = FileResponse(
            opened,
            as_attachment=True,
            filename=f"{dataset.slug}.{built.file_format}",
            content_type=CONTENT_TYPES[built.file_format],
        )
    else:
        opened.close()
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return same_for_everyone(response)
