"""The staff's form to issue a personal API token. No side effects."""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from axs_platform.forms import DateInput, submit_helper

DEFAULT_DAYS = 90


class TokenIssueForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the person"),
        max_length=254,
        help_text=_("The token sees what this person may see in the platform."),
    )
    name = forms.CharField(
        label=_("What the token is for"), max_length=100, help_text=_("For example, the tool that will use it.")
    )
    expires_on = forms.DateField(label=_("Valid until (inclusive)"), widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expires_on"].initial = timezone.localdate() + datetime.timedelta(days=DEFAULT_DAYS)
        self.helper = submit_helper(_("Issue the token"), form_tag=False)

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        person = get_user_model().objects.filter(email__iexact=email).first()
        if person is None:
            raise forms.ValidationError(_("No account has this e-mail address."), code="unknown")
        self.cleaned_data["person"] = person
        return email
