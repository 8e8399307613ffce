"""Forms for committees and sessions. They validate what was typed; the services apply the rules."""

import datetime

from crispy_forms.layout import Column, Layout, Row
from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from axs_platform.dates import DatePrecision, implausible_day
from axs_platform.forms import (
    ContentSelect,
    DateInput,
    ModelChoiceField,
    SearchableModelChoiceField,
    TimeInput,
    mark_spanish_texts,
    submit_helper,
)
from axs_platform.uploads import UploadValidator
from companies.models import Organization

from .models import (
    Agreement,
    AgreementStatus,
    AttendanceResponse,
    AttendanceStatus,
    Committee,
    PostKind,
    Session,
    SessionKind,
    WorkPlanActivity,
)


class PersonChoiceField(ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name} <{obj.email}>"


class CommitteeForm(forms.ModelForm):
    class Meta:
        model = Committee
        fields = ["name", "name_en", "goal", "description", "decision_mechanism", "operating_rules", "installed_on"]
        widgets = {"installed_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        mark_spanish_texts(self)
        self.fields["name_en"].widget.attrs["lang"] = "en"
        self.helper = submit_helper(_("Save"))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)

    def __init__(self, *args, submit_label, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(submit_label)


class MembershipAddForm(forms.Form):
    organization = SearchableModelChoiceField(
        label=_("Organization"), queryset=Organization.objects.none(), search_fields=["legal_name", "short_name", "rfc"]
    )
    joined_on = forms.DateField(label=_("Joined on"), required=False, widget=DateInput())
    reason = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, organizations, search="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        self.fields["organization"].narrow(search, selected=self["organization"].value())
        self.helper = submit_helper(_("Add to the committee"))


class MembershipRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Why does your organization want to join?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Send the request"))


class MembershipTransitionForm(forms.Form):
    effective_on = forms.DateField(label=_("Effective on"), required=False, widget=DateInput())
    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, submit_label, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(submit_label)


class PostAppointForm(forms.Form):
    kind = forms.ChoiceField(label=_("Post"), choices=PostKind.choices)
    holder = PersonChoiceField(label=_("New holder"), queryset=get_user_model().objects.none())
    started_on = forms.DateField(label=_("Term starts on"), required=False, widget=DateInput())

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["holder"].queryset = people
        self.fields["holder"].help_text = _("People who represent a current member organization.")
        self.helper = submit_helper(_("Appoint"))


class PriorityAreaForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, submit_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        mark_spanish_texts(self)
        self.helper = submit_helper(submit_label or _("Add the priority area"))


class ActivityForm(forms.ModelForm):
    class Meta:
        model = WorkPlanActivity
        fields = ["priority_area", "title", "responsible_organization", "starts_on", "ends_on", "status"]
        widgets = {"priority_area": ContentSelect(), "starts_on": DateInput(), "ends_on": DateInput()}

    def __init__(self, *args, committee, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        mark_spanish_texts(self)
        self.fields["priority_area"].queryset = committee.priority_areas.all()
        self.fields["responsible_organization"].queryset = organizations
        self.helper = submit_helper(_("Save"))

    def _post_clean(self):
        """Leave the model's rules to the service, which reports them next to the fields."""


class SessionForm(forms.ModelForm):
    """A session's title, day and hours, place and links.

    Its date is asked in pieces: the day, how much of it is known (a session recorded from a source that gives only
    the month or the year), the last day of a session over several days, and the hours, which may stay empty when
    the source does not give them. ``clean`` turns them into the model's ``starts_at``, ``ends_at``,
    ``date_precision`` and ``time_known``.
    """

    video_url = forms.URLField(label=_("Video link"), required=False, assume_scheme="https")
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[(SessionKind.PLENARY, SessionKind.PLENARY.label), (SessionKind.CHAIRS, SessionKind.CHAIRS.label)],
    )
    starts_on = forms.DateField(label=_("Date"), widget=DateInput())
    date_precision = forms.ChoiceField(
        label=_("Precision of the date"),
        choices=[
            (DatePrecision.DAY, _("Exact date")),
            (DatePrecision.MONTH, _("Month and year only")),
            (DatePrecision.YEAR, _("Year only")),
        ],
        initial=DatePrecision.DAY,
        widget=forms.RadioSelect,
        help_text=_("For a session recorded from a source that does not give the day: only that much is shown."),
    )
    ends_on = forms.DateField(
        label=_("End date"),
        required=False,
        widget=DateInput(),
        help_text=_("For a session over several days, its last day. Leave it empty for a one-day session."),
    )
    starts_time = forms.TimeField(label=_("Start time"), required=False, widget=TimeInput())
    ends_time = forms.TimeField(
        label=_("End time"),
        required=False,
        widget=TimeInput(),
        help_text=_("Mexico City time. Leave both hours empty when they are not known."),
    )
    # Hides the end date and the hours while the date is known only to the month or the year.
    script = "js/session-date.js"
    # Where the service's errors on the model's fields are shown.
    service_error_fields = {"starts_at": "starts_on", "ends_at": "ends_time", "time_known": "starts_time"}

    class Meta:
        model = Session
        fields = [
            "title",
            "title_en",
            "place",
            "video_url",
            "description",
            "is_public",
            "reported_attendance",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    field_order = ["kind", "title", "title_en", "starts_on", "date_precision", "ends_on", "starts_time", "ends_time"]

    def __init__(self, *args, plenary=False, creating=True, recording=False, **kwargs):
        super().__init__(*args, **kwargs)
        mark_spanish_texts(self)
        self.fields["title_en"].widget.attrs["lang"] = "en"
        self.recording = recording
        for name in ("ends_on", "starts_time", "ends_time"):
            self.fields[name].widget.attrs["data-exact-date-only"] = ""
        session = self.instance
        if session.pk:
            self.initial.setdefault("starts_on", timezone.localdate(session.starts_at))
            self.initial.setdefault("date_precision", session.date_precision)
            if session.spans_days:
                self.initial.setdefault("ends_on", session.ends_on)
            if session.has_known_hour:
                self.initial.setdefault("starts_time", timezone.localtime(session.starts_at).time())
                self.initial.setdefault("ends_time", timezone.localtime(session.ends_at).time())
        if not (plenary and creating):
            del self.fields["kind"]
        if not plenary:
            del self.fields["reported_attendance"]
        if recording:
            self.fields["starts_on"].help_text = _(
                "When it took place. It is recorded as held and nobody is notified; then record its attendance "
                "and minutes."
            )
            self.helper = submit_helper(_("Record the session"))
        elif creating:
            self.fields["starts_on"].help_text = _(
                "A date in the past records a session that already took place, without notifying anyone."
            )
            self.helper = submit_helper(_("Schedule and notify"))
        else:
            self.helper = submit_helper(_("Save"))
        # The two hours side by side on a wide screen, one under the other on a phone.
        hours = Row(Column("starts_time"), Column("ends_time"))
        self.helper.layout = Layout(
            *(hours if name == "starts_time" else name for name in self.fields if name != "ends_time")
        )

    def clean(self):
        """Turn the days, their precision and the hours into the session's start and end."""
        cleaned = super().clean()
        day, last_day = cleaned.pop("starts_on", None), cleaned.pop("ends_on", None)
        precision = cleaned.get("date_precision")
        starts_time, ends_time = cleaned.pop("starts_time", None), cleaned.pop("ends_time", None)
        if day is None or precision is None or any(map(self.has_error, ("ends_on", "starts_time", "ends_time"))):
            return cleaned
        # The service refuses such days too; here they would not even make a moment (the day after 31/12/9999).
        for name, value in (("starts_on", day), ("ends_on", last_day)):
            if message := implausible_day(value):
                self.add_error(name, forms.ValidationError(message, code="implausible_date"))
                return cleaned
        if precision != DatePrecision.DAY and last_day:
            self.add_error(
                "ends_on",
                forms.ValidationError(
                    _("A session known only by its month or year has no end date: leave it empty."),
                    code="end_without_day",
                ),
            )
        elif last_day and last_day < day:
            self.add_error(
                "ends_on",
                forms.ValidationError(
                    _("The end date cannot come before the date the session starts."), code="ends_before_start"
                ),
            )
        if precision != DatePrecision.DAY and (starts_time or ends_time):
            self.add_error(
                "starts_time",
                forms.ValidationError(
                    _("A session known only by its month or year has no hour: leave both hours empty."),
                    code="hour_without_day",
                ),
            )
        if self.has_error("ends_on") or self.has_error("starts_time"):
            return cleaned
        last_day = last_day or day
        if bool(starts_time) != bool(ends_time):
            self.add_error(
                "ends_time" if starts_time else "starts_time",
                forms.ValidationError(
                    _("Give both the start and the end time, or leave both empty when the hour is not known."),
                    code="one_hour_only",
                ),
            )
            return cleaned
        cleaned["time_known"] = bool(starts_time)
        if starts_time:
            cleaned["starts_at"] = timezone.make_aware(datetime.datetime.combine(day, starts_time))
            cleaned["ends_at"] = timezone.make_aware(datetime.datetime.combine(last_day, ends_time))
        else:
            # No hour is stored: the session takes its whole days, as an all-day event in a calendar.
            cleaned["starts_at"] = timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
            cleaned["ends_at"] = timezone.make_aware(
                datetime.datetime.combine(last_day + datetime.timedelta(days=1), datetime.time())
            )
        if self.recording and cleaned["starts_at"] > timezone.now():
            self.add_error(
                "starts_on",
                forms.ValidationError(
                    _("This page records sessions that already took place; schedule an upcoming one instead."),
                    code="session_not_held_yet",
                ),
            )
        return cleaned

    def _post_clean(self):
        """Leave the model's rules to the service, which reports them next to the fields."""


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=_("Item"), max_length=255)
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, submit_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        mark_spanish_texts(self)
        self.helper = submit_helper(submit_label or _("Add to the agenda"))


validate_session_document = UploadValidator(
    ("pdf", "png", "jpeg", "docx", "xlsx", "pptx"), 10 * 1024 * 1024, code="document"
)


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, PNG, JPEG, Word, Excel or PowerPoint, up to 10 MB."),
        validators=[validate_session_document],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Upload"))


class AttendanceConfirmForm(forms.Form):
    response = forms.ChoiceField(
        label=_("Will you attend?"), choices=AttendanceResponse.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Send my answer"))


ATTENDANCE_CHOICES = [("", _("Not recorded")), *AttendanceStatus.choices]


class AttendanceSheetForm(forms.Form):
    """One choice per person who may attend, plus a line to add somebody by e-mail."""

    other_email = forms.EmailField(
        label=_("Somebody else, by e-mail"),
        required=False,
        help_text=_("For a representative who is not listed above."),
    )
    other_status = forms.ChoiceField(label=_("Their attendance"), required=False, choices=ATTENDANCE_CHOICES)

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for person, organization, record in rows:
            name = f"person_{person.pk}"
            label = f"{person.full_name} ({organization})" if organization else person.full_name
            self.fields[name] = forms.ChoiceField(
                label=label, required=False, choices=ATTENDANCE_CHOICES, initial=record.status if record else ""
            )
            self.rows.append((name, person, organization, record))
        self.fields["other_email"] = self.fields.pop("other_email")
        self.fields["other_status"] = self.fields.pop("other_status")

    def clean(self):
        data = super().clean()
        if data.get("other_email") and not data.get("other_status"):
            self.add_error("other_status", _("Choose the attendance of this person."))
        return data

    def person_fields(self):
        return [(self[name], person, organization, record) for name, person, organization, record in self.rows]


# A correction's choices for a row of the list: its status, nothing recorded, or struck off the list.
STRIKE = "strike"
NO_STATUS = "none"
CORRECTION_CHOICES = [*AttendanceStatus.choices, (NO_STATUS, _("Not recorded")), (STRIKE, _("Strike off the list"))]


class AttendanceCorrectionForm(forms.Form):
    """One choice per row of a past session's list (as it stands), and the reason of the correction."""

    reason = forms.CharField(label=_("Reason for the correction"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for record in rows:
            name = f"row_{record.pk}"
            self.fields[name] = forms.ChoiceField(
                label=record.person.full_name, choices=CORRECTION_CHOICES, initial=record.status or NO_STATUS
            )
            self.rows.append((name, record))
        self.fields["reason"] = self.fields.pop("reason")

    def row_fields(self):
        return [(self[name], record) for name, record in self.rows]

    def corrections(self):
        """Return the ``statuses`` and ``struck`` rows for ``services.attendance_correct``."""
        statuses, struck = {}, []
        for name, record in self.rows:
            value = self.cleaned_data[name]
            if value == STRIKE:
                struck.append(record)
            elif (value if value != NO_STATUS else "") != record.status:
                statuses[record] = "" if value == NO_STATUS else value
        return statuses, struck


class MinutesForm(forms.Form):
    body = forms.CharField(label=_("Minutes"), widget=forms.Textarea(attrs={"rows": 14}))
    correction_note = forms.CharField(label=_("What this version corrects"), required=False, max_length=255)

    def __init__(self, *args, correcting=False, **kwargs):
        super().__init__(*args, **kwargs)
        mark_spanish_texts(self)
        if correcting:
            self.fields["correction_note"].required = True
        else:
            del self.fields["correction_note"]
        self.helper = submit_helper(_("Save the correction") if correcting else _("Save the draft"))


class MinutesApproveForm(forms.Form):
    approved_at_session = ModelChoiceField(
        label=_("Approved at the session"),
        required=False,
        queryset=Session.objects.none(),
        help_text=_("Leave empty when the chair approves them outside a session."),
    )

    def __init__(self, *args, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["approved_at_session"].queryset = sessions
        self.helper = submit_helper(_("Approve and publish"))


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(_("Send the comment"))


class ResponsiblePersonField(ModelChoiceField):
    """A representative, named with the organization they speak for, so the right one is easy to pick."""

    def label_from_instance(self, obj):
        represents = getattr(obj, "represents", None)
        return f"{obj.full_name} ({represents})" if represents else obj.full_name


class AgreementForm(forms.ModelForm):
    responsible_person = ResponsiblePersonField(
        label=_("Responsible person"),
        required=False,
        queryset=get_user_model().objects.none(),
        help_text=_("A representative of the responsible organization, when there is one."),
    )

    class Meta:
        model = Agreement
        fields = ["description", "responsible_organization", "responsible_person", "due_on", "status", "follow_up"]
        widgets = {
            "due_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
            "follow_up": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, organizations, people, **kwargs):
        super().__init__(*args, **kwargs)
        mark_spanish_texts(self)
        self.fields["responsible_organization"].queryset = organizations
        self.fields["responsible_person"].queryset = people
        self.helper = submit_helper(_("Save"))

    def _post_clean(self):
        """Leave the model's rules to the service, which reports them next to the fields."""


class AgreementFilterForm(forms.Form):
    STATUS_CHOICES = [("", _("Any")), ("open", _("Open (pending or in progress)")), *AgreementStatus.choices]

    q = forms.CharField(label=_("Text"), required=False, max_length=200)
    committee = ModelChoiceField(label=_("Committee"), required=False, queryset=Committee.objects.all())
    status = forms.ChoiceField(label=_("Status"), required=False, choices=STATUS_CHOICES)
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)

    def __init__(self, *args, with_committee=True, **kwargs):
        super().__init__(*args, **kwargs)
        if with_committee:
            self.fields["committee"].queryset = Committee.objects.select_related("goal")
        else:
            del self.fields["committee"]
