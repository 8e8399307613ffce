"""Committees, sessions, approved minutes, agreements and session documents in the search.

Each kind is found as its page allows: committees by anyone; a session and its minutes in force by
whoever ``can_see_session`` (everyone when the session is published); agreements and documents by
whoever ``can_see_session_internals``. The entry's ``audience`` is the session's ``kind`` (or
``public``), read by ``_session_rule`` with the same helpers as those predicates. Registered from
``CommitteesConfig.ready()``; the services index what they write (``index_session`` for a session and
what hangs from it).
"""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

import search
from axs_platform.permissions import is_staff_member
from search.registry import NOTHING, Document, Kind, always, committee_facets, everyone, register, register_facet_labels

from .models import Agreement, Committee, Minutes, MinutesStatus, Session, SessionDocument, SessionKind
from .permissions import (
    can_see_session,
    can_see_session_internals,
    current_organization,
    holds_any_post,
    member_committee_ids,
    post_keys,
)


def _session_audience(session, *, published_counts):
    return "public" if published_counts and session.is_public else session.kind


def _session_rule(user, *, published_too):
    """The entries of sessions (or what hangs from them) that ``user`` may see: ``can_see_session[_internals]``."""
    if is_staff_member(user):
        return Q()
    rule = Q(audience="public") if published_too else NOTHING
    if not (user.is_authenticated and user.is_active):
        return rule
    committees = member_committee_ids(user) | {committee_id for committee_id, _kind in post_keys(user)}
    rule |= Q(audience=SessionKind.COMMITTEE, committee_id__in=committees)
    if holds_any_post(user):
        rule |= Q(audience=SessionKind.CHAIRS)
    if current_organization(user) is not None:
        rule |= Q(audience=SessionKind.PLENARY)
    return rule


def _committee_document(committee):
    return Document(
        title=committee.name,
        body=f"{committee.description}\n{committee.operating_rules}".strip(),
        also=committee.name_en,  # found in English too, never shown at the end of a Spanish snippet
        url=committee.get_absolute_url(),
        audience="public",
        **committee_facets(
            committee, year=committee.installed_on.year if committee.installed_on else committee.created_at.year
        ),
    )


def _session_document(session):
    agenda = "\n".join(f"{item.title} {item.notes}" for item in session.agenda.all())
    return Document(
        title=session.title,
        body=f"{session.place}\n{session.description}\n{agenda}".strip(),
        also=session.title_en,  # found in English too, never shown at the end of a Spanish snippet
        url=session.get_absolute_url(),
        audience=_session_audience(session, published_counts=True),
        **committee_facets(session.committee, session.starts_at),
    )


def _minutes_document(minutes):
    """The version in force of a session's minutes: approved, and no later version approved."""
    if minutes.status != MinutesStatus.APPROVED:
        return None
    later = Minutes.objects.filter(
        session=minutes.session_id, status=MinutesStatus.APPROVED, version__gt=minutes.version
    )
    if later.exists():
        return None
    session = minutes.session
    return Document(
        title=session.title,
        body=minutes.body,
        url=f"{session.get_absolute_url()}#minutes",
        audience=_session_audience(session, published_counts=True),
        **committee_facets(session.committee, minutes.approved_at or session.starts_at),
    )


def _agreement_document(agreement):
    session = agreement.session
    description = " ".join(agreement.description.split())
    return Document(
        title=description if len(description) <= 140 else f"{description[:139]}…",
        body=f"{agreement.description}\n{agreement.follow_up}\n{session.title}",
        url=f"{session.get_absolute_url()}#agreements-title",
        audience=_session_audience(session, published_counts=False),
        **committee_facets(agreement.committee, agreement.created_at),
    )


def _session_file_document(document):
    session = document.session
    return Document(
        title=document.title,
        body=f"{document.original_name}\n{session.title}",
        url=reverse("committees:document-download", args=[document.pk]),
        audience=_session_audience(session, published_counts=True),
        **committee_facets(session.committee, document.uploaded_at),
    )


def committee_labels(values):
    committees = Committee.objects.filter(pk__in=[v for v in values if v])
    return {committee.pk: committee.display_name for committee in committees}


def index_session(session):
    """Index a session and everything found through it (its visibility and title are theirs too)."""
    search.index(session)
    for minutes in Minutes.objects.filter(session=session).select_related("session__committee__goal"):
        search.index(minutes)
    for agreement in Agreement.objects.filter(session=session).select_related("session", "committee__goal"):
        search.index(agreement)
    for document in SessionDocument.objects.filter(session=session).select_related("session__committee__goal"):
        search.index(document)


def register_kinds():
    register(
        Kind(
            name="committee",
            label=_("Committee"),
            label_plural=_("Committees"),
            model=Committee,
            queryset=lambda: Committee.objects.select_related("goal"),
            document=_committee_document,
            visible=everyone,
            can_view=always,
            display_title=lambda committee: committee.display_name,
            title_language=lambda committee: committee.name_language,
            order=30,
        )
    )
    register(
        Kind(
            name="session",
            label=_("Session"),
            label_plural=_("Sessions"),
            model=Session,
            queryset=lambda: Session.objects.select_related("committee__goal").prefetch_related("agenda"),
            document=_session_document,
            visible=lambda user: _session_rule(user, published_too=True),
            can_view=can_see_session,
            display_title=lambda session: session.display_title,
            title_language=lambda session: session.title_language,
            order=40,
        )
    )
    register(
        Kind(
            name="minutes",
            label=_("Minutes"),
            label_plural=_("Approved minutes"),
            model=Minutes,
            queryset=lambda: Minutes.objects.select_related("session__committee__goal"),
            document=_minutes_document,
            visible=lambda user: _session_rule(user, published_too=True),
            can_view=lambda user, minutes: can_see_session(user, minutes.session),
            display_title=lambda minutes: minutes.session.display_title,
            title_language=lambda minutes: minutes.session.title_language,
            order=45,
        )
    )
    register(
        Kind(
            name="agreement",
            label=_("Agreement"),
            label_plural=_("Agreements"),
            model=Agreement,
            queryset=lambda: Agreement.objects.select_related("session", "committee__goal"),
            document=_agreement_document,
            visible=lambda user: _session_rule(user, published_too=False),
            can_view=lambda user, agreement: can_see_session_internals(user, agreement.session),
            order=50,
        )
    )
    register(
        Kind(
            name="session_document",
            label=_("Session document"),
            label_plural=_("Session documents"),
            model=SessionDocument,
            queryset=lambda: SessionDocument.objects.select_related("session__committee__goal"),
            document=_session_file_document,
            visible=lambda user: _session_rule(user, published_too=True),
            # As the download view: anyone for a published session, else who sees its internals.
            can_view=lambda user, document: can_see_session(user, document.session),
            order=55,
        )
    )
    register_facet_labels("committee", committee_labels)
