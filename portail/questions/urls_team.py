from django.urls import path

from portail.questions.views import moderation, team

urlpatterns = [
    path("moderation/", moderation.queue, name="moderation"),
    path("moderation/<int:pk>/", moderation.item, name="moderate"),
    path("moderation/journal/", moderation.audit, name="audit"),
    path("moderation/signalements/", moderation.reports, name="reports"),
    path("etat-des-lieux/", team.inventory, name="inventory"),
    path("etat-des-lieux/export.csv", team.inventory_csv, name="inventory_csv"),
    path("etat-des-lieux/<int:pk>/", team.work, name="work"),
    path("etat-des-lieux/<int:pk>/piste/", team.answer, name="answer"),
    path("etat-des-lieux/<int:pk>/piste/<int:piste_pk>/", team.edit_answer, name="edit_answer"),
]
