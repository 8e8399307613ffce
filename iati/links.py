"""The link from a project's public page to its IATI activity file (a section ``projects.sections`` shows)."""

from django.template.loader import render_to_string


def project_section(proposal, *, medium):
    """Return the link to the project's IATI file on its public page, when the publication is set up."""
    from . import selectors  # ready() imports this module before the app's models are needed

    if medium != "page" or not selectors.publisher().is_ready or not selectors.has_start_date(proposal):
        return ""
    return render_to_string("iati/includes/project_link.html", {"project": proposal})
