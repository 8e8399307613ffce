"""Pages of minutes: the secretary's draft, its approval and the members' comments."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View

from axs_platform.service_views import ServiceFormView

from .. import permissions, selectors, services
from ..forms import (
    CommentForm,
    MinutesApproveForm,
    MinutesForm,
)
from .sessions import OutcomeRefusalMixin, SessionMixin


class MinutesEditView(OutcomeRefusalMixin, SessionMixin, ServiceFormView):
    """The secretary writes the draft, or opens a correction of approved minutes."""

    template_name = "committees/minutes_form.html"
    predicate = staticmethod(permissions.can_record_session_outcome)
    refusal = staticmethod(services.minutes_refusal)
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
        sessions = selectors.sessions_that_may_approve_minutes_of(self.session)
        return MinutesApproveForm(**self.get_form_kwargs(), sessions=sessions)

    def get_context_data(self, **kwargs):
        draft = selectors.latest_minutes(self.session).filter(status="draft").first()
        return super().get_context_data(title=_("Approve the minutes"), minutes_preview=draft, **kwargs)

    def call_service(self, form):
        services.minutes_approve_draft(
            actor=self.request.user, session=self.session, request=self.request, **form.cleaned_data
        )


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
