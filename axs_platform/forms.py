"""Form pieces every app shares: the submit button and its helper, ISO date inputs, a service's refusal on a form."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Hidden
from crispy_forms.layout import Submit as CrispySubmit
from django import forms

ISO_DATE = "%Y-%m-%d"
ISO_DATETIME = "%Y-%m-%dT%H:%M"


class Submit(CrispySubmit):
    """A crispy submit button with exactly one colour class (``btn-primary`` unless ``css_class`` names another).

    crispy's own ``Submit`` always adds ``btn-primary``; with ``btn-outline-primary`` as well, the text
    takes the background's colour and the button reads blank.
    """

    field_classes = "btn"

    def __init__(self, name, value, *, css_class="btn-primary", **kwargs):
        super().__init__(name, value, css_class=css_class, **kwargs)


def submit_helper(label, *, css="btn-primary", multipart=False, form_tag=True, form_name=None):
    """Return a crispy ``FormHelper`` with one submit button; ``form_name`` tells forms sharing a page apart."""
    helper = FormHelper()
    helper.form_tag = form_tag
    helper.add_input(Submit("submit", label, css_class=css))
    if form_name:
        helper.add_input(Hidden("form", form_name))
    if multipart:
        helper.attrs = {"enctype": "multipart/form-data"}
    return helper


def add_service_errors(form, error):
    """Put a service's ``ValidationError`` next to the fields it names, or on top of the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class DateInput(forms.DateInput):
    """``<input type=date>``: browsers accept only ISO dates, whatever the page's language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=ISO_DATE)


class DateTimeInput(forms.DateTimeInput):
    """``<input type=datetime-local>``: browsers accept only ISO date and time, whatever the page's language."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=ISO_DATETIME)
