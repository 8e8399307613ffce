"""An indicator's page for approvers: revise its definition, split its target across periods."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from axs_platform.forms import add_service_errors
from axs_platform.permissions import PredicateRequiredMixin

from .. import permissions, services
from ..forms import IndicatorForm, SplitForm
from ..models import Indicator, ValueType


class IndicatorView(PredicateRequiredMixin, TemplateView):
    template_name = "monitoring/indicator.html"

    def dispatch(self, request, *args, **kwargs):
        self.indicator = get_object_or_404(
            Indicator.objects.select_related("implementation__proposal"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return permissions.can_revise_indicators(self.request.user, self.indicator.implementation)

    def forms(self, data=None, which=None):
        indicator = self.indicator
        initial = {
            "name": indicator.name, "unit": indicator.unit, "baseline": indicator.baseline,
            "target": indicator.target, "means_of_verification": indicator.means_of_verification,
            "disaggregation": ", ".join(indicator.disaggregation),
        }  # fmt: skip
        periods = list(indicator.implementation.periods.all())
        split_initial = {f"period_{t.period_id}": t.value for t in indicator.period_targets.all()}
        return (
            IndicatorForm(data if which == "revise" else None, initial=initial, prefix="revise"),
            SplitForm(data if which == "split" else None, initial=split_initial, periods=periods, prefix="split")
            if indicator.value_type == ValueType.NUMBER
            else None,
        )

    def get(self, request, *args, **kwargs):
        form, split = self.forms()
        return self.render_to_response(self.get_context_data(form=form, split=split))

    def post(self, request, *args, **kwargs):
        which = request.POST.get("form")
        form, split = self.forms(request.POST, which)
        bound = form if which == "revise" else split
        if bound is not None and bound.is_valid():
            try:
                if which == "revise":
                    data = dict(form.cleaned_data)
                    reason = data.pop("reason")
                    services.indicator_revise(actor=request.user, indicator=self.indicator, reason=reason,
                                              request=request, **data)  # fmt: skip
                else:
                    services.indicator_split_target(actor=request.user, indicator=self.indicator,
                                                    targets=split.targets(), reason=split.cleaned_data["reason"],
                                                    request=request)  # fmt: skip
            except ValidationError as error:
                add_service_errors(bound, error)
            else:
                messages.success(request, _("The indicator was saved."))
                return redirect("monitoring:indicator", pk=self.indicator.pk)
        return self.render_to_response(self.get_context_data(form=form, split=split))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            indicator=self.indicator,
            implementation=self.indicator.implementation,
            revisions=self.indicator.revisions.select_related("changed_by"),
            **kwargs,
        )
