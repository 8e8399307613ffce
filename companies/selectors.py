"""Reads of organizations that pages share, each with a query count that does not grow with rows."""

import datetime
from collections import Counter

from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q
from django.db.models.functions import Collate
from django.utils import timezone

from axs_platform.collation import BYTE_COLLATION

from .facets import facets as directory_facets
from .models import (
    SME_SIZES,
    DueDiligenceReview,
    DueDiligenceState,
    Invitation,
    Organization,
    OrganizationSize,
    OrganizationType,
    ParticipationStatus,
    Representative,
    SDGPriority,
)

EXPIRED = "expired"
PENDING = "pending"
EXPIRING = "expiring"
# A review that expires within this many days shows on the staff desk and under the "expiring" filter.
EXPIRY_WARNING_DAYS = 60
APPROVED_STATES = (DueDiligenceState.APPROVED, DueDiligenceState.APPROVED_WITH_CONDITIONS)


def _priorities_prefetch():
    return Prefetch("sdg_priorities", queryset=SDGPriority.objects.select_related("goal").order_by("rank"))


def due_diligence_filter(state, *, today=None):
    """Return the condition for a due-diligence filter value, including "expired", "expiring" and "pending"."""
    today = today or timezone.localdate()
    expired = Q(due_diligence_state__in=APPROVED_STATES, due_diligence_expires_on__lt=today)
    if state == EXPIRED:
        return expired
    if state == EXPIRING:
        horizon = today + datetime.timedelta(days=EXPIRY_WARNING_DAYS)
        return Q(due_diligence_state__in=APPROVED_STATES, due_diligence_expires_on__range=(today, horizon))
    if state == PENDING:
        return Q(due_diligence_state__in=[DueDiligenceState.NOT_STARTED, DueDiligenceState.IN_PROGRESS]) | expired
    if state in APPROVED_STATES:
        return Q(due_diligence_state=state) & ~expired
    if state == DueDiligenceState.IN_PROGRESS:  # a first review, or the renewal of a decision still shown
        open_review = DueDiligenceReview.objects.filter(organization=OuterRef("pk"), decision="")
        return Q(due_diligence_state=state) | Q(Exists(open_review))
    return Q(due_diligence_state=state)


def directory(
    *,
    private=False,
    q="",
    organization_type="",
    size="",
    sector="",
    state="",
    goal=None,
    participation_status="",
    due_diligence="",
    archived=False,
    **facet_values,
):
    """Return the directory's organizations, filtered, with their SDG priorities prefetched.

    The public directory lists the unarchived members active or with no data (``public()``); ``private``
    lists every one.
    """
    organizations = Organization.objects.all()
    if private:
        organizations = organizations.filter(archived_at__isnull=not archived)
        if participation_status:
            organizations = organizations.filter(participation_status=participation_status)
        if due_diligence:
            organizations = organizations.filter(due_diligence_filter(due_diligence))
    else:
        organizations = organizations.public()
    if q:
        organizations = organizations.filter(
            Q(legal_name__icontains=q) | Q(short_name__icontains=q) | (Q(rfc__iexact=q) if private else Q(pk=None))
        )
    if organization_type:
        organizations = organizations.filter(organization_type=organization_type)
    if size:
        organizations = organizations.filter(size=size)
    if sector:
        organizations = organizations.filter(sector=sector)
    if state:
        organizations = organizations.filter(state=state)
    if goal is not None:
        organizations = organizations.filter(Exists(SDGPriority.objects.filter(organization=OuterRef("pk"), goal=goal)))
    for facet in directory_facets():
        if facet_values.get(facet.name):
            organizations = facet.filter(organizations, facet_values[facet.name])
    return (
        organizations.annotate(directory_key=directory_key())
        .order_by("directory_key", "pk")
        .prefetch_related(_priorities_prefetch())
    )


def directory_key():
    """The directory's order: the shown name's Spanish sort key (``sort_name``), compared byte by byte.

    PostgreSQL compares it under the "C" collation, as SQLite does by default, so both give the same
    order; its indexes (``companies`` migration 0004) serve this ORDER BY with a LIMIT, and pages are
    read by this key and the id (``axs_platform.pagination.KeysetPage``).
    """
    if connection.vendor == "postgresql":
        return Collate("sort_name", BYTE_COLLATION)
    return F("sort_name")


def facet_labels(organizations):
    """Return, for a page of organizations, each registered facet's labels: ``{id: [(label, title)]}``."""
    ids = [organization.pk for organization in organizations]
    labels = {pk: [] for pk in ids}
    for facet in directory_facets():
        for pk, items in facet.labels(ids).items():
            labels[pk].extend(items)
    return labels


def organization_detail_queryset():
    """Return organizations with what their page shows."""
    return Organization.objects.prefetch_related(_priorities_prefetch())


def current_representatives(organization):
    return Representative.objects.current().filter(organization=organization).select_related("user")


def open_invitations(organization=None):
    """Return invitations nobody has accepted or revoked (expired ones included), newest first."""
    invitations = Invitation.objects.filter(accepted_at__isnull=True, revoked_at__isnull=True)
    if organization is not None:
        invitations = invitations.filter(organization=organization)
    return invitations.select_related("organization", "invited_by")


def participation_history(organization):
    return organization.participation_changes.select_related("changed_by")


def participation_unknown_since(organization):
    """Return the day from which the latest change says there is no data on the organization's participation."""
    changes = organization.participation_changes.filter(to_status=ParticipationStatus.UNKNOWN)
    return changes.order_by("-effective_on", "-created_at", "-id").values_list("effective_on", flat=True).first()


def due_diligence_reviews(organization):
    return (
        DueDiligenceReview.objects.filter(organization=organization)
        .select_related("reviewer", "started_by")
        .annotate(evidence_count=Count("evidence", distinct=True))
    )


def figures(*, today=None):
    """Return the alliance's membership figures for staff, counted by the database.

    One grouped count (type, size, participation, due diligence: at most a few hundred groups) read once,
    instead of a scan of every organization per figure; each figure adds up its groups.
    """
    groups = list(
        Organization.objects.not_archived()
        .values("organization_type", "size", "participation_status", "due_diligence_state")
        .annotate(total=Count("pk"), expired=Count("pk", filter=due_diligence_filter(EXPIRED, today=today)))
        .order_by()
    )

    def count(test=lambda group: True, column="total"):
        return sum(group[column] for group in groups if test(group))

    def counted_by(name):
        totals = Counter()
        for group in groups:
            totals[group[name]] += group["total"]
        return totals

    by_type, by_size, by_status = (
        counted_by("organization_type"),
        counted_by("size"),
        counted_by("participation_status"),
    )
    active = ParticipationStatus.ACTIVE
    totals = {
        "total": count(),
        "smes": count(lambda group: group["size"] in SME_SIZES),
        "active_total": by_status[active],
        "active_smes": count(lambda group: group["participation_status"] == active and group["size"] in SME_SIZES),
        "dd_not_started": count(lambda group: group["due_diligence_state"] == DueDiligenceState.NOT_STARTED),
        "dd_in_progress": count(lambda group: group["due_diligence_state"] == DueDiligenceState.IN_PROGRESS),
        "dd_expired": count(column="expired"),
        "dd_rejected": count(lambda group: group["due_diligence_state"] == DueDiligenceState.REJECTED),
    }

    def share(part, whole):
        return round(100 * part / whole, 1) if whole else 0

    return {
        "by_type": [(label, by_type.get(value, 0)) for value, label in OrganizationType.choices],
        "by_size": [(label, by_size.get(value, 0)) for value, label in OrganizationSize.choices],
        "by_status": [(value, label, by_status.get(value, 0)) for value, label in ParticipationStatus.choices],
        "sme_share": share(totals["smes"], totals["total"]),
        "active_sme_share": share(totals["active_smes"], totals["active_total"]),
        **totals,
    }
