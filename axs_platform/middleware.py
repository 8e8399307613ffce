"""Middleware of the whole site that Django does not ship."""

# What LocaleMiddleware (the language read from the request) and SessionMiddleware (a session read) add.
PER_VISITOR = {"accept-language", "cookie"}


def same_for_everyone(response):
    """Mark ``response`` as the same for every visitor and language (a built file); return it.

    ``SameForEveryoneMiddleware`` then drops the ``Vary: Accept-Language, Cookie`` that the locale and
    session middleware add, so that a shared cache keeps one copy (as ``xframe_options_exempt`` marks a
    response for ``XFrameOptionsMiddleware``).
    """
    response.same_for_everyone = True
    return response


class SameForEveryoneMiddleware:
    """Drop ``Accept-Language`` and ``Cookie`` from ``Vary`` on responses marked by ``same_for_everyone``.

    Listed before ``SessionMiddleware`` and ``LocaleMiddleware``, so that it reads the ``Vary`` they wrote.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(response, "same_for_everyone", False) and response.has_header("Vary"):
            fields = [field.strip() for field in response["Vary"].split(",")]
            kept = [field for field in fields if field and field.lower() not in PER_VISITOR]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response
