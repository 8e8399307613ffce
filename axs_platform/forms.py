"""Form pieces every app shares: the submit button with one colour, and date inputs that always travel as ISO."""

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
