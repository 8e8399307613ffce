"""The cryptography of secret ballots: sealed votes and the three keyed hashes of a receipt.

While a secret ballot is open, each vote is kept sealed (AES-GCM, a key per ballot derived from
``settings.BALLOT_SECRET_KEY``, which the database does not hold) and only the close opens it.
A receipt code is stored three ways, each an HMAC under its own purpose, so the columns that hold
them cannot be joined: on the voter's participation (to prove that a change comes from the
receipt's owner), on the sealed vote (to find it for a change), and on the counted paper (to verify
the receipt after the close). Touches no model: votes.py and the close call it.
"""

import os
import re

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.utils.crypto import salted_hmac

from .models import Answer

# One letter per candidate in a sealed vote: every sealed vote of a ballot has the same length.
LETTERS = {"": "-", Answer.APPROVE: "A", Answer.YES: "Y", Answer.NO: "N", Answer.ABSTAIN: "S"}
ANSWERS = {letter: answer for answer, letter in LETTERS.items()}
NONCE_BYTES = 12


class SealBroken(Exception):
    """A sealed vote that this server's key cannot open (another key, or altered in the database)."""


def normal_receipt(code):
    """A receipt code as typed, without separators or case."""
    return re.sub(r"[^A-Z0-9]", "", (code or "").upper())


def _receipt_mac(purpose, ballot_id, code):
    salt, value = f"axs.projects.ballot.receipt.{purpose}", f"{ballot_id}:{normal_receipt(code)}"
    return salted_hmac(salt, value, secret=settings.BALLOT_SECRET_KEY, algorithm="sha256").hexdigest()


def receipt_owner(ballot_id, code):
    """The receipt as the voter's participation holds it: proves a change of vote comes from its owner."""
    return _receipt_mac("owner", ballot_id, code)


def receipt_sealed(ballot_id, code):
    """The receipt as the sealed vote holds it: finds the vote to change, while the ballot is open."""
    return _receipt_mac("sealed", ballot_id, code)


def receipt_counted(ballot_id, code):
    """The receipt as the counted paper holds it: verifies, after the close, that the vote was counted."""
    return _receipt_mac("counted", ballot_id, code)


def _key(ballot_id):
    salt = "axs.projects.ballot.seal"
    return salted_hmac(salt, str(ballot_id), secret=settings.BALLOT_SECRET_KEY, algorithm="sha256").digest()


def seal(ballot_id, candidate_ids, answers, counted):
    """Return the sealed vote: ``answers`` {candidate id: answer} over the ballot's ``candidate_ids``.

    The plain text is one letter per candidate (in id order) and the counted receipt hash, so its
    length says nothing about the choices; the nonce is random, so equal votes seal differently.
    """
    letters = "".join(LETTERS[answers.get(pk, "")] for pk in sorted(candidate_ids))
    nonce = os.urandom(NONCE_BYTES)
    data = f"{letters}|{counted}".encode()
    return nonce + AESGCM(_key(ballot_id)).encrypt(nonce, data, str(ballot_id).encode())


def unseal(ballot_id, candidate_ids, sealed):
    """Return ``(answers, counted receipt hash)`` of a sealed vote, or raise SealBroken."""
    sealed = bytes(sealed)
    try:
        data = AESGCM(_key(ballot_id)).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], str(ballot_id).encode())
    except InvalidTag as error:
        raise SealBroken(ballot_id) from error
    letters, counted = data.decode().split("|")
    ordered = sorted(candidate_ids)
    answers = {pk: ANSWERS[letter] for pk, letter in zip(ordered, letters, strict=True) if letter != "-"}
    return answers, counted
