"""Personal data rights: requests and their pauses, the deadline policy and holidays, notices, consent, retention."""

from .acknowledgements import AnonymousNoticeCount, NoticeAcknowledgement
from .rights import (
    DeadlinePolicy,
    Holiday,
    PrivacyNotice,
    PurposeChoice,
    RequestPause,
    RetentionRule,
    RetentionRun,
    RightsRequest,
)

__all__ = [
    "AnonymousNoticeCount",
    "DeadlinePolicy",
    "Holiday",
    "NoticeAcknowledgement",
    "PrivacyNotice",
    "PurposeChoice",
    "RequestPause",
    "RetentionRule",
    "RetentionRun",
    "RightsRequest",
]
