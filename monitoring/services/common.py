"""Helpers the monitoring services share: refusals, locks, the reporters to tell, and typed values."""

import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from companies.models import Representative

from ..models import Implementation, Report, ValueType


def require(allowed):
    if not allowed:
        raise PermissionDenied


def locked_implementation(implementation):
    return Implementation.objects.select_for_update().select_related("proposal").get(pk=implementation.pk)


def locked_report(report):
    """Return the report's row locked for this transaction, with its period and project."""
    return (
        Report.objects.select_for_update(of=("self",))
        .select_related("period__implementation__proposal")
        .get(pk=report.pk)
    )


def reporters(implementation):
    """Return the active current representatives of the lead organization."""
    return [
        link.user
        for link in Representative.objects.current()
        .filter(organization_id=implementation.proposal.lead_organization_id, user__is_active=True)
        .select_related("user")
    ]


CENTS = Decimal("0.01")  # numbers and amounts are stored with two decimals
NUMBER_LIMIT = Decimal("1e14")  # indicator values and targets: 16 digits, two of them decimals
AMOUNT_LIMIT = Decimal("1e12")  # amounts in pesos: 14 digits, two of them decimals


def in_cents(number, limit):
    """Return ``number`` rounded to cents as stored, or None when, rounded, it is not below ``limit``.

    Checked after rounding too: 99999999999999.999 rounds up to a number the column cannot hold.
    """
    if abs(number) >= limit:
        return None
    rounded = number.quantize(CENTS)
    return rounded if abs(rounded) < limit else None


def to_amount(raw, field, *, negative_message):
    """Return an amount in pesos rounded to cents, or None when empty; raise ValidationError on ``field``."""
    try:
        amount = to_decimal(raw)
    except ValueError:
        message = _("“%(value)s” is not an amount.") % {"value": raw}
        raise ValidationError({field: message}, code="not_a_number") from None
    if amount is None:
        return None
    if amount < 0:
        raise ValidationError({field: negative_message}, code="negative")
    rounded = in_cents(amount, AMOUNT_LIMIT)
    if rounded is None:
        raise ValidationError(
            {field: _("This amount is too large; amounts are below one trillion pesos.")}, code="too_large"
        )
    return rounded


# Digits with a decimal point, grouped by commas as the site shows them (1,250.5) or not (1250.5); nothing else:
# Decimal() alone would also take exponents (1e3), underscores (1_000), NaN and Infinity.
PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?", re.ASCII)
GROUPED_NUMBER = re.compile(r"-?\d{1,3}(,\d{3})+(\.\d+)?", re.ASCII)


def to_decimal(raw):
    """Return ``raw`` as a Decimal, or None when it is empty; raise ValueError when it is not a number."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, bool):
        raise ValueError
    if isinstance(raw, (int, Decimal)):
        value = Decimal(raw)
        if not value.is_finite():
            raise ValueError
        return value
    text = str(raw).strip()
    if not (PLAIN_NUMBER.fullmatch(text) or GROUPED_NUMBER.fullmatch(text)):
        raise ValueError
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation as error:
        raise ValueError from error


def typed_value(indicator, raw):
    """Return ``(number, yes_no, text)`` for a raw value of the indicator's type, or raise ValidationError.

    An empty value gives ``(None, None, "")``: nothing reported yet.
    """
    field = f"value_{indicator.pk}"
    if indicator.value_type == ValueType.TEXT:
        return None, None, (raw or "").strip()
    if indicator.value_type == ValueType.YES_NO:
        if raw in (None, ""):
            return None, None, ""
        if raw in (True, "yes", "true", "1"):
            return None, True, ""
        if raw in (False, "no", "false", "0"):
            return None, False, ""
        raise ValidationError({field: _("Answer yes or no.")}, code="not_yes_no")
    try:
        number = to_decimal(raw)
    except ValueError:
        raise ValidationError(
            {
                field: _("“%(value)s” is not a number; write digits and a decimal point, such as 1250.5 or 1,250.5.")
                % {"value": raw}
            },
            code="not_a_number",
        ) from None
    if number is None:
        return None, None, ""
    rounded = in_cents(number, NUMBER_LIMIT)
    if rounded is None:
        raise ValidationError({field: _("This number is too large.")}, code="too_large")
    if indicator.value_type == ValueType.PERCENTAGE and not (0 <= rounded <= 100):
        raise ValidationError(
            {field: _("A percentage is between 0 and 100; you wrote %(value)s.") % {"value": number}},
            code="percentage_out_of_range",
        )
    if rounded < 0 and not indicator.decreases:
        raise ValidationError(
            {
                field: _(
                    "This value cannot be negative: it is what the period achieved towards a target above the "
                    "baseline; you wrote %(value)s."
                )
                % {"value": number}
            },
            code="negative",
        )
    return rounded, None, ""


def typed_parts(indicator, total, raw_parts):
    """Return the disaggregation ``{category: "decimal"}`` checked against the indicator, or raise."""
    field = f"value_{indicator.pk}"
    parts = {}
    for category, raw in (raw_parts or {}).items():
        if category not in indicator.disaggregation:
            raise ValidationError(
                {field: _("“%(category)s” is not a category of this indicator.") % {"category": category}},
                code="unknown_category",
            )
        try:
            value = to_decimal(raw)
        except ValueError:
            raise ValidationError(
                {field: _("“%(value)s” is not a number (%(category)s).") % {"value": raw, "category": category}},
                code="not_a_number",
            ) from None
        if value is not None:
            rounded = in_cents(value, NUMBER_LIMIT)
            if rounded is None:
                raise ValidationError({field: _("This number is too large.")}, code="too_large")
            part_field = f"part_{indicator.pk}_{indicator.disaggregation.index(category)}"
            if indicator.value_type == ValueType.PERCENTAGE and not (0 <= rounded <= 100):
                raise ValidationError(
                    {
                        part_field: _("A percentage is between 0 and 100 (%(category)s); you wrote %(value)s.")
                        % {"category": category, "value": value}
                    },
                    code="percentage_out_of_range",
                )
            if rounded < 0 and not indicator.decreases:
                raise ValidationError(
                    {
                        part_field: _("A part cannot be negative (%(category)s); you wrote %(value)s.")
                        % {"category": category, "value": value}
                    },
                    code="negative",
                )
            parts[category] = rounded
    if not parts:
        return {}
    if not indicator.is_quantitative:
        raise ValidationError({field: _("Only numbers and percentages can be split.")}, code="not_splittable")
    if indicator.value_type == ValueType.NUMBER and (total is None or sum(parts.values()) != total):
        raise ValidationError(
            {
                field: _("The parts add up to %(sum)s, but the value is %(total)s; they must match.")
                % {"sum": sum(parts.values()), "total": total if total is not None else "—"}
            },
            code="parts_do_not_add_up",
        )
    return {category: str(value) for category, value in parts.items()}
