"""The group's « état des lieux »: what residents ask about, counted by theme, state and
quartier (on screen and as CSV), the list of questions waiting for a piste, and for each question
the page where a member classifies it, answers it with a piste, says it is resolved or closes it.

For group members and moderators. Members work on approved questions only (public or private),
always in their masked form: the original text and the e-mail stay in moderation.
"""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import user_passes_test
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from portail.accounts.roles import is_any_group_member, is_moderator
from portail.places.models import Quartier, Subject, Theme
from portail.questions import classify, notifications
from portail.questions.forms.team import ClassifyForm, CloseForm, InventoryFilterForm, PisteForm
from portail.questions.models import InvalidTransition, Piste, Question, QuestionQuerySet
from portail.questions.views.public import pistes_with_links
from portail.search.suggest import likely_subjects

TO_ANSWER_PAGE_SIZE = 20


def may_work_on_questions(user):
    return is_moderator(user) or is_any_group_member(user)


def team_required(view):
    """Group members and moderators; anonymous visitors go to the login page, anyone else gets
    the 403 page."""

    def check(user):
        if not user.is_authenticated:
            return False
        if not may_work_on_questions(user):
            raise PermissionDenied
        return True

    return never_cache(user_passes_test(check)(view))


def _statuses_for(user):
    """The states a person sees in the état des lieux: moderators see every state, members
    the approved questions only."""
    if is_moderator(user):
        return list(Question.Status.values)
    return list(QuestionQuerySet.VISIBLE_STATUSES)


def _work_question(pk):
    """A question the group works on: approved, never one still awaiting moderation, refused
    or merged (404, for moderators too: those are handled in moderation)."""
    return get_object_or_404(
        Question.objects.for_group_work().select_related("theme", "subject", "quartier__commune"),
        pk=pk,
    )


# --- The état des lieux --------------------------------------------------------------------------


def _filtered(request):
    statuses = _statuses_for(request.user)
    form = InventoryFilterForm(request.GET or None, statuses=statuses)
    questions = Question.objects.visible_to(request.user).filter(status__in=statuses)
    if form.is_bound:
        form.is_valid()
        questions = form.filter(questions)
    return form, questions, statuses


def _crosstab(rows, row_keys, column_keys):
    """{row: {column: count}} with every cell present, plus totals per row, per column and
    overall."""
    cells = {row: dict.fromkeys(column_keys, 0) for row in row_keys}
    for row, column, count in rows:
        if row in cells and column in cells[row]:
            cells[row][column] += count
    row_totals = {row: sum(values.values()) for row, values in cells.items()}
    column_totals = {column: sum(cells[row][column] for row in row_keys) for column in column_keys}
    return cells, row_totals, column_totals, sum(row_totals.values())


@team_required
def inventory(request):
    form, questions, statuses = _filtered(request)
    themes = list(Theme.objects.all())
    theme_rows = [*themes, None]
    theme_by_pk = {theme.pk: theme for theme in themes}

    by_status = questions.values_list("theme", "status").annotate(n=Count("pk")).order_by()
    cells, row_totals, column_totals, total = _crosstab(
        [(theme_by_pk.get(theme), status, n) for theme, status, n in by_status],
        theme_rows,
        statuses,
    )
    labels = dict(Question.Status.choices)
    status_table = {
        "columns": [(status, labels[status]) for status in statuses],
        "rows": [
            (theme, [cells[theme][s] for s in statuses], row_totals[theme]) for theme in theme_rows
        ],
        "totals": [column_totals[s] for s in statuses],
        "total": total,
    }

    by_quartier = list(
        questions.values_list("quartier", "theme").annotate(n=Count("pk")).order_by()
    )
    quartier_ids = {quartier for quartier, _theme, _n in by_quartier if quartier}
    quartiers = list(Quartier.objects.with_commune().filter(pk__in=quartier_ids))
    quartier_by_pk = {quartier.pk: quartier for quartier in quartiers}
    quartier_rows = [*quartiers, None]
    cells, row_totals, column_totals, total = _crosstab(
        [
            (quartier_by_pk.get(quartier), theme_by_pk.get(theme), n)
            for quartier, theme, n in by_quartier
        ],
        quartier_rows,
        theme_rows,
    )
    quartier_table = {
        "columns": theme_rows,
        "rows": [
            (quartier, [cells[quartier][t] for t in theme_rows], row_totals[quartier])
            for quartier in quartier_rows
        ],
        "totals": [column_totals[t] for t in theme_rows],
        "total": total,
    }

    to_answer = questions.to_answer().select_related("theme", "subject", "quartier__commune")
    page = Paginator(to_answer, TO_ANSWER_PAGE_SIZE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "questions/team/inventory.html",
        {
            "form": form,
            "status_table": status_table,
            "quartier_table": quartier_table,
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "csv_query": request.GET.urlencode(),
        },
    )


CSV_HEADERS = ["Thème", "Quartier", "Commune", "État", "Type", "Nombre"]


@team_required
def inventory_csv(request):
    """The counts of the état des lieux, one line per theme × quartier × state × type, for a
    spreadsheet. Never a text, never anything about a person. UTF-8 with a byte order mark
    and semicolons, so that Excel in French opens it with its accents."""
    form, questions, _statuses = _filtered(request)
    if form.is_bound and not form.is_valid():
        errors = "; ".join(str(error) for errors in form.errors.values() for error in errors)
        return HttpResponse(
            _("Les filtres ne sont pas bons : %(errors)s") % {"errors": errors},
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    rows = (
        questions.values_list(
            "theme__name", "quartier__name", "quartier__commune__name", "status", "kind"
        )
        .annotate(n=Count("pk"))
        .order_by("theme__name", "quartier__commune__name", "quartier__name", "status", "kind")
    )
    statuses = dict(Question.Status.choices)
    kinds = dict(Question.Kind.choices)
    filename = f"etat-des-lieux-{timezone.localdate():%Y-%m-%d}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADERS)
    for theme, quartier, commune, status, kind, count in rows:
        writer.writerow(
            [
                theme or _("Sans thème"),
                quartier or _("Quartier non précisé"),
                commune or "",
                str(statuses.get(status, status)),
                str(kinds.get(kind, kind)),
                count,
            ]
        )
    return response


# --- One question: classify, resolve, close ------------------------------------------------------


def _subjects():
    return list(Subject.objects.select_related("theme"))


def _classify_form(question, subjects, data=None):
    """The classification form, pre-selected with the question's subject or else with the
    suggestion computed from its text. Returns (form, suggestion)."""
    suggestion = None
    initial = {"theme": question.theme_id, "sujet": question.subject_id}
    if question.subject_id is None:
        subject, score, matched = classify.explain(question.text, subjects)
        # The search engine ranks subjects with more evidence (fiches, glossary, spelling,
        # phonetics, these same rules): its first subject is the one pre-selected.
        likeliest = likely_subjects(question.text, limit=1)
        if likeliest:
            by_key = {candidate.key: candidate for candidate in subjects}
            subject = by_key.get(likeliest[0][0], subject)
        if subject is not None:
            suggestion = {"subject": subject, "score": score, "words": list(dict.fromkeys(matched))}
            initial = {"theme": subject.theme_id, "sujet": subject.pk}
    return ClassifyForm(data, subjects=subjects, initial=initial), suggestion


def _act(request, question, subjects):
    """Apply the POSTed action. Returns (success message, bound forms)."""
    action = request.POST.get("action")
    if action == "classer":
        form, _suggestion = _classify_form(question, subjects, request.POST)
        if not form.is_valid():
            return None, {"classify_form": form}
        question.classify(request.user, form.cleaned_data["theme"], form.cleaned_data["subject"])
        return _("Le classement est enregistré."), {}
    if action == "resolue":
        question.resolve(request.user)
        return _("La question est marquée comme résolue. Merci !"), {}
    if action == "clore":
        form = CloseForm(request.POST)
        if not form.is_valid():
            return None, {"close_form": form}
        question.close(request.user, form.cleaned_data["motif"])
        return _("La question est close."), {}
    raise InvalidTransition(_("Ce bouton n'est pas reconnu. Réessayez depuis la page."))


@team_required
def work(request, pk):
    question = _work_question(pk)
    subjects = _subjects()
    bound = {}
    if request.method == "POST":
        try:
            message, bound = _act(request, question, subjects)
        except InvalidTransition as exc:
            messages.error(request, str(exc))
            return redirect("questions:work", pk=question.pk)
        if message:
            messages.success(request, message)
            return redirect("questions:work", pk=question.pk)
    classify_form, suggestion = _classify_form(question, subjects)
    context = {
        "question": question,
        "classify_form": classify_form,
        "suggestion": suggestion,
        "close_form": CloseForm(),
        "pistes": pistes_with_links(question),
        **bound,
    }
    return TemplateResponse(
        request, "questions/team/work.html", context, status=400 if bound else 200
    )


# --- Pistes --------------------------------------------------------------------------------------


def _answered_message(question, sent):
    if sent and question.email:
        return _("La piste est enregistrée. La personne est prévenue par e-mail.")
    if sent:
        return _(
            "La piste est enregistrée. Les personnes qui suivent cette question sont prévenues."
        )
    return _(
        "La piste est enregistrée. La personne n'a pas laissé d'e-mail : elle la lira avec son "
        "lien de suivi."
    )


@team_required
def answer(request, pk):
    question = _work_question(pk)
    if not question.can_be_answered:
        messages.error(request, _("Cette question est close : on ne peut plus y ajouter de piste."))
        return redirect("questions:work", pk=question.pk)
    form = PisteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        piste = question.add_piste(request.user, **form.piste_data())
        sent = notifications.notify_answered(question, piste)
        messages.success(request, _answered_message(question, sent))
        return redirect("questions:work", pk=question.pk)
    return TemplateResponse(
        request,
        "questions/team/answer.html",
        {"question": question, "form": form, "piste": None},
        status=400 if form.is_bound else 200,
    )


@team_required
def edit_answer(request, pk, piste_pk):
    question = _work_question(pk)
    piste = get_object_or_404(
        Piste.objects.prefetch_related("links"), pk=piste_pk, question=question
    )
    form = PisteForm(request.POST if request.method == "POST" else None, piste=piste)
    if request.method == "POST" and form.is_valid():
        if piste.revise(request.user, **form.piste_data()):
            messages.success(request, _("La piste est modifiée."))
        else:
            messages.success(request, _("Rien n'a changé dans la piste."))
        return redirect("questions:work", pk=question.pk)
    return TemplateResponse(
        request,
        "questions/team/answer.html",
        {"question": question, "form": form, "piste": piste},
        status=400 if form.is_bound else 200,
    )
