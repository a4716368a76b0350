"""Forms of the records editor, the portfolio settings and the attestations. Every message is
plain French and a refused form keeps what the person typed."""

import re

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portail.experiences.models import (
    SKILL_NAME_MAX_LENGTH,
    Attestation,
    ExperienceRecord,
    PortfolioSettings,
    RecordSection,
    Skill,
    clean_skill_name,
    skill_key,
)
from portail.groups.models import Group
from portail.questions.forms.public import CleanTextarea, clean_text
from portail.questions.forms.team import TeamTextField

TITLE_MAX_LENGTH = 160
SUMMARY_MAX_LENGTH = 1000
TEXT_MAX_LENGTH = 6000
ANIMATION_MAX_LENGTH = 3000
NAMES_MAX = 12
NAME_MAX_LENGTH = 60
NEW_SKILLS_MAX = 6
NOTE_MAX_LENGTH = 1000
MIN_LETTERS = 3

User = get_user_model()


def _title_field(label, help_text=""):
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=TITLE_MAX_LENGTH,
        error_messages={
            "required": _("Donnez un titre : la case est vide."),
            "max_length": _(
                "Ce titre est trop long : %(show_value)d caractères, pour une limite de "
                "%(limit_value)d."
            ),
        },
    )


class RecordForm(forms.ModelForm):
    """A new record (with its group) or its title and summary."""

    title = _title_field(
        _("Titre du récit"), _("Par exemple : « Le Groupe Logement raconte son histoire »")
    )
    summary = TeamTextField(
        label=_("En quelques mots (facultatif)"),
        help_text=_("Une ou deux phrases qui disent de quoi parle le récit."),
        max_length=SUMMARY_MAX_LENGTH,
        required=False,
        required_message="",
        widget=CleanTextarea(attrs={"rows": 3}),
    )

    class Meta:
        model = ExperienceRecord
        fields = ["group", "title", "summary"]

    def __init__(self, *args, groups=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["group"]
        else:
            field = self.fields["group"]
            field.queryset = groups if groups is not None else Group.objects.none()
            field.label = _("Le groupe qui raconte")
            field.empty_label = None
            field.error_messages = {
                "required": _("Choisissez le groupe qui raconte son expérience."),
                "invalid_choice": _(
                    "Vous ne pouvez écrire un récit que pour un groupe que vous animez."
                ),
            }

    def clean_title(self):
        return clean_text(self.cleaned_data["title"])


class PresenterChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user):
        # The facilitator knows the members by their pseudonym; never show an e-mail address.
        return user.display_name or _("Membre sans pseudonyme (n° %(pk)s)") % {"pk": user.pk}


def split_names(value, separators=r"[,;\n]"):
    return [name for name in (" ".join(n.split()) for n in re.split(separators, value)) if name]


class SectionForm(forms.ModelForm):
    kind = forms.ChoiceField(
        label=_("Quelle partie du récit ?"),
        choices=RecordSection.Kind.choices,
        error_messages={"invalid_choice": _("Choisissez une partie dans la liste.")},
    )
    title = forms.CharField(
        label=_("Titre de la partie (facultatif)"),
        help_text=_("Obligatoire pour une partie « autre ». Sinon, le nom de la partie suffit."),
        max_length=TITLE_MAX_LENGTH,
        required=False,
        error_messages={
            "max_length": _(
                "Ce titre est trop long : %(show_value)d caractères, pour une limite de "
                "%(limit_value)d."
            )
        },
    )
    text = TeamTextField(
        label=_("Ce que nous voulons dire"),
        help_text=_(
            "Avec vos mots. Une ligne vide sépare deux paragraphes ; « - » en début de ligne "
            "fait une liste ; **deux étoiles** autour d'un mot le mettent en gras."
        ),
        max_length=TEXT_MAX_LENGTH,
        required_message=_("Écrivez ce que vous voulez dire dans cette partie : la case est vide."),
        widget=CleanTextarea(attrs={"rows": 10}),
    )
    animation = TeamTextField(
        label=_("Comment cette partie a été présentée ou animée (facultatif)"),
        help_text=_("Un jeu, un témoignage, une affiche, un tour de parole…"),
        max_length=ANIMATION_MAX_LENGTH,
        required=False,
        required_message="",
        widget=CleanTextarea(attrs={"rows": 4}),
    )
    presenters = PresenterChoiceField(
        label=_("Les membres du groupe qui présentent"),
        help_text=_(
            "Leur pseudonyme n'apparaît en public que s'ils l'ont accepté ; sinon le récit dit "
            "« un membre du groupe »."
        ),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Cette personne n'est pas membre du groupe."),
            "invalid_pk_value": _("Choisissez les personnes dans la liste."),
        },
    )
    presenter_names = forms.CharField(
        label=_("D'autres personnes qui présentent (facultatif)"),
        help_text=_(
            "Des prénoms ou des pseudonymes, séparés par des virgules, seulement avec l'accord "
            "des personnes. Jamais de nom de famille."
        ),
        required=False,
        max_length=300,
        error_messages={
            "max_length": _(
                "Trop long : %(show_value)d caractères, pour une limite de %(limit_value)d."
            )
        },
    )
    skills = forms.ModelMultipleChoiceField(
        label=_("Cochez dans la liste commune à tous les groupes"),
        queryset=Skill.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Ce savoir-faire n'est pas dans la liste."),
            "invalid_pk_value": _("Choisissez les savoir-faire dans la liste."),
        },
    )
    new_skills = forms.CharField(
        label=_("Un savoir-faire qui n'est pas dans la liste (facultatif)"),
        help_text=_(
            "Un par ligne. S'il existe déjà, écrit autrement (majuscules, accents), c'est "
            "celui de la liste qui est retenu : chaque savoir-faire n'est compté qu'une fois."
        ),
        required=False,
        widget=CleanTextarea(attrs={"rows": 2}),
    )

    class Meta:
        model = RecordSection
        fields = ["kind", "title", "text", "animation", "presenters", "presenter_names", "skills"]

    def __init__(self, *args, record, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.record = record
        kept = self.instance.skills.all() if self.instance.pk else ()
        self.fields["skills"].queryset = Skill.objects.choosable_by(user, keep=kept)
        # The group's members, and whoever already presents this part (even after leaving).
        people = Q(memberships__group=record.group)
        if self.instance.pk:
            people |= Q(presented_sections=self.instance)
        self.fields["presenters"].queryset = (
            User.objects.filter(people).distinct().order_by("display_name", "pk")
        )
        self.matched_skills = []  # (typed name, existing skill)
        self.created_skills = []

    def clean_title(self):
        return clean_text(self.cleaned_data["title"])

    def clean_presenter_names(self):
        names = split_names(clean_text(self.cleaned_data["presenter_names"]), r"[,;\n]")
        if len(names) > NAMES_MAX:
            raise forms.ValidationError(
                _("Pas plus de %(max)d noms : gardez les personnes qui présentent vraiment."),
                params={"max": NAMES_MAX},
            )
        for name in names:
            if len(name) > NAME_MAX_LENGTH:
                raise forms.ValidationError(
                    _("« %(name)s… » est trop long pour un prénom ou un pseudonyme."),
                    params={"name": name[:30]},
                )
        return ", ".join(names)

    def clean_new_skills(self):
        names = split_names(clean_text(self.cleaned_data["new_skills"]), r"[\n;]")
        if len(names) > NEW_SKILLS_MAX:
            raise forms.ValidationError(
                _("Pas plus de %(max)d nouveaux savoir-faire à la fois."),
                params={"max": NEW_SKILLS_MAX},
            )
        unique = {}
        for name in names:
            if len(name) > SKILL_NAME_MAX_LENGTH:
                raise forms.ValidationError(
                    _("« %(name)s… » est trop long : %(max)d caractères au plus."),
                    params={"name": name[:30], "max": SKILL_NAME_MAX_LENGTH},
                )
            if sum(char.isalpha() for char in name) < MIN_LETTERS:
                raise forms.ValidationError(
                    _("« %(name)s » : écrivez le savoir-faire en quelques mots."),
                    params={"name": name},
                )
            unique.setdefault(skill_key(name), clean_skill_name(name))
        return list(unique.values())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == RecordSection.Kind.OTHER and not cleaned.get("title"):
            self.add_error("title", _("Une partie « autre » a besoin d'un titre."))
        return cleaned

    def save(self, commit=True):
        section = super().save(commit=False)
        section.record = self.record
        if section.pk is None:
            last = self.record.sections.order_by("-position").first()
            section.position = (last.position + 1) if last else 1
        section.save()
        self.save_m2m()
        for name in self.cleaned_data.get("new_skills", []):
            skill, created = Skill.objects.find_or_create(name)
            (self.created_skills if created else self.matched_skills).append((name, skill))
            section.skills.add(skill)
        return section


class PortfolioSettingsForm(forms.ModelForm):
    class Meta:
        model = PortfolioSettings
        fields = ["named_in_records", "portfolio_public"]


class AttestationRequestForm(forms.ModelForm):
    holder_name = forms.CharField(
        label=_("Le nom à inscrire sur l'attestation"),
        help_text=_(
            "Par exemple votre prénom et votre nom, pour un employeur ou une formation. Seuls "
            "vous, les animateurs du groupe et l'équipe du portail le voient."
        ),
        max_length=120,
        error_messages={
            "required": _("Écrivez le nom à inscrire sur l'attestation."),
            "max_length": _("Ce nom est trop long : %(limit_value)d caractères au plus."),
        },
    )
    note = TeamTextField(
        label=_("Un mot pour l'animateur ou l'animatrice (facultatif)"),
        max_length=NOTE_MAX_LENGTH,
        required=False,
        required_message="",
        widget=CleanTextarea(attrs={"rows": 3}),
    )

    class Meta:
        model = Attestation
        fields = ["group", "holder_name", "note"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        field = self.fields["group"]
        field.queryset = Group.objects.of_user(user).order_by("name")
        field.label = _("Le groupe qui atteste")
        field.empty_label = None
        field.error_messages = {
            "required": _("Choisissez le groupe."),
            "invalid_choice": _("Vous ne pouvez demander une attestation qu'à vos groupes."),
        }

    def clean_holder_name(self):
        return " ".join(clean_text(self.cleaned_data["holder_name"]).split())

    def clean_group(self):
        group = self.cleaned_data["group"]
        if Attestation.objects.pending().filter(user=self.user, group=group).exists():
            raise forms.ValidationError(_("Vous avez déjà une demande en attente pour ce groupe."))
        return group


class DeclineForm(forms.Form):
    motif = TeamTextField(
        label=_("Pourquoi ne pas signer ?"),
        help_text=_("La personne le lira. Restez simple et bienveillant."),
        max_length=NOTE_MAX_LENGTH,
        required_message=_("Dites à la personne pourquoi l'attestation n'est pas signée."),
        widget=CleanTextarea(attrs={"rows": 3}),
    )
