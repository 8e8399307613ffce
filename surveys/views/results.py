"""Pages about a survey's answers: invitations and response rate, results, exports, committees from results."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import TemplateView

from axs_platform import fragments
from axs_platform.charts import Bar, horizontal_bar_chart
from axs_platform.exports import csv_response, xlsx_response
from axs_platform.pagination import page_of

from .. import permissions, selectors, services
from ..forms import CommitteeProposalsForm
from ..models import CHOICE_KINDS, QuestionKind
from .building import SurveyActionView, SurveyMixin

CANDIDATES_PER_PAGE = 50

INVITATIONS_PER_PAGE = 50


class InvitationListView(SurveyMixin, TemplateView):
    """Who was invited and who has answered, with the response rate by type, size and committee."""

    template_name = "surveys/invitation_list.html"

    def get_context_data(self, **kwargs):
        rate = selectors.response_rate(self.survey)
        rows = Paginator(selectors.invitation_progress(self.survey), INVITATIONS_PER_PAGE).get_page(
            self.request.GET.get("page")
        )
        charts = {
            key: horizontal_bar_chart(
                [Bar(str(row["label"]), row["answered"], share=row["rate"]) for row in rate[key]],
                title=title,
                description=_("Responses received in each group."),
                total=rate["overall"]["answered"] or None,
            )
            for key, title in (
                ("by_type", _("Responses by organization type")),
                ("by_size", _("Responses by size")),
                ("by_committee", _("Responses by committee")),
            )
            if rate[key]
        }
        return super().get_context_data(rate=rate, invitations=rows, charts=charts, **kwargs)


class InvitationSendView(SurveyActionView):
    def act(self):
        return services.invitations_send(actor=self.request.user, survey=self.survey, request=self.request)

    def message(self, result):
        text = ngettext("%(count)d invitation was sent.", "%(count)d invitations were sent.", result.sent) % {
            "count": result.sent
        }
        if result.skipped:
            names = "; ".join(f"{o.display_name} ({services.SkipReason(reason).label})" for o, reason in result.skipped)
            count = len(result.skipped)
            skipped = ngettext(
                "%(count)d organization was skipped: %(names)s.",
                "%(count)d organizations were skipped: %(names)s.",
                count,
            )
            text = f"{text} {skipped % {'count': count, 'names': names}}"
        return text

    def redirect_to(self, result):
        return reverse("surveys:invitation-list", args=[self.survey.pk])


class ReminderSendView(SurveyActionView):
    def act(self):
        return services.reminders_send(actor=self.request.user, survey=self.survey, request=self.request)

    def message(self, result):
        text = ngettext("%(count)d reminder was sent.", "%(count)d reminders were sent.", result.sent) % {
            "count": result.sent
        }
        if result.skipped:
            skipped = ngettext(
                "%(count)d invitation was skipped: it was sent in the last 24 hours.",
                "%(count)d invitations were skipped: they were sent in the last 24 hours.",
                result.skipped,
            )
            text = f"{text} {skipped % {'count': result.skipped}}"
        return text

    def redirect_to(self, result):
        return reverse("surveys:invitation-list", args=[self.survey.pk])


def question_chart(result):
    if not result["rows"]:
        return ""
    question = result["question"]
    value = "points" if question.is_ranked else "count"
    return horizontal_bar_chart(
        [
            Bar(row["label"], row[value], row.get("colour", ""), None if question.is_ranked else row["percent"])
            for row in result["rows"]
        ],
        title=question.text,
        description=ngettext(
            "%(count)d response answered this question.",
            "%(count)d responses answered this question.",
            result["answered"],
        )
        % {"count": result["answered"]},
        total=None if question.is_ranked else result["answered"] or None,
    )


class ResultsView(SurveyMixin, TemplateView):
    """Counts and percentages per question with charts, the SDG ranking, texts, and a cross-tabulation.

    The counts and charts are rendered once per version of the survey results (bumped by each
    submission and each change to a draft's questions) and language, and kept in the cache.
    """

    template_name = "surveys/results.html"

    def render_results(self):
        respondents, results = selectors.survey_results(self.survey)
        for result in results:
            result["chart"] = question_chart(result)
        context = {"survey": self.survey, "results": results, "ranking": selectors.sdg_ranking(results)}
        html = render_to_string("surveys/includes/results_body.html", context)
        return {"respondents": respondents, "html": html}, None

    def get_context_data(self, **kwargs):
        survey = self.survey
        respondents = selectors.respondent_count(survey)
        withheld = selectors.results_withheld(survey, respondents)
        if withheld:
            minimum = selectors.MIN_ANONYMOUS_RESPONDENTS
            return super().get_context_data(
                respondents=respondents, withheld=withheld, minimum_respondents=minimum, **kwargs
            )
        parts = fragments.fragment([fragments.SURVEY_RESULTS], "survey-results", (survey.pk,), self.render_results)
        questions = selectors.survey_questions(survey)
        crosstab = None
        crosstab_questions = [
            q
            for q in questions
            if q.kind in (*CHOICE_KINDS, QuestionKind.SCALE, QuestionKind.YES_NO, QuestionKind.SDG_GOALS)
        ]
        chosen = self.request.GET.get("cruce")
        if survey.is_named and chosen and chosen.isdigit():
            question = next((q for q in crosstab_questions if q.pk == int(chosen)), None)
            if question is not None:
                types, rows = selectors.crosstab_by_organization_type(question)
                crosstab = {"question": question, "types": types, "rows": rows}
        return super().get_context_data(
            respondents=parts["respondents"],
            results_html=mark_safe(parts["html"]),  # noqa: S308 (our own rendering)
            crosstab=crosstab,
            crosstab_questions=crosstab_questions if survey.is_named else [],
            can_form_committees=permissions.can_form_committees(self.request.user, survey)
            and any(q.kind == QuestionKind.SDG_GOALS for q in questions),
            **kwargs,
        )


class ExportMixin(SurveyMixin):
    """An export of the answers, refused as the results page is while an anonymous survey's are withheld."""

    def get(self, request, *args, **kwargs):
        if selectors.results_withheld(self.survey, selectors.respondent_count(self.survey)):
            message = _("The answers of this anonymous survey cannot be exported now; the results page says why.")
            messages.info(request, message)
            return redirect("surveys:results", self.survey.pk)
        return self.export()


class ExportCsvView(ExportMixin, View):
    """Stream the submitted responses as CSV, a chunk of responses at a time."""

    def export(self):
        rows = selectors.export_rows(self.survey)
        return csv_response(f"{_filename(self.survey)}.csv", next(rows), rows)


def _filename(survey):
    return slugify(survey.title_es)[:60] or f"encuesta-{survey.pk}"


class ExportExcelView(ExportMixin, View):
    """Write the submitted responses to an Excel file in write-only mode (rows go to disk as they come)."""

    def export(self):
        rows = selectors.export_rows(self.survey)
        return xlsx_response(f"{_filename(self.survey)}.xlsx", _("Responses"), next(rows), rows)


class CommitteeProposalsView(SurveyMixin, TemplateView):
    """For each SDG committee, the organizations that ranked its SDG high and the role they want."""

    template_name = "surveys/committee_proposals.html"

    def has_permission(self):
        return permissions.can_form_committees(self.request.user, self.survey)

    def get_context_data(self, **kwargs):
        # What the filter shows reads the survey's answers, the open committees and their members: a fragment
        # of those areas per query. The candidates' checkboxes go in a form whose CSRF token stays outside it.
        key = (self.survey.pk, sorted(self.request.GET.lists()))
        areas = [fragments.SURVEY_RESULTS, fragments.COMMITTEES]
        results, candidates = fragments.fragment(areas, "committee-proposals", key, self.render_results)
        return super().get_context_data(results=results, candidates=candidates, **kwargs)

    def render_results(self):
        context = self.results_context()
        results = render_to_string("surveys/includes/committee_proposals_results.html", context)
        if context["proposals"] is None:
            return (results, None), None
        return (results, render_to_string("surveys/includes/committee_candidates.html", context)), None

    def results_context(self):
        form = CommitteeProposalsForm(self.request.GET or None, survey=self.survey)
        if not self.request.GET:
            form = CommitteeProposalsForm(
                {
                    "ranking_question": getattr(form.fields["ranking_question"].queryset.first(), "pk", ""),
                    "role_question": getattr(form.fields["role_question"].queryset.first(), "pk", ""),
                    "top": 3,
                },
                survey=self.survey,
            )
        context = {"form": form, "proposals": None}
        if form.is_valid():
            # All the committees: how many candidates each. One committee: its candidates, a page at a time.
            data = form.cleaned_data
            committee = data["committee"]
            if committee is None:
                context["counts"] = selectors.committee_proposal_counts(
                    self.survey, ranking_question=data["ranking_question"], top=data["top"]
                )
            else:
                rows = selectors.committee_candidates(
                    self.survey, committee, ranking_question=data["ranking_question"], top=data["top"]
                )
                page = page_of(self.request, rows, CANDIDATES_PER_PAGE)
                candidates = selectors.describe_candidates(
                    self.survey, committee, page.object_list, role_question=data["role_question"]
                )
                context["proposals"] = [{"committee": committee, "candidates": candidates}]
                context["page_obj"] = page
            query = {key: value for key, value in form.data.items() if key != "page" and value not in (None, "")}
            context["query_without_page"] = urlencode(query)
        return context

    def post(self, request, *args, **kwargs):
        seats = []
        for value in request.POST.getlist("seat"):
            committee_id, _dash, organization_id = value.partition("-")
            if committee_id.isdigit() and organization_id.isdigit():
                seats.append((int(committee_id), int(organization_id)))
        try:
            seated = services.committee_members_invite(
                actor=request.user, survey=self.survey, seats=seats, request=request
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("%(count)d organizations were invited to the committees.") % {"count": seated})
        return redirect(request.get_full_path())
