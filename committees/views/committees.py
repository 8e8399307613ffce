"""Pages of the committees: the list, one committee, its members and posts, its work plan."""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from audit.selectors import history_for
from axs_platform import fragments
from axs_platform.pagination import page_of, query_without
from axs_platform.permissions import PredicateRequiredMixin, StaffRequiredMixin
from axs_platform.service_views import ChoiceSearchMixin, ServiceFormView
from companies.models import Organization

from .. import permissions, selectors, services
from ..forms import (
    ActivityForm,
    CommitteeForm,
    MembershipAddForm,
    MembershipRequestForm,
    MembershipTransitionForm,
    PostAppointForm,
    PriorityAreaForm,
    ReasonForm,
)
from ..models import Committee, Membership, PriorityArea, WorkPlanActivity

MEMBERS_PER_PAGE = 50
HISTORY_PER_PAGE = 50
SESSIONS_ON_COMMITTEE_PAGE = 8


class CommitteeMixin:
    """Load the committee named in the URL before the permission check."""

    def dispatch(self, request, *args, **kwargs):
        self.committee = get_object_or_404(Committee.objects.select_related("goal"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(committee=self.committee, **kwargs)


class CommitteeListView(TemplateView):
    """The committees, each with its SDG and its number of member organizations (public)."""

    template_name = "committees/committee_list.html"

    def get_context_data(self, **kwargs):
        committees = list(selectors.committees_with_counts())
        return super().get_context_data(
            open_committees=[c for c in committees if c.is_open],
            closed_committees=[c for c in committees if not c.is_open],
            can_manage=permissions.can_manage_committees(self.request.user),
            **kwargs,
        )


class MyCommitteesView(PredicateRequiredMixin, TemplateView):
    """The committees of the signed-in person's organization and posts; one is shown at once."""

    template_name = "committees/my_committees.html"

    def get(self, request, *args, **kwargs):
        self.committees = list(selectors.my_committees(request.user))
        if len(self.committees) == 1:
            return redirect(self.committees[0])
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(committees=self.committees, **kwargs)


class CommitteeDetailView(CommitteeMixin, TemplateView):
    """A committee: its SDG, posts and current members for everybody; sessions and follow-up for members."""

    template_name = "committees/committee_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        committee = self.committee
        audience = {
            "internals": permissions.can_see_committee_internals(user, committee),
            "can_manage": permissions.can_manage_committees(user) and committee.is_open,
            "can_schedule": permissions.can_schedule_session(user, committee),
            "can_record_past": permissions.can_record_past_session(user, committee),
            "can_edit_work_plan": permissions.can_edit_work_plan(user, committee),
            "can_request": user.is_authenticated and permissions.can_request_membership(user, committee),
        }
        # The body depends only on the committee's data, the audience above and the page asked for:
        # it is rendered once per version of the data (the committees' services bump it).
        body = fragments.fragment(
            [fragments.COMMITTEES],
            "committee-detail",
            (committee.pk, sorted(audience.items()), self.request.GET.get("page")),
            lambda: self.render_body(audience),
        )
        return super().get_context_data(body=body, **audience, **kwargs)

    def render_body(self, audience):
        committee = self.committee
        areas, progress = selectors.work_plan(committee)
        context = {
            **audience,
            "committee": committee,
            "posts": selectors.withhold_names(
                selectors.current_posts(committee), "holder_id", reader_sees_names=audience["internals"]
            ),
            "members": page_of(self.request, selectors.current_members(committee), MEMBERS_PER_PAGE),
            "areas": areas,
            "progress": progress,
        }
        sessions = selectors.committee_sessions(committee, user=self.request.user)
        now = timezone.now()
        context["upcoming_sessions"] = list(
            sessions.filter(starts_at__gte=now).order_by("starts_at")[:SESSIONS_ON_COMMITTEE_PAGE]
        )
        context["recent_sessions"] = list(
            sessions.filter(starts_at__lt=now).order_by("-starts_at")[:SESSIONS_ON_COMMITTEE_PAGE]
        )
        if audience["internals"]:
            context["agreement_counts"] = selectors.agreement_counts(committee=committee)
        if audience["can_manage"]:
            context["pending_requests"] = list(selectors.pending_requests(committee))
        html = render_to_string("committees/includes/committee_detail_body.html", context, request=self.request)
        # The next upcoming session moves to "recent" when it starts: the body is stale from then on.
        upcoming = context["upcoming_sessions"]
        return html, (upcoming[0].starts_at if upcoming else None)


class CommitteeMembersView(CommitteeMixin, TemplateView):
    """Every membership period and change, and who held each post (public; names as ``withhold_names`` says)."""

    template_name = "committees/committee_members.html"

    def get_context_data(self, **kwargs):
        audience = {
            "names": permissions.can_see_committee_internals(self.request.user, self.committee),
            "can_manage": permissions.can_manage_committees(self.request.user) and self.committee.is_open,
        }
        queries = {param: query_without(self.request, param) for param in ("page", "cambios", "cargos")}
        # The body depends only on the committee's data, the audience and the pages asked for (the three
        # queries without each pager's own parameter name all of them): kept once per version of the data.
        body = fragments.fragment(
            [fragments.COMMITTEES],
            "committee-members",
            (self.committee.pk, sorted(audience.items()), sorted(queries.items())),
            lambda: (self.render_body(audience, queries), None),
        )
        return super().get_context_data(body=body, **kwargs)

    def render_body(self, audience, queries):
        # Three lists, each paged on its own: a committee of a thousand members has thousands of changes.
        changes = page_of(self.request, selectors.membership_history(self.committee), HISTORY_PER_PAGE, param="cambios")
        posts = page_of(self.request, selectors.post_history(self.committee), HISTORY_PER_PAGE, param="cargos")
        names = audience["names"]
        changes.object_list = selectors.withhold_names(changes.object_list, "changed_by_id", reader_sees_names=names)
        posts.object_list = selectors.withhold_names(posts.object_list, "holder_id", reader_sees_names=names)
        context = {
            "committee": self.committee,
            "memberships": page_of(self.request, selectors.memberships(self.committee), MEMBERS_PER_PAGE),
            "changes": changes,
            "post_history": posts,
            "queries": queries,
            "can_manage": audience["can_manage"],
        }
        return render_to_string("committees/includes/committee_members_body.html", context, request=self.request)


class CommitteeCreateView(StaffRequiredMixin, ServiceFormView):
    template_name = "committees/form.html"
    form_class = CommitteeForm
    success_message = gettext_lazy("The committee has been created.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("New committee"), **kwargs)

    def call_service(self, form):
        return services.committee_create(actor=self.request.user, request=self.request, **form.cleaned_data)


class CommitteeUpdateView(StaffRequiredMixin, CommitteeMixin, ServiceFormView):
    template_name = "committees/form.html"
    form_class = CommitteeForm
    success_message = gettext_lazy("The changes have been saved.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.committee}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Edit the committee"), history=history_for(self.committee, limit=50), **kwargs
        )

    def call_service(self, form):
        return services.committee_update(
            actor=self.request.user, committee=self.committee, request=self.request, **form.cleaned_data
        )


class CommitteeCloseView(StaffRequiredMixin, CommitteeMixin, ServiceFormView):
    template_name = "committees/form.html"
    success_message = gettext_lazy("The committee has been closed. Its history is kept.")

    def get_form(self, form_class=None):
        return ReasonForm(**self.get_form_kwargs(), submit_label=_("Close the committee"))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Close the committee"),
            intro=_("A closed committee keeps its members, posts, sessions and minutes; nothing new can be added."),
            **kwargs,
        )

    def call_service(self, form):
        return services.committee_close(
            actor=self.request.user, committee=self.committee, reason=form.cleaned_data["reason"], request=self.request
        )


class MembershipAddView(StaffRequiredMixin, CommitteeMixin, ChoiceSearchMixin, ServiceFormView):
    template_name = "committees/form.html"
    success_message = gettext_lazy("The organization now sits on the committee.")
    searchable_field = "organization"
    search_label = gettext_lazy("Search organizations")

    def get_form(self, form_class=None):
        return MembershipAddForm(
            **self.get_form_kwargs(),
            organizations=selectors.organizations_for_membership(self.committee),
            search=self.search_term(),
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Add a member organization"), **kwargs)

    def call_service(self, form):
        services.membership_add(
            actor=self.request.user, committee=self.committee, request=self.request, **form.cleaned_data
        )
        return self.committee


class MembershipRequestView(CommitteeMixin, PredicateRequiredMixin, ServiceFormView):
    template_name = "committees/form.html"
    form_class = MembershipRequestForm
    success_message = gettext_lazy("Your request has been sent. AMEXCID staff will answer it.")

    def has_permission(self):
        return permissions.can_request_membership(self.request.user, self.committee)

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Ask to join the committee"), **kwargs)

    def call_service(self, form):
        services.membership_request(
            actor=self.request.user, committee=self.committee, request=self.request, **form.cleaned_data
        )
        return self.committee


MEMBERSHIP_ACTION_LABELS = {
    "approve": gettext_lazy("Approve the request"),
    "decline": gettext_lazy("Decline the request"),
    "suspend": gettext_lazy("Suspend the membership"),
    "reinstate": gettext_lazy("Reinstate the membership"),
    "end": gettext_lazy("End the membership"),
    "mark_unknown": gettext_lazy("Record that there is no data on whether it still takes part"),
}


class MembershipTransitionView(StaffRequiredMixin, ServiceFormView):
    template_name = "committees/form.html"
    success_message = gettext_lazy("The membership has been updated.")

    def dispatch(self, request, *args, **kwargs):
        if kwargs["action"] not in services.MEMBERSHIP_TRANSITIONS:
            raise Http404
        self.membership = get_object_or_404(
            Membership.objects.select_related("committee__goal", "organization"), pk=kwargs["pk"]
        )
        self.action = kwargs["action"]
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, form_class=None):
        return MembershipTransitionForm(**self.get_form_kwargs(), submit_label=MEMBERSHIP_ACTION_LABELS[self.action])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            committee=self.membership.committee,
            title=f"{MEMBERSHIP_ACTION_LABELS[self.action]}: {self.membership.organization}",
            **kwargs,
        )

    def call_service(self, form):
        services.membership_transition(
            actor=self.request.user,
            membership=self.membership,
            action=self.action,
            request=self.request,
            **form.cleaned_data,
        )
        return self.membership.committee


class PostAppointView(StaffRequiredMixin, CommitteeMixin, ServiceFormView):
    template_name = "committees/form.html"
    success_message = gettext_lazy("The post has a new holder; the previous term has ended.")

    def get_form(self, form_class=None):
        return PostAppointForm(**self.get_form_kwargs(), people=selectors.member_representatives(self.committee))

    def get_initial(self):
        return {"kind": self.request.GET.get("cargo", "")}

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Appoint the chair or the secretary"), **kwargs)

    def call_service(self, form):
        services.post_appoint(
            actor=self.request.user, committee=self.committee, request=self.request, **form.cleaned_data
        )
        return self.committee


class WorkPlanMixin(CommitteeMixin, PredicateRequiredMixin):
    def has_permission(self):
        return permissions.can_edit_work_plan(self.request.user, self.committee)

    def get_success_url_for(self, result):
        return self.committee.get_absolute_url() + "#plan"


class PriorityAreaCreateView(WorkPlanMixin, ServiceFormView):
    template_name = "committees/form.html"
    form_class = PriorityAreaForm
    success_message = gettext_lazy("The priority area has been added.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("New priority area"), **kwargs)

    def call_service(self, form):
        return services.priority_area_create(
            actor=self.request.user, committee=self.committee, request=self.request, **form.cleaned_data
        )


class PriorityAreaEditView(WorkPlanMixin, ServiceFormView):
    template_name = "committees/form.html"
    success_message = gettext_lazy("The priority area has been changed.")

    def dispatch(self, request, *args, **kwargs):
        self.area = get_object_or_404(PriorityArea, pk=kwargs["area_pk"], committee_id=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, form_class=None):
        return PriorityAreaForm(**self.get_form_kwargs(), submit_label=_("Save"))

    def get_initial(self):
        return {"name": self.area.name, "description": self.area.description}

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Change a priority area"), **kwargs)

    def call_service(self, form):
        return services.priority_area_update(
            actor=self.request.user, area=self.area, request=self.request, **form.cleaned_data
        )


class ActivityCreateView(WorkPlanMixin, ServiceFormView):
    template_name = "committees/form.html"
    success_message = gettext_lazy("The activity has been added to the work plan.")

    def get_form(self, form_class=None):
        return ActivityForm(
            **self.get_form_kwargs(),
            committee=self.committee,
            organizations=selectors.member_organizations(self.committee),
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("New work-plan activity"), **kwargs)

    def call_service(self, form):
        return services.activity_create(
            actor=self.request.user, committee=self.committee, request=self.request, **form.cleaned_data
        )


class ActivityUpdateView(WorkPlanMixin, ServiceFormView):
    template_name = "committees/form.html"
    success_message = gettext_lazy("The activity has been saved.")

    def dispatch(self, request, *args, **kwargs):
        self.activity = get_object_or_404(WorkPlanActivity, pk=kwargs["activity_pk"])
        if self.activity.committee_id != kwargs["pk"]:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, form_class=None):
        organizations = Organization.objects.filter(
            Q(pk__in=selectors.member_organizations(self.committee).values("pk"))
            | Q(pk=self.activity.responsible_organization_id)
        ).order_by("legal_name")
        return ActivityForm(
            **self.get_form_kwargs(), instance=self.activity, committee=self.committee, organizations=organizations
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Edit the activity"), history=history_for(self.activity, limit=50), **kwargs
        )

    def call_service(self, form):
        return services.activity_update(
            actor=self.request.user, activity=self.activity, request=self.request, **form.cleaned_data
        )
