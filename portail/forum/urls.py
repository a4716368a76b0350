"""The forum's URLs. The fixed words (groupe, moderation, message) come before the themes'
slugs: a theme cannot be called like one of them."""

from django.urls import path

from portail.forum.views import emails, moderation, private, public

app_name = "forum"

urlpatterns = [
    path("", public.index, name="index"),
    # Groupes de parole
    path("groupe/<slug:group_slug>/", private.space, name="space"),
    path("groupe/<slug:group_slug>/charte/", private.charter, name="charter"),
    path("groupe/<slug:group_slug>/nouvelle/", private.new_thread, name="group_new_thread"),
    path("groupe/<slug:group_slug>/<int:pk>/", private.thread, name="group_thread"),
    path(
        "groupe/<slug:group_slug>/message/<int:pk>/animation/",
        private.moderate,
        name="group_moderate",
    ),
    path(
        "groupe/<slug:group_slug>/message/<int:pk>/signaler/", private.report, name="group_report"
    ),
    path(
        "groupe/<slug:group_slug>/message/<int:pk>/laisser/",
        private.leave_reported,
        name="group_leave_reported",
    ),
    # Moderation of the public forum (the queue itself is questions:moderation)
    path("moderation/<int:pk>/", moderation.moderate, name="moderate"),
    path("moderation/signalements/<int:pk>/", moderation.handle_report, name="handle_report"),
    # E-mails of new replies: the whole forum (Mon espace), the one-click link of an e-mail
    path("e-mails/", emails.email_settings, name="email_settings"),
    path("e-mails/<str:token>/", emails.mute_link, name="mute_link"),
    # Public discussions
    path("message/<int:pk>/signaler/", public.report, name="report"),
    path("<slug:theme_slug>/", public.theme, name="theme"),
    path("<slug:theme_slug>/nouvelle/", public.new_thread, name="new_thread"),
    path("<slug:theme_slug>/<int:pk>/", public.thread, name="thread"),
    path("<slug:theme_slug>/<int:pk>/repondre/", public.reply, name="reply"),
    path("<slug:theme_slug>/<int:pk>/e-mails/", emails.thread_emails, name="thread_emails"),
]
