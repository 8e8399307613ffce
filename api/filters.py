"""Filters of the lists, with the values the pages take; a value that is not one gives 400 with the reason.

Organizations are filtered by the directory's own form (``companies.forms.DirectoryFilterForm``), so the
API takes exactly what the directory page takes, the private filters only for those who see the private
directory.
"""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

from committees.desk import MINUTES_FILTERS
from committees.models import Committee, MembershipStatus, SessionKind
from companies.forms import DirectoryFilterForm
from companies.models import Organization
from monitoring import selectors as monitoring_selectors
from monitoring.models import ReportStatus
from projects.desk import EVALUATIONS_DUE
from projects.models import Call, CallStatus, EvaluationStatus, Proposal, ProposalStatus
from sdg.models import Goal, Target


def directory_filters(request, *, private):
    """Return the directory's cleaned filters from the query string, or raise a 400 with the form's errors."""
    form = DirectoryFilterForm(request.query_params, private=private)
    if not form.is_valid():
        raise ValidationError(form.errors)
    return {name: value for name, value in form.cleaned_data.items() if value not in ("", None, False)}


def directory_parameters():
    """The directory's filters as OpenAPI query parameters (the private ones say so)."""
    form = DirectoryFilterForm(private=True)
    parameters = []
    for name, field in form.fields.items():
        description = str(field.label)
        if name in DirectoryFilterForm.PRIVATE_FIELDS:
            description += " (staff and evaluators)"
        kind = bool if name == "archived" else int if name == "goal" else str
        choices = [value for value, _label in getattr(field, "choices", []) if value not in ("", None)]
        enum = choices if kind is str and choices and name != "q" else None
        parameters.append(OpenApiParameter(name, kind, description=description, enum=enum))
    return parameters


class MembershipFilter(django_filters.FilterSet):
    committee = django_filters.ModelChoiceFilter(queryset=Committee.objects.all())
    organization = django_filters.ModelChoiceFilter(queryset=Organization.objects.all())
    status = django_filters.ChoiceFilter(choices=MembershipStatus.choices)


class SessionFilter(django_filters.FilterSet):
    """As the session list: by kind (``tipo`` on the page), by minutes (``actas``, the same values) and committee."""

    kind = django_filters.ChoiceFilter(choices=SessionKind.choices, label=_("kind"))
    minutes = django_filters.ChoiceFilter(
        choices=[(value, label) for value, (label, _narrow) in MINUTES_FILTERS.items()],
        method="filter_minutes",
        label=_("minutes"),
    )
    committee = django_filters.ModelChoiceFilter(queryset=Committee.objects.all())

    def filter_minutes(self, queryset, name, value):
        return MINUTES_FILTERS[value][1](queryset)


class CallFilter(django_filters.FilterSet):
    """As the calls page: by committee, and by the status its column shows (open, upcoming or closed today)."""

    committee = django_filters.ModelChoiceFilter(queryset=Committee.objects.all())
    status = django_filters.ChoiceFilter(choices=CallStatus.choices, method="filter_status", label=_("status"))

    def filter_status(self, queryset, name, value):
        return queryset.in_status(value, timezone.localdate())


class ProposalFilter(django_filters.FilterSet):
    """As the proposals page: by status; and by committee and call as the committee's and call's pages list them."""

    status = django_filters.ChoiceFilter(choices=ProposalStatus.choices)
    committee = django_filters.ModelChoiceFilter(queryset=Committee.objects.all())
    call = django_filters.ModelChoiceFilter(queryset=Call.objects.all())


class ProjectFilter(django_filters.FilterSet):
    committee = django_filters.ModelChoiceFilter(queryset=Committee.objects.all())
    goal = django_filters.ModelChoiceFilter(
        field_name="committee__goal", queryset=Goal.objects.all(), to_field_name="number"
    )
    status = django_filters.ChoiceFilter(choices=ProposalStatus.choices)


class BallotFilter(django_filters.FilterSet):
    committee = django_filters.ModelChoiceFilter(field_name="round__committee", queryset=Committee.objects.all())


class TargetFilter(django_filters.FilterSet):
    goal = django_filters.ModelChoiceFilter(queryset=Goal.objects.all(), to_field_name="number")


class IndicatorFilter(django_filters.FilterSet):
    target = django_filters.ModelChoiceFilter(queryset=Target.objects.all(), to_field_name="code")
    goal = django_filters.ModelChoiceFilter(
        field_name="target__goal", queryset=Goal.objects.all(), to_field_name="number"
    )


class EvaluationFilter(django_filters.FilterSet):
    """As the evaluator's list: ``status=due`` keeps those still to submit (the desk's card); or one state."""

    status = django_filters.ChoiceFilter(
        choices=[("due", _("Still to submit")), *(c for c in EvaluationStatus.choices if c[0] != "withdrawn")],
        method="filter_status",
    )

    def filter_status(self, queryset, name, value):
        if value == "due":
            return queryset.filter(status__in=EVALUATIONS_DUE)
        return queryset.filter(status=value)


class ReportFilter(django_filters.FilterSet):
    """As the monitoring page's filter form (committee, project title contains), and by state and project."""

    committee = django_filters.ModelChoiceFilter(
        field_name="period__implementation__proposal__committee",
        queryset=Committee.objects.all(),
        method="filter_committee",
    )
    title = django_filters.CharFilter(max_length=100, method="filter_title", label=_("Project title contains"))
    status = django_filters.ChoiceFilter(
        choices=[c for c in ReportStatus.choices if c[0] in monitoring_selectors.UNDER_REVIEW]
    )
    project = django_filters.ModelChoiceFilter(
        field_name="period__implementation__proposal", queryset=Proposal.objects.all()
    )

    def filter_committee(self, queryset, name, value):
        return monitoring_selectors.filtered_by(queryset, committee=value, path="period__implementation__")

    def filter_title(self, queryset, name, value):
        return monitoring_selectors.filtered_by(queryset, title=value, path="period__implementation__")
