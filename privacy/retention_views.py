"""Staff's page of retention rules: how long each kind of personal data is kept, and what the job did."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from axs_platform.permissions import StaffRequiredMixin

from . import services
from .forms import RetentionRuleForm
from .models import RetentionRule, RetentionRun


class RetentionView(StaffRequiredMixin, View):
    template_name = "privacy/retention.html"

    def render_page(self, bound=None, status=200):
        rules = {rule.kind: rule for rule in RetentionRule.objects.all()}
        forms = []
        for kind, label in RetentionRule.Kind.choices:
            if bound is not None and bound.prefix == kind:
                forms.append(bound)
                continue
            rule = rules.get(kind)
            default = RetentionRule.DEFAULT_DAYS.get(kind)
            if rule:
                initial = {"keep_days": rule.keep_days, "active": rule.active}
            else:
                initial = {"keep_days": default, "active": default is not None}
            forms.append(RetentionRuleForm(prefix=kind, initial=initial, kind_label=label))
        labels = dict(RetentionRule.Kind.choices)
        runs = [
            (run, [(labels.get(k, k), n) for k, n in run.results.items()]) for run in RetentionRun.objects.all()[:20]
        ]
        context = {"forms": forms, "runs": runs}
        return render(self.request, self.template_name, context, status=status)

    def get(self, request):
        return self.render_page()

    def post(self, request):
        if request.POST.get("form") == "run":
            run = services.retention_apply()
            messages.success(
                request, _("Retention applied: %(count)d records anonymized.") % {"count": sum(run.results.values())}
            )
            return redirect("privacy:retention")
        kind = request.POST.get("form", "")
        labels = dict(RetentionRule.Kind.choices)
        if kind not in labels:
            return redirect("privacy:retention")
        form = RetentionRuleForm(request.POST, prefix=kind, kind_label=labels[kind])
        if not form.is_valid():
            return self.render_page(bound=form, status=400)
        services.retention_rule_set(actor=request.user, kind=kind, request=request, **form.cleaned_data)
        messages.success(request, _("The retention rule was saved."))
        return redirect("privacy:retention")
