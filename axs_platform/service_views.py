"""The view behind every form that calls a service: validate, call it, show its refusal, redirect (imports no app)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.generic import FormView

from .forms import add_service_errors


class ServiceFormView(FormView):
    """Validate the form, call one service (``call_service``), turn its refusal into form errors, redirect."""

    success_message = ""

    def call_service(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            result = self.call_service(form)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        if self.success_message:
            messages.success(self.request, self.success_message)
        return redirect(self.get_success_url_for(result))

    def get_success_url_for(self, result):
        return result.get_absolute_url()
