"""Asking and following: the form anyone can fill without an account, the private follow-up page
reached through the link's token (also the printable receipt), « Mes questions » for people
signed in, and the entry of a question collected on paper or by phone by a group member.

Abuse is kept out by a honeypot field, a rate limit per address and per browser session, and the
form's submission key: sending the same form twice stores one question, and shows the same link.
Only the link token's hash is stored, as everywhere.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_ratelimit.core import is_ratelimited

from portail.accounts.roles import is_any_group_member, is_moderator
from portail.core.tasks import send_templated_email
from portail.core.tokens import derived_token, hash_token
from portail.questions.forms.public import AskForm, EnterForm
from portail.questions.models import InvalidTransition, Question
from portail.questions.views.public import pistes_with_links, rate
from portail.search.suggest import suggestions as search_suggestions

# A form sent twice leads to the same link for this long; after that, the form's key no longer
# opens anything (see _link_token).
RESEND_WINDOW = timedelta(hours=1)
MAX_TOKEN_LENGTH = 64


def session_key(group, request):
    """Rate-limit key of the browser: its session, created on its first post if needed."""
    if not request.session.session_key:
        request.session.save()
        request.session.modified = True
    return request.session.session_key


def _link_token(submission_key):
    """The follow-up token of the form with this key, computed with the site's secret: two
    sends of the same form — a double click on a slow phone, whose first answer the browser
    drops — lead to the same link without keeping the token anywhere."""
    return derived_token("portail.questions.suivi", submission_key)


def follow_url(token):
    return reverse("questions:follow", args=[token])


def _store(request, form, **extra):
    """Store the question once, send its link, and show the receipt (post/redirect/get)."""
    fields = form.question_fields()
    key = fields["submission_key"]
    with transaction.atomic():
        question, token = Question.submit(**fields, **extra)
        is_new = token is not None
        if key and is_new:
            token = _link_token(key)
            Question.objects.filter(pk=question.pk).update(follow_token_hash=hash_token(token))
        elif key and question.created_at > timezone.now() - RESEND_WINDOW:
            token = _link_token(key)
            if hash_token(token) != question.follow_token_hash:
                token = None  # the link was replaced since: the old form opens nothing
    if token is None:
        return TemplateResponse(request, "questions/deja_envoyee.html")
    if is_new and question.email:
        send_templated_email(
            "questions/email/suivi",
            {
                "question": question,
                "follow_url": settings.SITE_URL + follow_url(token),
                "site_name": settings.SITE_NAME,
            },
            to=question.email,
        )
    suffix = "?nouvelle=1&saisie=1" if extra.get("entered_by") else "?nouvelle=1"
    return redirect(follow_url(token) + suffix)


RATE_LIMITED = gettext_lazy(
    "Beaucoup de questions sont parties de cet appareil ou de cette adresse en peu de temps. "
    "Pour la sécurité de tous, attendez une dizaine de minutes, puis envoyez à nouveau : "
    "votre texte est gardé ci-dessous."
)


def _submission_limited(request):
    """Per address and per browser; only real submissions count, not « Chercher d'abord »."""
    limited = False
    for key, name in (("ip", "ask_ip"), (session_key, "ask_session")):
        limited |= is_ratelimited(
            request,
            group=f"questions.ask.{name}",
            key=key,
            rate=rate(name),
            method="POST",
            increment=True,
        )
    return limited


@sensitive_post_parameters("text", "email")
@never_cache
def ask(request):
    status = 200
    if request.method == "POST":
        if AskForm.is_robot(request.POST):
            # A robot filled the field people never see: it is told all went well, and nothing
            # is stored.
            return TemplateResponse(request, "questions/merci.html")
        if "chercher" in request.POST:
            # « Chercher d'abord » without JavaScript: the same form, text kept, nothing stored,
            # and what the portal already has for this text.
            form = AskForm(initial=request.POST.dict())
            suggestions = search_suggestions(request.POST.get("text", ""))
            return TemplateResponse(
                request, "questions/ask.html", {"form": form, "suggestions": suggestions}
            )
        form = AskForm(request.POST)
        if _submission_limited(request):
            form.is_valid()
            form.add_error(None, RATE_LIMITED)
            status = 429
        elif form.is_valid():
            author = request.user if request.user.is_authenticated else None
            return _store(request, form, author=author)
    else:
        initial = {"email": request.user.email} if request.user.is_authenticated else {}
        form = AskForm(initial=initial)
    return TemplateResponse(request, "questions/ask.html", {"form": form}, status=status)


@login_required
@sensitive_post_parameters("text", "email")
@never_cache
def enter_on_behalf(request):
    if not (is_moderator(request.user) or is_any_group_member(request.user)):
        raise PermissionDenied
    form = EnterForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        return _store(request, form, entered_by=request.user)
    return TemplateResponse(request, "questions/enter.html", {"form": form})


# --- Following a question ------------------------------------------------------------------------

STEPS = (
    (Question.Status.RECEIVED, gettext_lazy("Reçue")),
    (Question.Status.PUBLISHED, gettext_lazy("Relue et publiée")),
    (Question.Status.ANSWERED, gettext_lazy("Piste donnée")),
    (Question.Status.RESOLVED, gettext_lazy("Résolue")),
)
PRIVATE_STEP = gettext_lazy("Relue, réponse en privé")


def progress(question):
    """The steps of the follow-up page, each (label, done, current)."""
    reached = {
        Question.Status.RECEIVED: 0,
        Question.Status.PUBLISHED: 1,
        Question.Status.ANSWERED: 2,
        Question.Status.RESOLVED: 3,
        Question.Status.CLOSED: 2 if question.answered_at else 1,
    }.get(question.status, 0)
    # Before moderation, the step says what the person asked for; after, what was decided.
    private = (
        not question.consent_publication
        if question.status == Question.Status.RECEIVED
        else not question.is_public
    )
    steps = []
    for index, (status, label) in enumerate(STEPS):
        if status == Question.Status.PUBLISHED and private:
            label = PRIVATE_STEP
        steps.append((label, index <= reached, index == reached))
    return steps


def follow_context(request, question, **extra):
    """What the asker sees of their question: never the original text, never the e-mail.
    A question merged into another follows the original's status and pistes."""
    followed = question.followed_question or question
    context = {
        "question": question,
        "followed": followed,
        "is_duplicate": question.status == Question.Status.DUPLICATE,
        "is_rejected": question.status == Question.Status.REJECTED,
        "steps": progress(followed),
        "pistes": pistes_with_links(followed),
        "can_resolve": question.status == Question.Status.ANSWERED,
        "is_new": request.GET.get("nouvelle") == "1",
        "entered_for_someone": request.GET.get("saisie") == "1",
    }
    context.update(extra)
    return context


def _resolve(request, question):
    if request.POST.get("action") != "resolue":
        messages.error(request, _("Ce bouton n'est pas reconnu. Réessayez depuis la page."))
    elif question.status != Question.Status.ANSWERED:
        messages.error(
            request,
            _("Vous pourrez dire que c'est résolu quand le groupe vous aura donné une piste."),
        )
    else:
        try:
            question.resolve(by=None)
        except InvalidTransition as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request, _("Merci ! Nous avons noté que c'est résolu. Bonne continuation.")
            )
    return redirect(request.path)


def _with_noindex(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
def follow(request, token):
    question = Question.from_token(token) if len(token) <= MAX_TOKEN_LENGTH else None
    if question is None:
        raise Http404
    if request.method == "POST":
        return _resolve(request, question)
    context = follow_context(
        request,
        question,
        follow_link=settings.SITE_URL + follow_url(token),
        action=request.path,
    )
    return _with_noindex(TemplateResponse(request, "questions/follow.html", context))


@login_required
@never_cache
def mine(request):
    questions = (
        Question.objects.filter(author=request.user)
        .with_list_relations()
        .order_by("-created_at", "-id")
    )
    page = Paginator(questions, 20).get_page(request.GET.get("page"))
    return TemplateResponse(request, "questions/mine.html", {"page": page})


@login_required
@never_cache
def mine_detail(request, pk):
    question = get_object_or_404(Question.objects.filter(author=request.user), pk=pk)
    if request.method == "POST":
        return _resolve(request, question)
    context = follow_context(request, question, action=request.path, from_mine=True)
    return _with_noindex(TemplateResponse(request, "questions/follow.html", context))
