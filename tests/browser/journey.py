"""A person's walk through the site: signs in, visits pages, and every page reached is checked with axe-core."""

import re
from urllib.parse import urlsplit

from .checks import assert_accessible, assert_fits_a_phone

DEMO_PASSWORD = "axs-demo-2026"


class Journey:
    """Drive one browser page as one person; check each page it reaches, keep key pages for the HTML checker."""

    def __init__(self, page, base_url, html_checker):
        self.page = page
        self.base_url = base_url
        self.html_checker = html_checker
        self.reached = []
        self.checked = set()
        self.document = None
        page.on("framenavigated", self._reached)
        page.on("response", self._document)

    def _reached(self, frame):
        if frame == self.page.main_frame:
            self.reached.append(frame.url)

    def _document(self, response):
        if response.request.is_navigation_request() and response.frame == self.page.main_frame:
            self.document = response

    def url(self, path):
        return self.base_url + path

    def check(self, validate_as=None):
        """Run axe on the page as it is now and lay it out at 390 px (nothing may stick out sideways).

        With a name, keep its HTML (as served) for the Nu HTML Checker.
        """
        self.page.wait_for_load_state()
        assert_accessible(self.page)
        assert_fits_a_phone(self.page)
        self.checked.add(_without_fragment(self.page.url))
        if validate_as:
            # The HTML as the server sent it, also for a page answering a POST (a form shown with its errors).
            document = self.document
            if document is not None and document.url == self.page.url and document.ok:
                self.html_checker.collect(validate_as, document.text(), self.page.url)
            else:
                self.html_checker.collect_page(self.page, validate_as)

    def visit(self, path, validate_as=None):
        """Open a page by its address and check it."""
        response = self.page.goto(self.url(path))
        assert response.ok, f"{path} answered {response.status}"
        self.check(validate_as)

    def field(self, label):
        """The form field whose label is exactly this text (a required field's label ends in *)."""
        return self.page.get_by_label(re.compile(rf"^\s*{re.escape(label)}\s*\*?\s*$"))

    def press(self, name, validate_as=None, role="button", exact=None):
        """Click a button (or a link, with role="link") that leads to another page, then check that page."""
        with self.page.expect_navigation():
            self.page.get_by_role(role, name=name, exact=exact).first.click()
        self.check(validate_as)

    def follow(self, name, validate_as=None, exact=None):
        """Follow a link by its accessible name and check the page it leads to."""
        self.press(name, validate_as, role="link", exact=exact)

    def sign_in(self, email, password=DEMO_PASSWORD, validate_as=None):
        """Sign in through the form, as the person would, and land on the home page."""
        self.page.context.clear_cookies()
        self.visit("/cuenta/entrar/", validate_as=validate_as)
        self.page.get_by_label("Correo electrónico").fill(email)
        self.page.get_by_label("Contraseña").fill(password)
        self.press("Iniciar sesión")
        assert self.page.url == self.url("/"), f"signing in as {email} led to {self.page.url}"

    def assert_every_page_checked(self):
        """Fail when the journey reached a page without checking it."""
        missed = sorted({_without_fragment(url) for url in self.reached} - self.checked - {"about:blank"})
        assert not missed, "Pages reached but never checked with axe: " + ", ".join(missed)


def _without_fragment(url):
    parts = urlsplit(url)
    return parts._replace(fragment="").geturl()
