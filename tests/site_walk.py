"""Walk the site as one person with Django's test client, and read the language of every piece of text.

Used by tests that look at every page a role can reach from its home page (the pages its journeys visit
and more): ``walk`` follows the links it finds, two pages per address pattern, never a download or a sign-out.
``texts_with_language`` gives each text of a page with the language it is declared in (the nearest
``lang`` attribute), as a screen reader would read it.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Links not followed: they sign out, change the language, download a file or start a generated document.
SKIPPED = re.compile(
    r"/cuenta/salir|/idioma|export|descargar|download|\.(csv|json|xlsx|ics|pdf)$|/admin/|/media/|/static/"
)


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, lang)
        self.texts = []
        self.links = []
        self.in_body = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "body":
            self.in_body = True
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        lang = attrs.get("lang", self.stack[-1][1] if self.stack else "")
        if tag not in VOID:
            self.stack.append((tag, lang))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and self.in_body and (not self.stack or self.stack[-1][0] not in ("script", "style")):
            self.texts.append((text, self.stack[-1][1] if self.stack else ""))


def read(html):
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader


def texts_with_language(html):
    """Each text in the page's body with the language declared for it (``""`` when nothing declares one)."""
    return read(html).texts


def pattern_of(link):
    """The shape of an address: its path with numbers as N, and the names of its query's parameters."""
    parts = urlsplit(link)
    return re.sub(r"\d+", "N", parts.path) + "?" + ",".join(sorted(re.findall(r"(\w+)=", parts.query)))


def walk(client, start="/", *, per_pattern=2, limit=120):
    """Follow the site's links from ``start``; yield ``(path, response)`` for each HTML page that answers 200."""
    queue, seen, patterns = [start], set(), {}
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        yield path, response
        for href in read(html).links:
            parts = urlsplit(urljoin(path, href))
            if parts.netloc not in ("", "testserver") or not parts.path.startswith("/"):
                continue
            link = parts.path + (f"?{parts.query}" if parts.query else "")
            if SKIPPED.search(parts.path) or link in seen:
                continue
            pattern = pattern_of(link)
            if patterns.get(pattern, 0) >= per_pattern:
                continue
            patterns[pattern] = patterns.get(pattern, 0) + 1
            queue.append(link)
