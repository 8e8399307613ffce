"""Pages of the survey builder: the list, one survey, its sections and questions, publish, close, copy."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from axs_platform.permissions import PredicateRequiredMixin
from axs_platform.service_views import ChoiceSearchMixin, ServiceFormView

from .. import permissions, selectors, services
from ..forms import QuestionForm, SectionForm, SurveyForm
from ..models import Question, Section, Survey


def can_manage_any_survey(user):
    return permissions.is_staff_member(user) or bool(permissions.chaired_committee_ids(user))


class SurveyMixin(PredicateRequiredMixin):
    """Load the survey named in the URL; let in only those who manage it."""

    survey_kwarg = "pk"

    def get_survey(self):
        return get_object_or_404(Survey.objects.select_related("committee"), pk=self.kwargs[self.survey_kwarg])

    def dispatch(self, request, *args, **kwargs):
        self.survey = self.get_survey()
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_manage_survey(self.request.user, self.survey)

    def get_context_data(self, **kwargs):
        return super().get_context_data(survey=self.survey, **kwargs)


class SurveyListView(PredicateRequiredMixin, TemplateView):
    """The surveys staff (or a chair, their committee's) manage, with their response counts."""

    template_name = "surveys/survey_list.html"
    permission_predicate = can_manage_any_survey

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            surveys=list(selectors.surveys_for_manager(self.request.user)),
            can_create=permissions.can_create_survey(self.request.user)
            or bool(permissions.chaired_committee_ids(self.request.user)),
            **kwargs,
        )


class SurveyCreateView(PredicateRequiredMixin, ChoiceSearchMixin, ServiceFormView):
    template_name = "surveys/form.html"
    form_class = SurveyForm
    permission_predicate = can_manage_any_survey
    searchable_field = "chosen_organizations"
    search_label = gettext_lazy("Search organizations to choose")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        kwargs["search"] = self.search_term()
        committee = self.request.GET.get("comite")
        if committee and committee.isdigit():
            kwargs.setdefault("initial", {})["committee"] = int(committee)
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("New survey"), **kwargs)

    def call_service(self, form):
        data = dict(form.cleaned_data)
        chosen = list(data.pop("chosen_organizations"))
        committee = data.get("committee")
        if not permissions.can_create_survey(self.request.user, committee):
            raise PermissionDenied
        return services.survey_create(
            actor=self.request.user, chosen_organizations=chosen, request=self.request, **data
        )


class SurveyDetailView(SurveyMixin, TemplateView):
    """A survey as built: its settings, sections and questions, and what can be done next."""

    template_name = "surveys/survey_detail.html"

    def get_context_data(self, **kwargs):
        survey = self.survey
        sections = list(survey.sections.prefetch_related("questions__options", "questions__condition_question"))
        return super().get_context_data(
            sections=sections,
            invited=survey.invitations.count(),
            answered=survey.invitations.filter(responded_at__isnull=False).count(),
            chosen=list(survey.chosen_organizations.all()) if survey.audience == "chosen" else [],
            **kwargs,
        )


class SurveyUpdateView(SurveyMixin, ChoiceSearchMixin, ServiceFormView):
    template_name = "surveys/form.html"
    form_class = SurveyForm
    success_message = ""
    searchable_field = "chosen_organizations"
    search_label = gettext_lazy("Search organizations to choose")

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "user": self.request.user,
            "instance": self.survey,
            "search": self.search_term(),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Change the survey"), **kwargs)

    def call_service(self, form):
        data = {name: form.cleaned_data[name] for name in form.changed_data if not form.fields[name].disabled}
        chosen = data.pop("chosen_organizations", None)
        return services.survey_update(
            actor=self.request.user,
            survey=self.survey,
            chosen_organizations=list(chosen) if chosen is not None else None,
            request=self.request,
            **data,
        )


class SectionCreateView(SurveyMixin, ServiceFormView):
    template_name = "surveys/form.html"
    form_class = SectionForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("New section"), **kwargs)

    def call_service(self, form):
        return services.section_create(actor=self.request.user, survey=self.survey, **form.cleaned_data)

    def get_success_url_for(self, result):
        return self.survey.get_absolute_url()


class SectionUpdateView(SurveyMixin, ServiceFormView):
    template_name = "surveys/form.html"
    form_class = SectionForm

    def get_survey(self):
        self.section = get_object_or_404(Section.objects.select_related("survey__committee"), pk=self.kwargs["pk"])
        return self.section.survey

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.section}

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Change the section"), **kwargs)

    def call_service(self, form):
        fields = {name: form.cleaned_data[name] for name in form.fields}
        return services.section_update(
            actor=self.request.user, section=Section.objects.get(pk=self.section.pk), **fields
        )

    def get_success_url_for(self, result):
        return self.survey.get_absolute_url()


class QuestionCreateView(SurveyMixin, ServiceFormView):
    template_name = "surveys/form.html"
    form_class = QuestionForm

    def get_survey(self):
        self.section = get_object_or_404(Section.objects.select_related("survey__committee"), pk=self.kwargs["pk"])
        return self.section.survey

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "survey": self.survey}

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("New question in “%(section)s”") % {"section": self.section}, **kwargs)

    def call_service(self, form):
        fields, options = form.service_fields()
        return services.question_create(actor=self.request.user, section=self.section, options=options, **fields)

    def get_success_url_for(self, result):
        return self.survey.get_absolute_url()


class QuestionUpdateView(SurveyMixin, ServiceFormView):
    template_name = "surveys/form.html"
    form_class = QuestionForm

    def get_survey(self):
        self.question = get_object_or_404(
            Question.objects.select_related("survey__committee", "section"), pk=self.kwargs["pk"]
        )
        return self.question.survey

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "survey": self.survey, "question": self.question}

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Change the question"), **kwargs)

    def call_service(self, form):
        fields, options = form.service_fields()
        return services.question_update(actor=self.request.user, question=self.question, options=options, **fields)

    def get_success_url_for(self, result):
        return self.survey.get_absolute_url()


class SurveyActionView(SurveyMixin, View):
    """A POST that calls one service on the survey and goes back to it with a message."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            result = self.act()
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(self.survey)
        messages.success(request, self.message(result))
        return redirect(self.redirect_to(result))

    def redirect_to(self, result):
        return self.survey


class QuestionDeleteView(SurveyActionView):
    def get_survey(self):
        self.question = get_object_or_404(Question.objects.select_related("survey__committee"), pk=self.kwargs["pk"])
        return self.question.survey

    def act(self):
        services.question_delete(actor=self.request.user, question=self.question)

    def message(self, result):
        return _("The question was removed.")


class SurveyPublishView(SurveyActionView):
    def act(self):
        return services.survey_publish(actor=self.request.user, survey=self.survey, request=self.request)

    def message(self, result):
        return _("The survey is published. Send the invitations when you are ready.")


class SurveyCloseView(SurveyActionView):
    def act(self):
        return services.survey_close(actor=self.request.user, survey=self.survey, request=self.request)

    def message(self, result):
        return _("The survey is closed.")


class SurveyCopyView(SurveyActionView):
    def act(self):
        return services.survey_copy(actor=self.request.user, survey=self.survey, request=self.request)

    def message(self, result):
        return _("This is a copy of the survey, as a draft: set its dates and change what you need.")

    def redirect_to(self, result):
        return result


class SurveyArchiveView(SurveyActionView):
    def act(self):
        return services.survey_archive(actor=self.request.user, survey=self.survey, request=self.request)

    def message(self, result):
        return _("The survey was archived; its responses are kept.")

    def redirect_to(self, result):
        return "surveys:survey-list"
