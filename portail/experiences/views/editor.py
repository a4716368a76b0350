"""The records editor, for the group's facilitators and the staff: create a record, write its
sections (add, edit, move up or down, delete), publish it or take it back to draft.

Plain forms and buttons: everything works without JavaScript. A record the person may not even
see is a 404; one they may read but not edit is a 403.

A form sent twice (a double tap on a slow phone) changes things once: the same record created a
moment ago, the same part already in the record, a part already moved from where the form saw
it, are not created or moved again."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portail.experiences.forms import RecordForm, SectionForm
from portail.experiences.models import ExperienceRecord, RecordSection
from portail.groups.models import Group
from portail.privacy.masking import KIND_LABELS, detect

DUPLICATE_WINDOW = timedelta(minutes=10)


def editor_view(view):
    return login_required(never_cache(view))


def groups_for_writing(user):
    return Group.objects.all() if user.is_staff else Group.objects.facilitated_by(user)


def editable_record(request, slug):
    record = get_object_or_404(ExperienceRecord.objects.select_related("group"), slug=slug)
    if not record.is_visible_to(request.user):
        raise Http404
    if not record.is_editable_by(request.user):
        raise PermissionDenied
    return record


def editable_section(request, slug, pk):
    record = editable_record(request, slug)
    return record, get_object_or_404(RecordSection, record=record, pk=pk)


def warn_personal_data(request, section):
    """A record is public once published: say so when a text seems to name or locate someone."""
    kinds = []
    for text in (section.text, section.animation, section.presenter_names):
        for span in detect(text or ""):
            label = KIND_LABELS.get(span.kind, span.kind)
            if label not in kinds:
                kinds.append(label)
    if kinds:
        messages.warning(
            request,
            _(
                "Attention : cette partie semble contenir des données personnelles (%(kinds)s). "
                "Relisez-la avant de publier : on ne doit reconnaître personne sans son accord."
            )
            % {"kinds": ", ".join(kinds)},
        )


@editor_view
def record_create(request):
    groups = groups_for_writing(request.user).order_by("name")
    if not groups.exists():
        raise PermissionDenied
    initial = {}
    chosen = groups.filter(slug=request.GET.get("groupe", "")).first()
    if chosen:
        initial["group"] = chosen
    form = RecordForm(request.POST or None, groups=groups, initial=initial)
    if request.method == "POST" and form.is_valid():
        record = ExperienceRecord.objects.filter(
            created_by=request.user,
            group=form.cleaned_data["group"],
            title=form.cleaned_data["title"],
            created_at__gte=timezone.now() - DUPLICATE_WINDOW,
        ).first()
        if record is None:
            record = form.save(commit=False)
            record.created_by = request.user
            record.save()
        messages.success(
            request, _("Le récit est créé, en brouillon. Ajoutez maintenant ses parties.")
        )
        return redirect("experiences:edit", record.slug)
    return TemplateResponse(request, "experiences/editor/create.html", {"form": form})


@editor_view
def record_edit(request, slug):
    record = editable_record(request, slug)
    form = RecordForm(request.POST or None, instance=record)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Le titre et la présentation sont enregistrés."))
        return redirect("experiences:edit", record.slug)
    sections = list(record.sections.prefetch_related("skills", "presenters"))
    return TemplateResponse(
        request,
        "experiences/editor/edit.html",
        {"record": record, "form": form, "sections": sections},
    )


@editor_view
@require_POST
def record_publish(request, slug):
    record = editable_record(request, slug)
    try:
        record.publish()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Le récit est publié : tout le monde peut le lire."))
    return redirect("experiences:edit", record.slug)


@editor_view
@require_POST
def record_unpublish(request, slug):
    record = editable_record(request, slug)
    record.unpublish()
    messages.success(request, _("Le récit est revenu en brouillon : seul le groupe peut le lire."))
    return redirect("experiences:edit", record.slug)


@editor_view
def record_delete(request, slug):
    record = editable_record(request, slug)
    if request.method == "POST":
        group = record.group
        record.delete()
        messages.success(request, _("Le récit « %(title)s » est supprimé.") % {"title": record})
        return redirect(group.get_absolute_url())
    return TemplateResponse(
        request, "experiences/editor/delete.html", {"record": record, "section": None}
    )


@editor_view
def section_add(request, slug):
    record = editable_record(request, slug)
    form = SectionForm(
        request.POST or None,
        record=record,
        user=request.user,
        initial={"kind": record.next_kind()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        same = record.sections.filter(kind=data["kind"], title=data["title"], text=data["text"])
        section = same.first()
        if section is None:
            with transaction.atomic():
                section = form.save()
            _saved(request, form, section, _("La partie « %(part)s » est ajoutée."))
        else:
            messages.success(
                request, _("La partie « %(part)s » est ajoutée.") % {"part": section.heading}
            )
        return redirect(f"{record.get_edit_url()}#partie-{section.pk}")
    return TemplateResponse(
        request, "experiences/editor/section.html", {"record": record, "form": form}
    )


@editor_view
def section_edit(request, slug, pk):
    record, section = editable_section(request, slug, pk)
    form = SectionForm(request.POST or None, record=record, user=request.user, instance=section)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            section = form.save()
        _saved(request, form, section, _("La partie « %(part)s » est enregistrée."))
        return redirect(f"{record.get_edit_url()}#partie-{section.pk}")
    return TemplateResponse(
        request,
        "experiences/editor/section.html",
        {"record": record, "form": form, "section": section},
    )


def _saved(request, form, section, message):
    messages.success(request, message % {"part": section.heading})
    for typed, skill in form.matched_skills:
        messages.info(
            request,
            _("« %(typed)s » était déjà dans la liste : c'est « %(name)s » qui est retenu.")
            % {"typed": typed, "name": skill.name},
        )
    for _typed, skill in form.created_skills:
        messages.info(
            request,
            _("« %(name)s » est ajouté à la liste commune des savoir-faire.") % {"name": skill},
        )
    warn_personal_data(request, section)


@editor_view
@require_POST
def section_move(request, slug, pk):
    record, section = editable_section(request, slug, pk)
    direction = {"haut": -1, "bas": 1}.get(request.POST.get("sens"))
    seen_at = request.POST.get("place", "")
    if direction is None:
        messages.error(request, _("Choisissez de monter ou de descendre la partie."))
    elif seen_at and seen_at != str(section.position):
        # Already moved by the same form sent a moment ago (or by someone else).
        messages.info(request, _("Cette partie a déjà changé de place : voici le récit à jour."))
    else:
        with transaction.atomic():
            moved = section.move(direction)
        if moved:
            messages.success(
                request,
                (
                    _("La partie « %(part)s » est montée.")
                    if direction < 0
                    else _("La partie « %(part)s » est descendue.")
                )
                % {"part": section.heading},
            )
    return redirect(f"{record.get_edit_url()}#partie-{section.pk}")


@editor_view
def section_delete(request, slug, pk):
    record, section = editable_section(request, slug, pk)
    if request.method == "POST":
        with transaction.atomic():
            section.delete()
            record.renumber()
        if not record.sections.exists() and record.is_published:
            record.unpublish()
            messages.info(request, _("Le récit n'a plus de partie : il revient en brouillon."))
        messages.success(
            request, _("La partie « %(part)s » est supprimée.") % {"part": section.heading}
        )
        return redirect("experiences:edit", record.slug)
    return TemplateResponse(
        request, "experiences/editor/delete.html", {"record": record, "section": section}
    )
