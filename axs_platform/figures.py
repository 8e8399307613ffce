"""One rounding rule for every figure people read: a percentage is rounded half up to one decimal.

Pages, charts, CSV files and PDFs all take their percentages from ``percent`` and show them with
``format_percent`` (the ``percent`` template filter), so a chart and the table beside it agree.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format

NO_BREAK_SPACE = "\u00a0"
ONE_DECIMAL = Decimal("0.1")


def round_percent(value):
    """Round a percentage half up to one decimal (``Decimal``); ``None`` stays ``None``."""
    if value is None or value == "":
        return None
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    return number.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def percent(part, whole):
    """Return ``part`` as a percentage of ``whole``, rounded half up to one decimal; 0.0 when ``whole`` is 0."""
    if not whole:
        return Decimal("0.0")
    return round_percent(Decimal(str(part)) * 100 / Decimal(str(whole)))


def format_percent(value):
    """Return a percentage as people read it in the active language: ``38.9 %`` with a no-break space."""
    rounded = round_percent(value)
    if rounded is None:
        return "—"
    return f"{number_format(rounded, decimal_pos=1)}{NO_BREAK_SPACE}%"
