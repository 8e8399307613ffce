"""Pages of privacy notices (staff publish versions) and of a person's consent and opposition per purpose."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from axs_platform import notices
from axs_platform.permissions import StaffRequiredMixin

from . import selectors, services
from .forms import NoticeForm, PurposesForm
from .models import PrivacyNotice, PurposeChoice


class MyPurposesView(LoginRequiredMixin, View):
    """A person's consent or opposition for each purpose; a change takes effect at once."""

    template_name = "privacy/my_purposes.html"

    def render_page(self, form):
        history = PurposeChoice.objects.filter(person=self.request.user).select_related("notice")
        context = {"form": form, "history": history, "notices_shown": selectors.notices_shown_to(self.request.user)}
        return render(self.request, self.template_name, context)

    def get(self, request):
        return self.render_page(PurposesForm(initial=selectors.current_choices(request.user)))

    def post(self, request):
        form = PurposesForm(request.POST)
        if not form.is_valid():
            return self.render_page(form)
        changed = services.purposes_set(
            person=request.user, choices=form.cleaned_data, request=request, shown=notices.shown(request.POST)
        )
        messages.success(
            request, _("Your choices were saved and apply from now on.") if changed else _("Nothing changed.")
        )
        return redirect("privacy:my-purposes")


class NoticeListView(StaffRequiredMixin, View):
    """Every version of both notices, and the form that publishes a new one (prefilled with the current text)."""

    template_name = "privacy/notices.html"

    def render_page(self, form, status=200):
        context = {"form": form, "notices": PrivacyNotice.objects.select_related("published_by")}
        return render(self.request, self.template_name, context, status=status)

    def get(self, request):
        kind = request.GET.get("kind", PrivacyNotice.Kind.SIMPLIFIED)
        kind = kind if kind in PrivacyNotice.Kind.values else PrivacyNotice.Kind.SIMPLIFIED
        current = selectors.current_notice(kind)
        initial = {
            "kind": kind,
            "text_es": current.text_es if current else "",
            "text_en": current.text_en if current else "",
        }
        return self.render_page(NoticeForm(initial=initial))

    def post(self, request):
        form = NoticeForm(request.POST)
        if not form.is_valid():
            return self.render_page(form, status=400)
        notice = services.notice_publish(actor=request.user, request=request, **form.cleaned_data)
        messages.success(request, _("Published: %(notice)s.") % {"notice": notice})
        return redirect("privacy:notices")
