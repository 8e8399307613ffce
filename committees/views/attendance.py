"""Correcting a past session's attendance list (staff; the secretary until the minutes are approved)."""

from django.utils.translation import gettext_lazy

from audit.selectors import history_for
from axs_platform.service_views import ServiceFormView

from .. import permissions, selectors, services
from ..forms import AttendanceCorrectionForm
from .sessions import SessionMixin


class AttendanceCorrectView(SessionMixin, ServiceFormView):
    """Put a row's status right or strike it off the list, saying why; recorded in the session's history."""

    template_name = "committees/attendance_correct.html"
    predicate = staticmethod(permissions.can_correct_attendance)
    success_message = gettext_lazy("The attendance list has been corrected.")

    def get_form(self, form_class=None):
        rows = selectors.attendance_rows_to_correct(self.session)
        return AttendanceCorrectionForm(**self.get_form_kwargs(), rows=rows)

    def get_context_data(self, **kwargs):
        return super().get_context_data(history=history_for(self.session, limit=20), **kwargs)

    def call_service(self, form):
        statuses, struck = form.corrections()
        return services.attendance_correct(
            actor=self.request.user,
            session=self.session,
            reason=form.cleaned_data["reason"],
            statuses=statuses,
            struck=struck,
            request=self.request,
        )
