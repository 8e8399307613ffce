"""The search index: one row per thing that can be found, written only by ``search.indexing``.

Rows hold what the results page shows (title, a body for snippets, the link), what it matches
(PostgreSQL: ``vector``, title weighted A and body B; SQLite: ``folded``), how it ranks (PostgreSQL:
``title_vector``), what it counts in facets
(kind, committee, SDG, year) and what the kind's visibility rule reads (``audience``,
``organization_id``, ``committee_id``). Ids of other apps' rows are plain integers: this app sits
below them and imports none (docs/search.md).
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """Something that can be found: a committee, a proposal, approved minutes, an SDG target..."""

    kind = models.CharField(_("kind"), max_length=40)
    object_id = models.PositiveBigIntegerField(_("object id"))
    title = models.TextField(_("title"))
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("address"), max_length=300)
    title_folded = models.TextField(editable=False, blank=True)
    folded = models.TextField(editable=False, blank=True)
    vector = SearchVectorField(null=True, editable=False)
    # The title alone: ranking reads this short vector, never the body's (long minutes cost no more).
    title_vector = SearchVectorField(null=True, editable=False)
    committee_id = models.PositiveIntegerField(_("committee"), null=True, blank=True)
    sdg = models.CharField(_("SDG"), max_length=2, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    audience = models.CharField(_("audience"), max_length=20, blank=True)
    organization_id = models.PositiveIntegerField(_("organization"), null=True, blank=True)
    updated_at = models.DateTimeField(_("indexed"), default=timezone.now)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_once")]
        indexes = [models.Index(fields=["kind", "audience"], name="search_kind_audience")]

    def __str__(self):
        return f"{self.kind} {self.object_id}: {self.title}"
