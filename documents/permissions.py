"""Who may read, retry and regenerate a document: the kind's own rule, and staff always."""

from axs_platform.permissions import is_staff_member

from .registry import get_kind


def can_view_document(user, document):
    if not user.is_authenticated:
        return False
    return is_staff_member(user) or get_kind(document.kind).can_view(user, document)


def can_list_all_documents(user):
    return is_staff_member(user)


def can_request_document(user, kind, target, params):
    if not user.is_authenticated or not user.is_active:
        return False
    return is_staff_member(user) or get_kind(kind).can_request(user, target, params)
