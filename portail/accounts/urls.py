from django.contrib.auth import views as auth_views
from django.urls import path

from portail.accounts import views

app_name = "accounts"

urlpatterns = [
    path("connexion/", views.login, name="login"),
    path("deconnexion/", views.logout, name="logout"),
    path("inscription/", views.signup, name="signup"),
    path("inscription/envoyee/", views.signup_done, name="signup_done"),
    path("confirmer/<str:token>/", views.confirm, name="confirm"),
    path("renvoyer-confirmation/", views.resend_confirmation, name="resend_confirmation"),
    path("mot-de-passe/", views.password_reset, name="password_reset"),
    path(
        "mot-de-passe/envoye/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "mot-de-passe/nouveau/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "mot-de-passe/change/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("mot-de-passe/modifier/", views.password_change, name="password_change"),
    path("profil/", views.profile, name="profile"),
    path("mon-espace/", views.espace, name="espace"),
    path("mes-donnees/", views.my_data, name="my_data"),
    path("mes-donnees/fichier.json", views.my_data_file, name="my_data_file"),
    path("supprimer/", views.delete_account, name="delete"),
]
