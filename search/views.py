"""The results page: validate the query, ask ``selectors.search``, show results, facets and pages.

Anyone may search; each person finds only what the kinds' rules let them open (docs/search.md).
"""

from urllib.parse import urlencode

from django.views.generic import TemplateView

from . import selectors
from .forms import SearchForm


class SearchView(TemplateView):
    template_name = "search/results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        asked = "q" in self.request.GET
        form = SearchForm(self.request.GET if asked else None)
        context.update(form=form, asked=asked)
        if asked and form.is_valid():
            query, filters = form.cleaned_data["q"], form.filters()
            found = selectors.search(self.request.user, query, filters, self.request.GET.get("page"))
            context.update(
                query=query,
                page=found.page,
                results=found.results,
                more=found.more,
                candidates=selectors.CANDIDATES,
                facets=[(name, form.fields[name].label, values) for name, values in found.facets.items() if values],
                filters=filters,
                base_query=urlencode({"q": query, **{k: v for k, v in filters.items() if v not in (None, "")}}),
                filtered=any(v not in (None, "") for v in filters.values()),
                unfiltered_query=urlencode({"q": query}),
            )
            _link_facets(query, filters, found.facets)
        return context


def _link_facets(query, filters, facets):
    """Give each facet value the query string that selects it (or, when it is selected, drops it)."""
    for name, values in facets.items():
        for value in values:
            chosen = {k: v for k, v in filters.items() if v not in (None, "")}
            if value.selected:
                chosen.pop(name, None)
            else:
                chosen[name] = value.value
            value.link = "?" + urlencode({"q": query, **chosen})
