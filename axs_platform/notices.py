"""The seam through which the apps below ``privacy`` record which privacy notice a person was shown.

Imports no app. Where a page collects personal data it shows the simplified notice and posts the version it
showed in ``FIELD`` (``{% simplified_notice form="…" %}``); the app's service passes that value, read with
``shown``, to ``acknowledge`` inside its own transaction. The ``privacy`` app, at the top, registers the one
service that records it (``privacy.services.notice_acknowledge``) in its ``AppConfig.ready()``.
"""

FIELD = "privacy_notice"

INVITATION = "invitation_accept"
PROPOSAL = "proposal_submit"
SURVEY = "survey_answer"
REQUEST = "rights_request"
PROFILE = "profile_update"
ORGANIZATION = "organization_profile"
INVITATION_SEND = "invitation_send"

_recorder = None


def register_recorder(recorder):
    """Set ``recorder(*, point, shown, target, person)``, the service that records what a person was shown."""
    global _recorder
    _recorder = recorder


def shown(data):
    """Return the notice version a page posted (its id, or "" for the built-in text); "current" when it posted none."""
    return data.get(FIELD, "current")


def acknowledge(*, point, shown, target, person=None):
    """Record that ``person`` was shown the notice ``shown`` where they gave ``target``.

    ``shown`` None: no page showed a notice (a command, the shell): nothing is recorded. ``person`` None with a
    survey as ``target``: an anonymous answer, counted per notice version and survey, never linked to anyone.
    """
    if shown is None or _recorder is None:
        return None
    return _recorder(point=point, shown=shown, target=target, person=person)
