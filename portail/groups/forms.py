"""Forms of the groups room. Every message is plain French and a refused form keeps what the
person typed (a file, which a browser cannot keep, is asked for again with the reason)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portail.groups import uploads
from portail.groups.models import Group, GroupLink, Visibility
from portail.places.models import Quartier, Theme
from portail.privacy.masking import KIND_LABELS, detect
from portail.questions.forms.public import CleanTextarea
from portail.questions.forms.team import TeamTextField

NAME_MAX_LENGTH = 120
PRESENTATION_MAX_LENGTH = 5000
HOW_TO_JOIN_MAX_LENGTH = 2000
MESSAGE_MAX_LENGTH = 1000
POST_MAX_LENGTH = 2000
TITLE_MAX_LENGTH = 160


class _CheckboxFields:
    """Checkbox lists that say clearly when a choice no longer exists."""

    @staticmethod
    def multiple(queryset, label, help_text="", **kwargs):
        return forms.ModelMultipleChoiceField(
            queryset=queryset,
            label=label,
            help_text=help_text,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            error_messages={
                "invalid_choice": _("Un des choix n'existe plus : cochez à nouveau."),
                "invalid_pk_value": _("Un des choix n'existe plus : cochez à nouveau."),
            },
            **kwargs,
        )


class GroupForm(forms.ModelForm):
    name = forms.CharField(
        label=_("Nom du groupe"),
        max_length=NAME_MAX_LENGTH,
        help_text=_("Par exemple : Groupe Logement de Montreynaud."),
        error_messages={
            "required": _("Donnez un nom au groupe."),
            "max_length": _("Ce nom est trop long : %(limit_value)d caractères au plus."),
        },
    )
    presentation = TeamTextField(
        label=_("Présentation"),
        help_text=_("Qui vous êtes, ce que vous faites ensemble, en quelques phrases simples."),
        max_length=PRESENTATION_MAX_LENGTH,
        required_message=_("Présentez le groupe en quelques phrases : la case est vide."),
    )
    how_to_join = TeamTextField(
        label=_("Comment nous rejoindre"),
        help_text=_("Où et quand le groupe se retrouve, à qui s'adresser. Facultatif."),
        max_length=HOW_TO_JOIN_MAX_LENGTH,
        required_message="",
        required=False,
        widget=CleanTextarea(attrs={"rows": 4}),
    )
    themes = _CheckboxFields.multiple(
        Theme.objects.order_by("order", "name"), _("Les thèmes du groupe")
    )
    quartiers = _CheckboxFields.multiple(
        Quartier.objects.with_commune(), _("Les quartiers où le groupe agit")
    )
    is_public = forms.BooleanField(
        label=_("Tout le monde peut voir la présentation du groupe"),
        help_text=_(
            "Si vous décochez, seuls les membres du groupe verront sa page. Les messages et "
            "documents réservés aux membres restent toujours entre membres."
        ),
        required=False,
    )

    class Meta:
        model = Group
        fields = ["name", "presentation", "how_to_join", "themes", "quartiers", "is_public"]

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        taken = Group.objects.filter(name__iexact=name)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("Un groupe porte déjà ce nom : choisissez-en un autre."))
        return name


class JoinRequestForm(forms.Form):
    message = TeamTextField(
        label=_("Un mot pour le groupe (facultatif)"),
        help_text=_(
            "Par exemple : pourquoi vous voulez venir. Seuls les animateurs du groupe liront "
            "ce message."
        ),
        max_length=MESSAGE_MAX_LENGTH,
        required_message="",
        required=False,
        widget=CleanTextarea(attrs={"rows": 4}),
    )


class DecisionForm(forms.Form):
    ACCEPT = "accepter"
    DECLINE = "refuser"

    decision = forms.ChoiceField(
        choices=[(ACCEPT, _("Accepter")), (DECLINE, _("Refuser"))],
        error_messages={
            "required": _("Choisissez : accepter ou refuser."),
            "invalid_choice": _("Choisissez : accepter ou refuser."),
        },
    )
    response = TeamTextField(
        label=_("Un mot pour la personne (facultatif)"),
        help_text=_("Il sera envoyé par e-mail avec votre réponse."),
        max_length=MESSAGE_MAX_LENGTH,
        required_message="",
        required=False,
        widget=CleanTextarea(attrs={"rows": 3}),
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(
        choices=[("animateur", _("animateur")), ("membre", _("membre"))],
        error_messages={"invalid_choice": _("Ce rôle n'existe pas.")},
    )


def _visibility_field(initial):
    return forms.ChoiceField(
        label=_("Qui peut le voir ?"),
        choices=Visibility.choices,
        initial=initial,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choisissez qui peut le voir."),
            "invalid_choice": _("Choisissez qui peut le voir."),
        },
    )


class PostForm(forms.Form):
    text = TeamTextField(
        label=_("Votre message"),
        help_text=_(
            "Ce que le groupe a fait, prépare ou a appris. Pas de nom de famille, d'adresse ni "
            "de numéro de téléphone dans un message que tout le monde peut lire."
        ),
        max_length=POST_MAX_LENGTH,
        required_message=_("Écrivez votre message : la case est vide."),
        widget=CleanTextarea(attrs={"rows": 6}),
    )
    image = forms.FileField(
        label=_("Une photo (facultatif)"),
        help_text=_(
            "Photo JPEG, PNG ou WebP, 5 Mo au plus. Nous la réduisons et nous enlevons les "
            "informations cachées (lieu, date, appareil). Attention aux visages : demandez "
            "toujours l'accord des personnes."
        ),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        error_messages={"empty": _("Ce fichier est vide.")},
    )
    image_alt = forms.CharField(
        label=_("Ce que montre la photo (facultatif)"),
        help_text=_("Quelques mots lus aux personnes qui ne voient pas l'image."),
        max_length=200,
        required=False,
        error_messages={"max_length": _("Ce texte est trop long : 200 caractères au plus.")},
    )
    visibility = _visibility_field(Visibility.MEMBERS)

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if not upload:
            return None
        return uploads.clean_post_image(upload)

    def clean(self):
        cleaned = super().clean()
        refuse_personal_data_in_public(self, cleaned, ["text"], _("Ce message"))
        return cleaned


def refuse_personal_data_in_public(form, cleaned, names, what):
    """What everyone will read must not name or locate anyone: a public text in which the
    engine finds personal data is refused, with the way out (remove it, or members only)."""
    if cleaned.get("visibility") != Visibility.PUBLIC:
        return
    for name in names:
        text = cleaned.get(name)
        kinds = sorted({span.kind for span in detect(text)}) if text else []
        if not kinds:
            continue
        labels = ", ".join(str(KIND_LABELS[kind]) for kind in kinds)
        form.add_error(
            name,
            ngettext(
                "%(what)s contient peut-être une information personnelle (%(kinds)s). "
                "Enlevez-la, ou réservez-le aux membres du groupe.",
                "%(what)s contient peut-être des informations personnelles (%(kinds)s). "
                "Enlevez-les, ou réservez-le aux membres du groupe.",
                len(kinds),
            )
            % {"what": what, "kinds": labels},
        )


class DocumentForm(forms.Form):
    title = forms.CharField(
        label=_("Titre du document"),
        max_length=TITLE_MAX_LENGTH,
        error_messages={
            "required": _("Donnez un titre au document."),
            "max_length": _("Ce titre est trop long : %(limit_value)d caractères au plus."),
        },
    )
    description = TeamTextField(
        label=_("En quelques mots (facultatif)"),
        max_length=MESSAGE_MAX_LENGTH,
        required_message="",
        required=False,
        widget=CleanTextarea(attrs={"rows": 3}),
    )
    file = forms.FileField(
        label=_("Le fichier"),
        help_text=_("PDF, texte ODT (LibreOffice), photo JPEG ou PNG ; 10 Mo au plus."),
        widget=forms.FileInput(
            attrs={
                "accept": ".pdf,.odt,.jpg,.jpeg,.png,application/pdf,"
                "application/vnd.oasis.opendocument.text,image/jpeg,image/png"
            }
        ),
        error_messages={
            "required": _("Choisissez le fichier à envoyer."),
            "empty": _("Ce fichier est vide."),
            "invalid": _("Ce fichier n'a pas pu être reçu : réessayez."),
        },
    )
    visibility = _visibility_field(Visibility.MEMBERS)

    def clean_file(self):
        return uploads.clean_document(self.cleaned_data["file"])

    def clean(self):
        cleaned = super().clean()
        refuse_personal_data_in_public(
            self, cleaned, ["title", "description"], _("Ce que vous avez écrit")
        )
        return cleaned


class PartnershipForm(forms.Form):
    other = forms.ModelChoiceField(
        label=_("Le groupe partenaire"),
        queryset=Group.objects.none(),
        empty_label=_("Choisissez un groupe"),
        error_messages={
            "required": _("Choisissez le groupe avec qui faire le lien."),
            "invalid_choice": _("Ce groupe ne peut pas être choisi : prenez-en un dans la liste."),
        },
    )
    message = TeamTextField(
        label=_("Un mot pour ses animateurs (facultatif)"),
        max_length=MESSAGE_MAX_LENGTH,
        required_message="",
        required=False,
        widget=CleanTextarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        linked = GroupLink.objects.involving(group).exclude(status=GroupLink.Status.DECLINED)
        busy = {link.from_group_id for link in linked} | {link.to_group_id for link in linked}
        self.fields["other"].queryset = Group.objects.public().exclude(pk__in=busy | {group.pk})
