"""E-mails of a report's steps: submitted (to the approvers), approved and returned (to the reporters).

Each person is told in their own language through ``notifications.services.notify_each`` (their
inbox, and the e-mail as they prefer for a report's steps, kind ``report_step``, kept apart from
the reminders' ``report``; queued in the outbox: nothing is sent unless the step's transaction
commits); a decision also reaches the project's followers. Approvers are the committee's current
chair and secretary, without the person who submitted and anyone who reports for the project; when
the committee has none, staff.
"""

from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse

from axs_platform.mail import site_url
from committees.models import Post, PostKind
from notifications import kinds
from notifications.services import notify_each

from .. import permissions
from .common import reporters


def approvers(implementation, *, submitted_by):
    """Return the people to tell that a report waits for a decision (never the one who submitted it)."""
    holders = {
        post.holder
        for post in Post.objects.current()
        .filter(
            committee_id=implementation.proposal.committee_id,
            kind__in=(PostKind.CHAIR, PostKind.SECRETARY),
            holder__is_active=True,
        )
        .select_related("holder")
    }
    people = [
        p
        for p in holders
        if p.pk != submitted_by.pk
        and not permissions.speaks_for_the_reporter(p, implementation)
        and not permissions.speaks_for_a_partner(p, implementation)
    ]
    if not people:
        people = list(get_user_model().objects.filter(is_active=True, is_staff=True).exclude(pk=submitted_by.pk))
    return sorted(people, key=lambda p: p.pk)


def _write(people, report, template, about=(), note=""):
    implementation = report.period.implementation
    link = reverse("monitoring:report", args=[report.pk])

    def render(person):
        context = {
            "person": person,
            "report": report,
            "period": report.period,
            "implementation": implementation,
            "url": site_url() + link,
            "note": note,
        }
        return {
            "title": render_to_string(f"monitoring/email/{template}_subject.txt", context).strip(),
            "body": render_to_string(f"monitoring/email/{template}_body.txt", context),
            "link": link,
        }

    notify_each(people, kind=kinds.REPORT_STEP, render=render, about=about)


def report_submitted(report):
    _write(approvers(report.period.implementation, submitted_by=report.submitted_by), report, "submitted")


def report_decided(report, template, note=""):
    """Tell the reporters (and whoever submitted, if no longer among them) that the report was decided.

    ``note`` is the approver's comments on an approval (a return's are the report's ``comments``).
    """
    people = {p.pk: p for p in reporters(report.period.implementation)}
    if report.submitted_by is not None and report.submitted_by.is_active:
        people.setdefault(report.submitted_by.pk, report.submitted_by)
    _write(
        [people[pk] for pk in sorted(people)], report, template, about=report.period.implementation.proposal, note=note
    )
