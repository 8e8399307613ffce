"""Downloads of a dataset as CSV, JSON or Excel, streamed row by row so memory stays flat.

CSV and Excel go through the project's one export writer (``axs_platform.exports``: UTF-8 with BOM,
formula-like text neutralized; Excel in openpyxl's write-only mode to a temporary file). JSON is
written here as one object whose ``rows`` array is streamed in batches.
"""

import datetime
import json
from decimal import Decimal

from django.http import StreamingHttpResponse

from axs_platform.exports import csv_response, xlsx_response

from .registry import LICENCE

FORMATS = ("csv", "json", "xlsx")
JSON_BATCH = 500  # rows joined into one chunk of the response: fewer, larger writes


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


def _plain_rows(dataset):
    for row in dataset.rows():
        yield [_text_cell(cell) for cell in row]


def _json_chunks(dataset):
    encode = json.JSONEncoder(ensure_ascii=False, default=_json_value).encode
    head = {
        "dataset": dataset.slug,
        "title": {"es": dataset.title_es, "en": dataset.title_en},
        "licence": LICENCE,
        "fields": dataset.header,
    }
    yield encode(head)[:-1] + ', "rows": ['
    names = dataset.header
    batch, first = [], True
    for row in dataset.rows():
        batch.append(encode(dict(zip(names, row, strict=True))))
        if len(batch) == JSON_BATCH:
            yield ("" if first else ",") + ",".join(batch)
            batch, first = [], False
    if batch:
        yield ("" if first else ",") + ",".join(batch)
    yield "]}\n"


def download(dataset, file_format):
    """Return the response that sends the whole dataset in ``file_format`` (one of ``FORMATS``)."""
    filename = f"{dataset.slug}.{file_format}"
    if file_format == "csv":
        return csv_response(filename, dataset.header, _plain_rows(dataset))
    if file_format == "xlsx":
        return xlsx_response(filename, dataset.slug, dataset.header, _plain_rows(dataset))
    if file_format == "json":
        response = StreamingHttpResponse(_json_chunks(dataset), content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    raise ValueError(f"Unknown format {file_format!r}")
