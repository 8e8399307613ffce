"""Cached page fragments, kept per version of the data they show; the services that change that data bump it.

Each area of data has a version in the cache (``directory``, ``committees``, ``proposals``,
``matrix``, ``monitoring``, ``survey_results``, ``sdg``: the SDG framework, which only ``load_sdg`` refreshes,
and ``report``: the report's own texts, findings and cover;
``public_proposals`` and ``public_monitoring``: what the public sees of two of them).
A fragment is stored under the versions of the areas it reads, the language, the day and what else
it depends on, so a bump makes every older copy unreachable; they expire by themselves.
A service that changes what an area shows calls ``changed(area, ...)`` (or is decorated with
``@changes``): the version moves at once, so the transaction's own next page is fresh, and again
on commit, so that a page another request rendered from the data before the commit does not outlive
it. The versions live in the cache every process shares (``CACHE_URL``), so a change made by one
web worker, or by a Celery task, reaches them all.

A bump the cache could not take (Redis down) is not dropped: the process keeps it and makes it
again as soon as the cache answers, from a timer if nothing else asks first; and every process that
saw the cache fail bumps every area once it answers again, since it cannot know what others
changed meanwhile. So a change made during an outage shows once Redis is back, not ten minutes later.
"""

import functools
import hashlib
import threading
import time

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language

from .cache import RedisCache

DIRECTORY, COMMITTEES, PROPOSALS, MATRIX = "directory", "committees", "proposals", "matrix"
MONITORING, SURVEY_RESULTS, REPORT, SDG = "monitoring", "survey_results", "report", "sdg"
# What the public sees of proposals (open data, IATI): every bump of PROPOSALS bumps it too, unless the
# service says its change touches no public data (a draft's texts, a comment): ``public=False``.
PUBLIC_PROPOSALS = "public_proposals"
# What the public sees of monitoring (approved figures: open data's progress, IATI results): every bump of
# MONITORING bumps it too, unless the change is to reports not approved (started, submitted, returned).
PUBLIC_MONITORING = "public_monitoring"
PUBLIC_OF = {PROPOSALS: PUBLIC_PROPOSALS, MONITORING: PUBLIC_MONITORING}
AREAS = (
    DIRECTORY, COMMITTEES, PROPOSALS, MATRIX, MONITORING, SURVEY_RESULTS, REPORT, PUBLIC_PROPOSALS, PUBLIC_MONITORING,
    SDG,
)  # fmt: skip
FRAGMENT_SECONDS = 600


def _version_key(area):
    if area not in AREAS:
        raise ValueError(f"Unknown fragment area {area!r}; known: {', '.join(AREAS)}.")
    return f"fragments:{area}:version"


_lost = set()  # areas whose bump the cache did not take, made again when it answers
_lost_lock = threading.Lock()
_retry_timer = None
_outages_seen = 0  # the cache's outage count when this process last made its versions good again


def _catch_up():
    """Make the bumps an outage kept from the cache, if it answers now; return whether nothing is owed."""
    global _outages_seen
    outages = RedisCache.outages  # the class's count: read without going through the cache's proxy
    if outages == _outages_seen and not _lost:
        return True  # every page asks: the usual answer costs two reads
    with _lost_lock:
        owed = set(AREAS) if outages != _outages_seen else set(_lost)
        if not owed:
            return True
        if cache.set_many({_version_key(area): time.time_ns() for area in owed}, None):
            return False  # still down: the keys it could not store come back
        _lost.difference_update(owed)
        _outages_seen = outages
        return True


def _retry_later():
    """Retry the owed bumps every few seconds until the cache takes them, even if no page asks."""
    global _retry_timer

    def retry():
        global _retry_timer
        with _lost_lock:
            _retry_timer = None
        if not _catch_up():
            _retry_later()

    with _lost_lock:
        if _retry_timer is None:
            _retry_timer = threading.Timer(getattr(cache, "retry_seconds", 5) or 1, retry)
            _retry_timer.daemon = True
            _retry_timer.start()


def versions(*areas):
    """Return the current version of each area, creating the missing ones."""
    _catch_up()
    keys = [_version_key(area) for area in areas]
    found = cache.get_many(keys)
    missing = {key: time.time_ns() for key in keys if key not in found}
    for key, value in missing.items():
        found[key] = value if cache.add(key, value, None) else cache.get(key, value)
    return tuple(found[key] for key in keys)


def _bump(areas):
    if cache.set_many({_version_key(area): time.time_ns() for area in areas}, None):
        with _lost_lock:
            _lost.update(areas)
        _retry_later()


def changed(*areas, public=True):
    """Make every fragment that reads these areas stale, now and again when the transaction commits.

    A change to proposals or monitoring is public unless ``public=False``: then what only the public sees
    (``PUBLIC_OF``) stays current.
    """
    areas = areas or AREAS
    if public:
        areas = (*areas, *(PUBLIC_OF[area] for area in areas if area in PUBLIC_OF and PUBLIC_OF[area] not in areas))
    _bump(areas)
    transaction.on_commit(lambda: _bump(areas))


def changes(*areas, public=True):
    """Decorate a service: once it returns, what it wrote makes the fragments of ``areas`` stale."""

    def decorate(service):
        @functools.wraps(service)
        def wrapper(*args, **kwargs):
            result = service(*args, **kwargs)
            changed(*areas, public=public)
            return result

        return wrapper

    return decorate


def fragment(areas, name, key_parts, render):
    """Return a fragment rendered once per version of ``areas``, language, day and ``key_parts``.

    ``key_parts`` names everything else the fragment depends on (audience, page, filters). ``render``
    returns ``(value, expires_at)``; ``expires_at`` (or None) is when the fragment goes stale by itself,
    e.g. when the next upcoming session it lists starts.
    """
    digest = hashlib.sha256(
        repr((versions(*areas), get_language(), timezone.localdate(), key_parts)).encode()
    ).hexdigest()
    key = f"fragments:{name}:{digest}"
    cached = cache.get(key)
    if cached is not None and (cached[1] is None or cached[1] > timezone.now()):
        return cached[0]
    value, expires_at = render()
    timeout = FRAGMENT_SECONDS
    if expires_at is not None:
        timeout = max(1, min(timeout, int((expires_at - timezone.now()).total_seconds()) + 1))
    cache.set(key, (value, expires_at), timeout)
    return value
