"""Pages with an address per language: a route named ``…-en`` is the English address of the route without it.

Open data answers at ``/datos-abiertos/`` and, in English, at ``/open-data/`` (``opendata:index`` and
``opendata:index-en``). Switching the language on such a page goes to the same page's address in the
language chosen; Django's ``translate_url`` only knows ``i18n_patterns``, so it keeps the address.
"""

from urllib.parse import unquote, urlsplit, urlunsplit

from django.urls import NoReverseMatch, Resolver404, resolve, reverse

ENGLISH_SUFFIX = "-en"


def address_in(url, language):
    """Return ``url`` at its address in ``language`` when the page has one, else ``url`` unchanged."""
    parsed = urlsplit(url)
    try:
        match = resolve(unquote(parsed.path))
    except Resolver404:
        return url
    name = match.url_name or ""
    english = language.split("-")[0] == "en"
    if english and not name.endswith(ENGLISH_SUFFIX):
        other = name + ENGLISH_SUFFIX
    elif not english and name.endswith(ENGLISH_SUFFIX):
        other = name.removesuffix(ENGLISH_SUFFIX)
    else:
        return url
    try:
        path = reverse(f"{match.namespace}:{other}" if match.namespace else other, args=match.args, kwargs=match.kwargs)
    except NoReverseMatch:
        return url
    return urlunsplit((parsed.scheme, parsed.netloc, path, parsed.query, parsed.fragment))
