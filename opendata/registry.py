"""The registry of open datasets: what each one is, its data dictionary, and how its public rows are read.

A dataset is declared once (``register``) with its dictionary in Spanish and English, its licence,
how often it changes, a ``queryset`` of public rows only (built from the apps' own public querysets
and selectors) and a ``row`` function giving one tuple per object, in the order of ``fields``. Readers
(the downloads here, the API elsewhere) call ``get(slug)`` and ``dataset.rows()``. This module reads
no app: the declarations live in ``opendata.datasets``.

Rows are the same in every language: codes (their labels in both languages are in the dictionary), texts
as people wrote them, and both languages where the content has both (``resultados-encuestas``). Only the
dictionary and the pages follow the reader's language; so one file built ahead (``opendata.prebuilt``)
serves ``/datos-abiertos/`` and ``/open-data/`` alike.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

LICENCE = {
    "name": "Libre Uso MX",
    "url": "https://datos.gob.mx/libreusomx",
}

# The types a field may have, named in the dictionary; JSON writes decimals as text (no float rounding).
FIELD_TYPES = {
    "integer": (_("Whole number"), "integer"),
    "decimal": (_("Decimal number (written as text in JSON, dot as decimal separator)"), "string"),
    "text": (_("Text"), "string"),
    "code": (_("Code (its meanings are listed)"), "string"),
    "boolean": (_("Yes/no (true or false)"), "boolean"),
    "date": (_("Date (YYYY-MM-DD)"), "string"),
    "datetime": (_("Date and time (ISO 8601, UTC)"), "string"),
}

ROW_CHUNK = 2000  # rows read from the database at a time: memory stays flat whatever the table's size


def attributes(*paths):
    """Return a row function giving, for an object, each dotted attribute path (or callable) in order.

    A path through an empty relation (``component.title`` without a component) gives empty text.
    """
    getters = [path if callable(path) else path.split(".") for path in paths]

    def row(item):
        cells = []
        for getter in getters:
            if callable(getter):
                cells.append(getter(item))
                continue
            value = item
            for name in getter:
                if value is None:
                    value = ""
                    break
                value = getattr(value, name)
            cells.append(value)
        return tuple(cells)

    return row


def _in_language(spanish, english):
    return english if (get_language() or "es").startswith("en") else spanish


@dataclass(frozen=True)
class Field:
    """One column: a stable name, a type of ``FIELD_TYPES``, its meaning in both languages, codes if any."""

    name: str
    type: str
    meaning_es: str
    meaning_en: str
    choices: tuple = ()  # ((code, label), ...) with lazy labels, for fields of type "code"

    def __post_init__(self):
        if self.type not in FIELD_TYPES:
            raise ValueError(f"Unknown field type {self.type!r} for {self.name!r}")

    @property
    def meaning(self):
        return _in_language(self.meaning_es, self.meaning_en)

    @property
    def type_label(self):
        return FIELD_TYPES[self.type][0]

    @property
    def labelled_choices(self):
        """Return each code with its label in Spanish and in English: ``[{"code", "es", "en"}]``."""
        labelled = []
        for code, label in self.choices:
            with translation.override("es-mx"):
                label_es = str(label)
            with translation.override("en"):
                label_en = str(label)
            labelled.append({"code": code, "es": label_es, "en": label_en})
        return labelled

    def dictionary(self):
        """Return the column's entry in a machine-readable dictionary, the same in every language."""
        return {
            "name": self.name,
            "type": self.type,
            "meaning_es": self.meaning_es,
            "meaning_en": self.meaning_en,
            "choices": self.labelled_choices,
        }


@dataclass(frozen=True)
class Dataset:
    """A public dataset: its description, dictionary and the one way to read its rows."""

    slug: str
    title_es: str
    title_en: str
    description_es: str
    description_en: str
    frequency_es: str
    frequency_en: str
    fields: tuple
    queryset: Callable  # () -> QuerySet of public objects only, in a stable order
    row: Callable = None  # (object) -> tuple in the order of ``fields``
    rows_of: Callable = None  # (object) -> iterable of tuples, for an object that gives several rows
    last_updated: Callable = None  # () -> datetime or date of the newest change, or None
    chunk_size: int = ROW_CHUNK
    related: tuple = field(default=())  # slugs of datasets that join with this one
    # The fragment areas (axs_platform.fragments) whose version moves whenever its rows change: declared
    # for the datasets whose files a job builds ahead (opendata.prebuilt); the others always stream.
    areas: tuple = ()
    # () -> text naming what moves the rows with no service to bump an area (surveys closing as time passes).
    version_extra: Callable = None

    def __post_init__(self):
        if (self.row is None) == (self.rows_of is None):
            raise ValueError(f"Dataset {self.slug!r} needs exactly one of row and rows_of")

    @property
    def title(self):
        return _in_language(self.title_es, self.title_en)

    @property
    def description(self):
        return _in_language(self.description_es, self.description_en)

    @property
    def frequency(self):
        return _in_language(self.frequency_es, self.frequency_en)

    @property
    def header(self):
        return [column.name for column in self.fields]

    def rows(self, queryset=None):
        """Return the rows of the queryset (all public rows by default), reading ``chunk_size`` objects at a time."""
        objects = self.queryset() if queryset is None else queryset
        for item in objects.iterator(chunk_size=self.chunk_size):
            if self.row is not None:
                yield self.row(item)
            else:
                yield from self.rows_of(item)

    def updated(self):
        return self.last_updated() if self.last_updated else None

    def dictionary(self):
        """Return the data dictionary as the JSON download and the API give it: one entry per column, in order."""
        return [column.dictionary() for column in self.fields]


_REGISTRY = {}


class UnknownDataset(LookupError):
    """No dataset has this slug."""


def register(dataset):
    """Add a dataset; a slug is declared once."""
    if dataset.slug in _REGISTRY:
        raise ValueError(f"Dataset {dataset.slug!r} is declared twice")
    _REGISTRY[dataset.slug] = dataset
    return dataset


def get(slug):
    """Return the dataset with this slug, or raise ``UnknownDataset``."""
    try:
        return _REGISTRY[slug]
    except KeyError:
        raise UnknownDataset(slug) from None


def all_datasets():
    """Return every dataset in the order they were declared."""
    return list(_REGISTRY.values())
