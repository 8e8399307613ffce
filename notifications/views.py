"""Pages of the inbox: the list with its filter, read marks, preferences per kind, and follows.

Thin views: each checks ``notifications.permissions`` and calls one service. Every form is a plain
POST that works without JavaScript and comes back to the page it was sent from.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView, View

from axs_platform import purposes
from axs_platform.forms import add_service_errors
from axs_platform.pagination import page_of
from axs_platform.permissions import PredicateRequiredMixin

from . import selectors, services
from .forms import FollowForm, InboxFilterForm, PreferencesForm
from .kinds import KINDS
from .models import Notification
from .permissions import can_use_inbox

PER_PAGE = 25


def _back(request, fallback):
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect(fallback)


class InboxMixin(PredicateRequiredMixin):
    permission_predicate = can_use_inbox


class InboxView(InboxMixin, TemplateView):
    template_name = "notifications/inbox.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        form = InboxFilterForm(self.request.GET or None, kinds=selectors.kinds_received(user))
        kind = unread = ""
        if form.is_valid():
            kind, unread = form.cleaned_data["kind"], form.cleaned_data["unread"]
        page = page_of(self.request, selectors.inbox(user, kind=kind, unread_only=unread), PER_PAGE)
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            form=form,
            page=page,
            kind=kind,
            kind_label=KINDS[kind].label if kind in KINDS else "",
            unread_total=selectors.unread_count(user),
            zone=user.zone,
            query=query.urlencode(),
            **kwargs,
        )


class MarkReadView(InboxMixin, View):
    def post(self, request):
        notification = get_object_or_404(Notification, pk=_id(request.POST.get("notification")))
        try:
            services.notification_mark_read(actor=request.user, notification=notification)
        except PermissionDenied:
            raise Http404 from None
        return _back(request, reverse("notifications:inbox"))


class MarkAllReadView(InboxMixin, View):
    def post(self, request):
        try:
            count = services.notifications_mark_all_read(actor=request.user, kind=request.POST.get("kind", ""))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return _back(request, reverse("notifications:inbox"))
        message = ngettext("%(count)d notification marked read.", "%(count)d notifications marked read.", count)
        messages.success(request, message % {"count": count})
        return _back(request, reverse("notifications:inbox"))


class PreferencesView(InboxMixin, TemplateView):
    template_name = "notifications/preferences.html"

    def get_form(self):
        data = self.request.POST if self.request.method == "POST" else None
        return PreferencesForm(data, initial_deliveries=selectors.deliveries(self.request.user))

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", self.get_form())
        user = self.request.user
        return super().get_context_data(
            zone=user.time_zone, opposes_reminders=purposes.opposes(user, purposes.REMINDERS), **kwargs
        )

    def post(self, request):
        form = self.get_form()
        if form.is_valid():
            try:
                services.preferences_set(actor=request.user, deliveries=form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your notification preferences were saved."))
                return redirect("notifications:preferences")
        return self.render_to_response(self.get_context_data(form=form))


class FollowingView(InboxMixin, TemplateView):
    template_name = "notifications/following.html"

    def get_context_data(self, **kwargs):
        rows, hidden = selectors.follows_in_sight(self.request.user)
        return super().get_context_data(follows=rows, hidden=hidden, **kwargs)

    def post(self, request):
        """Stop following what the person may no longer see (counted on the page, never named)."""
        count = services.unfollow_out_of_sight(actor=request.user)
        messages.success(
            request,
            ngettext("You no longer follow %(count)d item.", "You no longer follow %(count)d items.", count)
            % {"count": count},
        )
        return redirect("notifications:following")


class FollowView(InboxMixin, View):
    def post(self, request):
        """Follow or stop following; what the person may not see answers 404 like a missing id, never named."""
        form = FollowForm(request.POST)
        if not form.is_valid():
            raise Http404
        found = selectors.follow_target(
            request.user, label=form.cleaned_data["model"], object_id=form.cleaned_data["object_id"]
        )
        if found is None:
            raise Http404
        target, in_sight = found
        if form.cleaned_data["action"] == "follow":
            if not in_sight:
                raise Http404
            services.follow(actor=request.user, target=target)
            messages.success(request, _("You now follow %(name)s.") % {"name": target})
        else:
            services.unfollow(actor=request.user, target=target)
            if in_sight:
                messages.success(request, _("You no longer follow %(name)s.") % {"name": target})
            else:
                messages.success(request, _("You no longer follow that item."))
        return _back(request, reverse("notifications:following"))


def _id(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 0 < number < 2**63:
        raise Http404
    return number
