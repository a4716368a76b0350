"""A person's savoir-faire portfolio: their own page (with what they agree to show), and the
public page they may choose to open (404 while it is closed)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portail.core.page_cache import public_page
from portail.experiences.forms import AttestationRequestForm, PortfolioSettingsForm
from portail.experiences.models import PortfolioSettings
from portail.experiences.portfolio import actions_of, public_actions, skills_from
from portail.groups.models import Group


def portfolio_page(request, *, settings_form=None, request_form=None, status=200):
    user = request.user
    actions = actions_of(user)
    portfolio_settings = PortfolioSettings.of(user)
    context = {
        "actions": actions,
        "skills": skills_from(actions),
        "portfolio_settings": portfolio_settings,
        "settings_form": settings_form or PortfolioSettingsForm(instance=portfolio_settings),
        "attestations": user.attestations.select_related("group"),
        "has_groups": Group.objects.of_user(user).exists(),
        "request_form": request_form
        or AttestationRequestForm(user=user, initial={"holder_name": user.display_name}),
    }
    return TemplateResponse(request, "experiences/portfolio/mine.html", context, status=status)


@login_required
@never_cache
def my_portfolio(request):
    return portfolio_page(request)


@login_required
@never_cache
@require_POST
def portfolio_settings(request):
    instance = PortfolioSettings.of(request.user)
    form = PortfolioSettingsForm(request.POST, instance=instance)
    if not form.is_valid():
        return portfolio_page(request, settings_form=form, status=400)
    saved = form.save()
    if saved.portfolio_public:
        messages.success(
            request,
            _("C'est enregistré. Votre portfolio est visible de tous à l'adresse indiquée."),
        )
    else:
        messages.success(request, _("C'est enregistré. Votre portfolio n'est visible que de vous."))
    return redirect("experiences:my_portfolio")


@public_page
def public_portfolio(request, key):
    portfolio_settings = get_object_or_404(
        PortfolioSettings.objects.select_related("user"),
        public_key=key,
        portfolio_public=True,
        user__is_active=True,
    )
    person = portfolio_settings.user
    actions = public_actions(person, actions_of(person))
    return TemplateResponse(
        request,
        "experiences/portfolio/public.html",
        {"person": person, "actions": actions, "skills": skills_from(actions)},
    )
