"""The view behind every form that calls a service: validate, call it, show its refusal, redirect (imports no app)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.generic import FormView

from .forms import SEARCH_BUTTON, add_service_errors, choice_search_term, typed_values


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


class ChoiceSearchMixin:
    """For a form view with a searchable picker (``searchable_field``): its "Search" button sends the whole form.

    The form then comes back as typed, with the picker narrowed to the term: not validated, not saved, no
    error shown, so nothing typed elsewhere in the form is lost. The form is rendered with ``picker_form_id``.
    """

    searchable_field = ""
    search_label = ""
    picker_form_id = "picker-form"
    typed = None

    def search_term(self):
        return choice_search_term(self.request)

    def post(self, request, *args, **kwargs):
        if SEARCH_BUTTON in request.POST:
            self.typed = typed_values(self.get_form())
            return self.render_to_response(self.get_context_data())
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.typed is not None:
            kwargs.pop("data", None)
            kwargs.pop("files", None)
            kwargs["initial"] = {**kwargs.get("initial", {}), **self.typed}
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        form.helper.form_id = self.picker_form_id
        context["choice_search"] = form.fields[self.searchable_field].search_context(
            self.search_term(), label=self.search_label, form_id=self.picker_form_id
        )
        return context
