"""The one writer of CSV and Excel exports: streamed rows, a byte-order mark, and no formula injection.

Every export (directory, survey responses, ballot results) hands it a header and rows of cells.
Text that a spreadsheet program would run as a formula (starting with = + - @, a tab or a carriage
return) gets a leading apostrophe, in CSV and in Excel alike; ``unsafe_cell`` takes it off again when
an import reads such a file back.
"""

import csv
import datetime
import tempfile
from decimal import Decimal

from django.http import FileResponse, StreamingHttpResponse
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value):
    """Return a cell as written: None as empty, lazy text as text, formula-like text neutralized, and control
    characters Excel cannot hold (openpyxl's ILLEGAL_CHARACTERS_RE, such as \\x0b) removed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal | datetime.date):
        return value
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def unsafe_cell(text):
    """Return text read back from a file this module wrote, without the one apostrophe ``safe_cell`` added.

    Only an apostrophe followed by a start ``safe_cell`` defuses is removed ("'+52 33" is "+52 33"); any other
    apostrophe ("'citado'") was typed and stays. Imports read their cells through it, so a round trip through
    an export gives back what was typed.
    """
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


class _Echo:
    def write(self, value):
        return value


CSV_LINES_PER_CHUNK = 500  # lines sent together: one write per row made a CSV slower to send than its JSON


def csv_response(filename, header, rows):
    """Stream a UTF-8 CSV (with the byte-order mark Excel needs for accents) as a download."""
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff" + writer.writerow([safe_cell(cell) for cell in header])
        chunk = []
        for row in rows:
            chunk.append(writer.writerow([safe_cell(cell) for cell in row]))
            if len(chunk) == CSV_LINES_PER_CHUNK:
                yield "".join(chunk)
                chunk = []
        if chunk:
            yield "".join(chunk)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_bytes_to(spool, sheet_title, header, rows):
    """Write an Excel workbook in write-only mode (rows go to the file as they come)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(sheet_title)[:31])
    sheet.append([safe_cell(cell) for cell in header])
    for row in rows:
        sheet.append([safe_cell(cell) for cell in row])
    workbook.save(spool)


def xlsx_response(filename, sheet_title, header, rows):
    """Return an Excel workbook of the rows as a download."""
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it once sent.
    xlsx_bytes_to(spool, sheet_title, header, rows)
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=filename, content_type=XLSX_TYPE)
