"""Forms of selection rounds and ballots. They validate what was typed; the services apply the rules."""

from functools import lru_cache

from crispy_forms.helper import FormHelper
from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from axs_platform.forms import DateTimeInput, ModelChoiceField, ModelMultipleChoiceField, Submit
from committees.models import Session

from .models import Answer, Ballot, EvidenceKind, Proposal, QuestionKind, SelectionMethod
from .validators import validate_selection_evidence


def _helper(label, *, css="btn-primary", multipart=False):
    helper = FormHelper()
    helper.add_input(Submit("submit", label, css_class=css))
    if multipart:
        helper.attrs = {"enctype": "multipart/form-data"}
    return helper


class ProposalChoiceField(ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return obj.title


class RoundForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    method = forms.ChoiceField(label=_("Method"), choices=SelectionMethod.choices)
    seats = forms.IntegerField(label=_("Proposals to select"), min_value=1, initial=1)
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
        self.fields["proposals"].queryset = Proposal.objects.filter(committee=committee, status="in_review").order_by(
            "title"
        )
        self.helper = _helper(_("Open the round"))


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
        self.fields["session"].queryset = Session.objects.filter(committee=committee).order_by("-starts_at")
        self.helper = _helper(_("Add the evidence"), multipart=True)


class RoundCloseForm(forms.Form):
    selected = ProposalChoiceField(
        label=_("Selected proposals"), queryset=Proposal.objects.none(), required=False,
        help_text=_("For a vote or a survey the result decides; choose only to settle a survey's tie."),
    )  # fmt: skip
    decision = forms.CharField(label=_("Decision"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    session = ModelChoiceField(label=_("Session where it was decided"), queryset=Session.objects.none(), required=False)

    def __init__(self, *args, selection_round, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["selected"].queryset = Proposal.objects.filter(round_candidacies__round=selection_round)
        self.fields["session"].queryset = Session.objects.filter(committee=selection_round.committee_id).order_by(
            "-starts_at"
        )
        self.helper = _helper(_("Close the round and record the selection"))


class BallotForm(forms.ModelForm):
    open_now = forms.BooleanField(label=_("Open it now"), required=False, initial=True)

    class Meta:
        model = Ballot
        fields = [
            "title", "electorate", "named_voters", "question", "max_choices", "seats", "majority",
            "quorum_percent", "is_secret", "allow_changes", "opens_at", "closes_at",
        ]  # fmt: skip
        widgets = {
            "opens_at": DateTimeInput(),
            "closes_at": DateTimeInput(),
            "named_voters": forms.SelectMultiple(attrs={"size": 8}),
        }
        field_classes = {"named_voters": ModelMultipleChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["named_voters"].queryset = get_user_model().objects.filter(is_active=True).order_by("full_name")
        self.fields["named_voters"].help_text = _("Only for a named list of people.")
        self.helper = _helper(_("Create the ballot"))


def vote_form_class(ballot, candidates, *, ask_receipt):
    """Return the form of one ballot: a checkbox per candidate, or yes/no/abstain on each.

    ``candidates`` carry their proposal's ``title`` (``selectors.candidates_to_vote``). Every voter of
    a ballot gets the same class, so it is built once per ballot, question, candidates and language
    (its labels are translated when it is built) and kept.
    """
    return _vote_form_class(
        ballot.pk,
        ballot.question,
        ballot.max_choices,
        tuple((c.proposal_id, c.title) for c in candidates),
        ask_receipt,
        get_language(),
    )


@lru_cache(maxsize=256)
def _vote_form_class(ballot_pk, question, max_choices, candidates, ask_receipt, language):
    # ``ballot_pk`` and ``language`` are in the key only: the labels are translated in the active language.
    fields = {}
    if question == QuestionKind.APPROVAL:
        fields["choices"] = forms.TypedMultipleChoiceField(
            label=_("Choose up to %(n)s") % {"n": max_choices},
            choices=list(candidates),
            coerce=int,
            widget=forms.CheckboxSelectMultiple,
        )
    else:
        answers = [(Answer.YES, Answer.YES.label), (Answer.NO, Answer.NO.label), (Answer.ABSTAIN, Answer.ABSTAIN.label)]
        for proposal_id, title in candidates:
            fields[f"candidate_{proposal_id}"] = forms.ChoiceField(
                label=title, choices=answers, widget=forms.RadioSelect
            )
    if ask_receipt:
        fields["receipt"] = forms.CharField(
            label=_("Your receipt code"), help_text=_("A secret vote can be changed only with the receipt code.")
        )

    def answers(self):
        if question == QuestionKind.APPROVAL:
            return self.cleaned_data["choices"]
        return {int(name.split("_")[1]): value for name, value in self.cleaned_data.items() if name.startswith("cand")}

    def init(self, *args, **kwargs):
        forms.Form.__init__(self, *args, **kwargs)
        self.helper = _helper(_("Cast my vote"))

    return type("VoteForm", (forms.Form,), {**fields, "__init__": init, "answers": answers})


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, submit_label, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(submit_label, css="btn-danger")


class TieForm(forms.Form):
    proposals = ProposalChoiceField(label=_("Selected among the tied proposals"), queryset=Proposal.objects.none())
    reason = forms.CharField(label=_("How the chair settled it"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, tied_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposals"].queryset = Proposal.objects.filter(pk__in=tied_ids)
        self.helper = _helper(_("Settle the tie"))


class RunoffForm(forms.Form):
    opens_at = forms.DateTimeField(label=_("Opens"), widget=DateTimeInput())
    closes_at = forms.DateTimeField(label=_("Closes"), widget=DateTimeInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Create the runoff"))


class ReceiptForm(forms.Form):
    code = forms.CharField(label=_("Receipt code"), max_length=40)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Check"))
        self.helper.form_method = "get"
