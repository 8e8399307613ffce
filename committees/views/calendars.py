"""Calendars: the public calendar page, a person's secret feed address and .ics files."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from axs_platform.pagination import page_of
from axs_platform.permissions import PredicateRequiredMixin

from .. import ical, permissions, selectors, services
from .sessions import SESSIONS_PER_PAGE, SessionMixin


class CalendarView(TemplateView):
    """Upcoming sessions the visitor may see, and the person's own feed address."""

    template_name = "committees/calendar.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        context = {"sessions": page_of(self.request, selectors.upcoming_sessions(user), SESSIONS_PER_PAGE)}
        if user.is_authenticated:
            feed = selectors.calendar_feed_of(user)
            context["feed_url"] = self.request.build_absolute_uri(feed.get_absolute_url()) if feed else ""
        return super().get_context_data(**context, **kwargs)


class CalendarSubscribeView(PredicateRequiredMixin, View):
    """Create, or renew, the secret address of the person's calendar feed."""

    def post(self, request, *args, **kwargs):
        renewing = selectors.calendar_feed_of(request.user) is not None
        services.calendar_feed_renew(person=request.user, request=request)
        if renewing:
            messages.success(request, _("Your calendar address has been renewed; the previous one no longer works."))
        else:
            messages.success(request, _("Your calendar address is ready. Add it to your calendar application."))
        return redirect("committees:calendar")


class CalendarStopView(PredicateRequiredMixin, View):
    """Stop publishing the person's calendar: its secret address no longer works."""

    def post(self, request, *args, **kwargs):
        try:
            services.calendar_feed_stop(person=request.user, request=request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Your calendar address no longer works. You can create a new one whenever you like.")
            )
        return redirect("committees:calendar")


def calendar_feed(request, token):
    """The .ics feed of a person's sessions, reachable without signing in through its secret address."""
    feed = selectors.working_calendar_feed(token)
    if feed is None:
        raise Http404
    sessions = list(selectors.feed_sessions(feed.person))
    # A calendar application sends no language: the feed is in the one the person chose in their profile.
    with translation.override(feed.person.preferred_language or settings.LANGUAGE_CODE):
        body = ical.calendar(sessions, name=_("AxS sessions"))
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


class SessionICalendarView(SessionMixin, View):
    """One session as an .ics file to add to a calendar."""

    predicate = staticmethod(permissions.can_see_session)
    public_when_published = True

    def get(self, request, *args, **kwargs):
        if not ical.has_known_day(self.session):
            raise Http404
        response = HttpResponse(
            ical.calendar([self.session], method="PUBLISH"), content_type="text/calendar; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="sesion-{self.session.pk}.ics"'
        return response
