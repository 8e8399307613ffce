"""Rules of the matrix for what comes after selection: monitoring, personal data rights and the IATI publication."""

from .rule import PUBLIC, SIGNED_IN, STAFF_ONLY, Rule

AFTER_SELECTION = [
    Rule("privacy:request-file", {}, PUBLIC),
    Rule("privacy:request-filed", {}, PUBLIC),
    Rule("privacy:request-verify", {"token": "rights_request_token"}, PUBLIC, why="the e-mailed link shows a button"),
    Rule("privacy:my-requests", {}, SIGNED_IN),
    Rule("privacy:queue", {}, STAFF_ONLY),
    Rule("privacy:request-detail", {"pk": "rights_request_a"}, "L 200 403 200 403 403 403 403 403"),
    Rule(
        "privacy:request-action",
        {"pk": "rights_request_a", "action": "rights_request_action"},
        "L R R R R R R R R",
    ),
    Rule("privacy:my-purposes", {}, SIGNED_IN),
    Rule("privacy:notices", {}, STAFF_ONLY),
    Rule("privacy:retention", {}, STAFF_ONLY),
    Rule("privacy:calendar", {}, STAFF_ONLY),
    Rule("privacy:holiday-remove", {"pk": "holiday"}, "L 405 403 403 403 403 403 403 403"),
    Rule("monitoring:index", {}, SIGNED_IN),
    Rule("monitoring:dashboard", {}, STAFF_ONLY),
    Rule("monitoring:committee-dashboard", {"pk": "committee_1"}, "L 200 403 403 403 200 200 403 403"),
    Rule("monitoring:start", {"proposal": "implementation_proposal"}, "L 200 403 403 403 200 403 403 403"),
    Rule("monitoring:project", {"pk": "implementation"}, "L 200 403 200 403 200 200 403 403"),
    Rule(
        "monitoring:project-export", {"pk": "implementation", "fmt": "format_csv"}, "L 200 403 200 403 200 200 403 403"
    ),
    Rule("monitoring:alliance-export", {"fmt": "format_csv"}, STAFF_ONLY),
    Rule("monitoring:grace", {"pk": "implementation"}, "L 405 403 403 403 403 403 403 403"),
    Rule("monitoring:report-start", {"pk": "open_period"}, "L 403 403 405 403 403 403 403 403"),
    Rule("monitoring:report", {"pk": "submitted_report"}, "L 200 403 200 403 200 200 403 403"),
    Rule("monitoring:report-edit", {"pk": "submitted_report"}, "L 403 403 R 403 403 403 403 403"),
    Rule("monitoring:report-decide", {"pk": "submitted_report"}, "L 405 403 403 403 405 405 403 403"),
    Rule("monitoring:evidence-add", {"pk": "submitted_report"}, "L 403 403 405 403 403 403 403 403"),
    Rule("monitoring:indicator", {"pk": "progress_indicator"}, "L 200 403 403 403 200 200 403 403"),
    Rule("monitoring:evidence", {"pk": "progress_evidence"}, "L 200 403 200 403 200 200 403 403"),
    Rule("monitoring:evidence-remove", {"pk": "progress_evidence"}, "L 403 403 405 403 403 403 403 403"),
    Rule("iati:settings", {}, STAFF_ONLY),
    Rule("iati:validate", {}, "L 405 403 403 403 403 403 403 403"),
    Rule("iati:publication-edit", {"pk": "published_project"}, STAFF_ONLY),
    Rule("iati:activities", {}, PUBLIC),
    Rule("iati:organisation", {}, PUBLIC),
    Rule("iati:project-file", {"pk": "published_project"}, PUBLIC),
]
