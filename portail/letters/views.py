"""Model letters: the list, the form, the preview, the PDF and text downloads, and the letters a
signed-in person kept in their space.

What a person types travels in the form posts only (hidden fields from the preview back to the
downloads and the « Modifier » button): it is never written to the database or the session,
unless a signed-in person clicks « Enregistrer dans mon espace ». Those pages are never cached."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from portail.core.page_cache import public_page
from portail.core.pdf import pdf_rate, render_pdf
from portail.letters.forms import LetterForm
from portail.letters.models import Letter, SavedLetter


@public_page
def letter_list(request):
    letters = Letter.objects.with_subjects()
    return TemplateResponse(request, "letters/index.html", {"letters": letters})


# What people type (names, addresses, their situation) never goes into error reports.
@sensitive_post_parameters()
@never_cache
def letter_fill(request, slug):
    """GET: the empty form. POST: back from the preview (« Modifier »), or checked → preview."""
    letter = get_object_or_404(Letter, slug=slug)
    if request.method != "POST":
        return _form_page(request, LetterForm(letter))
    form = LetterForm(letter, data=request.POST)
    if "modifier" in request.POST or not form.is_valid():
        return _form_page(request, form)
    return _preview_page(request, letter, form.cleaned_data, form.typed_values())


@sensitive_post_parameters()
@never_cache
@ratelimit(key="ip", rate=pdf_rate, method="POST", block=True)
def letter_pdf(request, slug):
    letter = get_object_or_404(Letter, slug=slug)
    form = _posted_form(request, letter)
    if form is None:
        return redirect(letter)
    if not form.is_valid():
        return _form_page(request, form, status=400)
    pdf = render_pdf(
        "letters/pdf.html", {"lettre": letter.compose(form.cleaned_data)}, request=request
    )
    return _download(pdf, "application/pdf", f"lettre-{letter.slug}.pdf")


@sensitive_post_parameters()
@never_cache
def letter_text(request, slug):
    letter = get_object_or_404(Letter, slug=slug)
    form = _posted_form(request, letter)
    if form is None:
        return redirect(letter)
    if not form.is_valid():
        return _form_page(request, form, status=400)
    text = letter.compose(form.cleaned_data).as_text()
    return _download(text, "text/plain; charset=utf-8", f"lettre-{letter.slug}.txt")


@sensitive_post_parameters()
@require_POST
@login_required
def letter_save(request, slug):
    letter = get_object_or_404(Letter, slug=slug)
    form = LetterForm(letter, data=request.POST)
    if not form.is_valid():
        return _form_page(request, form, status=400)
    SavedLetter.objects.create(user=request.user, letter=letter, values=form.typed_values())
    messages.success(request, _("Votre lettre est enregistrée dans votre espace."))
    return redirect("letters:saved")


@never_cache
@login_required
def saved_list(request):
    saved = SavedLetter.objects.of(request.user)
    return TemplateResponse(request, "letters/mes_lettres.html", {"saved_letters": saved})


@never_cache
@login_required
def saved_detail(request, pk):
    saved = get_object_or_404(SavedLetter.objects.of(request.user), pk=pk)
    form = LetterForm(saved.letter, data=saved.values)
    if not form.is_valid():
        # The model changed since it was saved (a new required field…): finish it in the form.
        return _form_page(request, form)
    return _preview_page(request, saved.letter, form.cleaned_data, form.typed_values(), saved)


@never_cache
@login_required
def saved_delete(request, pk):
    saved = get_object_or_404(SavedLetter.objects.of(request.user), pk=pk)
    if request.method == "POST":
        saved.delete()
        messages.success(request, _("La lettre est supprimée."))
        return redirect("letters:saved")
    return TemplateResponse(request, "letters/supprimer.html", {"saved": saved})


def _posted_form(request, letter):
    """The form of the preview's hidden fields; None for a GET (a bookmarked download link)."""
    if request.method != "POST":
        return None
    return LetterForm(letter, data=request.POST)


def _form_page(request, form, status=200):
    return TemplateResponse(
        request, "letters/fill.html", {"letter": form.letter, "form": form}, status=status
    )


def _preview_page(request, letter, cleaned_data, typed_values, saved=None):
    return TemplateResponse(
        request,
        "letters/preview.html",
        {
            "letter": letter,
            "lettre": letter.compose(cleaned_data),
            "typed_values": typed_values,
            "saved": saved,
        },
    )


def _download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
