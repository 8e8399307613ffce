"""The background export of a selection of proposals (CSV or Excel) as a document job.

The job's ZIP holds a one-page PDF that says what was exported, when and by whom, beside the CSV or
Excel file; the documents app renders it in its worker and shows its progress. Reads proposals only.
"""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from axs_platform.exports import safe_cell, xlsx_bytes_to
from axs_platform.permissions import is_staff_member
from documents.registry import DocumentKind, Source

from .triage.facets import row_details

PROPOSAL_EXPORT = "projects.proposal_export"
CHUNK = 500


def _header():
    return [
        _("Id"),
        _("Title"),
        _("Status"),
        _("Call"),
        _("Committee"),
        _("Lead organization"),
        _("Submitted"),
        _("Last changed"),
        _("Evaluations assigned"),
        _("Evaluations submitted"),
        _("Mean score"),
    ]


def _rows(ids):
    from .models import Proposal

    rows = Proposal.objects.filter(pk__in=ids).select_related("call", "committee", "lead_organization")
    ordered = sorted(ids)
    for start in range(0, len(ordered), CHUNK):
        chunk = row_details(list(rows.filter(pk__in=ordered[start : start + CHUNK]).order_by("title", "id")))
        for p in chunk:
            yield [
                p.pk,
                p.title,
                p.get_status_display(),
                p.call.title,
                p.committee.display_name,
                str(p.lead_organization),
                timezone.localtime(p.submitted_at).replace(tzinfo=None) if p.submitted_at else None,
                timezone.localtime(p.updated_at).replace(tzinfo=None),
                p.evaluations_assigned,
                p.evaluations_submitted,
                round(p.mean_score, 2) if p.mean_score is not None else None,
            ]


def export_bytes(ids, export_format):
    """Return the file's name and bytes: a UTF-8 CSV with its byte-order mark, or an Excel workbook."""
    if export_format == "xlsx":
        buffer = io.BytesIO()
        xlsx_bytes_to(buffer, _("Proposals"), _header(), _rows(ids))
        return "propuestas.xlsx", buffer.getvalue()
    text = io.StringIO()
    text.write("\ufeff")
    writer = csv.writer(text)
    writer.writerow([safe_cell(c) for c in _header()])
    for row in _rows(ids):
        writer.writerow([safe_cell(c) for c in row])
    return "propuestas.csv", text.getvalue().encode("utf-8")


def _build(document):
    ids = [int(pk) for pk in document.params.get("ids", [])]
    name, content = export_bytes(ids, document.params.get("format", "csv"))
    html = (
        "<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        "<h1>{title}</h1><p>{count}</p><p>{when}</p></body></html>"
    ).format(
        title=_("Export of proposals"),
        count=ngettext(
            "%(count)d proposal, in the file %(name)s.", "%(count)d proposals, in the file %(name)s.", len(ids)
        )
        % {"count": len(ids), "name": name},
        when=timezone.localtime().strftime("%Y-%m-%d %H:%M"),
    )
    return Source(
        html=html,
        filename="exportacion.pdf",
        title=str(_describe(None, document.params)),
        attachments=((name, content),),
        bundle_name=f"propuestas-{timezone.localdate().isoformat()}.zip",
    )


def _describe(target, params):
    count = len(params.get("ids", []))
    text = ngettext("Export of %(count)d proposal (%(format)s)", "Export of %(count)d proposals (%(format)s)", count)
    return text % {"count": count, "format": "Excel" if params.get("format") == "xlsx" else "CSV"}


def can_request_export(user, target=None, params=None):
    return is_staff_member(user)


def _can_view(user, document):
    return document.requested_by_id == user.pk and is_staff_member(user)


proposal_export = DocumentKind(
    code=PROPOSAL_EXPORT,
    label=gettext_lazy("Export of proposals"),
    build=_build,
    describe=_describe,
    can_request=can_request_export,
    can_view=_can_view,
)
