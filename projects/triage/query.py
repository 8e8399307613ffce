"""Read the staff list's filters from the query string: the multi-select fields and the query line.

The query line (``estado:enviada ods:7 evaluador:@yo``) is a shorter way to fill the same filters:
Spanish keys with English aliases, values separated by commas, and any word without a key searched
in titles. An unknown key or value is reported in words, never silently dropped. Touches no model but
the user model (to read an evaluator named by e-mail).
"""

import re
import shlex
import unicodedata
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from ..models import ProposalStatus

S = ProposalStatus

STATUS_WORDS = {
    "borrador": S.DRAFT,
    "enviada": S.SUBMITTED,
    "devuelta": S.RETURNED,
    "en-revision": S.IN_REVIEW,
    "revision": S.IN_REVIEW,
    "rechazada": S.DECLINED,
    "seleccionada": S.SELECTED,
    "no-seleccionada": S.NOT_SELECTED,
    "en-estructuracion": S.STRUCTURING,
    "estructuracion": S.STRUCTURING,
    "estructurada": S.STRUCTURED,
    "en-implementacion": S.IN_IMPLEMENTATION,
    "implementacion": S.IN_IMPLEMENTATION,
    "cerrada": S.CLOSED,
    "retirada": S.WITHDRAWN,
    **{value.replace("_", "-"): value for value in S.values},
}
EVALUATION_WORDS = {
    "completa": "complete",
    "complete": "complete",
    "pendiente": "pending",
    "pending": "pending",
    "sin-evaluador": "none",
    "ninguna": "none",
    "none": "none",
}
ME = {"@yo", "@me"}

# sort name in the URL -> (label, ORDER BY); "-" before a name reverses it.
SORTS = {
    "actividad": ("-updated_at", "-id"),
    "envio": ("-submitted_at", "-id"),
    "titulo": ("title", "id"),
    "puntaje": ("-score", "-id"),
}
SORT_WORDS = {
    "actividad": "actividad",
    "activity": "actividad",
    "envio": "envio",
    "fecha": "envio",
    "submitted": "envio",
    "date": "envio",
    "titulo": "titulo",
    "title": "titulo",
    "puntaje": "puntaje",
    "score": "puntaje",
}

# key of the query line (and its aliases) -> the filter it fills (the multi-select field of the same name)
KEYS = {
    "estado": "estado",
    "status": "estado",
    "ods": "ods",
    "sdg": "ods",
    "convocatoria": "convocatoria",
    "call": "convocatoria",
    "comite": "comite",
    "committee": "comite",
    "organizacion": "organizacion",
    "lider": "organizacion",
    "lead": "organizacion",
    "evaluador": "evaluador",
    "evaluator": "evaluador",
    "evaluacion": "evaluacion",
    "evaluation": "evaluacion",
    "orden": "orden",
    "sort": "orden",
}
MAX_QUERY = 500


def plain(text):
    """Lower case without accents, so that "comité" and "comite" are the same key."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass
class Criteria:
    """What the list shows: one set per filter, the words searched in titles, the sort and what was wrong."""

    estado: set = field(default_factory=set)
    ods: set = field(default_factory=set)
    convocatoria: set = field(default_factory=set)
    comite: set = field(default_factory=set)
    organizacion: set = field(default_factory=set)
    evaluador: set = field(default_factory=set)
    evaluacion: set = field(default_factory=set)
    words: list = field(default_factory=list)
    sort_tokens: list = field(default_factory=list)  # the query line's sorts applied (``orden:titulo``)
    sort: str = "actividad"
    descending: bool = True
    errors: list = field(default_factory=list)

    @property
    def order_by(self):
        order = SORTS[self.sort]
        default_descending = order[0].startswith("-")
        if self.descending == default_descending:
            return order
        return tuple(term[1:] if term.startswith("-") else f"-{term}" for term in order)

    @property
    def sort_value(self):
        default_descending = SORTS[self.sort][0].startswith("-")
        return self.sort if self.descending == default_descending else f"-{self.sort}"


def _ids(values, criteria, key, *, maximum=None):
    ids = set()
    for value in values:
        if value.isascii() and value.isdigit() and len(value) <= 9 and (maximum is None or 1 <= int(value) <= maximum):
            ids.add(int(value))
        else:
            criteria.errors.append(_("“%(value)s” is not a valid value for “%(key)s”.") % {"value": value, "key": key})
    return ids


def _add(criteria, name, values, user, key):
    if name == "estado":
        for value in values:
            status = STATUS_WORDS.get(plain(value).replace("_", "-").replace(" ", "-"))
            if status is None:
                criteria.errors.append(
                    _("“%(value)s” is not a status. Use one of: %(known)s.")
                    % {"value": value, "known": ", ".join(sorted(k for k in STATUS_WORDS if "_" not in k))}
                )
            else:
                criteria.estado.add(str(status))
    elif name == "ods":
        criteria.ods |= _ids(values, criteria, key, maximum=17)
    elif name in ("convocatoria", "comite", "organizacion"):
        getattr(criteria, name).update(_ids(values, criteria, key))
    elif name == "evaluador":
        for value in values:
            if value in ME:
                criteria.evaluador.add(user.pk)
            elif "@" in value.strip("@"):
                found = get_user_model().objects.filter(email__iexact=value.lstrip("@"), role="evaluator").first()
                if found is None:
                    criteria.errors.append(_("No evaluator has the e-mail “%(value)s”.") % {"value": value})
                else:
                    criteria.evaluador.add(found.pk)
            else:
                criteria.evaluador |= _ids([value], criteria, key)
    elif name == "evaluacion":
        for value in values:
            state = EVALUATION_WORDS.get(plain(value))
            if state is None:
                criteria.errors.append(
                    _("“%(value)s” is not a state of the evaluation. Use completa, pendiente or sin-evaluador.")
                    % {"value": value}
                )
            else:
                criteria.evaluacion.add(state)
    elif name == "orden":
        value = plain(values[-1]) if values else ""
        descending = None
        if value.startswith("-"):
            value, descending = value[1:], True
        sort = SORT_WORDS.get(value)
        if sort is None:
            criteria.errors.append(
                _("“%(value)s” is not a sort. Use actividad, envio, titulo or puntaje (with - before to reverse).")
                % {"value": values[-1] if values else ""}
            )
        else:
            criteria.sort = sort
            default_descending = SORTS[sort][0].startswith("-")
            criteria.descending = (not default_descending) if descending else default_descending


def _refuse_nul(criteria):
    message = _("A character that cannot be searched (NUL) was left out of the query.")
    if message not in criteria.errors:
        criteria.errors.append(message)


def _without_nul(values, criteria):
    """Drop the values holding a NUL character (PostgreSQL refuses it in a query), saying so once."""
    kept = [value for value in values if "\x00" not in value]
    if len(kept) < len(values):
        _refuse_nul(criteria)
    return kept


def _parse_line(line, criteria, user):
    if "\x00" in line:
        _refuse_nul(criteria)
        line = line.replace("\x00", "")
    if len(line) > MAX_QUERY:
        criteria.errors.append(_("The query is too long (at most %(max)s characters).") % {"max": MAX_QUERY})
        return
    try:
        tokens = shlex.split(line)
    except ValueError:
        criteria.errors.append(_("A quotation mark is not closed."))
        tokens = line.replace('"', " ").split()
    for token in tokens:
        key, colon, value = token.partition(":")
        if not colon:
            criteria.words.append(token)
            continue
        name = KEYS.get(plain(key))
        if name is None:
            criteria.errors.append(
                _("“%(key)s” is not a key of the query. Known keys: %(known)s.")
                % {"key": key, "known": "estado, ods, convocatoria, comite, organizacion, evaluador, evaluacion, orden"}
            )
            continue
        values = [v for v in value.split(",") if v.strip()]
        if not values:
            criteria.errors.append(_("Give a value after “%(key)s:”.") % {"key": key})
            continue
        errors = len(criteria.errors)
        _add(criteria, name, values, user, key)
        if name == "orden" and len(criteria.errors) == errors:
            criteria.sort_tokens.append(token)


def line_shown(line, criteria):
    """Return the query line as the page shows it again: a sort typed in it has moved to the sort select.

    The select then shows the order applied and changes it; left in the line, the typed sort would
    win over the select on the next apply, and a new choice there would be ignored.
    """
    for token in criteria.sort_tokens:
        line = re.sub(rf"(?<!\S){re.escape(token)}(?:\s+|$)", "", line)
    return line.strip()


def criteria_from(params, user):
    """Return the ``Criteria`` of a query string: the checked filters, then the query line ``q``."""
    criteria = Criteria()
    for name in ("estado", "ods", "convocatoria", "comite", "organizacion", "evaluador", "evaluacion"):
        values = _without_nul([v for v in params.getlist(name) if v], criteria)
        if values:
            _add(criteria, name, values, user, name)
    if any(_without_nul([params.get("orden", "")], criteria)):
        _add(criteria, "orden", [params["orden"]], user, "orden")
    _parse_line(params.get("q", ""), criteria, user)
    return criteria
