"""Form pieces every app shares: one-colour submit, ISO date inputs, model choices that refuse out-of-range ids."""

from crispy_forms.layout import Submit as CrispySubmit
from django import forms
from django.core.exceptions import ValidationError

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


# The widest id any database here stores (a signed 64-bit integer). SQLite raises ``OverflowError``
# on a wider one in ``pk__in`` instead of finding nothing, and a form would answer 500.
LARGEST_ID = 2**63 - 1


def _out_of_range(value):
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return False  # Not a number: the field's own check answers it.
    return not -LARGEST_ID - 1 <= number <= LARGEST_ID


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A ``ModelMultipleChoiceField`` that answers an id no database can hold with “not one of the choices”."""

    def clean(self, value):
        if not self.to_field_name and isinstance(value, list | tuple):
            for item in value:
                if _out_of_range(item):
                    raise ValidationError(
                        self.error_messages["invalid_choice"], code="invalid_choice", params={"value": item}
                    )
        return super().clean(value)


class ModelChoiceField(forms.ModelChoiceField):
    """A ``ModelChoiceField`` that answers an id no database can hold with “not one of the choices”."""

    def to_python(self, value):
        if not self.to_field_name and value not in self.empty_values and _out_of_range(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)
