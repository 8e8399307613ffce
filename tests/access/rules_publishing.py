"""Rules of the matrix for what the alliance publishes: the report's editions, the public fact sheets, the open data."""

from .rule import PUBLIC, STAFF_ONLY, Rule

PUBLISHING = [
    # The systematization report and its editions: staff edit, the published edition is public.
    Rule("reports:report-home", {}, STAFF_ONLY),
    Rule("reports:dashboard", {}, STAFF_ONLY),
    Rule("reports:narrative-list", {}, STAFF_ONLY),
    Rule("reports:texts", {}, STAFF_ONLY),
    Rule("reports:edition", {}, STAFF_ONLY),
    Rule("reports:cover-images", {}, STAFF_ONLY),
    Rule("reports:cover-image-replace", {"pk": "cover_image"}, STAFF_ONLY),
    Rule("reports:cover-image-remove", {"pk": "cover_image"}, "L R 403 403 403 403 403 403 403", method="post"),
    Rule("reports:edition-docx", {}, STAFF_ONLY),
    Rule("reports:edition-publish", {}, "L R 403 403 403 403 403 403 403", method="post"),
    Rule("reports:publication", {"pk": "publication"}, PUBLIC),
    Rule("reports:text-edit", {"part": "prologue"}, STAFF_ONLY),
    Rule("reports:narrative-create", {"part": "hitos"}, STAFF_ONLY),
    Rule("reports:narrative-update", {"part": "hitos", "pk": "milestone"}, STAFF_ONLY),
    Rule("reports:narrative-archive", {"part": "hitos", "pk": "milestone"}, STAFF_ONLY),
    Rule(
        "reports:narrative-restore",
        {"part": "hitos", "pk": "milestone"},
        "L R 403 403 403 403 403 403 403",
        method="post",
        why="the milestone is not archived: staff are sent back to the list with the service's refusal",
    ),
    # The public fact sheet of a published project: public once made; staff remake it.
    Rule(
        "projects:project-fact-sheet",
        {"pk": "published_project", "language": "es"},
        "404 404 404 404 404 404 404 404 404",
        why="public, and not found until a public fact sheet is made (tests/projects/test_public_fact_sheet.py)",
    ),
    Rule("projects:project-fact-sheet-refresh", {"pk": "published_project"}, "L 405 403 403 403 403 403 403 403"),
    # Open data: public pages and downloads, in Spanish paths and under the English alias.
    Rule("opendata:index", {}, PUBLIC),
    Rule("opendata:dataset", {"slug": "organizaciones"}, PUBLIC),
    Rule("opendata:download", {"slug": "organizaciones", "file_format": "csv"}, PUBLIC),
    Rule("opendata:index-en", {}, PUBLIC),
    Rule("opendata:dataset-en", {"slug": "proyectos"}, PUBLIC),
    Rule("opendata:download-en", {"slug": "avances", "file_format": "json"}, PUBLIC),
    Rule(
        "opendata:download",
        {"slug": "organizaciones", "file_format": "pdf"},
        "404 404 404 404 404 404 404 404 404",
        why="no such format: the 404 page lists the datasets and formats",
    ),
]
