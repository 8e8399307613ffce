"""Sections that a higher app adds to a project's public page and fact sheet (imports no app).

A section is a function ``(proposal, *, medium)`` returning safe HTML or "" (``medium`` is "page" or
"pdf"); apps register theirs in ``AppConfig.ready()`` (monitoring adds the approved progress), so
projects shows them without importing upwards.
"""

_sections = []


def register(section):
    if section not in _sections:
        _sections.append(section)


def render(proposal, *, medium):
    """Return the HTML of every registered section that has something to show for the project."""
    return [html for section in _sections if (html := section(proposal, medium=medium))]
