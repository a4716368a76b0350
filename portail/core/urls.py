from django.urls import path

from portail.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("preferences/", views.preferences, name="preferences"),
    path("sante/", views.health, name="health"),
    path("sante/ok/", views.alive, name="alive"),
    path("contact/", views.info_page, {"template": "contact"}, name="contact"),
    path("mentions-legales/", views.info_page, {"template": "mentions_legales"}, name="mentions"),
    path("accessibilite/", views.info_page, {"template": "accessibilite"}, name="accessibilite"),
    path(
        "confidentialite/", views.info_page, {"template": "confidentialite"}, name="confidentialite"
    ),
    path("a-propos/", views.info_page, {"template": "a_propos"}, name="a_propos"),
    # Doors of the home page whose rooms come with later issues (never dead ends).
]
