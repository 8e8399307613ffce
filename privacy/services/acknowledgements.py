"""The one service that records which privacy notice a person was shown where they gave their data."""

from django.db import transaction
from django.db.models import F

from accounts.models import User
from companies.models import Invitation, Organization
from projects.models import ProposalVersion
from surveys.models import Response, Survey

from ..models import AnonymousNoticeCount, NoticeAcknowledgement, PrivacyNotice, RightsRequest
from ..selectors import current_notice

Point = NoticeAcknowledgement.Point
# What each point of collection links: the record the person gave there.
RECORDS = {
    Point.INVITATION: ("invitation", Invitation),
    Point.PROPOSAL: ("proposal_version", ProposalVersion),
    Point.SURVEY: ("response", Response),
    Point.REQUEST: ("rights_request", RightsRequest),
    Point.PROFILE: (None, User),  # the profile has no record of its own: the row links the person only
    Point.ORGANIZATION: ("organization", Organization),
    Point.INVITATION_SEND: ("invitation", Invitation),
}


def notice_shown(value):
    """Return the simplified notice a page posted as shown: "" the built-in text (None); anything else the current.

    The page posts the id of the version it showed, so a version published between showing and posting does not
    replace it. A page that posted none (or an id of no simplified notice) gets the version current now.
    """
    value = str(value)
    if value == "":
        return None
    if value.isdigit() and len(value) < 19:  # beyond a bigint the database would refuse the query, and the write
        notice = PrivacyNotice.objects.filter(pk=int(value), kind=PrivacyNotice.Kind.SIMPLIFIED).first()
        if notice is not None:
            return notice
    return current_notice(PrivacyNotice.Kind.SIMPLIFIED)


@transaction.atomic
def notice_acknowledge(*, point, shown, target, person=None):
    """Record that the person was shown the notice ``shown`` (a posted value, see ``notice_shown``) at ``point``.

    Called in the transaction of the write that collected the data, so both are kept or neither. An anonymous
    survey's answer (``target`` a survey, no person) only adds one to the count of its survey and version.
    ``shown`` None: no page showed a notice (a command, the shell): nothing is recorded.
    """
    if shown is None:
        return None
    notice = notice_shown(shown)
    if isinstance(target, Survey):
        if person is not None or not target.is_anonymous:
            raise ValueError("Only an anonymous survey's answer is counted without a person.")
        counted, _created = AnonymousNoticeCount.objects.get_or_create(survey=target, notice=notice)
        AnonymousNoticeCount.objects.filter(pk=counted.pk).update(count=F("count") + 1)
        return None
    field, model = RECORDS[point]
    if not isinstance(target, model):
        raise ValueError(f"{point} records a {model.__name__}, not {type(target).__name__}.")
    if field is None:
        if target != person:
            raise ValueError(f"{point} records the person's own account.")
        return NoticeAcknowledgement.objects.create(person=person, point=point, notice=notice)
    return NoticeAcknowledgement.objects.create(person=person, point=point, notice=notice, **{field: target})
