"""Anonymous surveys: drafts only the respondent can open, and responses no query links to an invitation.

What is stored, and why (docs/RECORD.md says what an operator can still learn):
- A draft is encrypted (AES-GCM, ``cryptography``) with a key derived from a secret that lives only
  in the respondent's browser (a cookie scoped to their link). The draft row is found by one keyed
  hash of that secret; the invitation keeps another (``draft_check``), so a stolen secret does not
  open the draft through another link, and no join leads from the invitation to the draft.
- A submission marks the invitation answered and, in the same transaction, stores all of the
  survey's responses again, shuffled: every response then carries the transaction id of the latest
  submission, and ids and row order are a fresh random permutation. No response has a time.
Writes only surveys' own rows; called by ``surveys.services.answering``.
"""

import hashlib
import hmac
import json
import secrets
from collections import defaultdict
from decimal import Decimal

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from ..models import AnonymousDraft, Answer, QuestionKind, Response, ResponseStatus, Survey

ANSWER_FIELDS = ("question_id", "option_id", "goal_id", "rank", "number", "boolean", "text")
_random = secrets.SystemRandom()


def new_secret():
    """Return a fresh secret for the respondent's browser."""
    return secrets.token_urlsafe(32)


def _lookup(secret):
    return salted_hmac("surveys.anonymous.draft-lookup", secret, algorithm="sha256").hexdigest()


def draft_check(secret):
    """Return the keyed hash of a secret that the invitation keeps (not the one that finds the draft)."""
    return salted_hmac("surveys.anonymous.draft-check", secret, algorithm="sha256").hexdigest()


def _cipher(secret):
    # The key comes from the secret alone: the site's SECRET_KEY does not open a draft.
    return AESGCM(hmac.new(secret.encode(), b"axs survey draft key", hashlib.sha256).digest())


def secret_matches(invitation, secret):
    return bool(secret and invitation.draft_check) and hmac.compare_digest(invitation.draft_check, draft_check(secret))


def draft_elsewhere(invitation, secret):
    """Whether the invitation has a draft this secret does not open: saved from another browser."""
    return invitation.has_draft and not secret_matches(invitation, secret)


def _decode(values, questions):
    """Turn the draft's JSON back into the values the services take (``{question_id: value}``)."""
    kinds = {question.pk: question.kind for question in questions}
    decoded = {}
    for key, value in values.items():
        question_id = int(key)
        if question_id not in kinds:
            continue  # The question was removed after the draft was saved.
        decoded[question_id] = Decimal(value) if kinds[question_id] == QuestionKind.NUMBER else value
    return decoded


def draft_values(invitation, secret, questions):
    """Return the draft's saved values, or ``{}`` when the secret does not open this invitation's draft."""
    if not secret_matches(invitation, secret):
        return {}
    draft = AnonymousDraft.objects.filter(lookup=_lookup(secret), survey_id=invitation.survey_id).first()
    if draft is None:
        return {}
    sealed = bytes(draft.sealed)
    try:
        plain = _cipher(secret).decrypt(sealed[:12], sealed[12:], draft.lookup.encode())
    except InvalidTag:
        return {}
    return _decode(json.loads(plain), questions)


def draft_store(invitation, secret, values, *, replace=False):
    """Encrypt and store the values under the secret; the invitation learns only that it has a draft.

    The invitation (its organization's, shared by its representatives) opens one draft: storing under
    another browser's secret leaves the draft saved before unopenable, so it needs ``replace``.
    """
    if not secret:
        raise ValueError("An anonymous draft needs the secret kept by the respondent's browser.")
    if draft_elsewhere(invitation, secret) and not replace:
        raise ValidationError(
            _(
                "Nothing was saved: answers to this survey were already saved from another browser. Confirm to "
                "start over in this browser; those answers will no longer open."
            ),
            code="draft_elsewhere",
        )
    lookup = _lookup(secret)
    nonce = secrets.token_bytes(12)
    plain = json.dumps({str(k): v for k, v in values.items()}, cls=DjangoJSONEncoder).encode()
    sealed = nonce + _cipher(secret).encrypt(nonce, plain, lookup.encode())
    AnonymousDraft.objects.update_or_create(
        lookup=lookup, defaults={"survey_id": invitation.survey_id, "sealed": sealed}
    )
    check = draft_check(secret)
    if invitation.draft_check != check:
        invitation.draft_check = check
        invitation.save(update_fields=["draft_check"])


def draft_discard(secret):
    if secret:
        AnonymousDraft.objects.filter(lookup=_lookup(secret)).delete()


def store_shuffled(survey, answer_rows):
    """Add one response (its unsaved ``Answer`` rows) and store all of the survey's responses again, shuffled.

    The caller holds the survey's lock, so two submissions do not shuffle at once. The responses
    are the same answers as before; only their ids, row order and transaction change.
    """
    Survey.objects.select_for_update().filter(pk=survey.pk).first()
    stored = Response.objects.filter(survey=survey, status=ResponseStatus.SUBMITTED, invitation__isnull=True)
    groups = defaultdict(list)
    for row in Answer.objects.filter(response__in=stored).values("response_id", *ANSWER_FIELDS):
        groups[row.pop("response_id")].append(row)
    # A response without answers cannot be submitted, but keep any such row all the same.
    everyone = [groups.get(pk, []) for pk in stored.values_list("pk", flat=True)]
    everyone.append([{name: getattr(row, name) for name in ANSWER_FIELDS} for row in answer_rows])
    Answer.objects.filter(response__in=stored).delete()
    stored.delete()
    _random.shuffle(everyone)
    responses = Response.objects.bulk_create(
        [Response(survey=survey, status=ResponseStatus.SUBMITTED) for _rows in everyone]
    )
    Answer.objects.bulk_create(
        [Answer(response=response, **row) for response, rows in zip(responses, everyone, strict=True) for row in rows]
    )
