"""Pages of sessions: scheduling, the session page, attendance, minutes, agreements and calendars."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View

from audit.selectors import events_for
from axs_platform.permissions import PredicateRequiredMixin, StaffRequiredMixin
from axs_platform.uploads import private_file_response
from companies.models import Organization

from .. import desk, ical, permissions, selectors, services
from ..forms import (
    AgendaItemForm,
    AgreementFilterForm,
    AgreementForm,
    AttendanceConfirmForm,
    AttendanceSheetForm,
    CommentForm,
    DocumentForm,
    MinutesApproveForm,
    MinutesForm,
    ReasonForm,
    SessionForm,
)
from ..models import (
    AgendaItem,
    Agreement,
    Attendance,
    CalendarFeed,
    Session,
    SessionDocument,
    SessionKind,
    SessionStatus,
)
from .committees import CommitteeMixin, ServiceFormView, page_of

AGREEMENTS_PER_PAGE = 50
SESSIONS_PER_PAGE = 25


class SessionMixin(PredicateRequiredMixin):
    """Load the session named in the URL, then ask ``predicate(user, session)``."""

    predicate = staticmethod(permissions.can_see_session_internals)
    public_when_published = False

    def dispatch(self, request, *args, **kwargs):
        self.session = get_object_or_404(Session.objects.select_related("committee__goal"), pk=kwargs["pk"])
        if self.public_when_published and self.session.is_public:
            # A published session is open to everybody, signed in or not: skip the sign-in check.
            return super(PredicateRequiredMixin, self).dispatch(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return type(self).predicate(self.request.user, self.session)

    def get_context_data(self, **kwargs):
        return super().get_context_data(session=self.session, committee=self.session.committee, **kwargs)

    def get_success_url_for(self, result):
        return self.session.get_absolute_url()


class SessionCreateView(PredicateRequiredMixin, ServiceFormView):
    """Schedule a committee session (staff or its chair) or a plenary (staff); invitees are e-mailed.

    With ``recording`` it records a session that already took place (its secretary too); nobody is invited.
    """

    template_name = "committees/form.html"
    recording = False
    session = None

    @property
    def success_message(self):
        if self.session is not None and self.session.status == SessionStatus.HELD:
            return _("The session was recorded as held, without notifying anyone. Record its attendance and minutes.")
        return _("The session has been scheduled and the members have been notified.")

    def dispatch(self, request, *args, **kwargs):
        self.committee = None
        if "pk" in kwargs:
            self.committee = get_object_or_404(Session._meta.get_field("committee").related_model, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        if self.recording:
            return permissions.can_record_past_session(self.request.user, self.committee)
        return permissions.can_schedule_session(self.request.user, self.committee)

    def get_form(self, form_class=None):
        return SessionForm(**self.get_form_kwargs(), plenary=self.committee is None, recording=self.recording)

    def get_context_data(self, **kwargs):
        if self.recording:
            title = _("Record a session that took place")
        else:
            title = _("New plenary session") if self.committee is None else _("New session of the committee")
        return super().get_context_data(title=title, committee=self.committee, **kwargs)

    def call_service(self, form):
        data = dict(form.cleaned_data)
        kind = data.pop("kind", SessionKind.COMMITTEE)
        self.session = services.session_schedule(
            actor=self.request.user, committee=self.committee, kind=kind, request=self.request, **data
        )
        return self.session


class SessionUpdateView(SessionMixin, ServiceFormView):
    template_name = "committees/form.html"
    predicate = staticmethod(permissions.can_manage_session)
    success_message = gettext_lazy("The session has been saved.")

    def get_form(self, form_class=None):
        return SessionForm(
            **self.get_form_kwargs(), instance=self.session, plenary=self.session.is_plenary, creating=False
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Edit the session"),
            intro=_("If the date, time, place or title change, the invitees receive the updated calendar entry."),
            history=events_for(self.session)[:50],
            **kwargs,
        )

    def call_service(self, form):
        return services.session_update(
            actor=self.request.user, session=self.session, request=self.request, **form.cleaned_data
        )


class SessionCancelView(SessionMixin, ServiceFormView):
    template_name = "committees/form.html"
    predicate = staticmethod(permissions.can_manage_session)
    success_message = gettext_lazy("The session has been cancelled and the invitees have been notified.")

    def get_form(self, form_class=None):
        return ReasonForm(**self.get_form_kwargs(), submit_label=_("Cancel the session"))

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Cancel the session"), **kwargs)

    def call_service(self, form):
        return services.session_cancel(
            actor=self.request.user, session=self.session, reason=form.cleaned_data["reason"], request=self.request
        )


class SessionDetailView(SessionMixin, TemplateView):
    """A session: date, place, agenda and documents; for members the attendance, minutes and agreements."""

    template_name = "committees/session_detail.html"
    predicate = staticmethod(permissions.can_see_session)
    public_when_published = True

    def get_context_data(self, **kwargs):
        user = self.request.user
        session = self.session
        internals = permissions.can_see_session_internals(user, session)
        all_minutes = list(selectors.latest_minutes(session))
        approved = [m for m in all_minutes if not m.is_draft]
        draft = next((m for m in all_minutes if m.is_draft), None)
        context = {
            "internals": internals,
            "agenda": list(session.agenda.all()),
            "documents": list(session.documents.all()),
            "minutes_in_force": approved[0] if approved else None,
            "earlier_versions": approved[1:],
            "can_manage": permissions.can_manage_session(user, session) and not session.is_cancelled,
            "can_record": permissions.can_record_session_outcome(user, session) and not session.is_cancelled,
            "can_approve": permissions.can_approve_minutes(user, session),
            "is_held": session.starts_at.date() <= timezone.localdate(),
        }
        if internals:
            context["draft"] = draft
            context["summary"] = selectors.quorum(session)
            context["attendance"] = list(
                Attendance.objects.filter(session=session)
                .exclude(status="")
                .select_related("person", "organization")
                .order_by("organization__legal_name", "person__full_name")
            )
            context["agreements"] = list(selectors.agreements().filter(session=session))
            context["can_comment"] = draft is not None and permissions.can_comment_on_minutes(user, session)
            if draft is not None and context["can_comment"]:
                context["comment_form"] = CommentForm()
        if user.is_authenticated and permissions.can_confirm_attendance(user, session):
            mine = Attendance.objects.filter(session=session, person=user).first()
            context["my_response"] = mine.get_response_display() if mine and mine.response else ""
            context["confirm_form"] = AttendanceConfirmForm(initial={"response": mine.response if mine else ""})
        return super().get_context_data(**context, **kwargs)


class AgendaItemAddView(SessionMixin, ServiceFormView):
    template_name = "committees/form.html"
    form_class = AgendaItemForm
    predicate = staticmethod(permissions.can_manage_session)
    success_message = gettext_lazy("The item has been added to the agenda.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Add an agenda item"), **kwargs)

    def call_service(self, form):
        services.agenda_item_add(
            actor=self.request.user, session=self.session, request=self.request, **form.cleaned_data
        )


class AgendaItemEditView(SessionMixin, ServiceFormView):
    template_name = "committees/form.html"
    predicate = staticmethod(permissions.can_manage_session)
    success_message = gettext_lazy("The agenda item has been changed.")

    def dispatch(self, request, *args, **kwargs):
        self.item = get_object_or_404(AgendaItem, pk=kwargs["item_pk"], session_id=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, form_class=None):
        return AgendaItemForm(**self.get_form_kwargs(), submit_label=_("Save"))

    def get_initial(self):
        return {"title": self.item.title, "notes": self.item.notes}

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Change an agenda item"), **kwargs)

    def call_service(self, form):
        services.agenda_item_update(actor=self.request.user, item=self.item, request=self.request, **form.cleaned_data)


class AgendaItemMoveView(SessionMixin, View):
    """Move an agenda item one place up or down (a plain form button)."""

    predicate = staticmethod(permissions.can_manage_session)

    def post(self, request, *args, **kwargs):
        item = get_object_or_404(AgendaItem, pk=kwargs["item_pk"], session_id=kwargs["pk"])
        try:
            services.agenda_item_move(
                actor=request.user, item=item, direction=request.POST.get("direction"), request=request
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(self.session.get_absolute_url() + "#agenda-title")


class DocumentAddView(SessionMixin, ServiceFormView):
    template_name = "committees/form.html"
    form_class = DocumentForm
    success_message = gettext_lazy("The document has been attached to the session.")

    @staticmethod
    def predicate(user, session):
        return permissions.can_manage_session(user, session) or permissions.can_record_session_outcome(user, session)

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Attach a document"), **kwargs)

    def call_service(self, form):
        services.document_add(actor=self.request.user, session=self.session, request=self.request, **form.cleaned_data)


class DocumentDownloadView(PredicateRequiredMixin, View):
    def dispatch(self, request, *args, **kwargs):
        self.document = get_object_or_404(SessionDocument.objects.select_related("session"), pk=kwargs["pk"])
        if self.document.session.is_public:
            return super(PredicateRequiredMixin, self).dispatch(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_see_session_internals(self.request.user, self.document.session)

    def get(self, request, *args, **kwargs):
        return private_file_response(self.document.file, self.document.original_name)


class AttendanceConfirmView(SessionMixin, View):
    """A member answers whether they will attend (a plain POST from the session page)."""

    predicate = staticmethod(permissions.can_confirm_attendance)

    def post(self, request, *args, **kwargs):
        form = AttendanceConfirmForm(request.POST)
        if form.is_valid():
            try:
                services.attendance_confirm(
                    actor=request.user, session=self.session, response=form.cleaned_data["response"], request=request
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Thank you, your answer has been recorded."))
        else:
            messages.error(request, _("Choose whether you will attend."))
        return redirect(self.session)


class AttendanceRecordView(SessionMixin, ServiceFormView):
    """The secretary's attendance sheet: every representative who may attend, and anybody else by e-mail."""

    template_name = "committees/attendance_form.html"
    predicate = staticmethod(permissions.can_record_session_outcome)
    success_message = gettext_lazy("The attendance has been saved.")

    def get_form(self, form_class=None):
        return AttendanceSheetForm(**self.get_form_kwargs(), rows=selectors.attendance_sheet(self.session))

    def call_service(self, form):
        entries = {person: form.cleaned_data[name] for name, person, _organization, _record in form.rows}
        email = form.cleaned_data.get("other_email")
        if email:
            person = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
            if person is None:
                raise ValidationError(
                    {"other_email": _("Nobody with this e-mail address has an account.")}, code="unknown_person"
                )
            entries[person] = form.cleaned_data["other_status"]
        services.attendance_record(actor=self.request.user, session=self.session, entries=entries, request=self.request)


class MinutesEditView(SessionMixin, ServiceFormView):
    """The secretary writes the draft, or opens a correction of approved minutes."""

    template_name = "committees/minutes_form.html"
    predicate = staticmethod(permissions.can_record_session_outcome)
    success_message = gettext_lazy("The minutes have been saved as a draft.")

    def _versions(self):
        if not hasattr(self, "_minutes"):
            self._minutes = list(selectors.latest_minutes(self.session))
        return self._minutes

    @property
    def correcting(self):
        """Approved minutes are frozen: writing again opens a correction, a new version."""
        versions = self._versions()
        return bool(versions) and not versions[0].is_draft

    def get_initial(self):
        versions = self._versions()
        return {"body": versions[0].body} if versions else {}

    def get_form(self, form_class=None):
        return MinutesForm(**self.get_form_kwargs(), correcting=self.correcting)

    def get_context_data(self, **kwargs):
        versions = self._versions()
        return super().get_context_data(latest=versions[0] if versions else None, correcting=self.correcting, **kwargs)

    def call_service(self, form):
        if self.correcting:
            return services.minutes_start_correction(
                actor=self.request.user, session=self.session, request=self.request, **form.cleaned_data
            )
        return services.minutes_save_draft(
            actor=self.request.user, session=self.session, body=form.cleaned_data["body"], request=self.request
        )


class MinutesApproveView(SessionMixin, ServiceFormView):
    template_name = "committees/form.html"
    predicate = staticmethod(permissions.can_approve_minutes)
    success_message = gettext_lazy("The minutes are approved and have been sent to the members.")

    def get_form(self, form_class=None):
        later = Session.objects.filter(
            committee_id=self.session.committee_id,
            kind=self.session.kind,
            starts_at__gt=self.session.starts_at,
            starts_at__lte=timezone.now(),
        ).order_by("starts_at")
        return MinutesApproveForm(**self.get_form_kwargs(), sessions=later)

    def get_context_data(self, **kwargs):
        draft = selectors.latest_minutes(self.session).filter(status="draft").first()
        return super().get_context_data(title=_("Approve the minutes"), minutes_preview=draft, **kwargs)

    def call_service(self, form):
        draft = selectors.latest_minutes(self.session).filter(status="draft").first()
        if draft is None:
            raise ValidationError(_("There are no draft minutes to approve."), code="no_draft")
        services.minutes_approve(actor=self.request.user, minutes=draft, request=self.request, **form.cleaned_data)


class MinutesCommentView(SessionMixin, View):
    predicate = staticmethod(permissions.can_comment_on_minutes)

    def post(self, request, *args, **kwargs):
        form = CommentForm(request.POST)
        draft = selectors.latest_minutes(self.session).filter(status="draft").first()
        if draft is None:
            messages.error(request, _("There are no draft minutes to comment on."))
        elif form.is_valid():
            try:
                services.minutes_comment(
                    actor=request.user, minutes=draft, body=form.cleaned_data["body"], request=request
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Your comment has been added to the draft minutes."))
        else:
            messages.error(request, _("Write your comment."))
        return redirect(reverse("committees:session-detail", args=[self.session.pk]) + "#minutes")


def _agreement_choices(session):
    return selectors.agreement_organizations(session), selectors.agreement_people(session)


class AgreementCreateView(SessionMixin, ServiceFormView):
    template_name = "committees/form.html"
    predicate = staticmethod(permissions.can_record_session_outcome)
    success_message = gettext_lazy("The agreement has been recorded.")

    def get_form(self, form_class=None):
        organizations, people = _agreement_choices(self.session)
        return AgreementForm(**self.get_form_kwargs(), organizations=organizations, people=people)

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("New agreement"), **kwargs)

    def call_service(self, form):
        services.agreement_create(
            actor=self.request.user, session=self.session, request=self.request, **form.cleaned_data
        )


class AgreementUpdateView(PredicateRequiredMixin, ServiceFormView):
    template_name = "committees/form.html"
    success_message = gettext_lazy("The agreement has been saved.")

    def dispatch(self, request, *args, **kwargs):
        self.agreement = get_object_or_404(
            Agreement.objects.select_related("session__committee__goal", "responsible_organization"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_record_session_outcome(self.request.user, self.agreement.session)

    def get_form(self, form_class=None):
        organizations, people = _agreement_choices(self.agreement.session)
        # Whoever answers for the agreement stays choosable even if they have left since.
        organizations = Organization.objects.filter(
            Q(pk__in=organizations.values("pk")) | Q(pk=self.agreement.responsible_organization_id)
        ).order_by("legal_name")
        people = selectors.with_organization_name(
            get_user_model().objects.filter(Q(pk__in=people.values("pk")) | Q(pk=self.agreement.responsible_person_id))
        )
        return AgreementForm(
            **self.get_form_kwargs(), instance=self.agreement, organizations=organizations, people=people
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Follow up the agreement"),
            session=self.agreement.session,
            committee=self.agreement.session.committee,
            history=events_for(self.agreement)[:50],
            **kwargs,
        )

    def call_service(self, form):
        services.agreement_update(
            actor=self.request.user, agreement=self.agreement, request=self.request, **form.cleaned_data
        )

    def get_success_url_for(self, result):
        return self.request.GET.get("next") if _safe_next(self.request) else self.agreement.session.get_absolute_url()


def _safe_next(request):
    target = request.GET.get("next", "")
    return target.startswith("/") and not target.startswith("//")


class AgreementListMixin:
    template_name = "committees/agreement_list.html"

    def agreement_page(self, committee=None, *, can_edit, across=False):
        """Return the page's body: the counts, the filter form and a page of agreements.

        It is rendered once per version of the committees' data, per filter, page and audience,
        and kept in the cache (committees.receivers makes it stale on every change).
        """
        query = sorted((key, value) for key, values in self.request.GET.lists() for value in values)
        parts = (committee.pk if committee else None, self.request.path, query, can_edit, across)
        body = selectors.cached_fragment(
            "agreements", parts, lambda: (self.render_body(committee, can_edit=can_edit, across=across), None)
        )
        return {"body": body}

    def render_body(self, committee, *, can_edit, across):
        form = AgreementFilterForm(self.request.GET or None, with_committee=committee is None)
        filters = {}
        page_committee = committee
        if form.is_valid():
            data = form.cleaned_data
            filters = {"status": data["status"], "overdue": data["overdue"], "query": data["q"]}
            if committee is None and data.get("committee"):
                committee = data["committee"]
        rows = selectors.agreements(committee=committee, **filters)
        query = self.request.GET.copy()
        query.pop("page", None)
        context = {
            "committee": page_committee,
            "filter_form": form,
            "agreements": page_of(self.request, selectors.page_rows(rows), AGREEMENTS_PER_PAGE),
            "query_without_page": query.urlencode(),
            "counts": selectors.agreement_counts(committee=committee),
            "today": timezone.localdate(),
            "can_edit": can_edit,
            "across": across,
        }
        return render_to_string("committees/includes/agreement_list_body.html", context, request=self.request)


class AgreementListView(StaffRequiredMixin, AgreementListMixin, TemplateView):
    """Staff's follow-up of agreements across every committee and plenary."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **self.agreement_page(can_edit=True, across=True), across=True, can_edit=True, **kwargs
        )


class CommitteeAgreementListView(CommitteeMixin, PredicateRequiredMixin, AgreementListMixin, TemplateView):
    """A committee's follow-up of its agreements, for its members."""

    def has_permission(self):
        return permissions.can_see_committee_internals(self.request.user, self.committee)

    def get_context_data(self, **kwargs):
        user = self.request.user
        can_edit = permissions.is_staff_member(user) or permissions.is_secretary(user, self.committee.pk)
        return super().get_context_data(
            **self.agreement_page(self.committee, can_edit=can_edit), can_edit=can_edit, **kwargs
        )


class CommitteeSessionListView(CommitteeMixin, TemplateView):
    """Every session of a committee, newest first (published ones only for non-members)."""

    template_name = "committees/session_list.html"

    def get_context_data(self, **kwargs):
        sessions = selectors.committee_sessions(self.committee, user=self.request.user).order_by("-starts_at")
        return super().get_context_data(sessions=page_of(self.request, sessions, SESSIONS_PER_PAGE), **kwargs)


# The session list's "actas" filter, used by the home desk's cards: label and how it narrows the list.
MINUTES_FILTERS = {
    "por-aprobar": (gettext_lazy("Sessions whose minutes wait for approval"), desk.sessions_with_draft_minutes),
    "por-redactar": (gettext_lazy("Sessions held in the last 90 days without minutes"), desk.sessions_needing_minutes),
}


class SessionListView(TemplateView):
    """The plenary sessions and every session one may see, newest first."""

    template_name = "committees/session_list.html"

    def get_context_data(self, **kwargs):
        sessions = selectors.sessions_with_counts(selectors.visible_sessions(self.request.user)).order_by("-starts_at")
        kind = self.request.GET.get("tipo", "")
        if kind in SessionKind.values:
            sessions = sessions.filter(kind=kind)
        minutes = self.request.GET.get("actas", "")
        if minutes in MINUTES_FILTERS:
            sessions = MINUTES_FILTERS[minutes][1](sessions)
        query = {key: value for key, value in (("tipo", kind), ("actas", minutes)) if value}
        return super().get_context_data(
            sessions=page_of(self.request, sessions, SESSIONS_PER_PAGE),
            kind=kind,
            kinds=SessionKind.choices,
            minutes_filter=MINUTES_FILTERS[minutes][0] if minutes in MINUTES_FILTERS else "",
            can_schedule_plenary=permissions.can_schedule_session(self.request.user, None),
            query_without_page=urlencode(query),
            **kwargs,
        )


class CalendarView(TemplateView):
    """Upcoming sessions the visitor may see, and the person's own feed address."""

    template_name = "committees/calendar.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        context = {"sessions": page_of(self.request, selectors.upcoming_sessions(user), SESSIONS_PER_PAGE)}
        if user.is_authenticated:
            feed = CalendarFeed.objects.filter(person=user).first()
            context["feed_url"] = self.request.build_absolute_uri(feed.get_absolute_url()) if feed else ""
        return super().get_context_data(**context, **kwargs)


class CalendarSubscribeView(PredicateRequiredMixin, View):
    """Create, or renew, the secret address of the person's calendar feed."""

    def post(self, request, *args, **kwargs):
        feed, created = CalendarFeed.objects.get_or_create(person=request.user)
        if not created:
            feed.token = CalendarFeed._meta.get_field("token").default()
            feed.save(update_fields=["token"])
            messages.success(request, _("Your calendar address has been renewed; the previous one no longer works."))
        else:
            messages.success(request, _("Your calendar address is ready. Add it to your calendar application."))
        return redirect("committees:calendar")


def calendar_feed(request, token):
    """The .ics feed of a person's sessions, reachable without signing in through its secret address."""
    feed = CalendarFeed.objects.select_related("person").filter(token=token).first()
    if feed is None or not feed.person.is_active:
        raise Http404
    sessions = list(selectors.feed_sessions(feed.person))
    body = ical.calendar(sessions, name=_("AxS sessions"))
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


class SessionICalendarView(SessionMixin, View):
    """One session as an .ics file to add to a calendar."""

    predicate = staticmethod(permissions.can_see_session)
    public_when_published = True

    def get(self, request, *args, **kwargs):
        response = HttpResponse(
            ical.calendar([self.session], method="PUBLISH"), content_type="text/calendar; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="sesion-{self.session.pk}.ics"'
        return response
