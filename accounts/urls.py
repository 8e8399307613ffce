from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("entrar/", views.LoginView.as_view(), name="login"),
    path("salir/", views.LogoutView.as_view(), name="logout"),
    path("idioma/", views.set_language, name="set-language"),
    path("perfil/", views.ProfileView.as_view(), name="profile"),
    path("contrasena/", views.PasswordChangeView.as_view(), name="password-change"),
    path("contrasena/restablecer/", views.PasswordResetView.as_view(), name="password-reset"),
    path("contrasena/restablecer/enviado/", views.PasswordResetDoneView.as_view(), name="password-reset-done"),
    path(
        "contrasena/restablecer/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path("contrasena/restablecer/listo/", views.PasswordResetCompleteView.as_view(), name="password-reset-complete"),
    path("personas/", views.UserListView.as_view(), name="user-list"),
    path("personas/nueva/", views.UserCreateView.as_view(), name="user-create"),
    path("personas/<int:pk>/", views.UserUpdateView.as_view(), name="user-update"),
    path("personas/<int:pk>/invitar/", views.UserInviteAgainView.as_view(), name="user-invite-again"),
]
