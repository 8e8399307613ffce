"""Forms of the IATI staff pages: the reporting organization and a project's IATI data (no side effects)."""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from axs_platform.forms import submit_helper
from projects.models import Proposal

from .models import ProjectPublication, Publisher


class PublisherForm(forms.ModelForm):
    class Meta:
        model = Publisher
        fields = ["organisation_ref", "name_es", "name_en", "organisation_type"]
        widgets = {"organisation_ref": forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation_ref"].required = True
        self.fields["name_en"].widget.attrs["lang"] = "en"
        self.helper = submit_helper(_("Save"), form_name="publisher")
        # Explicit: the staff page also answers for "Validar ahora", and the form must save wherever it is shown.
        self.helper.form_action = reverse("iati:settings")


class PublicationForm(forms.ModelForm):
    """The DAC code (the IATI data) and the project's English title and summary (the project's own fields)."""

    title_en = Proposal._meta.get_field("title_en").formfield()
    summary_en = Proposal._meta.get_field("summary_en").formfield(widget=forms.Textarea(attrs={"rows": 4}))

    class Meta:
        model = ProjectPublication
        fields = ["dac_code"]

    def __init__(self, *args, project, **kwargs):
        english = {"title_en": project.title_en, "summary_en": project.summary_en}
        kwargs["initial"] = {**english, **kwargs.get("initial", {})}
        super().__init__(*args, **kwargs)
        self.fields["title_en"].widget.attrs["lang"] = "en"
        self.fields["summary_en"].widget.attrs["lang"] = "en"
        self.helper = submit_helper(_("Save"), form_name="publication")
