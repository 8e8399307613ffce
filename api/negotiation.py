"""How the API picks the format of its answer: DRF's negotiation, with a helpful 404 for a format it lacks."""

from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound
from rest_framework.negotiation import DefaultContentNegotiation


class ContentNegotiation(DefaultContentNegotiation):
    """A ``?format=`` this address does not offer is a 404 that names the formats it does offer."""

    def filter_renderers(self, renderers, format):
        offered = [renderer for renderer in renderers if renderer.format == format]
        if not offered:
            formats = dict.fromkeys(renderer.format for renderer in renderers)
            raise NotFound(
                _("There is no format “%(format)s” here; the formats offered are: %(formats)s.")
                % {"format": format[:40], "formats": ", ".join(formats)}
            )
        return offered
