"""The access and portability export of one person: a PDF summary plus JSON and CSV files, in one ZIP.

Built by the document jobs (``documents``) for a request of access or portability whose identity is
verified; staff ask for it, and the person who filed the request may download it too: on the platform when
signed in, else through a signed, expiring link e-mailed once it is ready (``privacy.export_links``).
"""

from django.apps import apps
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from documents.registry import DocumentKind, Source
from documents.services import DocumentError, documents_erase

from .export import as_csv, as_json, personal_data, recorded_by_person
from .models import RightsRequest
from .subjects import person_of

PERSONAL_DATA = "privacy.personal_data"
EXPORT_RIGHTS = (RightsRequest.Right.ACCESS, RightsRequest.Right.PORTABILITY)


def _describe(target, params):
    return _("Personal data of %(name)s (%(number)s)") % {"name": target.full_name, "number": target.number}


def exports_erase(documents):
    """Erase the files of these personal data exports; each keeps a title without the name, in its language."""

    def title(document):
        with translation.override(document.language):
            return gettext("Personal data export (erased)")

    return documents_erase(documents=documents, title=title)


def _counted_name(label, field):
    """Name a counted relation in words: the kind of record and the field ("Posts (appointed by)")."""
    meta = apps.get_model(label)._meta
    return f"{capfirst(meta.verbose_name_plural)} ({meta.get_field(field).verbose_name})"


def _build(document):
    # Runs in the document's language: refusals use gettext (not lazy) so the job keeps them in that language.
    rights_request = document.target
    if rights_request.right not in EXPORT_RIGHTS:
        raise DocumentError(gettext("Only a request of access or portability gets the export of personal data."))
    person = person_of(rights_request)
    if person is None:
        raise DocumentError(
            gettext(
                "No account holds this e-mail address, or the identity is not verified: "
                "the platform has no data to export."
            )
        )
    left_out = {}
    data = personal_data(person, left_out)
    tables = [
        {"label": label, "name": capfirst(apps.get_model(label)._meta.verbose_name_plural), "rows": rows}
        for label, rows in data.items()
    ]
    recorded = recorded_by_person(person)
    recorded_rows = [
        {"name": _counted_name(label, field), "count": count}
        for label, counts in recorded.items()
        for field, count in counts.items()
    ]
    in_part = [
        {"name": capfirst(apps.get_model(label)._meta.verbose_name_plural), **part}
        for label, parts in left_out.items()
        for part in parts
    ]
    attachments = [
        ("personal-data.json", as_json(data)),
        ("recorded-by-you.json", as_json(recorded)),
        ("left-out.json", as_json(left_out)),
    ]
    for label, rows in data.items():
        if rows:
            attachments += [(f"tables/{label}.json", as_json(rows)), (f"tables/{label}.csv", as_csv(rows))]
    html = render_to_string(
        "privacy/pdf/personal_data.html",
        {
            "request_obj": rights_request,
            "person": person,
            "tables": tables,
            "recorded": recorded_rows,
            "in_part": in_part,
            "generated_at": timezone.now(),
        },
    )
    stem = f"datos-personales-{rights_request.number}-{document.language}"
    return Source(
        html=html,
        filename=f"{stem}.pdf",
        title=str(_describe(rights_request, document.params)),
        attachments=tuple(attachments),
        bundle_name=f"{stem}.zip",
    )


def _ready(document):
    # Lazy: privacy.services imports this module (exports_erase).
    from .services.exports import export_link_send

    export_link_send(document=document)


def _nobody_but_staff(user, target, params):
    return False  # staff only (``documents.permissions`` lets staff in)


def _requester(user, document):
    target = document.target
    return target is not None and target.requester_id == user.pk


personal_data_kind = DocumentKind(
    code=PERSONAL_DATA,
    label=_("Personal data export"),
    build=_build,
    describe=_describe,
    can_request=_nobody_but_staff,
    can_view=_requester,
    model=RightsRequest,
    on_ready=_ready,
)
