"""Form helpers every app shares: the crispy submit button and a service's refusal put on the form (imports no app)."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Hidden, Submit


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
