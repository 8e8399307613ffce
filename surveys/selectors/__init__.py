"""Reads of surveys that pages share; results are computed in the database."""

from .exports import export_header, export_rows
from .lists import (
    audience_organizations,
    invitation_from_token,
    invitation_progress,
    is_chairs_survey,
    pending_invitations_for,
    response_rate,
    surveys_for_manager,
)
from .results import (
    MIN_ANONYMOUS_RESPONDENTS,
    committee_candidates,
    committee_proposal_counts,
    crosstab_by_organization_type,
    describe_candidates,
    option_results,
    readable_option_results,
    respondent_count,
    results_withheld,
    sdg_ranking,
    submitted_answers,
    survey_questions,
    survey_results,
)

__all__ = [
    "MIN_ANONYMOUS_RESPONDENTS",
    "audience_organizations",
    "committee_candidates",
    "committee_proposal_counts",
    "crosstab_by_organization_type",
    "describe_candidates",
    "export_header",
    "export_rows",
    "invitation_from_token",
    "invitation_progress",
    "is_chairs_survey",
    "option_results",
    "pending_invitations_for",
    "readable_option_results",
    "respondent_count",
    "response_rate",
    "results_withheld",
    "sdg_ranking",
    "submitted_answers",
    "survey_questions",
    "survey_results",
    "surveys_for_manager",
]
