"""Shared by the open-data tests: download a dataset through its URL and read every format back as rows."""

import csv
import io
import json

from django.urls import reverse
from openpyxl import load_workbook


def fetch(client, slug, file_format):
    response = client.get(reverse("opendata:download", kwargs={"slug": slug, "file_format": file_format}))
    assert response.status_code == 200, (slug, file_format, response.status_code)
    return response, b"".join(response.streaming_content)


def read_csv(body):
    assert body.startswith("\ufeff".encode()), "CSV must start with the UTF-8 byte-order mark"
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def read_json(body):
    return json.loads(body.decode("utf-8"))


def read_xlsx(body):
    sheet = load_workbook(io.BytesIO(body), read_only=True).worksheets[0]
    return [["" if cell is None else str(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]


def all_formats(client, slug):
    """Return ``{format: (header, rows as text, raw text)}`` for CSV, JSON and Excel."""
    csv_rows = read_csv(fetch(client, slug, "csv")[1])
    json_body = fetch(client, slug, "json")[1]
    document = read_json(json_body)
    xlsx_rows = read_xlsx(fetch(client, slug, "xlsx")[1])
    json_rows = [[str(value) for value in row.values()] for row in document["rows"]]
    return {
        "csv": (csv_rows[0], csv_rows[1:], "\n".join(",".join(row) for row in csv_rows)),
        "json": (document["fields"], json_rows, json_body.decode("utf-8")),
        "xlsx": (xlsx_rows[0], xlsx_rows[1:], "\n".join(",".join(row) for row in xlsx_rows)),
    }
