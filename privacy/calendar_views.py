"""Staff's page of the legal terms and the non-working days that the deadlines skip."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from axs_platform.forms import add_service_errors
from axs_platform.permissions import StaffRequiredMixin

from . import selectors, services
from .forms import HolidayForm, PolicyForm
from .models import DeadlinePolicy, Holiday


class CalendarView(StaffRequiredMixin, View):
    """List the non-working days, add one, and set the terms; each form keeps its input when refused."""

    template_name = "privacy/calendar.html"

    def render_page(self, holiday_form=None, policy_form=None, status=200):
        # Last year to next year unless asked for all (``?todos=1``): the terms running now count only those days.
        year = timezone.localdate().year
        shown = selectors.holidays(years=None if self.request.GET.get("todos") else (year - 1, year + 1))
        context = {
            "holidays": shown,
            "hidden": selectors.holidays().count() - len(shown),
            "holiday_form": holiday_form or HolidayForm(),
            "policy_form": policy_form or PolicyForm(instance=DeadlinePolicy.current()),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request):
        return self.render_page()

    def post(self, request):
        if request.POST.get("form") == "policy":
            form = PolicyForm(request.POST, instance=DeadlinePolicy.current())
            if form.is_valid():
                try:
                    services.policy_update(actor=request.user, request=request, **form.cleaned_data)
                except ValidationError as error:
                    add_service_errors(form, error)
                else:
                    messages.success(request, _("The terms were saved."))
                    return redirect("privacy:calendar")
            return self.render_page(policy_form=form, status=400)
        form = HolidayForm(request.POST)
        if form.is_valid():
            try:
                services.holiday_add(actor=request.user, request=request, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The day was added; open requests' due dates were recomputed."))
                return redirect("privacy:calendar")
        return self.render_page(holiday_form=form, status=400)


class HolidayRemoveView(StaffRequiredMixin, View):
    def post(self, request, pk):
        services.holiday_remove(actor=request.user, holiday=get_object_or_404(Holiday, pk=pk), request=request)
        messages.success(request, _("The day was removed; open requests' due dates were recomputed."))
        return redirect("privacy:calendar")
