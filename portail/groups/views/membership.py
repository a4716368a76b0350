"""Joining a group, and the facilitators' page where they answer join requests, name other
facilitators, remove members and make links with partner groups."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portail.accounts.roles import is_member_of
from portail.groups import agenda, notifications
from portail.groups.forms import DecisionForm, JoinRequestForm, PartnershipForm, RoleForm
from portail.groups.models import Group, GroupError, GroupLink, JoinRequest, Membership
from portail.groups.permissions import may_ask_to_join
from portail.groups.views.common import managed_group, visible_group


@never_cache
@login_required
def join(request, slug):
    group = visible_group(request, slug)
    if is_member_of(request.user, group):
        messages.info(request, _("Vous faites déjà partie de ce groupe."))
        return redirect(group)
    pending = JoinRequest.objects.pending().filter(group=group, user=request.user).first()
    if pending:
        return TemplateResponse(request, "groups/join.html", {"group": group, "pending": pending})
    form = JoinRequestForm(request.POST or None)
    if request.method == "POST" and may_ask_to_join(request.user, group) and form.is_valid():
        try:
            with transaction.atomic():
                join_request = JoinRequest.objects.create(
                    group=group, user=request.user, message=form.cleaned_data["message"]
                )
                notifications.notify_join_request(join_request)
        except IntegrityError:
            # The same request sent twice (a double click): the first one stands.
            pass
        messages.success(
            request,
            _("Votre demande est envoyée. Les animateurs du groupe vous répondront par e-mail."),
        )
        return redirect(group)
    return TemplateResponse(request, "groups/join.html", {"group": group, "form": form})


def _manage_context(request, group, **forms):
    memberships = (
        group.memberships.select_related("user")
        .filter(user__is_active=True)
        .order_by("role", Lower("user__display_name"), "user__email")
    )
    # A partner group that has become private (or was private when it proposed) stays
    # unknown to those who may not see it: not even its name shows here. The link itself
    # still shows, nameless, so that it can be ended, withdrawn or declined, not left stuck.
    links, hidden = [], []
    for link in GroupLink.objects.involving(group).select_related(
        "from_group", "to_group", "proposed_by"
    ):
        (links if link.other(group).is_visible_to(request.user) else hidden).append(link)
    errored = forms.get("decision_forms", {})
    join_requests = [
        (
            join_request,
            errored.get(join_request.pk) or DecisionForm(auto_id=f"id_demande{join_request.pk}_%s"),
        )
        for join_request in group.join_requests.pending().select_related("user")
    ]
    accepted = [link for link in links if link.status == GroupLink.Status.ACCEPTED]
    return {
        "group": group,
        "join_requests": join_requests,
        "memberships": memberships,
        "facilitator_count": sum(1 for m in memberships if m.is_facilitator),
        "incoming_links": [x for x in links if x.is_pending and x.to_group_id == group.pk],
        "outgoing_links": [x for x in links if x.is_pending and x.from_group_id == group.pk],
        "accepted_links": [
            (link, link.other(group), agenda.common_time_url(link.from_group, link.to_group))
            for link in accepted
        ],
        "hidden_incoming_links": [x for x in hidden if x.is_pending and x.to_group_id == group.pk],
        "hidden_outgoing_links": [
            x for x in hidden if x.is_pending and x.from_group_id == group.pk
        ],
        "hidden_accepted_links": [x for x in hidden if x.status == GroupLink.Status.ACCEPTED],
        "partnership_form": forms.get("partnership_form") or PartnershipForm(group=group),
    }


@never_cache
@login_required
def manage(request, slug):
    group = managed_group(request, slug)
    return TemplateResponse(request, "groups/manage.html", _manage_context(request, group))


@require_POST
@login_required
def decide_request(request, slug, pk):
    group = managed_group(request, slug)
    join_request = get_object_or_404(group.join_requests, pk=pk)
    form = DecisionForm(request.POST, auto_id=f"id_demande{join_request.pk}_%s")
    if not form.is_valid():
        context = _manage_context(request, group, decision_forms={join_request.pk: form})
        return TemplateResponse(request, "groups/manage.html", context, status=400)
    response = form.cleaned_data["response"]
    person = join_request.user.public_name
    try:
        with transaction.atomic():
            if form.cleaned_data["decision"] == DecisionForm.ACCEPT:
                join_request.accept(by=request.user, response=response)
                messages.success(
                    request,
                    _("%(person)s fait maintenant partie du groupe.") % {"person": person},
                )
            else:
                join_request.decline(by=request.user, response=response)
                messages.success(
                    request, _("La demande de %(person)s est refusée.") % {"person": person}
                )
            notifications.notify_join_decision(join_request)
    except GroupError as exc:
        messages.error(request, str(exc))
    return redirect("groups:manage", group.slug)


@require_POST
@login_required
def set_role(request, slug, pk):
    group = managed_group(request, slug)
    membership = get_object_or_404(group.memberships.select_related("user"), pk=pk)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Ce rôle n'existe pas."))
        return redirect("groups:manage", group.slug)
    try:
        membership.set_role(form.cleaned_data["role"])
    except GroupError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("%(person)s est maintenant %(role)s du groupe.")
            % {"person": membership.user.public_name, "role": membership.get_role_display()},
        )
    return redirect("groups:manage", group.slug)


@require_POST
@login_required
def remove_member(request, slug, pk):
    group = managed_group(request, slug)
    membership = get_object_or_404(group.memberships.select_related("user"), pk=pk)
    try:
        membership.end()
    except GroupError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("%(person)s ne fait plus partie du groupe.")
            % {"person": membership.user.public_name},
        )
    return redirect("groups:manage", group.slug)


@never_cache
@login_required
def leave(request, slug):
    """A member leaves the group (a confirmation page, then a POST)."""
    group = visible_group(request, slug)
    membership = get_object_or_404(Membership, group=group, user=request.user)
    if request.method == "POST":
        try:
            membership.end()
        except GroupError as exc:
            messages.error(request, str(exc))
            return redirect(group)
        messages.success(
            request, _("Vous ne faites plus partie du groupe %(name)s.") % {"name": group.name}
        )
        return redirect("groups:list") if not group.is_public else redirect(group)
    return TemplateResponse(request, "groups/leave.html", {"group": group})


# --- Partner groups ---------------------------------------------------------------------------


@require_POST
@login_required
def propose_link(request, slug):
    group = managed_group(request, slug)
    if not group.is_public:
        # The other group could never see this one: the proposal would wait for ever, and its
        # e-mail would give the private group's name to people outside it.
        messages.error(
            request, _("Un groupe privé ne peut pas proposer de lien à un autre groupe.")
        )
        return redirect("groups:manage", group.slug)
    form = PartnershipForm(request.POST, group=group)
    if not form.is_valid():
        context = _manage_context(request, group, partnership_form=form)
        return TemplateResponse(request, "groups/manage.html", context, status=400)
    other = form.cleaned_data["other"]
    try:
        with transaction.atomic():
            link = GroupLink.propose(
                from_group=group,
                to_group=other,
                by=request.user,
                message=form.cleaned_data["message"],
            )
            notifications.notify_link_proposed(link)
    except GroupError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("Proposition envoyée au groupe %(name)s. Ses animateurs vont vous répondre.")
            % {"name": other.name},
        )
    return redirect("groups:manage", group.slug)


@require_POST
@login_required
def decide_link(request, slug, pk):
    """Accept or decline a proposal made to this group, withdraw one it made, or end an
    accepted partnership (either side may).

    When the other group is private and this person may not see it, the link may still be
    ended, withdrawn or declined (or it would be stuck for good), but not accepted: nobody
    takes on a partner they cannot see. The messages then do not name the other group."""
    group = managed_group(request, slug)
    link = get_object_or_404(
        GroupLink.objects.involving(group).select_related("from_group", "to_group"), pk=pk
    )
    other = link.other(group)
    hidden = not other.is_visible_to(request.user)
    action = request.POST.get("action")
    try:
        if action == "accepter" and link.to_group_id == group.pk and not hidden:
            link.accept(by=request.user)
            messages.success(
                request,
                _("Le groupe %(name)s est maintenant partenaire de votre groupe.")
                % {"name": other.name},
            )
        elif action == "refuser" and link.to_group_id == group.pk:
            link.decline(by=request.user)
            messages.success(request, _("Proposition refusée."))
        elif action == "retirer" and link.is_pending and link.from_group_id == group.pk:
            link.delete()
            messages.success(request, _("Proposition retirée."))
        elif action == "terminer" and link.status == GroupLink.Status.ACCEPTED:
            link.delete()
            if hidden:
                messages.success(request, _("Le lien est terminé."))
            else:
                messages.success(
                    request,
                    _("Le lien avec le groupe %(name)s est terminé.") % {"name": other.name},
                )
        else:
            messages.error(request, _("Cette action n'est pas possible sur ce lien."))
    except GroupError as exc:
        messages.error(request, str(exc))
    return redirect("groups:manage", group.slug)


# --- Invitation links (how one joins a private group, which cannot be found) ------------------


@require_POST
@login_required
def invitation_link(request, slug):
    """A facilitator creates a new link (shown once on the page) or ends the current one."""
    group = managed_group(request, slug)
    if request.POST.get("action") == "supprimer":
        group.end_invitation()
        messages.success(request, _("Le lien d'invitation ne marche plus."))
        return redirect("groups:manage", group.slug)
    token = group.new_invitation()
    context = _manage_context(request, group)
    context["new_invitation_url"] = request.build_absolute_uri(
        reverse("groups:invitation", args=[token])
    )
    return TemplateResponse(request, "groups/manage.html", context)


@never_cache
def invitation(request, token):
    """Someone opens the link they were given: signed in, one button to join."""
    group = Group.from_invitation(token)
    if group is None:
        return TemplateResponse(request, "groups/invitation_invalide.html", status=404)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if is_member_of(request.user, group):
        messages.info(request, _("Vous faites déjà partie de ce groupe."))
        return redirect(group)
    if request.method == "POST":
        Membership.objects.get_or_create(group=group, user=request.user)
        JoinRequest.objects.pending().filter(group=group, user=request.user).delete()
        messages.success(
            request,
            _("Bienvenue : vous faites maintenant partie du groupe %(name)s.")
            % {"name": group.name},
        )
        return redirect(group)
    return TemplateResponse(request, "groups/invitation.html", {"group": group})
