"""Rules of the matrix for surveys: staff build and send them, chairs list theirs, an organization answers."""

from .rule import SIGNED_IN, STAFF_ONLY, Rule

SURVEYS = [
    Rule("surveys:survey-list", {}, "L 200 403 403 403 200 403 200 403"),
    Rule("surveys:survey-create", {}, "L 200 403 403 403 200 403 200 403"),
    Rule("surveys:my-surveys", {}, SIGNED_IN),
    Rule("surveys:survey-detail", {"pk": "survey"}, STAFF_ONLY),
    Rule("surveys:survey-update", {"pk": "survey"}, STAFF_ONLY),
    Rule("surveys:survey-publish", {"pk": "survey"}, "L 405 403 403 403 403 403 403 403"),
    Rule("surveys:survey-close", {"pk": "survey"}, "L 405 403 403 403 403 403 403 403"),
    Rule("surveys:survey-copy", {"pk": "survey"}, "L 405 403 403 403 403 403 403 403"),
    Rule("surveys:survey-archive", {"pk": "survey"}, "L 405 403 403 403 403 403 403 403"),
    Rule("surveys:section-create", {"pk": "survey"}, STAFF_ONLY),
    Rule("surveys:section-update", {"pk": "section"}, STAFF_ONLY),
    Rule("surveys:question-create", {"pk": "section"}, STAFF_ONLY),
    Rule("surveys:question-update", {"pk": "question"}, STAFF_ONLY),
    Rule("surveys:question-delete", {"pk": "question"}, "L 405 403 403 403 403 403 403 403"),
    Rule("surveys:invitation-list", {"pk": "survey"}, STAFF_ONLY),
    Rule("surveys:invitation-send", {"pk": "survey"}, "L 405 403 403 403 403 403 403 403"),
    Rule("surveys:reminder-send", {"pk": "survey"}, "L 405 403 403 403 403 403 403 403"),
    Rule("surveys:results", {"pk": "survey"}, STAFF_ONLY),
    Rule("surveys:export-csv", {"pk": "survey"}, STAFF_ONLY),
    Rule("surveys:export-xlsx", {"pk": "survey"}, STAFF_ONLY),
    Rule("surveys:committee-proposals", {"pk": "survey"}, STAFF_ONLY),
    Rule(
        "surveys:answer", {"token": "answer_token"}, "L 403 403 200 403 403 403 403 403", why="A's organization's link"
    ),
    Rule("surveys:answer-thanks", {"token": "answer_token"}, "L 403 403 R 403 403 403 403 403", why="not answered yet"),
]
