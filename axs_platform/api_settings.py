"""Settings of the read API (api/, docs/api.md), read by axs_platform/settings.py.

Django REST framework and drf-spectacular, kept apart so the main settings stay readable.
"""

import os

# The read API (api/, docs/api.md): Django REST framework, personal tokens only (no session, so no CSRF to
# think about), JSON only, page-number pagination, and rate limits per address and per token.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.authentication.PersonalTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "api.negotiation.ContentNegotiation",
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.AnonymousThrottle", "api.throttling.TokenThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "EXCEPTION_HANDLER": "api.exceptions.exception_handler",
}
AXS_API_ANON_RATE = os.environ.get("AXS_API_ANON_RATE", "120/min")
AXS_API_TOKEN_RATE = os.environ.get("AXS_API_TOKEN_RATE", "1200/min")
AXS_API_TOKEN_MAX_DAYS = int(os.environ.get("AXS_API_TOKEN_MAX_DAYS", "366"))
SPECTACULAR_SETTINGS = {
    # The schema is generated and checked against the API by tests/api/test_schema.py; `check --deploy` runs
    # where the database may have no tables yet, so drf-spectacular's own deploy check stays off.
    "ENABLE_DJANGO_DEPLOY_CHECK": False,
    "TITLE": "AxS API",
    "DESCRIPTION": "Read API of the Alianza por la Sostenibilidad: see /api/v1/docs/.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ProposalStatusEnum": "projects.models.ProposalStatus",
        "MembershipStatusEnum": "committees.models.MembershipStatus",
        "SessionStatusEnum": "committees.models.SessionStatus",
        "AgreementStatusEnum": "committees.models.AgreementStatus",
        "ParticipationStatusEnum": "companies.models.ParticipationStatus",
        "MinutesStatusEnum": "committees.models.MinutesStatus",
        "AttendanceStatusEnum": "committees.models.AttendanceStatus",
        "EvaluationStatusEnum": "projects.models.EvaluationStatus",
        "ReportStatusEnum": "monitoring.models.ReportStatus",
        "DatePrecisionEnum": "axs_platform.dates.DatePrecision",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.add_error_responses",
    ],
    "SWAGGER_UI_DIST": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
