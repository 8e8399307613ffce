"""Invitations and reminders: who is asked, and the notices (through each person's inbox, or e-mail to an address)."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.models import AuditEvent
from audit.services import audit_record
from axs_platform import fragments, purposes
from axs_platform.mail import send_email, site_url
from companies.models import Organization, Representative
from notifications import kinds
from notifications.services import notify_each

from .. import permissions, selectors
from ..models import Audience, ResponseUnit, Survey, SurveyInvitation, SurveyState
from .building import require


class SkipReason(models.TextChoices):
    ALREADY_INVITED = "already_invited", gettext_lazy("already invited")
    NOT_ACTIVE = "not_active", gettext_lazy("not an active member organization")
    NOT_IN_COMMITTEE = "not_in_committee", gettext_lazy("not a member of the survey's committee")
    NO_ADDRESS = "no_address", gettext_lazy("no representative and no contact e-mail")


# How long an invitation waits after its last e-mail before it can be reminded (a double click mails nobody twice).
REMINDER_INTERVAL = timedelta(hours=24)


@dataclass
class RemindersSent:
    """What ``reminders_send`` did: how many were reminded, and how many were mailed too recently to be."""

    sent: int = 0
    skipped: int = 0


@dataclass
class InvitationsSent:
    """What ``invitations_send`` did: how many invitations went out, which organizations it skipped and why."""

    sent: int = 0
    skipped: list = field(default_factory=list)  # (organization, SkipReason), in the audience's order


def _recipients(invitation):
    """Return the people an invitation's e-mail goes to: its person, or the organization's representatives."""
    if invitation.person_id:
        return [invitation.person]
    return [
        representative.user
        for representative in Representative.objects.current()
        .filter(organization_id=invitation.organization_id, user__is_active=True)
        .select_related("user")
    ]


def _mail(invitation, *, reminder, people=None, opposing=frozenset()):
    """Mail an invitation to its people, or to the organization's contact address; return how many were sent.

    ``opposing`` holds the ids of the people who oppose reminders (their privacy choices), read once
    for all of a survey's reminders by ``reminders_send``; a reminder skips them, the first invitation does not.
    """
    survey = invitation.survey
    url = f"{site_url()}{invitation.get_absolute_url()}"
    people = _recipients(invitation) if people is None else people
    opposing = opposing if reminder else frozenset()
    recipients = [person for person in people if person.pk not in opposing]

    def render(person):
        context = {"survey": survey, "invitation": invitation, "person": person, "url": url, "reminder": reminder}
        return {
            "title": render_to_string("surveys/email/invitation_subject.txt", context),
            "body": render_to_string("surveys/email/invitation_body.txt", context),
            # The inbox links to the person's surveys, not to the answering link itself (a token).
            "link": reverse("surveys:my-surveys"),
        }

    notify_each(recipients, kind=kinds.SURVEY, render=render)
    # An organization with nobody on the platform has no inbox: its contact address is e-mailed directly.
    if not people and invitation.organization.contact_email:
        with translation.override(settings.LANGUAGE_CODE):
            context = {"survey": survey, "invitation": invitation, "person": None, "url": url, "reminder": reminder}
            send_email(
                subject=render_to_string("surveys/email/invitation_subject.txt", context),
                body=render_to_string("surveys/email/invitation_body.txt", context),
                to=[invitation.organization.contact_email],
                kind="surveys.invitation",
            )
        return 1
    return len(recipients)


@transaction.atomic
def invitations_send(*, actor, survey, request=None):
    """Invite the survey's audience: create the invitations missing and mail those never sent.

    Safe to run twice: an invitation is created once and mailed once; later mails are reminders. An
    invitation nobody can receive (no representative, no contact e-mail) is kept unsent, to go out once
    the organization has an address. Returns ``InvitationsSent``, naming every organization skipped.
    """
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    require(permissions.can_manage_survey(actor, survey))
    if survey.state not in (SurveyState.SCHEDULED, SurveyState.OPEN):
        raise ValidationError(
            _("Invitations can be sent once the survey is published and until it closes."), code="not_sendable"
        )
    organizations = list(selectors.audience_organizations(survey))
    skipped = []
    if survey.audience == Audience.CHOSEN:
        left_out = survey.chosen_organizations.exclude(pk__in=[o.pk for o in organizations]).order_by("legal_name")
        active = set(Organization.objects.active_members().filter(pk__in=left_out).values_list("pk", flat=True))
        # An active organization left out of a chair's survey is outside its committee.
        skipped += [
            (organization, SkipReason.NOT_IN_COMMITTEE if organization.pk in active else SkipReason.NOT_ACTIVE)
            for organization in left_out
        ]
    previously_sent = set(survey.invitations.filter(send_count__gt=0).values_list("organization_id", flat=True))
    if survey.response_unit == ResponseUnit.PERSON:
        existing = set(survey.invitations.values_list("person_id", flat=True))
        # Retention detached the people of these organizations' invitations: they were invited, not again.
        erased = set(survey.invitations.exclude(contact_erased_at=None).values_list("organization_id", flat=True))
        SurveyInvitation.objects.bulk_create(
            SurveyInvitation(survey=survey, organization_id=r.organization_id, person_id=r.user_id)
            for r in Representative.objects.current().filter(organization__in=organizations, user__is_active=True)
            if r.user_id not in existing and r.organization_id not in erased
        )
    else:
        existing = set(survey.invitations.values_list("organization_id", flat=True))
        SurveyInvitation.objects.bulk_create(
            SurveyInvitation(survey=survey, organization=organization)
            for organization in organizations
            if organization.pk not in existing
        )
    now = timezone.now()
    unsent = list(
        survey.invitations.filter(send_count=0, contact_erased_at=None).select_related(
            "organization", "person", "survey"
        )
    )
    mailed = [invitation for invitation in unsent if _mail(invitation, reminder=False)]
    SurveyInvitation.objects.filter(pk__in=[i.pk for i in mailed]).update(sent_at=now, send_count=1)
    fragments.changed(fragments.SURVEY_RESULTS)  # the report counts the invited organizations
    mailed_organizations = {i.organization_id for i in mailed}
    waiting_organizations = {i.organization_id for i in unsent} - mailed_organizations
    for organization in organizations:
        if organization.pk in mailed_organizations:
            continue
        if organization.pk in previously_sent and organization.pk not in waiting_organizations:
            skipped.append((organization, SkipReason.ALREADY_INVITED))
        else:
            skipped.append((organization, SkipReason.NO_ADDRESS))
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATED,
        target=survey,
        request=request,
        message=f"invitations sent: {len(mailed)}",
    )
    return InvitationsSent(sent=len(mailed), skipped=skipped)


@transaction.atomic
def reminders_send(*, actor, survey, request=None):
    """Remind every invitation of an open survey that has not been answered, with the same link.

    An invitation mailed (invited or reminded) within ``REMINDER_INTERVAL`` is skipped and counted in ``skipped``.
    """
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if actor is not None:
        require(permissions.can_manage_survey(actor, survey))
    if not survey.is_open:
        raise ValidationError(_("Reminders can be sent only while the survey is open."), code="not_open")
    pending = list(
        # An invitation whose person retention detached has nobody to remind (never the whole organization).
        survey.invitations.filter(responded_at__isnull=True, send_count__gt=0, contact_erased_at=None).select_related(
            "organization", "person", "survey"
        )
    )
    recent = timezone.now() - REMINDER_INTERVAL
    skipped = sum(1 for invitation in pending if invitation.sent_at and invitation.sent_at > recent)
    pending = [invitation for invitation in pending if not (invitation.sent_at and invitation.sent_at > recent)]
    people = {invitation.pk: _recipients(invitation) for invitation in pending}
    # Who opposes reminders: one read for the whole survey, not one per invitation.
    opposing = purposes.opposing_among(purposes.REMINDERS, [p.pk for group in people.values() for p in group])
    for invitation in pending:
        _mail(invitation, reminder=True, people=people[invitation.pk], opposing=opposing)
        invitation.reminder_count += 1
        invitation.sent_at = timezone.now()
        invitation.send_count += 1
    SurveyInvitation.objects.bulk_update(pending, ["reminder_count", "sent_at", "send_count"])
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATED,
        target=survey,
        request=request,
        message=f"reminders sent: {len(pending)}, skipped as mailed within a day: {skipped}",
    )
    return RemindersSent(sent=len(pending), skipped=skipped)


@transaction.atomic
def invitation_contacts_erase(*, closed_before):
    """Detach the people from the per-person invitations of surveys closed before a moment; return how many.

    The retention of survey contacts (``privacy``) calls it. The invitation stays, with its organization,
    times and "answered" mark, so counts and response rates do not change; its link opens nothing more.
    Safe to run twice: detached invitations no longer have a person.
    """
    due = SurveyInvitation.objects.filter(person__isnull=False, survey__closes_at__lt=closed_before)
    return due.update(person=None, contact_erased_at=timezone.now())
