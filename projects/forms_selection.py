"""Forms of selection rounds and ballots. They validate what was typed; the services apply the rules."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from axs_platform.dates import implausible_day
from axs_platform.forms import (
    SMALL_INTEGER_MAX,
    DateTimeInput,
    ModelChoiceField,
    ModelMultipleChoiceField,
    SearchableModelMultipleChoiceField,
    mark_spanish_texts,
    submit_helper,
)
from axs_platform.templatetags.markup import es
from committees.models import Session

from .models import Answer, Ballot, EvidenceKind, Proposal, QuestionKind, SelectionMethod
from .validators import validate_selection_evidence


class ProposalChoiceField(ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return es(obj.title)  # a checkbox's label: marked Spanish inside the English interface


class RoundForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    method = forms.ChoiceField(label=_("Method"), choices=SelectionMethod.choices)
    seats = forms.IntegerField(label=_("Proposals to select"), min_value=1, max_value=SMALL_INTEGER_MAX, initial=1)
    proposals = ProposalChoiceField(label=_("Candidates"), queryset=Proposal.objects.none())
    summary = forms.CharField(
        label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For prior studies or co-construction: what was presented or built."),
    )  # fmt: skip
    survey_closes_at = forms.DateTimeField(
        label=_("The survey closes"), required=False, widget=DateTimeInput(),
        help_text=_("Only for the survey method: the survey opens now and closes then."),
    )  # fmt: skip

    def __init__(self, *args, committee, **kwargs):
        super().__init__(*args, **kwargs)
        mark_spanish_texts(self)
        self.fields["proposals"].queryset = Proposal.objects.filter(committee=committee, status="in_review").order_by(
            "title"
        )
        self.helper = submit_helper(_("Open the round"))


class EvidenceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=EvidenceKind.choices)
    title = forms.CharField(label=_("Title"), max_length=255)
    summary = forms.CharField(label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    session = ModelChoiceField(label=_("Session"), queryset=Session.objects.none(), required=False)
    file = forms.FileField(
        label=_("Document"),
        required=False,
        help_text=_("PDF, PNG, JPEG, Word, Excel or PowerPoint, up to 10 MB."),
        validators=[validate_selection_evidence],
    )

    def __init__(self, *args, committee, **kwargs):
        super().__init__(*args, **kwargs)
        mark_spanish_texts(self)
        self.fields["session"].queryset = Session.objects.filter(committee=committee).order_by("-starts_at")
        self.helper = submit_helper(_("Add the evidence"))


class RoundCloseForm(forms.Form):
    selected = ProposalChoiceField(
        label=_("Selected proposals"), queryset=Proposal.objects.none(), required=False,
        help_text=_(
            "For a vote or a survey the result decides; choose only to settle a survey's tie or when an anonymous "
            "survey's result is withheld."
        ),
    )  # fmt: skip
    decision = forms.CharField(label=_("Decision"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    session = ModelChoiceField(label=_("Session where it was decided"), queryset=Session.objects.none(), required=False)

    def __init__(self, *args, selection_round, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["selected"].queryset = Proposal.objects.filter(round_candidacies__round=selection_round)
        self.fields["session"].queryset = Session.objects.filter(committee=selection_round.committee_id).order_by(
            "-starts_at"
        )
        self.helper = submit_helper(_("Close the round and record the selection"))


class PlausibleTimesMixin:
    """Refuse an opening or closing time outside the plausible years before the model or the service converts it."""

    def clean_opens_at(self):
        return _plausible(self.cleaned_data["opens_at"])

    def clean_closes_at(self):
        return _plausible(self.cleaned_data["closes_at"])


def _plausible(moment):
    if message := implausible_day(moment):
        raise forms.ValidationError(message, code="implausible_date")
    return moment


class BallotForm(PlausibleTimesMixin, forms.ModelForm):
    open_now = forms.BooleanField(label=_("Open it now"), required=False, initial=True)
    # Among thousands of people: the select offers a search's first matches (and those already named).
    named_voters = SearchableModelMultipleChoiceField(
        label=_("named voters"),
        queryset=get_user_model().objects.none(),
        required=False,
        search_fields=["full_name", "email"],
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    class Meta:
        model = Ballot
        fields = [
            "title", "electorate", "named_voters", "question", "max_choices", "seats", "majority",
            "quorum_percent", "is_secret", "allow_changes", "opens_at", "closes_at",
        ]  # fmt: skip
        widgets = {
            "opens_at": DateTimeInput(),
            "closes_at": DateTimeInput(),
        }

    def __init__(self, *args, search="", **kwargs):
        super().__init__(*args, **kwargs)
        mark_spanish_texts(self)
        self.fields["named_voters"].queryset = get_user_model().objects.filter(is_active=True).order_by("full_name")
        self.fields["named_voters"].narrow(search, selected=self["named_voters"].value())
        self.fields["named_voters"].help_text = _("Only for a named list of people.")
        self.helper = submit_helper(_("Create the ballot"))


YES_NO_ABSTAIN = [(Answer.YES, Answer.YES.label), (Answer.NO, Answer.NO.label), (Answer.ABSTAIN, Answer.ABSTAIN.label)]


class VoteForm(forms.Form):
    """A ballot's form: a checkbox per candidate, or yes/no/abstain on each; the receipt to change a secret vote."""

    def __init__(self, *args, ballot, candidates, ask_receipt, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = ballot.question
        if ballot.question == QuestionKind.APPROVAL:
            self.fields["choices"] = forms.TypedMultipleChoiceField(
                label=ngettext("Choose up to %(n)s candidate", "Choose up to %(n)s candidates", ballot.max_choices)
                % {"n": ballot.max_choices},
                choices=[(c.proposal_id, es(c.proposal.title)) for c in candidates],
                coerce=int,
                widget=forms.CheckboxSelectMultiple,
            )
        else:
            for candidate in candidates:
                self.fields[f"candidate_{candidate.proposal_id}"] = forms.ChoiceField(
                    label=es(candidate.proposal.title), choices=YES_NO_ABSTAIN, widget=forms.RadioSelect
                )
        if ask_receipt:
            self.fields["receipt"] = forms.CharField(
                label=_("Your receipt code"), help_text=_("A secret vote can be changed only with the receipt code.")
            )
        self.helper = submit_helper(_("Cast my vote"))

    def summary(self, candidates):
        """Return ``[(proposal title, answer label)]`` of what was chosen, in the ballot's order, to confirm it."""
        answers = self.answers()
        labels = dict(Answer.choices)
        if self.question == QuestionKind.APPROVAL:
            return [(c.proposal.title, labels[Answer.APPROVE]) for c in candidates if c.proposal_id in answers]
        return [(c.proposal.title, labels[answers[c.proposal_id]]) for c in candidates if c.proposal_id in answers]

    def carried_values(self):
        """Return ``[(field name, value)]`` of the valid choices, for the hidden fields of the confirmation."""
        pairs = []
        for name, value in self.cleaned_data.items():
            pairs += [(name, item) for item in value] if isinstance(value, list) else [(name, value)]
        return pairs

    def answers(self):
        """Return the choices as ``vote_cast`` takes them."""
        if self.question == QuestionKind.APPROVAL:
            return self.cleaned_data["choices"]
        return {int(name.split("_")[1]): value for name, value in self.cleaned_data.items() if name.startswith("cand")}


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, submit_label, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(submit_label, css="btn-danger")


class TieForm(forms.Form):
    proposals = ProposalChoiceField(label=_("Selected among the tied proposals"), queryset=Proposal.objects.none())
    reason = forms.CharField(label=_("How the chair settled it"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, tied_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposals"].queryset = Proposal.objects.filter(pk__in=tied_ids)
        self.helper = submit_helper(_("Settle the tie"))


class RunoffForm(PlausibleTimesMixin, forms.Form):
    opens_at = forms.DateTimeField(label=_("Opens"), widget=DateTimeInput())
    closes_at = forms.DateTimeField(label=_("Closes"), widget=DateTimeInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Create the runoff"))


class ReceiptForm(forms.Form):
    code = forms.CharField(label=_("Receipt code"), max_length=40)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Check"))
