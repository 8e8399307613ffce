"""Speak to a signed-in person in the language of their profile."""

from django.utils import translation


class PreferredLanguageMiddleware:
    """Activate the signed-in user's preferred language (after ``AuthenticationMiddleware``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.preferred_language:
            translation.activate(user.preferred_language)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
