from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "portail.events"
    label = "events"
    verbose_name = _("Agenda et événements")

    def ready(self):
        from portail.core import panels, periodic
        from portail.events import panels as event_panels
        from portail.events.reminders import send_reminders
        from portail.events.retention import forget_registrations

        panels.register("group", "events", "events/panels/group.html", event_panels.group_panel, 30)
        panels.register(
            "espace",
            "events-registrations",
            "events/panels/my_registrations.html",
            event_panels.my_registrations,
            40,
        )
        panels.register(
            "espace", "events-organiser", "events/panels/my_events.html", event_panels.my_events, 41
        )
        periodic.register("events-rappels", _("Rappels des événements, la veille"), send_reminders)
        periodic.register(
            "inscriptions-anciennes",
            _("Effacer les noms et contacts des inscriptions aux événements passés"),
            forget_registrations,
        )
