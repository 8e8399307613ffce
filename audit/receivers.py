"""Record sign-ins, sign-outs and failed sign-ins from Django's authentication signals."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from .identifiers import sign_in_identifier
from .models import AuditEvent
from .services import audit_record


@receiver(user_logged_in, dispatch_uid="audit_login")
def record_login(sender, request, user, **kwargs):
    audit_record(actor=user, action=AuditEvent.Action.LOGIN, target=user, request=request)


@receiver(user_logged_out, dispatch_uid="audit_logout")
def record_logout(sender, request, user, **kwargs):
    if user is not None:
        audit_record(actor=user, action=AuditEvent.Action.LOGOUT, target=user, request=request)


@receiver(user_login_failed, dispatch_uid="audit_login_failed")
def record_login_failed(sender, credentials, request=None, **kwargs):
    typed = str(credentials.get("username") or credentials.get("email") or "")
    audit_record(
        actor=None, action=AuditEvent.Action.LOGIN_FAILED, request=request, identifier=sign_in_identifier(typed)
    )
