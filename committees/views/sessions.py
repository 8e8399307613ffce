"""Pages of sessions: scheduling, the session page, its agenda, documents and attendance."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View

from accounts.selectors import active_person_with_email
from audit.selectors import history_for
from axs_platform import fragments
from axs_platform.pagination import page_of, query_without
from axs_platform.permissions import PredicateRequiredMixin
from axs_platform.service_views import ServiceFormView
from axs_platform.uploads import private_file_response

from .. import desk, permissions, selectors, services
from ..forms import (
    AgendaItemForm,
    AttendanceConfirmForm,
    AttendanceSheetForm,
    CommentForm,
    DocumentForm,
    ReasonForm,
    SessionForm,
)
from ..models import AgendaItem, Session, SessionDocument, SessionKind, SessionStatus
from .committees import CommitteeMixin

SESSIONS_PER_PAGE = 25
ATTENDANCE_PER_PAGE = 50


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
            history=history_for(self.session, limit=50),
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
        all_minutes = list(selectors.visible_minutes(user, session))
        # Who approved the minutes is not named to the public when they oppose the directory or being named in
        # minutes (``withhold_names``, the rule the minutes PDF follows too).
        approved = selectors.withhold_names(
            [m for m in all_minutes if not m.is_draft],
            "approved_by_id",
            reader_sees_names=internals,
            honour=selectors.MINUTES_PURPOSES,
        )
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
            "is_held": not session.is_upcoming,
        }
        if internals:
            context["draft"] = draft
            # The quorum reads the attendance, the memberships and who represents whom: every service writing
            # them bumps the committees' version, so it is counted once per version.
            context["summary"] = fragments.fragment(
                [fragments.COMMITTEES], "quorum", (session.pk,), lambda: (selectors.quorum(session), None)
            )
            # A committee of a thousand members records a thousand rows: the list is paged (?asistencia=).
            context["attendance"] = page_of(
                self.request, selectors.recorded_attendance(session), ATTENDANCE_PER_PAGE, param="asistencia"
            )
            context["attendance_query"] = query_without(self.request, "asistencia")
            context["attendance_corrections"] = selectors.attendance_corrections(session)
            context["can_correct"] = context["is_held"] and permissions.can_correct_attendance(user, session)
            context["can_record_attendance"] = context["can_record"] and services.attendance_refusal(session) is None
            context["agreements"] = list(selectors.agreements().filter(session=session))
            context["can_comment"] = draft is not None and permissions.can_comment_on_minutes(user, session)
            if draft is not None and context["can_comment"]:
                context["comment_form"] = CommentForm()
        if user.is_authenticated and permissions.can_confirm_attendance(user, session):
            mine = selectors.attendance_of(session, user)
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


class OutcomeRefusalMixin:
    """A page that records a session's outcome opens only when its service would take it.

    ``refusal(session)`` is the service's own check (``attendance_refusal``, ``minutes_refusal``…): when it
    refuses (cancelled, not started, minutes approved), the session's page says why before anything is typed.
    """

    refusal = None

    def get(self, request, *args, **kwargs):
        refusal = type(self).refusal(self.session)
        if refusal is not None:
            messages.error(request, " ".join(refusal.messages))
            return redirect(self.session)
        return super().get(request, *args, **kwargs)


class AttendanceRecordView(OutcomeRefusalMixin, SessionMixin, ServiceFormView):
    """The secretary's attendance sheet: every representative who may attend, and anybody else by e-mail."""

    template_name = "committees/attendance_form.html"
    sheet_template = "committees/includes/attendance_sheet.html"
    predicate = staticmethod(permissions.can_record_session_outcome)
    refusal = staticmethod(services.attendance_refusal)
    success_message = gettext_lazy("The attendance has been saved.")

    def get_form(self, form_class=None):
        # A plenary or a large committee invites hundreds: the sheet is saved a page at a time
        # (the service records only the people it is given).
        self.sheet = page_of(self.request, selectors.attendance_sheet(self.session), ATTENDANCE_PER_PAGE)
        rows = selectors.attendance_rows(self.session, self.sheet.object_list)
        return AttendanceSheetForm(**self.get_form_kwargs(), rows=rows)

    def render_sheet(self, form):
        return render_to_string(self.sheet_template, {"form": form, "sheet": self.sheet})

    def get_context_data(self, **kwargs):
        if "form" not in kwargs:
            # The blank sheet of a page is a fragment of the committees' data: recording attendance, memberships,
            # representatives and names all bump it. A sheet posted back with errors is rendered from that form.
            def render():
                return self.render_sheet(self.get_form()), None

            key = (self.session.pk, self.request.GET.get("page", ""))
            sheet = fragments.fragment([fragments.COMMITTEES], "attendance-sheet", key, render)
            kwargs.update(form=None, sheet_html=sheet)
        return super().get_context_data(**kwargs)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form, sheet_html=self.render_sheet(form)))

    def get_success_url_for(self, result):
        if self.sheet.has_next():
            url = reverse("committees:attendance-record", args=[self.session.pk])
            return f"{url}?{urlencode({'page': self.sheet.next_page_number()})}"
        return super().get_success_url_for(result)

    def call_service(self, form):
        entries = {person: form.cleaned_data[name] for name, person, _organization, _record in form.rows}
        email, other = form.cleaned_data.get("other_email"), None
        if email:
            other = (active_person_with_email(email, field="other_email"), form.cleaned_data["other_status"])
        services.attendance_record(
            actor=self.request.user, session=self.session, entries=entries, other=other, request=self.request
        )


class CommitteeSessionListView(CommitteeMixin, TemplateView):
    """Every session of a committee, newest first (published ones only for non-members)."""

    template_name = "committees/session_list.html"

    def get_context_data(self, **kwargs):
        sessions = selectors.committee_sessions(self.committee, user=self.request.user).order_by("-starts_at")
        return super().get_context_data(sessions=page_of(self.request, sessions, SESSIONS_PER_PAGE), **kwargs)


class SessionListView(TemplateView):
    """The plenary sessions and every session one may see, newest first."""

    template_name = "committees/session_list.html"

    def get_context_data(self, **kwargs):
        sessions = selectors.sessions_with_counts(selectors.visible_sessions(self.request.user)).order_by("-starts_at")
        kind = self.request.GET.get("tipo", "")
        if kind in SessionKind.values:
            sessions = sessions.filter(kind=kind)
        minutes = self.request.GET.get("actas", "")
        if minutes in desk.MINUTES_FILTERS:
            sessions = desk.MINUTES_FILTERS[minutes][1](sessions)
        query = {key: value for key, value in (("tipo", kind), ("actas", minutes)) if value}
        return super().get_context_data(
            sessions=page_of(self.request, sessions, SESSIONS_PER_PAGE),
            kind=kind,
            kinds=SessionKind.choices,
            minutes_filter=desk.MINUTES_FILTERS[minutes][0] if minutes in desk.MINUTES_FILTERS else "",
            can_schedule_plenary=permissions.can_schedule_session(self.request.user, None),
            query_without_page=urlencode(query),
            **kwargs,
        )
