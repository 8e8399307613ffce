"""Sign-in, password, profile, language switch and staff's administration of people."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django.views.generic import FormView, ListView, View
from django.views.i18n import set_language as django_set_language

from audit.models import AuditEvent
from audit.selectors import history_for
from audit.services import audit_record
from axs_platform import notices
from axs_platform.forms import add_service_errors
from axs_platform.language_addresses import address_in

from . import deactivation, selectors, services
from .forms import (
    DeactivationForm,
    EmailAuthenticationForm,
    ProfileForm,
    QueuedPasswordResetForm,
    UserAdminForm,
    UserFilterForm,
)
from .models import User
from .permissions import StaffRequiredMixin


class LoginView(auth_views.LoginView):
    form_class = EmailAuthenticationForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    """Sign out on POST; a GET (a typed or bookmarked address) asks to confirm with the same POST button."""

    http_method_names = ["get", "post", "options"]
    confirm_template_name = "accounts/logout_confirm.html"

    def get(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect("home")
        return render(request, self.confirm_template_name)


class PasswordResetView(auth_views.PasswordResetView):
    form_class = QueuedPasswordResetForm
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/email/password_reset_body.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password-reset-complete")

    def get_user(self, uidb64):
        """Nobody for a deactivated person: a link sent before the deactivation shows as no longer working."""
        user = super().get_user(uidb64)
        return user if user is not None and user.is_active else None

    def form_valid(self, form):
        response = super().form_valid(form)
        audit_record(
            actor=form.user, action=AuditEvent.Action.PASSWORD_RESET_DONE, target=form.user, request=self.request
        )
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        response = super().form_valid(form)
        audit_record(
            actor=self.request.user,
            action=AuditEvent.Action.PASSWORD_CHANGED,
            target=self.request.user,
            request=self.request,
        )
        messages.success(self.request, _("Your password has been changed."))
        return response


class ProfileView(LoginRequiredMixin, FormView):
    """A person's own details and preferred language."""

    form_class = ProfileForm
    template_name = "accounts/profile.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.request.user}

    def form_valid(self, form):
        try:
            services.profile_update(
                user=self.request.user,
                request=self.request,
                shown=notices.shown(self.request.POST),
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Your profile has been saved."))
        response = redirect("accounts:profile")
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            form.cleaned_data["preferred_language"],
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
        )
        return response


@require_http_methods(["GET", "POST"])
def set_language(request):
    """Switch the language (works without JavaScript) and remember it on the person's profile.

    A page with an address per language (open data) is reloaded at the address of the language chosen.
    A GET (the address opened by hand) changes nothing and goes back to the page it came from, or home.
    """
    if request.method != "POST":
        came_from = request.headers.get("referer")
        if url_has_allowed_host_and_scheme(
            came_from, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return redirect(came_from)
        return redirect("home")
    response = django_set_language(request)
    language = request.POST.get("language", "")
    if response.has_header("Location"):
        response["Location"] = address_in(response["Location"], language)
    if request.user.is_authenticated:
        services.user_set_language(user=request.user, language=language)
    return response


class UserListView(StaffRequiredMixin, ListView):
    """Staff's list of people, searchable by name or e-mail and filterable by role and status."""

    template_name = "accounts/user_list.html"
    context_object_name = "people"
    paginate_by = 50

    def get_queryset(self):
        self.filter_form = UserFilterForm(self.request.GET or None)
        if not self.filter_form.is_valid():
            return selectors.people()
        data = self.filter_form.cleaned_data
        return selectors.people(q=data["q"], role=data["role"], active=data["active"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(filter_form=self.filter_form, query_without_page=query.urlencode())
        return context


class UserCreateView(StaffRequiredMixin, FormView):
    """Create a person; they receive an e-mail to choose their password."""

    template_name = "accounts/user_form.html"

    def get_form(self, form_class=None):
        return UserAdminForm(**self.get_form_kwargs(), creating=True)

    def form_valid(self, form):
        try:
            person = services.user_create(actor=self.request.user, request=self.request, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request, _("%(name)s has been created and invited by e-mail.") % {"name": person.full_name}
        )
        return redirect("accounts:user-list")


class UserUpdateView(StaffRequiredMixin, FormView):
    """Change a person's details, role and status, and see their history.

    Unticking "active" first shows what the deactivation ends (posts, representations, committees) and asks for
    a reason; the changes travel in hidden fields and are saved only on the confirmation (``confirm=yes``).
    """

    template_name = "accounts/user_form.html"

    @cached_property
    def person(self):
        # Loaded once the staff check has let the request in, so nobody else learns which ids exist.
        return get_object_or_404(User, pk=self.kwargs["pk"])

    def get_initial(self):
        return {name: getattr(self.person, name) for name in services.ADMIN_FIELDS}

    def get_form(self, form_class=None):
        return UserAdminForm(**self.get_form_kwargs())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(person=self.person, history=history_for(self.person, limit=50))
        return context

    def form_valid(self, form):
        reason = ""
        # Deactivating oneself is refused by the service, next to the field: no confirmation to ask for.
        if self.person.is_active and not form.cleaned_data.get("is_active", True) and self.person != self.request.user:
            confirmation = DeactivationForm(self.request.POST if self.request.POST.get("confirm") == "yes" else None)
            if not confirmation.is_valid():
                return render(
                    self.request,
                    "accounts/user_deactivate_confirm.html",
                    {
                        "person": self.person,
                        "form": form,
                        "confirmation": confirmation,
                        "ties": deactivation.open_ties(self.person),
                    },
                )
            reason = confirmation.cleaned_data["reason"]
        try:
            services.user_update(
                actor=self.request.user, user=self.person, request=self.request, reason=reason, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The changes have been saved."))
        return redirect(reverse("accounts:user-update", args=[self.person.pk]))


class UserInviteAgainView(StaffRequiredMixin, View):
    """Send a person the link to choose a password again."""

    def post(self, request, *args, **kwargs):
        person = get_object_or_404(User, pk=kwargs["pk"], is_active=True)
        services.send_welcome_email(person)
        messages.success(request, _("The invitation has been sent again to %(email)s.") % {"email": person.email})
        return redirect("accounts:user-update", pk=person.pk)
