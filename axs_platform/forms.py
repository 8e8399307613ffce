"""Form pieces every app shares: submit button and helper, ISO dates, a service's refusal, model choices in range."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Hidden
from crispy_forms.layout import Submit as CrispySubmit
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, Subquery
from django.utils import translation
from django.utils.html import format_html, format_html_join

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
    """Put a service's ``ValidationError`` next to the fields it names, or on top of the form.

    A form that asks for a model field in pieces names the piece that shows it in ``service_error_fields``.
    """
    if hasattr(error, "error_dict"):
        shown_in = getattr(form, "service_error_fields", {})
        for field, errors in error.error_dict.items():
            field = shown_in.get(field, field)
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


class TimeInput(forms.TimeInput):
    """``<input type=time>``: browsers accept only ISO hours ("10:00"), whatever the page's language."""

    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


# The widest id any database here stores (a signed 64-bit integer). SQLite raises ``OverflowError``
# on a wider one in ``pk__in`` instead of finding nothing, and a form would answer 500.
LARGEST_ID = 2**63 - 1
# The largest value a PositiveSmallIntegerField holds on every database: a plain form's IntegerField
# stored in one says so before the database overflows.
SMALL_INTEGER_MAX = 32767


def _out_of_range(value):
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return False  # Not a number: the field's own check answers it.
    return not -LARGEST_ID - 1 <= number <= LARGEST_ID


# Models whose names people write in Spanish only: their options are marked lang="es" in the English
# interface (a screen reader then reads "Energía asequible" as Spanish). Bilingual texts are not here.
SPANISH_CONTENT = {
    "committees.committee",
    "committees.session",
    "committees.priorityarea",
    "committees.workplanactivity",
    "projects.call",
    "projects.proposal",
    "projects.component",
    "projects.selectionround",
    "projects.ballot",
}


class SpanishContentOptions:
    """Widget mixin: an option naming a row of ``SPANISH_CONTENT`` carries ``lang="es"`` in the English interface."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex=subindex, attrs=attrs)
        instance = getattr(value, "instance", None)
        english = not (translation.get_language() or "").startswith("es")
        if english and instance is not None and instance._meta.label_lower in SPANISH_CONTENT:
            option["attrs"] = {**option["attrs"], "lang": "es"}
        return option


class SpanishOptionsSelect(forms.Select):
    """A select whose every option (but the empty one) names what people wrote in Spanish."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex=subindex, attrs=attrs)
        if value not in ("", None) and not (translation.get_language() or "").startswith("es"):
            option["attrs"] = {**option["attrs"], "lang": "es"}
        return option


def mark_spanish_texts(form):
    """Mark a form's text boxes ``lang="es"`` in the English interface: they hold what people write in Spanish."""
    if (translation.get_language() or "").startswith("es"):
        return
    dates = forms.DateInput | forms.DateTimeInput | forms.TimeInput
    for field in form.fields.values():
        if isinstance(field.widget, forms.TextInput | forms.Textarea) and not isinstance(field.widget, dates):
            field.widget.attrs["lang"] = "es"


class SuggestingInput(forms.TextInput):
    """A text box that suggests its known values as one types (a ``<datalist>``): for lists too long to scroll.

    The field still validates what is typed; without a browser's suggestions it is a plain text box.
    """

    def __init__(self, suggestions=(), attrs=None):
        super().__init__({"autocomplete": "off", "spellcheck": "false", **(attrs or {})})
        self.suggestions = suggestions

    def render(self, name, value, attrs=None, renderer=None):
        list_id = f"{(attrs or {}).get('id') or self.attrs.get('id') or name}-suggestions"
        box = super().render(name, value, {**(attrs or {}), "list": list_id}, renderer)
        options = format_html_join("", '<option value="{}"></option>', ((known,) for known in self.suggestions))
        return format_html('{}<datalist id="{}">{}</datalist>', box, list_id, options)


class ContentSelect(SpanishContentOptions, forms.Select):
    pass


class ContentSelectMultiple(SpanishContentOptions, forms.SelectMultiple):
    pass


class ContentCheckboxSelectMultiple(SpanishContentOptions, forms.CheckboxSelectMultiple):
    pass


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A ``ModelMultipleChoiceField`` that answers an id no database can hold with “not one of the choices”."""

    widget = ContentSelectMultiple

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

    widget = ContentSelect

    def to_python(self, value):
        if not self.to_field_name and value not in self.empty_values and _out_of_range(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


SEARCH_BUTTON = "search_choices"  # the name of a picker's "Search" button, sent with the whole form
SEARCH_TERM = "q"


def choice_search_term(request):
    """The picker's search term, which travels with the form it narrows (POST); a page load has none."""
    return request.POST.get(SEARCH_TERM, "") if request.method == "POST" else ""


def typed_values(form):
    """What was typed into a bound ``form``, by field name: ``initial`` for a copy shown again without errors."""
    return {name: form[name].value() for name in form.fields}


class _ShownChoiceIterator(forms.models.ModelChoiceIterator):
    """Offer the rows a search narrowed the field to, not the whole queryset (which still validates)."""

    def __init__(self, field):
        super().__init__(field)
        if field.shown is not None:
            self.queryset = field.shown


class _Searchable:
    """What the searchable choice fields share: ``narrow`` the rows offered to a search's first matches.

    The choice is validated against the whole ``queryset``; ``narrow(term, selected=...)`` sets what
    the select offers: the first ``limit`` rows whose ``search_fields`` contain the term, and the rows
    already chosen, so a form shown again keeps them. The search box and its button belong to the form
    (``includes/choice_search.html``, through the ``form`` attribute): "Search" posts everything typed,
    and ``ChoiceSearchMixin`` shows it all again, narrowed, unvalidated and unsaved. No JavaScript needed.
    """

    iterator = _ShownChoiceIterator
    limit = 50

    def __init__(self, *args, search_fields, **kwargs):
        self.search_fields = search_fields
        self.shown = None
        super().__init__(*args, **kwargs)

    def narrow(self, term, *, selected=()):
        matching = self.queryset
        term = (term or "").strip()
        if term:
            query = Q()
            for name in self.search_fields:
                query |= Q(**{f"{name}__icontains": term})
            matching = matching.filter(query)
        keep = Q(pk__in=Subquery(matching.values("pk")[: self.limit]))
        if isinstance(selected, str | int):
            selected = [selected]
        chosen = [str(value) for value in selected or () if value is not None]
        chosen = [value for value in chosen if value.isascii() and value.isdigit() and not _out_of_range(value)]
        if chosen:
            keep |= Q(pk__in=chosen)
        self.shown = self.queryset.filter(keep)
        self.widget.choices = self.choices
        return self.shown

    def search_context(self, term, *, label, form_id):
        """What ``includes/choice_search.html`` shows above the form whose id is ``form_id``."""
        return {
            "name": SEARCH_TERM,
            "button": SEARCH_BUTTON,
            "value": term or "",
            "label": label,
            "limit": self.limit,
            "form": form_id,
        }

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        result.shown = None
        return result


class SearchableModelChoiceField(_Searchable, ModelChoiceField):
    """A choice of one row among thousands (an organization): see ``_Searchable``."""


class SearchableModelMultipleChoiceField(_Searchable, ModelMultipleChoiceField):
    """A choice of several rows among thousands: see ``_Searchable``."""
