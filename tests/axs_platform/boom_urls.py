"""The platform's URLs plus one page that fails, to test the 500 page."""

from django.urls import path

from axs_platform.urls import handler403, handler404, handler500
from axs_platform.urls import urlpatterns as platform_urlpatterns

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]


def boom(request):
    raise RuntimeError("secret-database-password in a traceback")


urlpatterns = [*platform_urlpatterns, path("boom/", boom)]
