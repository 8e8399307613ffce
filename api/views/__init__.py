"""Views of the read API: the endpoints (directory, meetings, projects), the docs page and the staff's token pages."""
