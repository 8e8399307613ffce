"""Correcting a past session's attendance list (staff; the secretary until the minutes are approved)."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy

from audit.selectors import history_for
from axs_platform.pagination import page_of
from axs_platform.service_views import ServiceFormView

from .. import permissions, selectors, services
from ..forms import AttendanceCorrectionForm
from .sessions import ATTENDANCE_PER_PAGE, SessionMixin


class AttendanceCorrectView(SessionMixin, ServiceFormView):
    """Put a row's status right or strike it off the list, saying why; recorded in the session's history."""

    template_name = "committees/attendance_correct.html"
    predicate = staticmethod(permissions.can_correct_attendance)
    success_message = gettext_lazy("The attendance list has been corrected.")

    @cached_property
    def page(self):
        # A page of the list at a time (the sheet's 50): a large committee's list has a thousand rows, and the
        # service corrects the rows it is given. The form posts back to its own page (?page=).
        return page_of(self.request, selectors.attendance_rows_to_correct(self.session), ATTENDANCE_PER_PAGE)

    def get_form(self, form_class=None):
        return AttendanceCorrectionForm(**self.get_form_kwargs(), rows=self.page.object_list)

    def get_context_data(self, **kwargs):
        return super().get_context_data(history=history_for(self.session, limit=20), page_obj=self.page, **kwargs)

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
