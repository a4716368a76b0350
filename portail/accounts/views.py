"""Accounts: sign-up with e-mail confirmation, login, logout, password reset and change,
profile, « Mon espace », the landing page of every role, and the person's rights over their data:
« Mes données » (a file of everything we keep) and « Supprimer mon compte ».

Sign-up, confirmation resend and password reset always answer the same way whether or not the
address has an account, so these pages cannot be used to learn who is registered here.
"""

from axes.utils import reset as reset_lockout
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_safe
from django_ratelimit.decorators import ratelimit

from portail.accounts import emails, erasure, export
from portail.accounts.forms import (
    DeleteAccountForm,
    LoginForm,
    PasswordChangeForm,
    PasswordResetForm,
    ProfileForm,
    ResendConfirmationForm,
    SetPasswordForm,
    SignupForm,
)
from portail.accounts.models import User
from portail.accounts.roles import Role, roles_of
from portail.accounts.tokens import ExpiredToken, InvalidToken, user_from_confirmation_token
from portail.groups.models import Group

# Django's own backend: the confirmation link and the password-reset link sign people in
# without a password, so there is no attempt for django-axes to watch.
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
SIGNUP_EMAIL_SESSION_KEY = "inscription_adresse"


def _rate(name):
    """Read the rate at request time, so a changed setting (or a test) takes effect at once."""

    def rate(group, request):
        return settings.RATE_LIMITS[name]

    return rate


# --- Login and logout ---------------------------------------------------------------------------

_login_view = auth_views.LoginView.as_view(
    form_class=LoginForm,
    template_name="accounts/login.html",
    redirect_authenticated_user=True,
)


@ratelimit(key="ip", rate=_rate("login"), method="POST", block=True)
def login(request):
    return _login_view(request)


@never_cache
def logout(request):
    """GET shows a confirmation button: a link or a prefetching browser must not sign anyone
    out."""
    if request.method == "POST":
        auth_logout(request)
        messages.success(request, _("Vous êtes déconnecté. À bientôt !"))
        return redirect(settings.LOGOUT_REDIRECT_URL)
    if not request.user.is_authenticated:
        return redirect(settings.LOGOUT_REDIRECT_URL)
    return TemplateResponse(request, "accounts/logout.html")


# --- Sign-up and confirmation --------------------------------------------------------------------


@ratelimit(key="ip", rate=_rate("signup"), method="POST", block=True)
@sensitive_post_parameters("password1", "password2")
@never_cache
def signup(request):
    if request.user.is_authenticated:
        return redirect("accounts:espace")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _register(form)
        request.session[SIGNUP_EMAIL_SESSION_KEY] = form.cleaned_data["email"]
        return redirect("accounts:signup_done")
    return TemplateResponse(request, "accounts/signup.html", {"form": form})


def _register(form):
    """Create the inactive account and send its confirmation link. An address that is already
    registered gets a warning e-mail instead; one still waiting for confirmation takes the new
    answers and a new link (earlier links stop working, see tokens.py)."""
    email = form.cleaned_data["email"]
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None and not existing.awaits_confirmation:
        # Hash anyway, so the answer takes as long as for a new account.
        make_password(form.cleaned_data["password1"])
        emails.send_signup_attempt(existing)
        return
    user = form.apply_to(existing or User())
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:
        # The same address was registered a moment ago by another request.
        emails.send_signup_attempt(User.objects.get(email__iexact=email))
        return
    emails.send_confirmation(user)


def signup_done(request):
    context = {
        "email": request.session.get(SIGNUP_EMAIL_SESSION_KEY, ""),
        "max_age_days": settings.ACCOUNT_CONFIRMATION_MAX_AGE // (60 * 60 * 24),
    }
    return TemplateResponse(request, "accounts/signup_done.html", context)


@never_cache
def confirm(request, token):
    try:
        user = user_from_confirmation_token(token)
    except ExpiredToken:
        return _invalid_confirmation(request, expired=True)
    except InvalidToken:
        return _invalid_confirmation(request, expired=False)
    if not user.awaits_confirmation:
        # A second click, or a mail scanner got there first: the link is no way to sign in.
        messages.info(
            request, _("Votre adresse est déjà confirmée. Il vous reste à vous connecter.")
        )
        return redirect("accounts:login")
    user.confirm_email()
    auth_login(request, user, backend=MODEL_BACKEND)
    request.session.pop(SIGNUP_EMAIL_SESSION_KEY, None)
    messages.success(request, _("Bienvenue ! Votre compte est activé et vous êtes connecté."))
    return redirect("accounts:espace")


def _invalid_confirmation(request, expired):
    return TemplateResponse(
        request,
        "accounts/confirm_invalid.html",
        {"expired": expired, "form": ResendConfirmationForm()},
        status=400,
    )


@ratelimit(key="ip", rate=_rate("signup"), method="POST", block=True)
def resend_confirmation(request):
    if request.method == "POST":
        form = ResendConfirmationForm(request.POST)
        if form.is_valid():
            user = User.objects.filter(email__iexact=form.cleaned_data["email"]).first()
            if user is not None and user.awaits_confirmation:
                emails.send_confirmation(user)
            return TemplateResponse(
                request, "accounts/resend_done.html", {"email": form.cleaned_data["email"]}
            )
    else:
        form = ResendConfirmationForm(initial={"email": request.GET.get("email", "")})
    return TemplateResponse(request, "accounts/resend_confirmation.html", {"form": form})


# --- Password reset and change -------------------------------------------------------------------

_password_reset_view = auth_views.PasswordResetView.as_view(
    form_class=PasswordResetForm,
    template_name="accounts/password_reset_form.html",
    success_url=reverse_lazy("accounts:password_reset_done"),
)


@ratelimit(key="ip", rate=_rate("password_reset"), method="POST", block=True)
def password_reset(request):
    return _password_reset_view(request)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = SetPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")
    post_reset_login = True
    post_reset_login_backend = MODEL_BACKEND

    def form_valid(self, form):
        # Whoever holds the link owns the address: lift a lockout earned by forgetting.
        reset_lockout(username=self.user.email)
        return super().form_valid(form)


@never_cache
@login_required
@sensitive_post_parameters()
def password_change(request):
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        update_session_auth_hash(request, form.user)
        messages.success(request, _("Votre nouveau mot de passe est enregistré."))
        return redirect("accounts:profile")
    return TemplateResponse(request, "accounts/password_change.html", {"form": form})


# --- Profile and Mon espace ----------------------------------------------------------------------


@never_cache
@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Votre profil est enregistré."))
        return redirect("accounts:profile")
    return TemplateResponse(request, "accounts/profile.html", {"form": form})


@never_cache
@login_required
def espace(request):
    user = request.user
    roles = roles_of(user)
    context = {"roles": roles}
    if Role.GROUP_MEMBER in roles:
        context["groups"] = Group.objects.of_user(user)
    if Role.FACILITATOR in roles:
        context["facilitated_groups"] = Group.objects.facilitated_by(user)
    return TemplateResponse(request, "accounts/espace.html", context)


# --- Mes données: export and erasure -------------------------------------------------------------


@never_cache
@login_required
def my_data(request):
    context = {"sections": export.sections(request.user)}
    return TemplateResponse(request, "accounts/mes_donnees.html", context)


@require_safe
@never_cache
@login_required
def my_data_file(request):
    """A plain GET link: it only reads, works without JavaScript and with « enregistrer le lien
    sous ». Another site cannot read the answer: the session cookie is SameSite=Lax (not sent
    with another site's requests), and JSON served with nosniff never runs as a script."""
    response = HttpResponse(
        export.personal_data_json(request.user), content_type="application/json; charset=utf-8"
    )
    filename = f"mes-donnees-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


@sensitive_post_parameters("password")
@never_cache
@login_required
@ratelimit(key="user", rate=_rate("login"), method="POST", block=True)
def delete_account(request):
    user = request.user
    if user.is_staff or user.is_superuser:
        # The team's accounts are removed by another member of the team, in the administration.
        status = 403 if request.method == "POST" else 200
        return TemplateResponse(request, "accounts/supprimer.html", {"staff": True}, status=status)
    form = DeleteAccountForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        erasure.delete_account(user, reason=erasure.AT_REQUEST)
        auth_logout(request)
        messages.success(
            request,
            _(
                "Votre compte est supprimé. Un e-mail vous le confirme. "
                "Merci d'avoir utilisé le portail."
            ),
        )
        return redirect("core:home")
    context = {"form": form, "summary": erasure.summary(user)}
    return TemplateResponse(request, "accounts/supprimer.html", context)
