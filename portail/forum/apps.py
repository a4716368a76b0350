"""Forums and groupes de parole: public discussions by theme, moderated before publication with
the questions' queue and masking; private groupes de parole for a group's members, behind a
confidentiality charter, never indexed, searched, cached or put in a feed."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "portail.forum"
    label = "forum"
    verbose_name = _("Forums et groupes de parole")

    def ready(self):
        from portail.core import panels
        from portail.forum import panels as forum_panels

        panels.register("group", "forum", "forum/panels/group.html", forum_panels.group_panel, 60)
        panels.register(
            "espace", "forum", "forum/panels/espace.html", forum_panels.espace_panel, 60
        )
        panels.register(
            "moderation_queue",
            "forum",
            "forum/panels/moderation_queue.html",
            forum_panels.moderation_queue_panel,
        )
        panels.register(
            "moderation_reports",
            "forum",
            "forum/panels/moderation_reports.html",
            forum_panels.moderation_reports_panel,
        )
        panels.register(
            "moderation_audit",
            "forum",
            "forum/panels/moderation_audit.html",
            forum_panels.moderation_audit_panel,
        )
