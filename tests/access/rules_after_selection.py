"""Rules of the matrix for what comes after selection: monitoring, personal data rights and the IATI publication."""

from .rule import PUBLIC, SIGNED_IN, STAFF_ONLY, Rule

TOKEN_ONLY = "401 401 401 401 401 401 401 401 401"

AFTER_SELECTION = [
    Rule("privacy:request-file", {}, PUBLIC),
    Rule("privacy:request-filed", {}, PUBLIC),
    Rule("privacy:request-verify", {"token": "rights_request_token"}, PUBLIC, why="the e-mailed link shows a button"),
    Rule(
        "privacy:export-download",
        {"token": "rights_request_token"},
        "404 404 404 404 404 404 404 404 404",
        why="an export's link signed for another use is not valid, for anyone (the account is no key)",
    ),
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
    # Committee 1's secretary represents a partner of the project: a new target would move their own light.
    Rule("monitoring:indicator", {"pk": "progress_indicator"}, "L 200 403 403 403 200 403 403 403"),
    Rule("monitoring:evidence", {"pk": "progress_evidence"}, "L 200 403 200 403 200 200 403 403"),
    Rule("monitoring:evidence-remove", {"pk": "progress_evidence"}, "L 403 403 405 403 403 403 403 403"),
    Rule("iati:settings", {}, STAFF_ONLY),
    Rule(
        "iati:validate",
        {},
        "L R 403 403 403 403 403 403 403",
        why='"Validar ahora" posts; asked for, it shows the staff page',
    ),
    Rule(
        "iati:rebuild",
        {},
        "L R 403 403 403 403 403 403 403",
        why='"Regenerar ahora" posts; asked for, it shows the staff page',
    ),
    Rule("iati:publication-edit", {"pk": "published_project"}, STAFF_ONLY),
    Rule("iati:activities", {}, PUBLIC),
    Rule("iati:organisation", {}, PUBLIC),
    Rule("iati:project-file", {"pk": "published_project"}, PUBLIC),
]

# The read API reads personal tokens only, never the session: to it a signed-in browser is anonymous, so every
# role gets the public answer (tests/api/test_roles.py asks the same URLs with each role's token).
API_BY_TOKEN = "the API reads a personal token, not the session"
API_RULES = [
    Rule("api:api-root", {}, PUBLIC),
    Rule("api:schema", {}, PUBLIC),
    Rule("api:docs", {}, PUBLIC),
    Rule("api:goal-list", {}, PUBLIC),
    Rule("api:goal-detail", {"number": "4"}, PUBLIC),
    Rule("api:target-list", {}, PUBLIC),
    Rule("api:target-detail", {"code": "4.1"}, PUBLIC),
    Rule("api:indicator-list", {}, PUBLIC),
    Rule("api:indicator-detail", {"code": "4.1.1"}, PUBLIC),
    Rule("api:organization-list", {}, PUBLIC),
    Rule("api:organization-detail", {"pk": "org_a"}, PUBLIC),
    Rule("api:committee-list", {}, PUBLIC),
    Rule("api:committee-detail", {"pk": "committee_1"}, PUBLIC),
    Rule("api:membership-list", {}, PUBLIC),
    Rule("api:membership-detail", {"pk": "membership_1"}, PUBLIC),
    Rule("api:session-list", {}, PUBLIC),
    Rule(
        "api:session-detail",
        {"pk": "session_1"},
        "404 404 404 404 404 404 404 404 404",
        why=f"a members' session; {API_BY_TOKEN}",
    ),
    Rule("api:session-agreements", {"pk": "session_1"}, "404 404 404 404 404 404 404 404 404", why=API_BY_TOKEN),
    Rule("api:session-minutes", {"pk": "session_1"}, "404 404 404 404 404 404 404 404 404", why=API_BY_TOKEN),
    Rule("api:session-attendance", {"pk": "session_1"}, "404 404 404 404 404 404 404 404 404", why=API_BY_TOKEN),
    Rule("api:session-quorum", {"pk": "session_1"}, "404 404 404 404 404 404 404 404 404", why=API_BY_TOKEN),
    Rule("api:project-list", {}, PUBLIC),
    Rule("api:project-detail", {"pk": "published_project"}, PUBLIC),
    Rule("api:call-list", {}, TOKEN_ONLY, why=API_BY_TOKEN),
    Rule("api:call-detail", {"pk": "call_1"}, TOKEN_ONLY, why=API_BY_TOKEN),
    Rule("api:call-matrix", {"pk": "call_1"}, TOKEN_ONLY, why=API_BY_TOKEN),
    Rule("api:proposal-list", {}, TOKEN_ONLY, why=API_BY_TOKEN),
    Rule("api:proposal-detail", {"pk": "submitted_a"}, TOKEN_ONLY, why=API_BY_TOKEN),
    Rule("api:proposal-evaluations", {"pk": "submitted_a"}, TOKEN_ONLY, why=API_BY_TOKEN),
    Rule("api:evaluation-list", {}, TOKEN_ONLY, why=API_BY_TOKEN),
    Rule("api:evaluation-detail", {"pk": "evaluation"}, TOKEN_ONLY, why=API_BY_TOKEN),
    Rule("api:report-list", {}, TOKEN_ONLY, why=API_BY_TOKEN),
    Rule("api:report-detail", {"pk": "submitted_report"}, TOKEN_ONLY, why=API_BY_TOKEN),
    Rule("api:ballot-list", {}, TOKEN_ONLY, why=API_BY_TOKEN),
    Rule("api:ballot-detail", {"pk": "closed_ballot_2"}, TOKEN_ONLY, why=API_BY_TOKEN),
    Rule("api:survey-list", {}, TOKEN_ONLY, why=API_BY_TOKEN),
    Rule("api:survey-detail", {"pk": "survey"}, TOKEN_ONLY, why=API_BY_TOKEN),
    Rule("api:dataset-list", {}, PUBLIC),
    Rule("api:dataset-detail", {"slug": "proyectos"}, PUBLIC),
    Rule("api:dataset-rows", {"slug": "proyectos"}, PUBLIC),
    Rule("api:token-list", {}, STAFF_ONLY),
    Rule("api:token-revoke", {"pk": "1"}, "L 405 403 403 403 403 403 403 403", why="POST only"),
]
AFTER_SELECTION += API_RULES
