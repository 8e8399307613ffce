"""Every open dataset, declared once; readers call ``get(slug)`` and ``dataset.rows()``.

Importing this package registers the datasets in the order the index page lists them::

    from opendata import datasets

    dataset = datasets.get("organizaciones")
    dataset.header                       # stable column names
    for row in dataset.rows():           # tuples, public rows only, read in chunks
        ...
    dataset.rows(dataset.queryset().filter(country="MX"))   # the same rows of a narrower queryset
"""

# isort: skip_file
# The order of these imports is the order of the index page: organizations first, results last.
from ..registry import LICENCE, Dataset, Field, UnknownDataset, all_datasets, get
from . import organizations, committees, sessions, projects, monitoring, ballots, surveys  # noqa: F401

__all__ = ["LICENCE", "Dataset", "Field", "UnknownDataset", "all_datasets", "get"]
