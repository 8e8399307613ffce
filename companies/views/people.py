"""The people of an organization: invitations, acceptance and removal."""

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.generic import FormView, View

from axs_platform import notices
from axs_platform.forms import add_service_errors

from .. import selectors, services
from ..forms import AcceptInvitationForm, InvitationForm, RemoveRepresentativeForm
from ..models import Invitation, Representative
from ..permissions import can_edit_profile
from .mixins import OrganizationAccessMixin


class PeopleView(OrganizationAccessMixin, FormView):
    """The organization's representatives and open invitations, and the form to invite somebody."""

    template_name = "companies/people.html"
    form_class = InvitationForm
    organization_predicate = can_edit_profile

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            representatives=selectors.current_representatives(self.organization),
            invitations=selectors.open_invitations(self.organization),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            invitation, _token = services.invitation_create(
                actor=self.request.user,
                organization=self.organization,
                request=self.request,
                notice_shown=notices.shown(self.request.POST),
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The invitation has been sent to %(email)s.") % {"email": invitation.email})
        return redirect("companies:people", pk=self.organization.pk)


class _InvitationActionView(OrganizationAccessMixin, View):
    organization_predicate = can_edit_profile

    def post(self, request, *args, **kwargs):
        invitation = get_object_or_404(Invitation, pk=kwargs["invitation_pk"], organization=self.organization)
        try:
            self.act(invitation)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        if request.POST.get("next") == "pending":
            return redirect("companies:invitation-list")
        return redirect("companies:people", pk=self.organization.pk)


class InvitationResendView(_InvitationActionView):
    def act(self, invitation):
        services.invitation_resend(actor=self.request.user, invitation=invitation, request=self.request)
        messages.success(self.request, _("A new link has been sent to %(email)s.") % {"email": invitation.email})


class InvitationRevokeView(_InvitationActionView):
    def act(self, invitation):
        services.invitation_revoke(actor=self.request.user, invitation=invitation, request=self.request)
        messages.success(self.request, _("The invitation to %(email)s was revoked.") % {"email": invitation.email})


class PrimaryContactView(OrganizationAccessMixin, View):
    """Make another current representative the organization's primary contact."""

    organization_predicate = can_edit_profile

    def post(self, request, *args, **kwargs):
        representative = get_object_or_404(
            Representative.objects.current().select_related("user"),
            pk=kwargs["representative_pk"],
            organization=self.organization,
        )
        try:
            services.primary_contact_set(actor=request.user, representative=representative, request=request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(name)s is now the organization's primary contact.") % {"name": representative.user.full_name},
            )
        return redirect("companies:people", pk=self.organization.pk)


class RepresentativeRemoveView(OrganizationAccessMixin, FormView):
    template_name = "companies/representative_remove.html"
    form_class = RemoveRepresentativeForm
    organization_predicate = can_edit_profile

    def get_representative(self):
        return get_object_or_404(
            Representative.objects.current().select_related("user"),
            pk=self.kwargs["representative_pk"],
            organization=self.organization,
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(representative=self.get_representative(), **kwargs)

    def form_valid(self, form):
        representative = self.get_representative()
        try:
            removed = services.representative_remove(
                actor=self.request.user,
                representative=representative,
                reason=form.cleaned_data["reason"],
                request=self.request,
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request, _("%(name)s no longer represents the organization.") % {"name": representative.user}
        )
        if removed.succeeded_by is not None:
            messages.success(
                self.request,
                _("%(name)s, who has represented the organization longest, is now its primary contact.")
                % {"name": removed.succeeded_by.user.full_name},
            )
        return redirect("companies:people", pk=self.organization.pk)


class InvitationAcceptView(View):
    """The page an invitation link opens: choose a password and become the representative."""

    template_name = "companies/invitation_accept.html"

    def _refusal(self, request, invitation):
        try:
            services.check_invitation_usable(invitation)
        except ValidationError as error:
            return render(request, "companies/invitation_invalid.html", {"error": error}, status=410)
        return None

    def get(self, request, token):
        invitation = services.invitation_for_token(token)
        refusal = self._refusal(request, invitation)
        if refusal:
            return refusal
        form = AcceptInvitationForm(initial={"full_name": invitation.full_name})
        return render(request, self.template_name, {"form": form, "invitation": invitation})

    def post(self, request, token):
        invitation = services.invitation_for_token(token)
        refusal = self._refusal(request, invitation)
        if refusal:
            return refusal
        form = AcceptInvitationForm(request.POST)
        if form.is_valid():
            try:
                person = services.invitation_accept(
                    token=token,
                    full_name=form.cleaned_data["full_name"],
                    password=form.cleaned_data["password1"],
                    notice_shown=notices.shown(request.POST),
                    request=request,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                login(request, person)  # the one backend: settings.AUTHENTICATION_BACKENDS
                messages.success(
                    request,
                    _("Welcome! You now represent %(organization)s. Check its profile.")
                    % {"organization": invitation.organization},
                )
                return redirect("companies:organization-update", pk=invitation.organization_id)
        return render(request, self.template_name, {"form": form, "invitation": invitation})
