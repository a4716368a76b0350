from django.urls import path

from portail.events.views import files, manage, public

app_name = "events"

# The fixed words come before <slug>: an event's slug always ends with its date, so it can
# never be one of them (see Event.unique_slug).
urlpatterns = [
    path("", public.agenda, name="agenda"),
    path("passes/", public.past, name="past"),
    path("nouveau/", manage.create, name="create"),
    path("agenda.ics", files.feed, name="feed"),
    path("groupe/<slug:slug>/agenda.ics", files.group_feed, name="group_feed"),
    path("quartier/<slug:slug>/agenda.ics", files.quartier_feed, name="quartier_feed"),
    path("inscription/<str:token>/", public.registration_page, name="registration"),
    path("<slug:slug>/", public.detail, name="detail"),
    path("<slug:slug>/inscription/", public.register, name="register"),
    path("<slug:slug>/agenda.ics", files.event_ics, name="ics"),
    path("<slug:slug>/affiche.pdf", files.poster, name="poster"),
    path("<slug:slug>/modifier/", manage.edit, name="edit"),
    path("<slug:slug>/annuler/", manage.cancel, name="cancel"),
    path("<slug:slug>/retablir/", manage.restore, name="restore"),
    path("<slug:slug>/participants/", manage.attendees, name="attendees"),
    path(
        "<slug:slug>/participants/<int:pk>/annuler/",
        manage.cancel_registration,
        name="cancel_registration",
    ),
    path("<slug:slug>/compte-rendu/", manage.minutes, name="minutes"),
    path("<slug:slug>/suites/", manage.suites, name="suites"),
]
