"""The printable kit of a deck as a PDF: the whole kit or one part (?partie=), with the board
« avec nos cartes » or classic (?plateau=). Rate-limited like every PDF."""

from django.http import Http404, HttpResponse
from django.views.decorators.cache import never_cache
from django_ratelimit.decorators import ratelimit

from portail.cards.kit import PART_KEYS, VARIANTS, render_kit
from portail.cards.views.common import visible_deck
from portail.core.pdf import pdf_rate


@never_cache
@ratelimit(key="ip", rate=pdf_rate, block=True)
def deck_kit(request, slug):
    deck = visible_deck(request, slug)
    part = request.GET.get("partie", "tout")
    variant = request.GET.get("plateau", "cartes")
    if part not in PART_KEYS or variant not in VARIANTS:
        raise Http404("Partie du kit ou plateau inconnu.")
    pdf = render_kit(deck, part, variant, request=request)
    response = HttpResponse(pdf, content_type="application/pdf")
    suffix = "" if part == "tout" else f"-{part}"
    response["Content-Disposition"] = f'attachment; filename="kit-{deck.slug}{suffix}.pdf"'
    return response
