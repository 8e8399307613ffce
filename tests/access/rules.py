"""The declared answers of the role × URL matrix (``test_matrix.py``): one rule per URL pattern, more where it matters.

Each rule names a URL, the world's objects that fill its arguments (``world.py``; a value that is no
object's name is used as it is), and what each role gets when it asks with GET, in this order:

    anonymous  staff  evaluator  rep_a  rep_b  chair_1  secretary_1  chair_2  secretary_2

``200`` the page; ``L`` sent to sign in; ``R`` sent elsewhere (a form that a closed thing no longer
offers, a page that moved on); ``403`` refused; ``404`` nothing there for this person; ``410`` a link
no longer valid; ``405`` the URL takes POST only (asked after the sign-in and permission checks, so it
still tells who may).

Representative A's organization sits on committee 1 and leads a draft, a submitted and an in-review
proposal there; B's sits on committee 2 with a draft and a submitted proposal, and is invited as a
partner to A's submitted one. A draft is its consortium's alone; staff and a committee's chair review a
proposal once it is submitted.
"""

from django.conf import settings

from companies.models.organizations import PUBLIC_MEDIA_FOLDER

from .rule import ADMIN_NAMESPACE, PUBLIC, SIGNED_IN, STAFF_ONLY, Rule, key_of  # noqa: F401
from .rules_after_selection import AFTER_SELECTION
from .rules_publishing import PUBLISHING
from .rules_surveys import SURVEYS

RULES = (
    [
        Rule("home", {}, PUBLIC),
        Rule("privacy", {}, PUBLIC),
        Rule("administration", {}, STAFF_ONLY),
        Rule("health", {}, PUBLIC),
        Rule("trivial", {}, PUBLIC),
        Rule("search:results", {}, PUBLIC, why="each result is filtered by its own kind's rule (tests/search)"),
        Rule("accounts:login", {}, "200 R R R R R R R R"),
        Rule("accounts:logout", {}, "R 200 200 200 200 200 200 200 200", why="GET asks to confirm; POST signs out"),
        Rule("accounts:set-language", {}, "R R R R R R R R R", why="GET changes nothing and goes back"),
        Rule("accounts:profile", {}, SIGNED_IN),
        Rule("accounts:password-change", {}, SIGNED_IN),
        Rule("accounts:password-reset", {}, PUBLIC),
        Rule("accounts:password-reset-done", {}, PUBLIC),
        Rule("accounts:password-reset-confirm", {"uidb64": "MQ", "token": "set-password"}, PUBLIC),
        Rule("accounts:password-reset-complete", {}, PUBLIC),
        Rule("accounts:user-list", {}, STAFF_ONLY),
        Rule("accounts:user-create", {}, STAFF_ONLY),
        Rule("accounts:user-update", {"pk": "rep_a_user"}, STAFF_ONLY),
        Rule("accounts:user-invite-again", {"pk": "rep_a_user"}, "L 405 403 403 403 403 403 403 403"),
        Rule("sdg:goal-list", {}, PUBLIC),
        Rule("sdg:goal-detail", {"number": "4"}, PUBLIC),
        Rule("companies:directory", {}, PUBLIC),
        Rule("companies:export-csv", {}, STAFF_ONLY),
        Rule("companies:export-xlsx", {}, STAFF_ONLY),
        Rule("companies:import", {}, STAFF_ONLY),
        Rule("companies:import-template", {}, STAFF_ONLY),
        Rule("companies:figures", {}, STAFF_ONLY),
        Rule("companies:invitation-list", {}, STAFF_ONLY),
        Rule(
            "companies:invitation-accept",
            {"token": "not-a-token"},
            "410 410 410 410 410 410 410 410 410",
            why="410: the link is not (or no longer) valid",
        ),
        Rule("companies:my-organization", {}, "L R R R R R R R R"),
        Rule("companies:organization-create", {}, STAFF_ONLY),
        Rule("companies:organization-detail", {"pk": "org_a"}, PUBLIC),
        Rule("companies:organization-update", {"pk": "org_a"}, "L 200 403 200 403 403 403 403 403"),
        Rule("companies:organization-archive", {"pk": "org_a"}, STAFF_ONLY),
        Rule("companies:organization-restore", {"pk": "org_a"}, "L 405 403 403 403 403 403 403 403"),
        Rule("companies:participation-change", {"pk": "org_a"}, STAFF_ONLY),
        Rule("companies:priorities", {"pk": "org_a"}, "L 200 403 200 403 403 403 403 403"),
        Rule("companies:people", {"pk": "org_a"}, "L 200 403 200 403 403 403 403 403"),
        Rule(
            "companies:representative-remove",
            {"pk": "org_a", "representative_pk": "rep_a_place"},
            "L 200 403 200 403 403 403 403 403",
        ),
        Rule(
            "companies:primary-contact",
            {"pk": "org_a", "representative_pk": "rep_a_place"},
            "L 405 403 405 403 403 403 403 403",
            why="a button's POST; whoever may edit the organization's people",
        ),
        Rule(
            "companies:invitation-resend",
            {"pk": "org_a", "invitation_pk": "org_a_invitation"},
            "L 405 403 405 403 403 403 403 403",
        ),
        Rule(
            "companies:invitation-revoke",
            {"pk": "org_a", "invitation_pk": "org_a_invitation"},
            "L 405 403 405 403 403 403 403 403",
        ),
        Rule(
            "companies:due-diligence-list",
            {"pk": "review_org"},
            "L 200 200 403 403 403 403 403 403",
            why="evaluators (technical partners) read due diligence; only staff run it",
        ),
        Rule("companies:due-diligence-start", {"pk": "review_org"}, "L 405 403 403 403 403 403 403 403"),
        Rule(
            "companies:due-diligence-detail",
            {"pk": "review_org", "review_pk": "review"},
            "L 200 200 403 403 403 403 403 403",
        ),
        Rule(
            "companies:due-diligence-checklist",
            {"pk": "review_org", "review_pk": "review"},
            "L R 403 403 403 403 403 403 403",
        ),
        Rule(
            "companies:due-diligence-evidence",
            {"pk": "review_org", "review_pk": "review"},
            "L R 403 403 403 403 403 403 403",
        ),
        Rule(
            "companies:due-diligence-evidence-download",
            {"pk": "review_org", "review_pk": "review", "evidence_pk": "dd_evidence"},
            "L 200 200 403 403 403 403 403 403",
        ),
        Rule(
            "companies:due-diligence-decide",
            {"pk": "review_org", "review_pk": "review"},
            "L R 403 403 403 403 403 403 403",
        ),
        Rule("audit:event-list", {}, STAFF_ONLY),
        Rule("audit:verify", {}, STAFF_ONLY),
        Rule("documents:document-list", {}, SIGNED_IN),
        Rule("documents:document-request", {}, "L 405 405 405 405 405 405 405 405"),
        Rule("documents:document-detail", {"pk": "document"}, STAFF_ONLY),
        Rule("documents:document-download", {"pk": "document"}, "L 404 403 403 403 403 403 403 403"),
        Rule("documents:document-retry", {"pk": "document"}, "L 405 405 405 405 405 405 405 405"),
        Rule("documents:document-regenerate", {"pk": "document"}, "L 405 405 405 405 405 405 405 405"),
        Rule("notifications:inbox", {}, SIGNED_IN),
        Rule("notifications:preferences", {}, SIGNED_IN),
        Rule("notifications:following", {}, SIGNED_IN),
        Rule("notifications:mark-read", {}, "L 405 405 405 405 405 405 405 405"),
        Rule("notifications:mark-all-read", {}, "L 405 405 405 405 405 405 405 405"),
        Rule("notifications:follow", {}, "L 405 405 405 405 405 405 405 405"),
        Rule("committees:committee-list", {}, PUBLIC),
        Rule("committees:committee-create", {}, STAFF_ONLY),
        # chair_1 and secretary_2 represent organizations seated on two committees: they get the list.
        Rule("committees:my-committees", {}, "L 200 200 R R 200 R R 200"),
        Rule("committees:committee-detail", {"pk": "committee_1"}, PUBLIC),
        Rule(
            "committees:work-plan",
            {"pk": "committee_1"},
            "L 200 403 200 403 200 200 403 403",
            why="the whole plan is for the committee's insiders, like its internals",
        ),
        Rule("committees:committee-update", {"pk": "committee_1"}, STAFF_ONLY),
        Rule("committees:committee-close", {"pk": "committee_1"}, STAFF_ONLY),
        Rule("committees:committee-members", {"pk": "committee_1"}, PUBLIC),
        Rule("committees:membership-add", {"pk": "committee_1"}, STAFF_ONLY),
        Rule(
            "committees:membership-request",
            {"pk": "committee_1"},
            "L 403 403 403 200 403 403 200 200",
            why="only organizations not yet on the committee may ask to join",
        ),
        Rule("committees:membership-transition", {"pk": "membership_1", "action": "suspend"}, STAFF_ONLY),
        Rule("committees:post-appoint", {"pk": "committee_1"}, STAFF_ONLY),
        Rule("committees:priority-area-create", {"pk": "committee_1"}, "L 200 403 403 403 200 403 403 403"),
        Rule(
            "committees:priority-area-edit",
            {"pk": "committee_1", "area_pk": "area_1"},
            "L 200 403 403 403 200 403 403 403",
        ),
        Rule("committees:activity-create", {"pk": "committee_1"}, "L 200 403 403 403 200 403 403 403"),
        Rule(
            "committees:activity-update",
            {"pk": "committee_1", "activity_pk": "activity_1"},
            "L 200 403 403 403 200 403 403 403",
        ),
        Rule("committees:committee-sessions", {"pk": "committee_1"}, PUBLIC),
        Rule("committees:session-create", {"pk": "committee_1"}, "L 200 403 403 403 200 403 403 403"),
        Rule("committees:session-record", {"pk": "committee_1"}, "L 200 403 403 403 200 200 403 403"),
        Rule("committees:committee-agreements", {"pk": "committee_1"}, "L 200 403 200 403 200 200 403 403"),
        Rule("committees:session-list", {}, PUBLIC),
        Rule("committees:plenary-create", {}, STAFF_ONLY),
        Rule("committees:plenary-record", {}, STAFF_ONLY),
        Rule("committees:session-detail", {"pk": "session_1"}, "L 200 403 200 403 200 200 403 403"),
        Rule("committees:session-update", {"pk": "session_1"}, "L 200 403 403 403 200 403 403 403"),
        Rule("committees:session-cancel", {"pk": "session_1"}, "L 200 403 403 403 200 403 403 403"),
        Rule("committees:agenda-item-add", {"pk": "session_1"}, "L 200 403 403 403 200 403 403 403"),
        Rule(
            "committees:agenda-item-edit",
            {"pk": "session_1", "item_pk": "agenda_item_1"},
            "L 200 403 403 403 200 403 403 403",
        ),
        Rule(
            "committees:agenda-item-move",
            {"pk": "session_1", "item_pk": "agenda_item_1"},
            "L 405 403 403 403 405 403 403 403",
        ),
        Rule("committees:document-add", {"pk": "session_1"}, "L 200 403 403 403 200 200 403 403"),
        Rule("committees:document-download", {"pk": "session_document_1"}, "L 200 403 200 403 200 200 403 403"),
        Rule("committees:attendance-confirm", {"pk": "session_1"}, "L 403 403 405 403 405 405 403 403"),
        Rule(
            "committees:attendance-record",
            {"pk": "session_1"},
            "L R 403 403 403 403 R 403 403",
            why="session_1 is to come: the sheet sends back to the session, saying why (services.attendance_refusal)",
        ),
        Rule(
            "committees:attendance-correct",
            {"pk": "session_1"},
            "L 403 403 403 403 403 403 403 403",
            why="session_1 is to come: there is no list to correct (tests/committees/test_attendance_correction.py)",
        ),
        Rule(
            "committees:minutes-edit",
            {"pk": "session_1"},
            "L R 403 403 403 403 R 403 403",
            why="the session has not started: back to its page with the reason",
        ),
        Rule("committees:minutes-approve", {"pk": "session_1"}, "L 200 403 403 403 200 403 403 403"),
        Rule("committees:minutes-comment", {"pk": "session_1"}, "L 405 403 405 403 405 405 403 403"),
        Rule(
            "committees:agreement-create",
            {"pk": "session_1"},
            "L R 403 403 403 403 R 403 403",
            why="the session has not started: back to its page with the reason",
        ),
        Rule("committees:session-ics", {"pk": "session_1"}, "L 200 403 200 403 200 200 403 403"),
        Rule("committees:agreement-list", {}, STAFF_ONLY),
        Rule("committees:agreement-update", {"pk": "agreement_1"}, "L 200 403 403 403 403 200 403 403"),
        Rule("committees:calendar", {}, PUBLIC),
        Rule("committees:calendar-subscribe", {}, "L 405 405 405 405 405 405 405 405"),
        Rule("committees:calendar-stop", {}, "L 405 405 405 405 405 405 405 405"),
        Rule("committees:calendar-feed", {"token": "feed_token"}, PUBLIC),
        Rule("projects:call-list", {}, SIGNED_IN),
        Rule("projects:call-create", {}, "L 200 403 403 403 200 403 200 403"),
        Rule("projects:call-detail", {"pk": "call_1"}, SIGNED_IN),
        Rule("projects:call-update", {"pk": "call_1"}, "L 200 403 403 403 200 403 403 403"),
        Rule("projects:evaluation-matrix", {"pk": "call_1"}, "L 200 403 403 403 200 403 403 403"),
        Rule("projects:proposal-start", {"pk": "call_1"}, "L 403 403 403 403 403 403 403 403"),
        Rule("projects:proposal-list", {}, SIGNED_IN),
        Rule("projects:proposal-manage", {}, STAFF_ONLY),
        Rule("projects:saved-filter-save", {}, "L 405 403 403 403 403 403 403 403"),
        Rule("projects:saved-filter-delete", {"pk": "1"}, "L 405 403 403 403 403 403 403 403"),
        Rule("projects:evaluator-load", {}, STAFF_ONLY),
        Rule("projects:committee-proposals", {"pk": "committee_1"}, "L 200 403 403 403 200 403 403 403"),
        Rule(
            "projects:proposal-detail",
            {"pk": "draft_a"},
            "L 403 403 200 403 403 403 403 403",
            why="a draft is its consortium's alone: not its committee's chair, not staff",
        ),
        Rule(
            "projects:proposal-detail",
            {"pk": "submitted_a"},
            "L 200 403 200 200 200 403 403 403",
            why="B is invited as a partner, so B reads it too",
        ),
        Rule("projects:proposal-detail", {"pk": "draft_b"}, "L 403 403 403 200 403 403 403 403"),
        Rule(
            "projects:proposal-detail",
            {"pk": "submitted_b"},
            "L 200 403 403 200 403 403 403 403",
            why="submitted: staff review it; committee 2's chair does not, her organization (the demo's) "
            "leads another proposal of the call (a conflict for the whole call: competes_in_call)",
        ),
        Rule("projects:proposal-edit", {"pk": "draft_a", "step": "general"}, "L 403 403 200 403 403 403 403 403"),
        Rule(
            "projects:proposal-edit", {"pk": "submitted_a", "step": "consortium"}, "L 403 403 403 200 403 403 403 403"
        ),
        Rule("projects:proposal-submit", {"pk": "draft_a"}, "L 403 403 200 403 403 403 403 403"),
        Rule(
            "projects:proposal-transition",
            {"pk": "draft_a", "action": "withdraw"},
            "L 403 403 200 403 403 403 403 403",
            why="nobody but the lead withdraws a draft",
        ),
        Rule(
            "projects:proposal-transition",
            {"pk": "submitted_a", "action": "withdraw"},
            "L 200 403 403 403 200 403 403 403",
        ),
        Rule(
            "projects:proposal-transition",
            {"pk": "submitted_a", "action": "accept"},
            "L 200 403 403 403 200 403 403 403",
        ),
        Rule("projects:proposal-publish", {"pk": "published_project"}, "L 405 403 403 403 403 403 403 403"),
        Rule("projects:comment-create", {"pk": "draft_a"}, "L 403 403 405 403 403 403 403 403"),
        Rule("projects:comment-create", {"pk": "submitted_a"}, "L 405 403 405 405 405 403 403 403"),
        Rule("projects:version-detail", {"pk": "in_review_a", "number": "1"}, "L 200 403 200 403 200 403 403 403"),
        Rule(
            "projects:partner-respond",
            {"pk": "submitted_a", "member_pk": "partner_b_in_a"},
            "L 405 403 405 405 405 403 403 403",
        ),
        Rule("projects:evaluator-assign", {"pk": "submitted_a"}, "L 200 403 403 403 200 403 403 403"),
        Rule(
            "projects:attachment-download",
            {"pk": "attachment_draft_a"},
            "L 403 403 200 403 403 403 403 403",
            why="the draft's files follow the draft",
        ),
        Rule("projects:attachment-download", {"pk": "attachment_submitted_a"}, "L 200 403 200 200 200 403 403 403"),
        Rule("projects:my-evaluations", {}, "L 403 200 403 403 403 403 403 403"),
        Rule("projects:evaluation", {"pk": "evaluation"}, "L 403 200 403 403 403 403 403 403"),
        Rule("projects:committee-selections", {"pk": "committee_1"}, PUBLIC),
        Rule("projects:round-create", {"pk": "committee_1"}, "L 200 403 403 403 200 403 403 403"),
        Rule("projects:round-detail", {"pk": "open_round_1"}, "L 200 403 200 403 200 200 403 403"),
        Rule("projects:round-detail", {"pk": "closed_round_1"}, PUBLIC),
        Rule("projects:evidence-download", {"pk": "round_evidence"}, PUBLIC),
        Rule("projects:evidence-add", {"pk": "open_round_1"}, "L 200 403 403 403 200 403 403 403"),
        Rule(
            "projects:evidence-add",
            {"pk": "closed_round_1"},
            "L R 403 403 403 R 403 403 403",
            why="a closed round offers no form: back to its page with a message",
        ),
        Rule("projects:round-close", {"pk": "open_round_1"}, "L 200 403 403 403 200 403 403 403"),
        Rule("projects:round-close", {"pk": "closed_round_1"}, "L R 403 403 403 R 403 403 403"),
        Rule("projects:ballot-create", {"pk": "open_round_1"}, "L 200 403 403 403 200 403 403 403"),
        Rule("projects:ballot-create", {"pk": "closed_round_1"}, "L R 403 403 403 R 403 403 403"),
        Rule("projects:ballot-list", {}, SIGNED_IN),
        Rule("projects:ballot-detail", {"pk": "open_ballot_1"}, "L 200 403 200 403 200 200 403 403"),
        Rule("projects:ballot-detail", {"pk": "closed_ballot_2"}, SIGNED_IN),
        Rule("projects:ballot-vote", {"pk": "open_ballot_1"}, "L 403 403 200 403 200 200 403 403"),
        Rule("projects:ballot-open", {"pk": "open_ballot_1"}, "L 405 403 403 403 405 403 403 403"),
        Rule("projects:ballot-close", {"pk": "open_ballot_1"}, "L 200 403 403 403 200 403 403 403"),
        Rule(
            "projects:ballot-close",
            {"pk": "closed_ballot_2"},
            "L R 403 403 403 403 403 403 403",
            why="a closed ballot offers no close form; chair_2's organization competes in its call: staff decide",
        ),
        Rule("projects:ballot-cancel", {"pk": "open_ballot_1"}, STAFF_ONLY),
        Rule(
            "projects:ballot-tie",
            {"pk": "closed_ballot_2"},
            "L 404 403 403 403 403 403 403 403",
            why="chair_2's organization competes in the round's call: staff decide it",
        ),
        Rule(
            "projects:ballot-runoff",
            {"pk": "closed_ballot_2"},
            "L 404 403 403 403 403 403 403 403",
            why="no declared tie, as with settling it; chair_2's organization competes in the round's call",
        ),
        Rule("projects:receipt-check", {"pk": "closed_ballot_2"}, "L 200 403 403 200 403 403 200 200"),
        Rule(
            "projects:ballot-csv",
            {"pk": "open_ballot_1"},
            "L 404 403 404 403 404 404 403 403",
            why="nothing to download before the close",
        ),
        Rule("projects:ballot-csv", {"pk": "closed_ballot_2"}, SIGNED_IN, why="the same people as the ballot's page"),
        Rule("projects:project-list", {}, PUBLIC),
        Rule("projects:project-detail", {"pk": "published_project"}, PUBLIC),
        Rule("javascript-catalog", {}, PUBLIC),
        Rule(
            "admin:index", {}, "R 200 R R R R R R R", why="Django's admin sends everyone else to its own sign-in form"
        ),
        # Another parent's ids: a child named under a parent it does not belong to is not found.
        Rule(
            "companies:representative-remove",
            {"pk": "org_b", "representative_pk": "rep_a_place"},
            "L 404 403 403 404 403 403 403 403",
        ),
        Rule(
            "companies:primary-contact",
            {"pk": "org_b", "representative_pk": "rep_a_place"},
            "L 404 403 403 404 403 403 403 403",
            method="post",
        ),
        Rule(
            "companies:invitation-resend",
            {"pk": "org_b", "invitation_pk": "org_a_invitation"},
            "L 404 403 403 404 403 403 403 403",
            method="post",
        ),
        Rule(
            "companies:invitation-revoke",
            {"pk": "org_b", "invitation_pk": "org_a_invitation"},
            "L 404 403 403 404 403 403 403 403",
            method="post",
        ),
        Rule(
            "companies:due-diligence-detail",
            {"pk": "org_b", "review_pk": "review"},
            "L 404 404 403 403 403 403 403 403",
        ),
        Rule(
            "companies:due-diligence-evidence-download",
            {"pk": "org_b", "review_pk": "review", "evidence_pk": "dd_evidence"},
            "L 404 404 403 403 403 403 403 403",
        ),
        Rule(
            "committees:priority-area-edit",
            {"pk": "committee_2", "area_pk": "area_1"},
            "404 404 404 404 404 404 404 404 404",
        ),
        Rule(
            "committees:activity-update",
            {"pk": "committee_2", "activity_pk": "activity_1"},
            "404 404 404 404 404 404 404 404 404",
        ),
        Rule(
            "committees:agenda-item-edit",
            {"pk": "session_2", "item_pk": "agenda_item_1"},
            "404 404 404 404 404 404 404 404 404",
        ),
        Rule(
            "committees:agenda-item-move",
            {"pk": "session_2", "item_pk": "agenda_item_1"},
            "L 404 403 403 403 403 403 404 403",
            method="post",
        ),
        Rule(
            "projects:partner-respond",
            {"pk": "submitted_b", "member_pk": "partner_b_in_a"},
            "L 404 403 403 404 403 403 403 403",
            method="post",
        ),
        # Only with DEBUG on when the URLs are read (``make run``): organizations' logos, public; nothing else.
        Rule(
            f"route:^{settings.MEDIA_URL.lstrip('/')}{PUBLIC_MEDIA_FOLDER}/(?P<path>.*)$",
            {"path": f"{settings.MEDIA_URL}{PUBLIC_MEDIA_FOLDER}/missing.png"},
            "404 404 404 404 404 404 404 404 404",
            why="no such logo; with DEBUG off there is no such route at all",
        ),
    ]
    + PUBLISHING
    + SURVEYS
    + AFTER_SELECTION
)
