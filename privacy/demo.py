"""The demo's calendar of non-working days: Mexico's statutory rest days, so legal terms skip them as they would.

Ley Federal del Trabajo, art. 74: 1 January; the first Monday of February; the third Monday of March; 1 May;
16 September; the third Monday of November; 1 December every six years, when the federal executive changes
hands; 25 December. Loaded for a fixed span of years (not from today's date), as rows, like the other demos;
staff add the unit's own days (e.g. Holy Thursday and Friday) and remove any through the calendar page.
"""

import datetime

from .models import Holiday
from .services.calendar import recompute_open_due_dates

YEARS = range(2016, 2041)
TRANSFER_OF_POWER_YEARS = (2018, 2024, 2030, 2036)


def _nth_monday(year, month, nth):
    first = datetime.date(year, month, 1)
    first_monday = first + datetime.timedelta(days=(7 - first.weekday()) % 7)
    return first_monday + datetime.timedelta(weeks=nth - 1)


def statutory_days(year):
    """Return ``(day, name)`` of the statutory rest days of ``year`` (LFT art. 74), in Spanish as staff keep them."""
    days = [
        (datetime.date(year, 1, 1), "Año Nuevo"),
        (_nth_monday(year, 2, 1), "Día de la Constitución (primer lunes de febrero)"),
        (_nth_monday(year, 3, 3), "Natalicio de Benito Juárez (tercer lunes de marzo)"),
        (datetime.date(year, 5, 1), "Día del Trabajo"),
        (datetime.date(year, 9, 16), "Día de la Independencia"),
        (_nth_monday(year, 11, 3), "Día de la Revolución (tercer lunes de noviembre)"),
        (datetime.date(year, 12, 25), "Navidad"),
    ]
    if year in TRANSFER_OF_POWER_YEARS:
        days.append((datetime.date(year, 12, 1), "Transmisión del Poder Ejecutivo Federal"))
    return days


def load(stdout):
    """Add the statutory rest days of the demo's years that the calendar lacks; a second run adds none."""
    created = 0
    for year in YEARS:
        for day, name in statutory_days(year):
            created += Holiday.objects.get_or_create(day=day, defaults={"name": name})[1]
    if created:
        recompute_open_due_dates()
    stdout.write(f"Non-working days: {created} statutory rest days added (LFT art. 74, {YEARS[0]}–{YEARS[-1]}).")
