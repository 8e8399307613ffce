"""Forms of the inbox: the filter, the preferences per kind, and the follow button's hidden fields."""

from django import forms
from django.utils.translation import gettext_lazy as _

from axs_platform.forms import submit_helper

from .kinds import KINDS
from .models import Delivery


class InboxFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    unread = forms.BooleanField(label=_("Unread only"), required=False)

    def __init__(self, *args, kinds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds")), *kinds]


class PreferencesForm(forms.Form):
    """One choice per kind of notification; kinds whose e-mail is required show only "e-mail at once"."""

    def __init__(self, *args, initial_deliveries=None, **kwargs):
        super().__init__(*args, **kwargs)
        initial_deliveries = initial_deliveries or {}
        for key, kind in KINDS.items():
            field = forms.ChoiceField(
                label=kind.label,
                choices=Delivery.choices,
                initial=initial_deliveries.get(key, Delivery.IMMEDIATE),
                widget=forms.RadioSelect,
            )
            if kind.email_required:
                # Offered alone; anything else sent is refused by the service, which says why.
                field.widget.choices = [(Delivery.IMMEDIATE, Delivery.IMMEDIATE.label)]
                field.help_text = _("Always e-mailed at once: these notices carry legal deadlines.")
            self.fields[key] = field
        self.helper = submit_helper(_("Save preferences"))


class FollowForm(forms.Form):
    """What the follow button posts: the object's model, its id, follow or stop, and where to go back."""

    model = forms.CharField(max_length=100)
    object_id = forms.IntegerField(min_value=1, max_value=2**63 - 1)
    action = forms.ChoiceField(choices=[("follow", "follow"), ("unfollow", "unfollow")])
    next = forms.CharField(max_length=500, required=False)
