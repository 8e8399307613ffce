"""Forms for signing in, resetting a password, the profile and staff's user administration."""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from audit.identifiers import sign_in_identifier
from audit.models import AuditEvent
from audit.selectors import recent_failed_logins, recent_password_reset_requests
from audit.services import audit_record, client_ip
from axs_platform.forms import SuggestingInput, submit_helper
from axs_platform.mail import send_email

from .models import User, find_time_zone, time_zones


class EmailAuthenticationForm(AuthenticationForm):
    """Sign in with e-mail and password; refuse for a while after repeated failures.

    The message never says whether the e-mail address has an account.
    """

    username = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )
    error_messages = {
        "invalid_login": _("The e-mail address or the password is not correct. Check both and try again."),
        "inactive": _("The e-mail address or the password is not correct. Check both and try again."),
        "throttled": _(
            "Too many failed attempts. For your security, wait %(minutes)d minutes before trying again, "
            "or reset your password."
        ),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.helper = submit_helper(_("Sign in"), form_tag=False)

    def full_clean(self):
        """Point both fields at the error that concerns them both (templates/bootstrap5/errors.html gives its id)."""
        super().full_clean()
        if self.non_field_errors():
            for name in ("username", "password"):
                self.fields[name].widget.attrs.update({"aria-invalid": "true", "aria-describedby": "form-errors"})

    def clean(self):
        email = User.objects.normalize_email(self.cleaned_data.get("username"))
        window = settings.AXS_LOGIN_FAILURE_WINDOW_SECONDS
        limit = settings.AXS_LOGIN_FAILURE_LIMIT
        from_here, by_email, by_ip = recent_failed_logins(
            identifier=email,
            ip_address=client_ip(self.request),
            since=timezone.now() - timedelta(seconds=window),
        )
        if from_here >= limit or by_email >= limit * 10 or by_ip >= limit * 10:
            audit_record(
                actor=None,
                action=AuditEvent.Action.LOGIN_THROTTLED,
                request=self.request,
                identifier=sign_in_identifier(email),
            )
            raise forms.ValidationError(
                self.error_messages["throttled"], code="throttled", params={"minutes": max(1, window // 60)}
            )
        if email:
            self.cleaned_data["username"] = email
        return super().clean()


class BackOfficeAuthenticationForm(EmailAuthenticationForm):
    """The sign-in of Django's admin: the same throttled form, and staff only (as Django's own admin form).

    Without it ``/admin/login/`` would take password guesses that the platform's sign-in refuses.
    """

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not user.is_staff:
            raise forms.ValidationError(self.error_messages["invalid_login"], code="invalid_login")


class QueuedPasswordResetForm(PasswordResetForm):
    """Send the reset link through the worker, in the account's own language."""

    email = forms.EmailField(
        label=_("E-mail address"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Send me the link"), form_tag=False)

    def get_users(self, email):
        return User.objects.filter(email__iexact=email.strip(), is_active=True)

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        user = context["user"]
        with translation.override(user.preferred_language):
            subject = render_to_string(subject_template_name, context)
            body = render_to_string(email_template_name, context)
        send_email(subject=subject, body=body, to=[to_email], kind="accounts.password_reset")

    def save(self, *args, request=None, **kwargs):
        """Record the request; send the link unless this address asked too often lately.

        Over the limit nothing is sent and the answer page is the same, so it says nothing of the account.
        """
        email = User.objects.normalize_email(self.cleaned_data["email"])
        asked = recent_password_reset_requests(
            identifier=email,
            since=timezone.now() - timedelta(seconds=settings.AXS_PASSWORD_RESET_WINDOW_SECONDS),
        )
        too_many = asked >= settings.AXS_PASSWORD_RESET_LIMIT
        audit_record(
            actor=None,
            action=AuditEvent.Action.PASSWORD_RESET_REQUESTED,
            request=request,
            identifier=sign_in_identifier(email),
            message=_("Not sent: this address asked too many times lately.") if too_many else "",
        )
        if too_many:
            return None
        return super().save(*args, request=request, **kwargs)


class ProfileForm(forms.ModelForm):
    """A person's own details and language."""

    class Meta:
        model = User
        fields = ["full_name", "job_title", "phone", "preferred_language", "time_zone"]
        widgets = {"phone": forms.TextInput(attrs={"autocomplete": "tel"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # About 600 zones: typed and suggested, not scrolled (``America/Tijuana``, or just "Tijuana").
        self.fields["time_zone"].widget = SuggestingInput(time_zones(), attrs={"maxlength": 64})
        self.fields["time_zone"].help_text = _(
            "Digests of notifications arrive in the morning of this time zone. Type a city to find it: Tijuana, Madrid…"
        )
        self.fields["time_zone"].required = False  # left out: the zone stays as it was
        self.helper = submit_helper(_("Save"), form_tag=False)

    def clean_time_zone(self):
        typed = self.cleaned_data.get("time_zone", "")
        if not typed.strip():  # left blank: the zone stays as it was, or the site's if that one is gone
            kept = self.instance.time_zone
            return kept if find_time_zone(kept) == kept else settings.TIME_ZONE
        zone = find_time_zone(typed)
        if zone is None:
            raise forms.ValidationError(
                _("%(value)s is not a time zone."), code="unknown_time_zone", params={"value": typed}
            )
        return zone


class UserAdminForm(forms.Form):
    """Staff's form to create a person or change their details, role and status.

    A plain form: the service checks what needs the database (a free e-mail address, the
    back-office rule) and the view puts its refusals next to the fields.
    """

    email = User._meta.get_field("email").formfield()
    full_name = User._meta.get_field("full_name").formfield()
    job_title = User._meta.get_field("job_title").formfield()
    phone = User._meta.get_field("phone").formfield()
    role = User._meta.get_field("role").formfield()
    preferred_language = User._meta.get_field("preferred_language").formfield()
    is_active = User._meta.get_field("is_active").formfield()

    def __init__(self, *args, creating=False, **kwargs):
        super().__init__(*args, **kwargs)
        if creating:
            del self.fields["is_active"]
        self.helper = submit_helper(_("Create and send the invitation") if creating else _("Save"), form_tag=False)


class DeactivationForm(forms.Form):
    """The reason staff give when they confirm a deactivation; it ends the person's posts and representations."""

    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=255,
        help_text=_("Recorded in the history and as the reason each post and representation ended."),
    )


class UserFilterForm(forms.Form):
    """Search and filter the list of people."""

    q = forms.CharField(label=_("Name or e-mail"), required=False, max_length=200)
    role = forms.ChoiceField(label=_("Role"), required=False, choices=[("", _("Any"))] + list(User.Role.choices))
    active = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any")), ("yes", _("Active")), ("no", _("Inactive"))],
    )
