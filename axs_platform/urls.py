"""The platform's URLs. Paths are in Spanish, the users' language; names are English kebab-case."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from django.views.i18n import JavaScriptCatalog

from accounts.forms import BackOfficeAuthenticationForm
from companies.models.organizations import PUBLIC_MEDIA_FOLDER

from . import views

handler403 = "axs_platform.views.permission_denied"
handler404 = "axs_platform.views.page_not_found"
handler500 = "axs_platform.views.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("aviso-de-privacidad/", TemplateView.as_view(template_name="privacy.html"), name="privacy"),
    path("administracion/", views.AdministrationView.as_view(), name="administration"),
    path("salud/", views.health, name="health"),
    path("salud/trivial/", views.trivial, name="trivial"),
    path("cuenta/", include("accounts.urls")),
    path("ods/", include("sdg.urls")),
    path("organizaciones/", include("companies.urls")),
    path("auditoria/", include("audit.urls")),
    path("documentos/", include("documents.urls")),
    path("avisos/", include("notifications.urls")),
    path("", include("committees.urls")),
    path("encuestas/", include("surveys.urls")),
    path("", include("projects.urls")),
    path("seguimiento/", include("monitoring.urls")),
    path("informes/", include("reports.urls")),
    path("privacidad/", include("privacy.urls")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("admin/", admin.site.urls),
]

# Only organizations' logos are public files. Every other upload or generated file is sent by the
# view that checks who asks, in every mode: no route serves the rest of MEDIA_ROOT, DEBUG or not.
if settings.DEBUG:  # In production the web server serves the same folder (README, "Uploaded files").
    urlpatterns += static(
        f"{settings.MEDIA_URL}{PUBLIC_MEDIA_FOLDER}/",
        document_root=settings.MEDIA_ROOT / PUBLIC_MEDIA_FOLDER,
    )

admin.site.site_header = "Alianza por la Sostenibilidad"
admin.site.site_title = "AxS"
admin.site.index_title = _("Back office")
admin.site.login_form = BackOfficeAuthenticationForm  # the admin's sign-in is throttled like the platform's
