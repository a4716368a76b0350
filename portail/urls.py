from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Administration du portail des droits")
admin.site.site_title = _("Portail des droits")
admin.site.index_title = _("Gestion des contenus et des comptes")

urlpatterns = [
    path("fiches/", include("portail.fiches.urls")),
    path("lettres/", include("portail.letters.urls")),
    path("glossaire/", include("portail.glossary.urls")),
    path("recherche/", include("portail.search.urls")),
    path("api/v1/", include("portail.api.urls")),
    path("", include("portail.core.urls")),
    path("", include("portail.questions.urls")),
    path("compte/", include("portail.accounts.urls")),
    path("groupes/", include("portail.groups.urls")),
    path("reseau/", include("portail.directory.urls")),
    path("experiences/", include("portail.experiences.urls")),
    path("agenda/", include("portail.events.urls")),
    path("demandes/", include("portail.demandes.urls")),
    path("forum/", include("portail.forum.urls")),
    path("jeu/cartes/", include("portail.cards.urls")),
    path("jeu/", include("portail.game.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "portail.core.views.bad_request"
handler403 = "portail.core.views.permission_denied"
handler404 = "portail.core.views.page_not_found"
handler500 = "portail.core.views.server_error"
