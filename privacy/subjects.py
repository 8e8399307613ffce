"""Who a request is about, and every e-mail address that person has had.

One rule for the cancellation and the access export: both find what is held under any address of the account
(``addresses_of``), and a request filed under an earlier address leads to the account that had it (``person_of``).
The export gives rows sent to an address only from when the account held it (``address_periods``).
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from audit.identifiers import sign_in_identifier
from audit.models import AuditEvent


def _email_changes():
    """Audited changes of an account's e-mail address (``{"email": [before, after]}``)."""
    user_type = ContentType.objects.get_for_model(get_user_model())
    return AuditEvent.objects.filter(target_type=user_type, changes__has_key="email")


def addresses_of(user):
    """Every e-mail address the account has had: today's and those a rectification or staff replaced.

    Read from the account's own audited changes (``{"email": [before, after]}``), so messages, invitations and
    traces left under an address the person no longer uses are found too.
    """
    addresses = {user.email.lower()} if user.email else set()
    for changes in _email_changes().filter(target_id=str(user.pk)).values_list("changes", flat=True):
        addresses.update(str(value).lower() for value in changes["email"] if value and "@" in str(value))
    return sorted(addresses)


def _address(value):
    value = str(value or "").lower()
    return value if "@" in value else None


def address_periods(user):
    """Return ``[(address, start, end)]``: when the account held each address it has had (``end`` None: today's).

    The address it joined with is held from ``date_joined`` if another account had it before, else from the start
    (``start`` None); each audited change of its e-mail ends one period and
    starts the next. Rows sent to an address are the person's only within these periods: an address given up and
    taken later by somebody else leads each account to its own rows only.
    """
    changes = list(
        _email_changes()
        .filter(target_id=str(user.pk))
        .order_by("created_at", "pk")
        .values_list("created_at", "changes")
    )
    current = _address(changes[0][1]["email"][0] if changes else user.email)
    # The address it joined with is held from the start of time unless another account had it before: a request
    # filed or an e-mail sent to it before the account existed is then this person's too.
    since, periods = (user.date_joined if current and _held_before(current, user) else None), []
    for when, change in changes:
        if current:
            periods.append((current, since, when))
        current, since = _address(change["email"][1]), when
    if current:
        periods.append((current, since, None))
    if user.email and _address(user.email) != current:  # changed without an audited record: held today
        periods.append((_address(user.email), since, None))
    return periods


def _held_before(address, user):
    """Whether another account's audited e-mail change named ``address`` before ``user`` joined."""
    named = Q(changes__email__0__iexact=address) | Q(changes__email__1__iexact=address)
    others = _email_changes().filter(named, created_at__lt=user.date_joined).exclude(target_id=str(user.pk))
    return others.exists()


def held_within(path, start, end):
    """Rows whose time (``path``) falls within a held period; ``start`` or ``end`` None leaves that side open."""
    query = Q()
    if start is not None:
        query &= Q(**{f"{path}__gte": start})
    if end is not None:
        query &= Q(**{f"{path}__lt": end})
    return query


def earlier_holder(address):
    """The one account that had this address before (an audited change names it), or None.

    None too when two or more accounts had it: the platform cannot tell whose data the request is about, and
    staff resolve it (the export then refuses, saying no account holds the address).
    """
    named = Q(changes__email__0__iexact=address) | Q(changes__email__1__iexact=address)
    ids = set(_email_changes().filter(named).values_list("target_id", flat=True))
    if len(ids) != 1:
        return None
    return get_user_model().objects.filter(pk=int(ids.pop())).first()


def person_of(rights_request):
    """Return the account the request is about, or None (no account, or the identity is not verified).

    A request filed signed out is about the account holding its confirmed address today; failing that, about the
    one account that had it before (``earlier_holder``): a request filed under an old address is still answered.
    """
    if rights_request.requester_id:
        return rights_request.requester
    if not rights_request.identity_verified:
        return None
    holder = get_user_model().objects.filter(email__iexact=rights_request.email).first()
    return holder or earlier_holder(rights_request.email)


def typed_while_held(user, *, identifier, when, clear=None):
    """Rows where an address of the person's was typed (hashed, or in clear in ``clear``) while they held it.

    ``when`` is the path to the row's time: a failed sign-in under an address the person gave up, typed after
    somebody else took it, is the new owner's (``address_periods``).
    """
    query = Q(pk__in=[])
    for address, start, end in address_periods(user):
        typed = Q(**{identifier: sign_in_identifier(address)})
        if clear:
            typed |= Q(**{f"{clear}__iexact": address})
        query |= typed & held_within(when, start, end)
    return query


def held_by_others(user, *, field, when):
    """Rows sent to one of the person's addresses while another account held it (``field`` the address, ``when``
    the path to the row's time): that account's rows, which a cancellation of this person leaves alone.
    """
    addresses = addresses_of(user)
    named = Q(pk__in=[])
    for address in addresses:
        named |= Q(email__iexact=address)
    changed = Q(pk__in=[])
    for address in addresses:
        changed |= Q(changes__email__0__iexact=address) | Q(changes__email__1__iexact=address)
    ids = {int(pk) for pk in _email_changes().filter(changed).values_list("target_id", flat=True)}
    others = get_user_model().objects.filter(named | Q(pk__in=ids)).exclude(pk=user.pk)
    query = Q(pk__in=[])
    for other in others:
        for address, start, end in address_periods(other):
            if address in addresses:
                query |= Q(**{f"{field}__iexact": address}) & held_within(when, start, end)
    return query
