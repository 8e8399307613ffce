"""Reads of agreements and of the people and organizations an agreement may name."""

from django.contrib.auth import get_user_model
from django.db.models import Case, Count, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone

from companies.models import Organization, Representative

from ..models import (
    Agreement,
    AgreementStatus,
    SessionKind,
)
from ..models.sessions import OPEN_AGREEMENT_STATUSES
from .committees import member_organizations


def agreements(*, committee=None, status="", overdue=False, query=""):
    """Return agreements for a follow-up list, with what the rows show: overdue first, then open, then closed.

    Within each group the soonest due comes first.
    """
    rows = Agreement.objects.select_related(
        "session", "committee__goal", "responsible_organization", "responsible_person"
    )
    if committee is not None:
        rows = rows.filter(committee=committee)
    if status == "open":
        rows = rows.filter(status__in=OPEN_AGREEMENT_STATUSES)
    elif status:
        rows = rows.filter(status=status)
    if overdue:
        rows = rows.overdue()
    if query:
        rows = rows.filter(description__icontains=query)
    today = timezone.localdate()
    urgency = Case(
        When(status__in=OPEN_AGREEMENT_STATUSES, due_on__lt=today, then=Value(0)),
        When(status__in=OPEN_AGREEMENT_STATUSES, then=Value(1)),
        default=Value(2),
    )
    return rows.alias(urgency=urgency).order_by("urgency", "due_on", "id")


def agreement_counts(*, committee=None):
    rows = Agreement.objects.all() if committee is None else Agreement.objects.filter(committee=committee)
    today = timezone.localdate()
    return rows.aggregate(
        open=Count("id", filter=Q(status__in=OPEN_AGREEMENT_STATUSES)),
        overdue=Count("id", filter=Q(status__in=OPEN_AGREEMENT_STATUSES, due_on__lt=today)),
        done=Count("id", filter=Q(status=AgreementStatus.DONE)),
    )


def agreement_organizations(session):
    """Return the organizations that may answer for an agreement of the session (the service's rule)."""
    if session.kind == SessionKind.COMMITTEE:
        return member_organizations(session.committee).filter(archived_at__isnull=True)
    return Organization.objects.not_archived().order_by("legal_name")


def agreement_people(session, organization=None):
    """Return the people who may answer for an agreement: current representatives of such an organization.

    Given ``organization``, only its own current representatives. Each person carries
    ``represents``, the name of the organization they speak for now.
    """
    organizations = agreement_organizations(session)
    if organization is not None:
        organizations = organizations.filter(pk=organization.pk)
    links = Representative.objects.current().filter(organization__in=organizations)
    return with_organization_name(get_user_model().objects.filter(is_active=True, pk__in=links.values("user")))


def with_organization_name(people):
    """Annotate each person with ``represents``, the name of the organization they speak for now."""
    speaks_for = (
        Representative.objects.current()
        .filter(user=OuterRef("pk"))
        .annotate(name=Coalesce(NullIf("organization__short_name", Value("")), "organization__legal_name"))
        .order_by("-started_at")
    )
    return people.annotate(represents=Subquery(speaks_for.values("name")[:1])).order_by("full_name")


def agreement_choices(session, *, keeping=None):
    """Return the organizations and people an agreement of this session may name as responsible.

    ``keeping``, an agreement being followed up, keeps its responsible organization and person
    choosable even if they have left since.
    """
    organizations, people = agreement_organizations(session), agreement_people(session)
    if keeping is not None:
        organizations = Organization.objects.filter(
            Q(pk__in=organizations.values("pk")) | Q(pk=keeping.responsible_organization_id)
        )
        people = with_organization_name(
            get_user_model().objects.filter(Q(pk__in=people.values("pk")) | Q(pk=keeping.responsible_person_id))
        )
    return organizations.order_by("legal_name"), people.order_by("full_name")
