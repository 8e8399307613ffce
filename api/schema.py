"""How the OpenAPI schema (drf-spectacular) describes the personal token; imported in ``AppConfig.ready``."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class PersonalTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.PersonalTokenAuthentication"
    name = "personalToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal token issued by AMEXCID staff: Authorization: Bearer <token>.",
        }


ERRORS = {
    "400": "A filter value that is not valid: each field with its reasons.",
    "401": "A token that is not valid, revoked or expired; or none where the list needs one.",
    "404": "Nothing there, or nothing this person may see.",
    "429": "Too many requests: wait the seconds that Retry-After says.",
}


def add_error_responses(result, generator, request, public):
    """Declare the answers every operation may give besides 200, with the shape of their body."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Error"] = {
        "type": "object",
        "description": "``detail`` says what went wrong; a 400 names each field instead.",
        "additionalProperties": True,
    }
    for path in result.get("paths", {}).values():
        for operation in path.values():
            responses = operation.setdefault("responses", {})
            for code, description in ERRORS.items():
                responses.setdefault(
                    code,
                    {
                        "description": description,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                        **({"headers": {"Retry-After": {"schema": {"type": "integer"}}}} if code == "429" else {}),
                    },
                )
    return result
