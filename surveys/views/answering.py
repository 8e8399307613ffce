"""The respondent's pages: open an invitation link, answer, save and come back, submit, confirmation."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from axs_platform import notices
from axs_platform.permissions import PredicateRequiredMixin

from .. import permissions, selectors, services
from ..forms import ResponseForm, response_form_initial, sdg_goals
from ..models import QuestionKind, SurveyState
from ..services import anonymous
from ..services.answering import in_progress_response

DRAFT_COOKIE_AGE = 180 * 24 * 3600  # An anonymous draft can be resumed in this browser for six months.
REPLACE_DRAFT = "replace_draft"  # The box that starts over in this browser, leaving another browser's draft.


class MySurveysView(PredicateRequiredMixin, TemplateView):
    """The open surveys waiting for the person's (or their organization's) answer."""

    template_name = "surveys/my_surveys.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            invitations=list(selectors.pending_invitations_for(self.request.user)), **kwargs
        )


def _problem(request, message, *, status, survey=None):
    return render(request, "surveys/answer_problem.html", {"message": message, "survey": survey}, status=status)


class AnswerView(View):
    """Answer a survey through one's own link; every page works without JavaScript.

    Conditions are resolved on the server: questions appear or disappear when the page is saved.
    """

    template_name = "surveys/answer.html"

    def dispatch(self, request, *args, **kwargs):
        self.invitation = selectors.invitation_from_token(kwargs["token"])
        if self.invitation is None:
            return _problem(request, _("This survey link is not valid. Check that it was copied whole."), status=404)
        survey = self.survey = self.invitation.survey
        if survey.is_named and not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not permissions.can_answer(request.user, self.invitation):
            return _problem(
                request,
                _("This survey link was sent to another organization or person. Use the link you received."),
                status=403,
                survey=survey,
            )
        if self.invitation.responded_at is not None:
            return redirect("surveys:answer-thanks", kwargs["token"])
        state = survey.state
        if state == SurveyState.CLOSED:
            return _problem(
                request, _("This survey is closed; answers are no longer accepted."), status=200, survey=survey
            )
        if state != SurveyState.OPEN:
            return _problem(request, _("This survey is not open yet."), status=200, survey=survey)
        # Anonymous surveys: the secret that opens this browser's draft (a new one until it is saved).
        self.draft_cookie = f"axs_draft_{self.invitation.pk}"
        self.draft_secret = request.COOKIES.get(self.draft_cookie, "") if survey.is_anonymous else ""
        self.questions = selectors.survey_questions(survey)
        self.goals = sdg_goals() if any(q.kind == QuestionKind.SDG_GOALS for q in self.questions) else []
        return super().dispatch(request, *args, **kwargs)

    def _stored(self):
        if self.survey.is_anonymous:
            return None, services.anonymous_saved_values(self.invitation, self.draft_secret, self.questions)
        response = in_progress_response(self.invitation)
        return response, services.stored_values(response, self.questions)

    def _keep_secret(self, http_response):
        """Give the browser the secret of its anonymous draft: only it can open the draft again."""
        if self.survey.is_anonymous:
            http_response.set_cookie(
                self.draft_cookie,
                self.draft_secret,
                max_age=DRAFT_COOKIE_AGE,
                path=self.invitation.get_absolute_url(),
                secure=self.request.is_secure(),
                httponly=True,
                samesite="Lax",
            )
        return http_response

    def _form(self, data=None, stored=None):
        if stored is None:
            _response, stored = self._stored()
        shown = services.visible_questions(self.questions, stored)
        initial = response_form_initial(shown, stored)
        return ResponseForm(data, initial=initial, questions=shown, goals=self.goals)

    def _render(self, form, response=None):
        # Saved from another browser: this one cannot open that draft, and saving here would start over.
        draft_elsewhere = self.survey.is_anonymous and anonymous.draft_elsewhere(self.invitation, self.draft_secret)
        sections = []
        for question, fields in form.blocks():
            if not sections or sections[-1][0] != question.section:
                sections.append((question.section, []))
            sections[-1][1].append((question, fields))
        return render(
            self.request,
            self.template_name,
            {
                "survey": self.survey,
                "invitation": self.invitation,
                "form": form,
                "sections": sections,
                "response": response,
                "draft_elsewhere": draft_elsewhere,
            },
        )

    def get(self, request, *args, **kwargs):
        response, stored = self._stored()
        return self._render(self._form(stored=stored), response)

    def post(self, request, *args, **kwargs):
        if self.survey.is_anonymous and not anonymous.secret_matches(self.invitation, self.draft_secret):
            self.draft_secret = anonymous.new_secret()
        form = self._form(request.POST)
        form.is_valid()
        values = form.values()
        # A draft saved from another browser is replaced only when this page's box said to start over.
        secret = {"draft_secret": self.draft_secret, "replace": REPLACE_DRAFT in request.POST}
        if "submit" in request.POST and not form.errors:
            # Saved and submitted in one transaction: what is stored is what the thanks page confirms.
            try:
                services.response_save_and_submit(
                    user=request.user,
                    invitation=self.invitation,
                    values=values,
                    notice_shown=notices.shown(request.POST),
                    **secret,
                )
            except services.NotSubmitted as error:
                # The saved answers may show new questions: show them, with what was missing.
                self.invitation.refresh_from_db(fields=["draft_check"])
                form = self._form(request.POST)
                form.is_valid()
                return self._keep_secret(self._refused(form, error, saved=True))
            except ValidationError as error:
                return self._refused(form, error)
            done = redirect("surveys:answer-thanks", kwargs["token"])
            if self.survey.is_anonymous:
                done.delete_cookie(self.draft_cookie, path=self.invitation.get_absolute_url())
            return done
        try:
            services.response_save(user=request.user, invitation=self.invitation, values=values, **secret)
        except ValidationError as error:
            return self._refused(form, error)
        if form.errors:
            self.invitation.refresh_from_db(fields=["draft_check"])  # This browser's secret now opens the draft.
            messages.warning(request, _("Some answers need correcting; your other answers were saved."))
            return self._keep_secret(self._render(form))
        if self.survey.is_anonymous:
            messages.success(
                request,
                _(
                    "Your answers were saved in this browser, encrypted so that only it can open them. "
                    "Come back from this browser to finish."
                ),
            )
        else:
            messages.success(request, _("Your answers were saved. You can come back and finish later."))
        return self._keep_secret(redirect(self.invitation.get_absolute_url()))

    def _refused(self, form, error, *, saved=False):
        if hasattr(error, "error_dict"):
            for name, errors in error.error_dict.items():
                target = name if name in form.fields else f"{name}_1" if f"{name}_1" in form.fields else None
                for message in errors:
                    form.add_error(target, message)
        else:
            for message in error.messages:
                form.add_error(None, message)
        if saved:
            messages.warning(self.request, _("Your answers were saved, but the survey cannot be submitted yet."))
        return self._render(form)


class AnswerThanksView(View):
    """The confirmation that a survey was answered, shown to whoever holds the link."""

    def get(self, request, token):
        invitation = selectors.invitation_from_token(token)
        if invitation is None:
            return _problem(request, _("This survey link is not valid. Check that it was copied whole."), status=404)
        if invitation.survey.is_named and not permissions.can_answer(request.user, invitation):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            return _problem(
                request,
                _("This survey link was sent to another organization or person. Use the link you received."),
                status=403,
            )
        if invitation.responded_at is None:
            return redirect(invitation.get_absolute_url())
        return render(request, "surveys/answer_thanks.html", {"survey": invitation.survey, "invitation": invitation})
