"""The one writer of CSV and Excel exports: no cell a user typed can run as a formula in a spreadsheet program."""

import csv
import tempfile

from django.http import FileResponse, HttpResponse, StreamingHttpResponse

# Spreadsheet programs read a cell starting with one of these as a formula (or strip it and then do).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
BOM = "\ufeff"  # Excel opens UTF-8 CSV with accents correctly only with a byte-order mark.


def safe_cell(value):
    """Return ``value`` for a spreadsheet: ``None`` as blank, text that could be a formula behind an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def read_cell(text):
    """Undo ``safe_cell`` on text read back from an export, so a re-imported file keeps what was typed."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def safe_row(row):
    return [safe_cell(value) for value in row]


class _Echo:
    """A file-like object whose ``write`` hands the line back, so ``csv.writer`` can feed a stream."""

    def write(self, value):
        return value


def csv_lines(rows):
    """Yield the byte-order mark, then each row of ``rows`` as one neutralized CSV line."""
    writer = csv.writer(_Echo())
    yield BOM
    for row in rows:
        yield writer.writerow(safe_row(row))


def csv_response(rows, filename, *, streaming=True):
    """A download of ``rows`` (header first) as CSV named ``filename``; streamed unless ``streaming`` is off."""
    lines = csv_lines(rows)
    if streaming:
        response = StreamingHttpResponse(lines, content_type=CSV_CONTENT_TYPE)
    else:
        response = HttpResponse("".join(lines), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def write_xlsx(rows, sheet_title, output):
    """Write ``rows`` to ``output`` as one Excel sheet; text cells are stored as text, never as formulas."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(sheet_title)[:31])
    for row in rows:
        cells = []
        for value in safe_row(row):
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
    workbook.save(output)


def xlsx_response(rows, filename, sheet_title):
    """A download of ``rows`` (header first) as an Excel workbook; rows go to a temporary file as they come."""
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it once sent.
    write_xlsx(rows, sheet_title, spool)
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE)
