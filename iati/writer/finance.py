"""Budgets and transactions of an activity, from the budget lines and the consortium's financial contributions.

- ``budget``: one per year of the budget lines (original, indicative), from 1 January to 31 December.
- ``transaction`` 11 (incoming commitment): each accepted member's pledged financial contribution,
  dated when the project was structured.
- ``transaction`` 1 (incoming funds): what a member delivered of a financial contribution in a period
  whose report is approved, dated the period's last day.
Contributions in kind, technical, technological or human carry no money: they are roles, not transactions.
"""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from projects.models import ContributionKind, ProposalStatus

from .common import amount, both_languages, full_date, iso_date, local_date, narratives, sub
from .organizations import organisation

ORIGINAL, INDICATIVE = "1", "1"
INCOMING_FUNDS, INCOMING_COMMITMENT = "1", "11"


def budgets(activity, project):
    by_year = defaultdict(Decimal)
    for line in project.budget.all():
        by_year[line.year] += line.amount_mxn
    for year, total in sorted(by_year.items()):
        start = datetime.date(year, 1, 1)
        budget = sub(activity, "budget", type=ORIGINAL, status=INDICATIVE)
        sub(budget, "period-start", iso_date=iso_date(start))
        sub(budget, "period-end", iso_date=iso_date(datetime.date(year, 12, 31)))
        sub(budget, "value", value_date=iso_date(start)).text = amount(total)


def _structured_on(project):
    for transition in project.transitions.all():
        if transition.to_status == ProposalStatus.STRUCTURED:
            return full_date(transition.created_at, transition.date_precision)
    return local_date(project.published_at)


def _transaction(activity, kind, day, value, member, description):
    element = sub(activity, "transaction")
    sub(element, "transaction-type", code=kind)
    sub(element, "transaction-date", iso_date=iso_date(day))
    sub(element, "value", value_date=iso_date(day)).text = amount(value)
    if description:
        narratives(sub(element, "description"), description)
    organisation(element, "provider-org", member.organization)


def transactions(activity, project):
    pledged_on = _structured_on(project)
    for member in project.consortium.all():
        for contribution in member.contribution_list:
            if contribution.kind == ContributionKind.FINANCIAL and contribution.amount_mxn:
                # The member's own wording is not public: a fixed text of the kind instead.
                description = both_languages(_("Financial contribution pledged by a consortium member"))
                _transaction(activity, INCOMING_COMMITMENT, pledged_on, contribution.amount_mxn, member, description)
    implementation = getattr(project, "implementation", None)
    if implementation is None:
        return
    for period in implementation.periods.all():
        for report in period.approved_reports:
            for delivery in report.delivery_list:
                if delivery.contribution.kind != ContributionKind.FINANCIAL:
                    continue
                description = both_languages(_("Delivered in reporting period %(number)s"), number=period.number)
                _transaction(
                    activity,
                    INCOMING_FUNDS,
                    period.ends_on,
                    delivery.amount_mxn,
                    delivery.contribution.member,
                    description,
                )
