"""Deleting an account: for the person who asks (« Supprimer mon compte ») and for the job that
forgets unused accounts (inactivity.py). One function, so both keep the same promises.

What goes: the account and everything that is only the person's (group memberships, join
requests, saved letters, portfolio and attestations, charters accepted, forum e-mail settings,
partner links), through the models' on_delete rules; their sign-in records.
What stays, without their name (on_delete=SET_NULL): their questions and forum messages (the
e-mail address and the text as typed are replaced by the masked text), pistes, journal posts,
documents, records and events they created, moderation trails. Registrations to past events
lose the name and contact now (as they would after the retention period); registrations to
upcoming events keep the place, so the person can still come (the private link of the e-mail
cancels it). Follow-up requests go on: the group may still be helping the person.

A group is never left without a facilitator: when the person is its last one, the member who
joined first takes over and is told; with nobody left, the team (staff) is told.
"""

import uuid
from dataclasses import dataclass, field

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Left
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portail.core.tasks import send_templated_email
from portail.events.models import Registration
from portail.events.retention import ERASED_NAME
from portail.forum.models import TITLE_MAX_LENGTH, ForumPost, ForumThread
from portail.groups.models import Membership
from portail.questions.models import Question

# Why an account is deleted: the e-mail says it.
AT_REQUEST = "demande"
INACTIVITY = "inactivite"


class AccountError(ValueError):
    """A deletion the rules forbid; the message is French, for the person who clicked."""


def _absolute(path):
    return f"{settings.SITE_URL}{path}"


def _context(**extra):
    return {
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "contact_email": settings.CONTACT_EMAIL,
        **extra,
    }


# --- Groups: never without a facilitator ------------------------------------------------------


@dataclass
class Handover:
    group: object
    successor: object = None  # the member who becomes facilitator, None when nobody is left


def _active_facilitators(group):
    return group.memberships.filter(role=Membership.Role.FACILITATOR, user__is_active=True)


def handovers(user):
    """The groups this person is the last active facilitator of, each with the member who
    would take over: the one who joined first (then the first registered, for equal dates)."""
    found = []
    facilitated = Membership.objects.filter(user=user, role=Membership.Role.FACILITATOR)
    for membership in facilitated.select_related("group").order_by("group__name"):
        group = membership.group
        if _active_facilitators(group).exclude(user=user).exists():
            continue
        successor = (
            group.memberships.filter(user__is_active=True)
            .exclude(user=user)
            .select_related("user")
            .order_by("joined_at", "id")
            .first()
        )
        found.append(Handover(group, successor.user if successor else None))
    return found


def _hand_over_groups(user, reason):
    # Same lock as Membership.end(), taken BEFORE deciding: a co-facilitator leaving at the
    # same moment waits, then sees this person gone (and is refused as the last one), or has
    # left already and this deletion sees it and hands the group over.
    groups = Membership.objects.filter(user=user, role=Membership.Role.FACILITATOR)
    list(
        Membership.objects.select_for_update()
        .filter(group__in=groups.values("group"), role=Membership.Role.FACILITATOR)
        .order_by("group_id", "pk")
        .values_list("pk", flat=True)
    )
    for handover in handovers(user):
        group = handover.group
        if handover.successor is not None:
            Membership.objects.get(group=group, user=handover.successor).set_role(
                Membership.Role.FACILITATOR
            )
            _tell_successor(handover, reason)
        else:
            _tell_staff(handover)


def _tell_successor(handover, reason):
    if not handover.successor.email:
        return
    group = handover.group
    send_templated_email(
        "accounts/email/facilitator_handover",
        _context(
            reason=reason,
            group=group,
            group_url=_absolute(group.get_absolute_url()),
            manage_url=_absolute(reverse("groups:manage", args=[group.slug])),
        ),
        handover.successor.email,
    )


def _tell_staff(handover):
    group = handover.group
    admin_url = _absolute(reverse("admin:groups_group_change", args=[group.pk]))
    staff = get_user_model().objects.filter(is_staff=True, is_active=True).exclude(email="")
    # One e-mail each: nobody sees another's address.
    for person in staff:
        send_templated_email(
            "accounts/email/group_without_facilitator",
            _context(group=group, admin_url=admin_url),
            person.email,
        )


# --- What stays, without the name --------------------------------------------------------------


def _anonymise_writings(user):
    """Questions and forum messages stay, without the name: the address to notify goes, and the
    text as typed (seen by moderators only) becomes the masked text everyone reads."""
    Question.objects.filter(author=user).update(
        email="", original_text=F("text"), detected_spans=[]
    )
    ForumPost.objects.filter(author=user).exclude(original_text="").update(
        original_text=F("text"), detected_spans=[]
    )
    ForumThread.objects.filter(author=user).exclude(original_title="").update(
        original_title=Left("title", TITLE_MAX_LENGTH), title_spans=[]
    )


def _forget_past_registrations(user, now):
    past = Registration.objects.filter(user=user).filter(
        Q(event__ends_at__lt=now) | Q(event__ends_at__isnull=True, event__starts_at__lt=now)
    )
    for pk in past.values_list("pk", flat=True):
        # A new random key: the old private link no longer leads anywhere.
        Registration.objects.filter(pk=pk).update(
            name=ERASED_NAME, contact="", link_token_hash="", submission_key=uuid.uuid4().hex
        )


def _forget_sign_ins(email):
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__iexact=email).delete()


# --- The one function ---------------------------------------------------------------------------


def delete_account(user, reason=AT_REQUEST, now=None):
    """Delete `user` and all that is only theirs; keep the rest without their name; hand their
    groups over; tell them by e-mail (once the deletion is committed). Staff accounts are
    refused: another member of the team must remove them in the administration."""
    if user.is_staff or user.is_superuser:
        raise AccountError(
            _(
                "Un compte de l'équipe du portail ne peut pas être supprimé ici : demandez à une "
                "autre personne de l'équipe de le faire dans l'administration."
            )
        )
    now = now or timezone.now()
    email = user.email
    with transaction.atomic():
        # The account's row locked first: a second click (or the job at the same moment)
        # waits, then finds nothing to delete, and nothing is sent twice.
        if not get_user_model().objects.select_for_update().filter(pk=user.pk).exists():
            return
        _hand_over_groups(user, reason)
        _anonymise_writings(user)
        _forget_past_registrations(user, now)
        _forget_sign_ins(email)
        user.delete()
        if email:
            send_templated_email(
                "accounts/email/account_deleted",
                _context(reason=reason, inactive_days=settings.ACCOUNTS_INACTIVE_DAYS),
                email,
            )


# --- What the person sees before confirming ------------------------------------------------------


@dataclass
class Summary:
    questions: int = 0
    forum_posts: int = 0
    journal_posts: int = 0
    documents: int = 0
    upcoming_registrations: int = 0
    demandes: int = 0
    handovers: list = field(default_factory=list)

    @property
    def stays(self):
        return any(
            (
                self.questions,
                self.forum_posts,
                self.journal_posts,
                self.documents,
                self.upcoming_registrations,
                self.demandes,
            )
        )


def summary(user, now=None):
    """How many of the person's things stay (without their name), and their groups' fate."""
    now = now or timezone.now()
    upcoming = Registration.objects.filter(user=user).exclude(
        Q(event__ends_at__lt=now) | Q(event__ends_at__isnull=True, event__starts_at__lt=now)
    )
    return Summary(
        questions=Question.objects.filter(author=user).count(),
        forum_posts=ForumPost.objects.filter(author=user).count(),
        journal_posts=user.group_posts.count(),
        documents=user.group_documents.count(),
        upcoming_registrations=upcoming.exclude(status=Registration.Status.CANCELLED).count(),
        # Closed ones too: they keep the contact details until the retention job erases them.
        demandes=user.demandes_filed.filter(anonymised_at__isnull=True).count(),
        handovers=handovers(user),
    )
