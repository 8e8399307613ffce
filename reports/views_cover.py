"""Staff put logos and images on the report's cover; replacing or removing one keeps it archived."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView

from audit.models import AuditEvent
from audit.services import audit_record
from axs_platform.forms import add_service_errors
from axs_platform.permissions import StaffRequiredMixin

from .forms import CoverImageForm
from .models import CoverImage
from .publication import with_data_uri
from .services import cover_image_remove, cover_image_upload


class CoverImagesView(StaffRequiredMixin, FormView):
    """The cover's logos and images now, the ones replaced or removed, and a form to upload another."""

    template_name = "reports/cover_images.html"
    form_class = CoverImageForm
    replacing = None

    def dispatch(self, request, *args, **kwargs):
        if "pk" in kwargs:
            self.replacing = get_object_or_404(CoverImage.objects.current(), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "replacing": self.replacing}

    def get_initial(self):
        if self.replacing is None:
            return {}
        return {"alt_es": self.replacing.alt_es, "alt_en": self.replacing.alt_en}

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        try:
            image = cover_image_upload(actor=self.request.user, replaces=self.replacing, **data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        audit_record(actor=self.request.user, action=AuditEvent.Action.CREATED, target=image, request=self.request)
        messages.success(self.request, _("The cover shows it from the next edition you generate or publish."))
        return redirect("reports:cover-images")

    def get_context_data(self, **kwargs):
        images = list(CoverImage.objects.select_related("uploaded_by", "replaces"))
        return super().get_context_data(
            current=with_data_uri([image for image in images if image.archived_at is None]),
            archived=[image for image in images if image.archived_at is not None],
            replacing=self.replacing,
            **kwargs,
        )


class CoverImageRemoveView(StaffRequiredMixin, View):
    def post(self, request, pk):
        image = get_object_or_404(CoverImage.objects.current(), pk=pk)
        cover_image_remove(actor=request.user, image=image)
        audit_record(actor=request.user, action="reports.cover_image_removed", target=image, request=request)
        messages.success(request, _("Taken off the cover. It stays in the history below."))
        return redirect("reports:cover-images")
