"""Surveys in the search: found by those who manage them (``can_manage_survey``: staff, the committee's chair).

Registered from ``SurveysConfig.ready()``; the building services index what they write.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from axs_platform.permissions import is_staff_member
from search.registry import NOTHING, Document, Kind, committee_facets, register

from .models import Survey
from .permissions import can_manage_survey, chaired_committee_ids


def _document(survey):
    return Document(
        title=survey.title_es,
        body="\n".join(part for part in (survey.description_es, survey.title_en, survey.description_en) if part),
        url=survey.get_absolute_url(),
        audience="managers",
        **committee_facets(survey.committee, survey.opens_at or survey.created_at),
    )


def _visible(user):
    if is_staff_member(user):
        return Q()
    chaired = chaired_committee_ids(user)
    return Q(committee_id__in=chaired) if chaired else NOTHING


def register_kinds():
    register(
        Kind(
            name="survey",
            label=_("Survey"),
            label_plural=_("Surveys"),
            model=Survey,
            queryset=lambda: Survey.objects.select_related("committee__goal"),
            document=_document,
            visible=_visible,
            can_view=can_manage_survey,
            display_title=lambda survey: survey.title,
            written_in_spanish=False,
            order=80,
        )
    )
