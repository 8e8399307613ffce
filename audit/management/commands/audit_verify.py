"""``manage.py audit_verify``: walk the audit chain and the sealed records; exit 1 at the first break."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from audit.verification import verify


class Command(BaseCommand):
    help = "Verify the audit trail's hash chain and the sealed minutes and ballot results."

    def add_arguments(self, parser):
        parser.add_argument("--language", default=settings.LANGUAGE_CODE, help="es or en (default: the site's)")

    def handle(self, *args, **options):
        with translation.override(options["language"]):
            report = verify()
            if report.broken is None:
                self.stdout.write(self.style.SUCCESS(report.summary))
                self.stdout.write(_("Head of the chain: %(hash)s") % {"hash": report.head})
                self.stdout.write(_("Checked in %(seconds).1f s.") % {"seconds": report.seconds})
                return
            lines = [report.broken.message]
            if report.last_good_id is not None:
                lines.append(_("The record is intact up to event %(id)s.") % {"id": report.last_good_id})
            if report.broken.expected:
                lines.append(
                    _("Expected %(expected)s, found %(found)s.")
                    % {"expected": report.broken.expected, "found": report.broken.found}
                )
            raise CommandError("\n".join(lines))
