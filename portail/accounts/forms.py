"""Account forms. Every message is plain French; a refused form keeps what the person typed
(except passwords, which are never sent back to the browser)."""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

from portail.accounts import emails
from portail.accounts.models import User
from portail.places.models import Quartier

NO_QUARTIER = _("Je préfère ne pas le dire")


def _email_field(**kwargs):
    return forms.EmailField(
        label=_("Adresse e-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Écrivez votre adresse e-mail."),
            "invalid": _(
                "Cette adresse e-mail n'est pas complète. Elle ressemble à "
                "nom@exemple.fr : vérifiez l'arobase (@) et le point."
            ),
        },
        **kwargs,
    )


def _quartier_field():
    return forms.ModelChoiceField(
        label=_("Votre quartier (facultatif)"),
        queryset=Quartier.objects.with_commune(),
        required=False,
        empty_label=NO_QUARTIER,
        help_text=_(
            "Il sert à vous montrer les groupes et les pistes près de chez vous. "
            "Il n'est jamais affiché à côté de vos messages."
        ),
    )


def _display_name_field():
    return forms.CharField(
        label=_("Pseudonyme (facultatif)"),
        max_length=60,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
        help_text=_(
            "Le nom que les autres verront. Pas besoin de votre vrai nom : "
            "un prénom ou un surnom suffit."
        ),
    )


PASSWORD_HELP = _(
    "Au moins 10 caractères. Évitez les mots de passe trop simples (123456, motdepasse…) et "
    "votre adresse e-mail. Une petite phrase facile à retenir marche très bien."
)
PASSWORD_MISMATCH = _("Les deux mots de passe ne sont pas les mêmes. Écrivez-les à nouveau.")


class NewPasswordMixin(auth_forms.SetPasswordMixin):
    error_messages = {"password_mismatch": PASSWORD_MISMATCH}

    @staticmethod
    def new_password_fields():
        password1, password2 = auth_forms.SetPasswordMixin.create_password_fields(
            label1=_("Mot de passe"), label2=_("Le même mot de passe, une deuxième fois")
        )
        password1.help_text = PASSWORD_HELP
        password2.help_text = _("Pour être sûr qu'il n'y a pas de faute de frappe.")
        for field in (password1, password2):
            field.error_messages["required"] = _("Écrivez un mot de passe.")
        return password1, password2


class LoginForm(auth_forms.AuthenticationForm):
    """Sign in with an e-mail address. The field keeps the name `username` because django-axes
    reads the attempted account from it."""

    username = auth_forms.UsernameField(
        label=_("Adresse e-mail"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"required": _("Écrivez votre adresse e-mail.")},
    )
    password = forms.CharField(
        label=_("Mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Écrivez votre mot de passe.")},
    )

    error_messages = {
        "invalid_login": _(
            "L'adresse e-mail ou le mot de passe n'est pas le bon. Vérifiez les deux "
            "(majuscules, espaces), puis réessayez."
        ),
        "unconfirmed": _(
            "Votre compte n'est pas encore activé : cliquez d'abord sur le lien de l'e-mail "
            "de confirmation que nous vous avons envoyé."
        ),
        "inactive": _(
            "Ce compte a été désactivé. Pour en savoir plus, écrivez-nous depuis la page Contact."
        ),
    }

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()

    @property
    def awaits_confirmation(self):
        return self.has_error(NON_FIELD_ERRORS, "unconfirmed")

    def clean(self):
        try:
            return super().clean()
        except ValidationError as error:
            if error.code == "invalid_login":
                self._explain_inactive_account()
            raise

    def _explain_inactive_account(self):
        """Django's backend refuses inactive accounts as if the password were wrong. Someone who
        gives the right password of an account that is waiting for confirmation (or closed)
        deserves to know why; anyone else learns nothing about the address."""
        email = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        user = User.objects.filter(email__iexact=email, is_active=False).first()
        if user is None or not user.check_password(password):
            return
        code = "unconfirmed" if user.email_confirmed_at is None else "inactive"
        raise ValidationError(self.error_messages[code], code=code)


class SignupForm(NewPasswordMixin, forms.Form):
    """Deliberately not a ModelForm: a ModelForm would say « this address already has an
    account », which tells a stranger who is registered here."""

    email = _email_field(
        help_text=_(
            "Nous l'utilisons pour vous envoyer le lien d'activation et les réponses à vos "
            "questions. Elle n'est jamais montrée aux autres."
        )
    )
    display_name = _display_name_field()
    quartier = _quartier_field()
    password1, password2 = NewPasswordMixin.new_password_fields()
    accept_privacy = forms.BooleanField(
        label=_("J'ai lu comment le portail protège mes données, et je suis d'accord."),
        error_messages={
            "required": _(
                "Pour créer un compte, cochez la case après avoir lu la page sur vos données."
            )
        },
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        self.validate_passwords()
        return super().clean()

    def _post_clean(self):
        super()._post_clean()
        # Compare the password with what the person gave, as Django's sign-up form does.
        candidate = User(
            email=self.cleaned_data.get("email", ""),
            display_name=self.cleaned_data.get("display_name", ""),
        )
        self.validate_password_for_user(candidate)

    def apply_to(self, user):
        """Copy the answers onto a new or still-unconfirmed account (not saved)."""
        user.email = self.cleaned_data["email"]
        user.display_name = self.cleaned_data["display_name"]
        user.quartier = self.cleaned_data["quartier"]
        user.is_active = False
        user.set_password(self.cleaned_data["password1"])
        return user


class ResendConfirmationForm(forms.Form):
    email = _email_field()

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class PasswordResetForm(auth_forms.PasswordResetForm):
    email = _email_field()

    def get_users(self, email):
        """Also accounts still waiting for confirmation: reaching the link proves the address,
        so choosing a new password activates them (see SetPasswordForm.save). Accounts closed
        by the team stay closed."""
        users = User.objects.filter(email__iexact=email).exclude(
            is_active=False, email_confirmed_at__isnull=False
        )
        return (user for user in users if user.has_usable_password())

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        emails.send_password_reset(context["user"], context["uid"], context["token"])


class SetPasswordForm(NewPasswordMixin, forms.Form):
    """Choose a new password from the e-mailed link."""

    new_password1, new_password2 = NewPasswordMixin.new_password_fields()

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean(self):
        self.validate_passwords("new_password1", "new_password2")
        self.validate_password_for_user(self.user, "new_password2")
        return super().clean()

    def save(self, commit=True):
        user = self.set_password_and_save(self.user, "new_password1", commit=commit)
        if commit and user.email_confirmed_at is None:
            user.confirm_email()
        return user


class PasswordChangeForm(SetPasswordForm):
    old_password = forms.CharField(
        label=_("Votre mot de passe actuel"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Écrivez votre mot de passe actuel.")},
    )

    field_order = ["old_password", "new_password1", "new_password2"]

    def clean_old_password(self):
        old_password = self.cleaned_data["old_password"]
        if not self.user.check_password(old_password):
            raise ValidationError(
                _("Ce n'est pas votre mot de passe actuel. Vérifiez-le, puis réessayez."),
                code="password_incorrect",
            )
        return old_password


class ProfileForm(forms.ModelForm):
    display_name = _display_name_field()
    quartier = _quartier_field()

    class Meta:
        model = User
        fields = ["display_name", "quartier"]


class DeleteAccountForm(forms.Form):
    """The password, to be sure it is the person and not someone at an unlocked computer."""

    password = forms.CharField(
        label=_("Votre mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Le mot de passe que vous utilisez pour vous connecter."),
        error_messages={"required": _("Écrivez votre mot de passe pour confirmer.")},
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(
                _(
                    "Ce n'est pas le bon mot de passe : votre compte n'a pas été supprimé. "
                    "Vérifiez les majuscules et les espaces, puis réessayez."
                ),
                code="wrong_password",
            )
        return password
