"""Personal API tokens: staff's page (list, issue with the key shown once, revoke) and a person's own revoke."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import View

from axs_platform.forms import add_service_errors
from axs_platform.pagination import page_of
from axs_platform.permissions import StaffRequiredMixin

from .. import services
from ..forms import TokenIssueForm
from ..models import ApiToken

PER_PAGE = 50


@method_decorator(never_cache, name="dispatch")
class TokenListView(StaffRequiredMixin, View):
    """Every token with its person, expiry, last use and state; the form to issue one."""

    template_name = "api/token_list.html"

    def render_page(self, form, *, key=None, issued=None):
        tokens = ApiToken.objects.select_related("person", "created_by", "revoked_by")
        context = {"form": form, "tokens": page_of(self.request, tokens, PER_PAGE), "key": key, "issued": issued}
        return render(self.request, self.template_name, context)

    def get(self, request, *args, **kwargs):
        return self.render_page(TokenIssueForm())

    def post(self, request, *args, **kwargs):
        form = TokenIssueForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                token, key = services.token_issue(
                    actor=request.user,
                    person=data["person"],
                    name=data["name"],
                    expires_on=data["expires_on"],
                    request=request,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                # Shown once, on this answer only (never_cache): it is not stored and cannot be shown again.
                return self.render_page(TokenIssueForm(), key=key, issued=token)
        return self.render_page(form)


class _TokenRevokeMixin:
    """Revoke the token named in the URL (``get_token``) through the service, then go back (``back_to``)."""

    http_method_names = ["post"]
    back_to = ""

    def post(self, request, *args, **kwargs):
        token = self.get_token()
        try:
            services.token_revoke(actor=request.user, token=token, request=request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The token has been revoked; it stops working at once."))
        return redirect(self.back_to)


class TokenRevokeView(StaffRequiredMixin, _TokenRevokeMixin, View):
    back_to = "api:token-list"

    def get_token(self):
        return get_object_or_404(ApiToken, pk=self.kwargs["pk"])


class MyTokenRevokeView(LoginRequiredMixin, _TokenRevokeMixin, View):
    """A person revokes one of their own tokens from their profile; anybody else's is not there (404)."""

    back_to = "accounts:profile"

    def get_token(self):
        return get_object_or_404(ApiToken, pk=self.kwargs["pk"], person=self.request.user)
