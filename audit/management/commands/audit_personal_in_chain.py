"""``manage.py audit_personal_in_chain``: how many events hold an address or IP address inside the chain itself.

Retention erases the personal parts kept beside the chain (version 2); what an event's hash covers stays. This
reports it, so that the answer to "what of mine can never be erased" has a number (docs/privacy.md). Reads only.
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from audit.selectors import personal_data_in_chain


class Command(BaseCommand):
    help = "Count the audit events whose chained fields hold an address, IP address or page (retention never erases)."

    def add_arguments(self, parser):
        parser.add_argument("--language", default=settings.LANGUAGE_CODE, help="es or en (default: the site's)")

    def handle(self, *args, **options):
        with translation.override(options["language"]):
            counts = personal_data_in_chain()
            lines = [
                (_("Typed addresses in clear (failed sign-ins and reset requests)"), counts["clear_addresses"]),
                (_("Typed addresses as a keyed hash (hmac:)"), counts["hashed_addresses"]),
                (_("IP addresses of security events and personal data request steps"), counts["security_ips"]),
                (_("IP addresses of other steps taken through the web"), counts["other_ips"]),
                (_("Pages of steps taken through the web"), counts["paths"]),
            ]
            for label, count in lines:
                self.stdout.write(f"{label}: {formats.number_format(count, force_grouping=True)}")
            if counts["oldest"]:
                span = {
                    "oldest": formats.date_format(timezone.localtime(counts["oldest"]), "SHORT_DATETIME_FORMAT"),
                    "newest": formats.date_format(timezone.localtime(counts["newest"]), "SHORT_DATETIME_FORMAT"),
                }
                self.stdout.write(_("Recorded from %(oldest)s to %(newest)s.") % span)
            else:
                self.stdout.write(_("No event holds an address, IP address or page in the chain."))
