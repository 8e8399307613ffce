"""Models linked to an exported table that are not exported themselves, each with the reason.

``tests/privacy/test_export.py`` fails when a model with a foreign key to a table of ``export.TABLES`` is
neither exported nor named here: a child row of a person's own record (an evaluator's scores, a request's
pauses) must reach the export, and what is left out must say why.
"""

_ORGANIZATION = "the content of an organization's record, not about the person who wrote or changed it"
_PROPOSAL = "the content of a proposal, the consortium's, not about the person who wrote it"
_SETUP = "the set-up of a committee, survey, ballot or round, not about the person who created it"
_MONITORING = "the content of a project's monitoring, the implementing organizations', not about a person"

EXEMPT = {
    "companies.SDGPriority": _ORGANIZATION,
    "companies.ChecklistAnswer": "the due diligence of an organization: a staff assessment of the organization",
    "committees.PriorityArea": _SETUP,
    "committees.WorkPlanActivity": _SETUP,
    "committees.AgendaItem": "the agenda of a session: the committee's, not about the person who created it",
    "surveys.Section": _SETUP,
    "surveys.Question": _SETUP,
    "surveys.ResultCount": "counts of answers with no link to any person",
    "surveys.AnonymousDraft": "a draft of an anonymous survey holds no link to a person, by design",
    "projects.RoundCandidate": _SETUP,
    "projects.BallotCandidate": _SETUP,
    "projects.SealedPaper": "a secret ballot paper holds no link to its voter, by design",
    "projects.Contribution": _PROPOSAL,
    "projects.Component": _PROPOSAL,
    "projects.AlignedTarget": _PROPOSAL,
    "projects.ProjectIndicator": _PROPOSAL,
    "projects.BudgetLine": _PROPOSAL,
    "projects.MatrixTotal": (
        "the evaluation matrix's counts and score sums per proposal, from all its evaluators together: no link to "
        "any one evaluator (each evaluator's own scores are exported with the evaluation)"
    ),
    "monitoring.Period": _MONITORING,
    "monitoring.Milestone": _MONITORING,
    "monitoring.Indicator": _MONITORING,
    "monitoring.IndicatorProgress": _MONITORING,
    "monitoring.ReportValue": _MONITORING,
    "monitoring.ContributionDelivery": _MONITORING,
    "iati.ProjectPublication": "the public IATI record of a project, with no personal data",
    "privacy.AnonymousNoticeCount": (
        "how many anonymous answers of a survey were given under each notice version: no link to any person or "
        "answer, by design"
    ),
}
