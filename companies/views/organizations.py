"""One organization: its page, its profile, archiving, participation and SDG priorities."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.generic import FormView, View

from audit.selectors import history_for
from axs_platform import notices
from axs_platform.forms import add_service_errors
from axs_platform.permissions import StaffRequiredMixin

from .. import selectors, services
from ..forms import ArchiveForm, OrganizationForm, ParticipationForm, PrioritiesForm
from ..models import DueDiligenceState, Organization, ParticipationStatus
from ..permissions import (
    can_edit_profile,
    can_manage_organizations,
    can_view_contacts,
    can_view_due_diligence,
    can_view_organization,
    can_view_private_data,
)
from .mixins import OrganizationAccessMixin


class OrganizationDetailView(View):
    """The organization's page: public facts for everyone, private data for staff and its people."""

    def get(self, request, pk):
        organization = get_object_or_404(selectors.organization_detail_queryset(), pk=pk)
        user = request.user
        if not can_view_organization(user, organization):
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied
        context = {
            "organization": organization,
            "show_private": can_view_private_data(user, organization),
            "show_contacts": can_view_contacts(user, organization),
            "can_edit": can_edit_profile(user, organization),
            "can_manage": can_manage_organizations(user),
            "can_view_due_diligence": can_view_due_diligence(user),
        }
        if organization.is_participation_unknown:
            context["unknown_since"] = selectors.participation_unknown_since(organization)
        if context["show_private"]:
            context["participation_history"] = selectors.participation_history(organization)[:20]
        if context["show_contacts"]:
            context["representatives"] = selectors.current_representatives(organization)
        if context["can_manage"]:
            context["history"] = history_for(organization)
        if context["can_view_due_diligence"] and organization.due_diligence_state != DueDiligenceState.IN_PROGRESS:
            context["renewal_open"] = organization.due_diligence_reviews.filter(decision="").exists()
        return render(request, "companies/organization_detail.html", context)


class OrganizationCreateView(StaffRequiredMixin, FormView):
    template_name = "companies/organization_form.html"
    form_class = OrganizationForm

    def form_valid(self, form):
        fields = {name: form.cleaned_data[name] for name in services.PROFILE_FIELDS}
        try:
            organization = services.organization_create(
                actor=self.request.user,
                request=self.request,
                logo=form.logo_for_service() or None,
                notice_shown=notices.shown(self.request.POST),
                **fields,
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("%(name)s has been registered as invited.") % {"name": organization})
        return redirect(organization)


class OrganizationUpdateView(OrganizationAccessMixin, FormView):
    """Staff or the organization's representatives change its profile (not participation nor due diligence)."""

    template_name = "companies/organization_form.html"
    form_class = OrganizationForm
    organization_predicate = can_edit_profile

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Organization.objects.get(pk=self.organization.pk)}

    def form_valid(self, form):
        fields = {name: form.cleaned_data[name] for name in services.PROFILE_FIELDS}
        try:
            services.organization_update(
                actor=self.request.user,
                organization=self.organization,
                request=self.request,
                logo=form.logo_for_service(),
                notice_shown=notices.shown(self.request.POST),
                **fields,
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The profile has been saved."))
        return redirect(self.organization)


class OrganizationArchiveView(OrganizationAccessMixin, FormView):
    template_name = "companies/organization_archive.html"
    form_class = ArchiveForm
    organization_predicate = staticmethod(lambda user, organization: can_manage_organizations(user))

    def form_valid(self, form):
        try:
            services.organization_archive(
                actor=self.request.user,
                organization=self.organization,
                reason=form.cleaned_data["reason"],
                request=self.request,
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("%(name)s has been archived.") % {"name": self.organization})
        return redirect(self.organization)


class OrganizationRestoreView(OrganizationAccessMixin, View):
    organization_predicate = staticmethod(lambda user, organization: can_manage_organizations(user))

    def post(self, request, *args, **kwargs):
        try:
            services.organization_restore(actor=request.user, organization=self.organization, request=request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("%(name)s has been restored.") % {"name": self.organization})
        return redirect(self.organization)


class ParticipationChangeView(OrganizationAccessMixin, FormView):
    """Staff move an organization between invited, active, suspended, withdrawn and no data."""

    template_name = "companies/participation_form.html"
    form_class = ParticipationForm
    organization_predicate = staticmethod(lambda user, organization: can_manage_organizations(user))

    def get_form_kwargs(self):
        allowed = services.PARTICIPATION_TRANSITIONS[self.organization.participation_status]
        return {**super().get_form_kwargs(), "allowed": allowed}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            participation_history=selectors.participation_history(self.organization), **kwargs
        )

    def form_valid(self, form):
        try:
            change = services.participation_change(
                actor=self.request.user, organization=self.organization, request=self.request, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        if change.to_status == ParticipationStatus.UNKNOWN:
            messages.success(
                self.request,
                _("Recorded: from %(date)s there is no data on whether %(name)s still takes part.")
                % {"date": date_format(change.effective_on, "SHORT_DATE_FORMAT"), "name": self.organization},
            )
        else:
            messages.success(self.request, _("The participation change has been recorded."))
        return redirect(self.organization)


class PrioritiesView(OrganizationAccessMixin, FormView):
    """The organization's ranked priority SDGs and the roles it wants in the alliance."""

    template_name = "companies/priorities_form.html"
    form_class = PrioritiesForm
    organization_predicate = can_edit_profile

    def get_initial(self):
        initial = {"alliance_roles": self.organization.alliance_roles}
        for priority in self.organization.sdg_priorities.select_related("goal"):
            initial[f"priority_{priority.rank}"] = priority.goal
        return initial

    def form_valid(self, form):
        try:
            services.priorities_set(
                actor=self.request.user,
                organization=self.organization,
                goals=form.cleaned_data["goals"],
                alliance_roles=form.cleaned_data["alliance_roles"],
                request=self.request,
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The priorities have been saved."))
        return redirect(self.organization)
