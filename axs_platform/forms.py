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


def submit_helper(label, *, css="btn-primary", form_tag=True, form_name=None, button_id=None):
    """Return a crispy ``FormHelper`` with one submit button; ``form_name`` tells forms sharing a page apart.

    crispy writes ``enctype`` itself for a form with a file field (a second one is invalid HTML). Ids are
    unique in a page: a button takes ``button_id``, else one made from ``form_name``, else crispy's own.
    """
    helper = FormHelper()
    helper.form_tag = form_tag
    button_id = button_id or (f"submit-{form_name}" if form_name else None)
    helper.add_input(Submit("submit", label, css_class=css, **({"css_id": button_id} if button_id else {})))
    if form_name:
        helper.add_input(Hidden("form", form_name))
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
