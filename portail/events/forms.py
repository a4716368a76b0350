"""Forms of the agenda: the filters, registering (no account needed), the event form of the
organisers, and what they record afterwards (attendance, minutes, suites). Every message is
plain French and a refused form keeps what the person wrote."""

import uuid
from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portail.accounts.roles import is_moderator
from portail.events.models import Event, Registration, normalise_contact
from portail.experiences.forms import split_names
from portail.experiences.models import SKILL_NAME_MAX_LENGTH, Skill, clean_skill_name, skill_key
from portail.groups.models import Group
from portail.places.forms import quartier_filter, theme_filter
from portail.places.models import Quartier, Theme
from portail.questions.forms.public import HONEYPOT, CleanTextarea, clean_text

TIME_FORMATS = ["%H:%M", "%H:%M:%S", "%Hh%M", "%H h %M", "%Hh", "%H h", "%H"]
NEW_SKILLS_MAX = 6
SKILL_MIN_LETTERS = 3
CANCELLATION_REASON_MAX_LENGTH = 500


class SubmissionKeyMixin:
    """A hidden key, made when the form is first shown: the same form sent twice (a double
    tap on a slow phone) is recognised and stored once."""

    def _init_submission_key(self):
        self.fields["submission_key"] = forms.CharField(
            widget=forms.HiddenInput, required=False, max_length=64
        )
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4().hex)

    def clean_submission_key(self):
        value = self.cleaned_data["submission_key"]
        try:
            return uuid.UUID(value).hex
        except ValueError:
            return uuid.uuid4().hex


# --- the agenda's filters -------------------------------------------------------------------


class EventFilterForm(forms.Form):
    """A plain GET form: works without JavaScript, and a filtered agenda can be shared."""

    type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("Tous les types")), *Event.Kind.choices],
        error_messages={"invalid_choice": _("Ce type d'événement n'existe pas.")},
    )
    quartier = quartier_filter()
    groupe = forms.ModelChoiceField(
        label=_("Groupe"),
        required=False,
        queryset=Group.objects.none(),
        to_field_name="slug",
        empty_label=_("Tous les groupes"),
        error_messages={"invalid_choice": _("Ce groupe n'existe pas.")},
    )
    theme = theme_filter()

    FILTERS = ("type", "quartier", "groupe", "theme")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["groupe"].queryset = Group.objects.visible_to(user).order_by("name")

    def filter(self, events):
        """Apply what was understood; a wrong filter is reported and left out."""
        if not self.is_bound:
            return events
        self.is_valid()
        data = self.cleaned_data
        if data.get("type"):
            events = events.filter(kind=data["type"])
        if data.get("quartier"):
            events = events.filter(quartier=data["quartier"])
        if data.get("groupe"):
            events = events.filter(groups=data["groupe"])
        if data.get("theme"):
            events = events.filter(themes=data["theme"])
        return events

    def is_filtered(self):
        data = getattr(self, "cleaned_data", {})
        return any(data.get(name) for name in self.FILTERS)


# --- registering ----------------------------------------------------------------------------


class RegistrationForm(SubmissionKeyMixin, forms.Form):
    name = forms.CharField(
        label=_("Votre prénom, votre nom ou un pseudonyme"),
        max_length=80,
        help_text=_("Ce que vous voulez : il sert aux organisateurs pour vous accueillir."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
        error_messages={
            "required": _("Écrivez un prénom, un nom ou un pseudonyme : la case est vide."),
            "max_length": _("Ce nom est trop long : 80 caractères au plus."),
        },
    )
    contact = forms.CharField(
        label=_("Votre e-mail ou votre téléphone (facultatif)"),
        max_length=120,
        required=False,
        help_text=_(
            "Avec un e-mail, vous recevez votre lien pour annuler et un rappel la veille. Un "
            "téléphone sert seulement aux organisateurs, en cas de changement. Seuls les "
            "organisateurs le voient."
        ),
        error_messages={"max_length": _("C'est trop long : 120 caractères au plus.")},
    )
    site_web = forms.CharField(
        label=_("Ne pas remplir"),
        required=False,
        widget=forms.TextInput(
            attrs={"tabindex": "-1", "autocomplete": "off", "aria-hidden": "true"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._init_submission_key()

    @staticmethod
    def is_robot(data):
        return bool(str(data.get(HONEYPOT, "")).strip())

    def clean_name(self):
        name = clean_text(self.cleaned_data["name"])
        if sum(char.isalnum() for char in name) < 1:
            raise ValidationError(
                _("Écrivez un prénom, un nom ou un pseudonyme, avec au moins une lettre.")
            )
        return name

    def clean_contact(self):
        value = clean_text(self.cleaned_data["contact"])
        try:
            return normalise_contact(value)
        except ValidationError:
            if "@" in value:
                message = _(
                    "Cette adresse e-mail n'est pas complète. Elle ressemble à nom@exemple.fr : "
                    "vérifiez l'arobase (@) et le point. Vous pouvez aussi laisser la case vide."
                )
            else:
                message = _(
                    "Écrivez une adresse e-mail (nom@exemple.fr) ou un numéro de téléphone "
                    "(06 12 34 56 78), ou laissez la case vide."
                )
            raise ValidationError(message) from None


# --- the organisers' event form -------------------------------------------------------------


class EventForm(forms.ModelForm):
    date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Par exemple : 03/12/2026."),
        error_messages={
            "required": _("Indiquez la date de l'événement."),
            "invalid": _("Cette date n'est pas reconnue. Écrivez-la ainsi : 03/12/2026."),
        },
    )
    start_time = forms.TimeField(
        label=_("Heure de début"),
        input_formats=TIME_FORMATS,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={
            "required": _("Indiquez l'heure de début."),
            "invalid": _("Cette heure n'est pas reconnue. Écrivez-la ainsi : 18:30."),
        },
    )
    end_time = forms.TimeField(
        label=_("Heure de fin"),
        input_formats=TIME_FORMATS,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={
            "required": _("Indiquez l'heure de fin."),
            "invalid": _("Cette heure n'est pas reconnue. Écrivez-la ainsi : 20:30."),
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
        model = Event
        fields = [
            "kind",
            "title",
            "place",
            "address",
            "accessibility",
            "quartier",
            "themes",
            "groups",
            "description",
            "capacity",
            "skills",
            "is_public",
        ]
        labels = {
            "kind": _("Type d'événement"),
            "title": _("Titre"),
            "place": _("Lieu"),
            "address": _("Adresse (facultatif)"),
            "accessibility": _("Accès au lieu (facultatif)"),
            "quartier": _("Quartier (facultatif)"),
            "themes": _("Thèmes (facultatif)"),
            "groups": _("Groupes organisateurs"),
            "description": _("Description"),
            "capacity": _("Nombre de places (facultatif)"),
            "skills": _("Savoir-faire mis en œuvre (facultatif)"),
            "is_public": _("Ouvert à tous : visible dans l'agenda public"),
        }
        help_texts = {
            "place": _(
                "Par exemple : Maison de quartier de Montreynaud, salle du rez-de-chaussée."
            ),
            "accessibility": _(
                "Fauteuil roulant, ascenseur, bus ou tram le plus proche, garde d'enfants, "
                "interprète…"
            ),
            "description": _(
                "Ce qui va se passer, pour qui, ce qu'il faut apporter. Pour une liste, commencez "
                "les lignes par un tiret."
            ),
            "capacity": _("Laissez vide s'il n'y a pas de limite."),
            "skills": _(
                "Ce que les personnes présentes apprennent ou montrent en participant. Cochez "
                "dans la liste commune à tous les groupes : le savoir-faire rejoint le "
                "portfolio des personnes marquées présentes."
            ),
        }
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "skills": forms.CheckboxSelectMultiple,
            "groups": forms.CheckboxSelectMultiple,
            "accessibility": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 8}),
            "capacity": forms.NumberInput(attrs={"min": 1, "inputmode": "numeric"}),
        }
        error_messages = {
            "kind": {
                "required": _("Choisissez le type d'événement."),
                "invalid_choice": _("Choisissez un type dans la liste."),
            },
            "title": {
                "required": _("Donnez un titre à l'événement."),
                "max_length": _("Le titre est trop long : 160 caractères au plus."),
            },
            "place": {
                "required": _("Dites où a lieu l'événement."),
                "max_length": _("Le lieu est trop long : 200 caractères au plus."),
            },
            "address": {"max_length": _("L'adresse est trop longue : 250 caractères au plus.")},
            "description": {"required": _("Décrivez l'événement en quelques phrases.")},
            "capacity": {
                "invalid": _("Écrivez un nombre de places, en chiffres."),
                "min_value": _(
                    "Il faut au moins 1 place. Laissez la case vide s'il n'y a pas de limite de "
                    "places."
                ),
            },
            "quartier": {"invalid_choice": _("Ce quartier n'existe pas.")},
            "groups": {"invalid_choice": _("Ce groupe n'existe pas ou vous ne le voyez pas.")},
            "themes": {"invalid_choice": _("Ce thème n'existe pas.")},
            "skills": {
                "invalid_choice": _("Ce savoir-faire n'est pas dans la liste."),
                "invalid_pk_value": _("Choisissez les savoir-faire dans la liste."),
            },
        }

    def __init__(self, *args, user, now=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.now = now or timezone.now()
        self.fields["quartier"].queryset = Quartier.objects.with_commune()
        self.fields["quartier"].empty_label = _("Pas de quartier précis")
        self.fields["is_public"].label_suffix = ""
        self.fields["themes"].queryset = Theme.objects.order_by("order", "name")
        # Alphabetical by name, accents and case aside (« écouter » with the e).
        kept = self.instance.skills.all() if self.instance.pk else ()
        self.fields["skills"].queryset = Skill.objects.choosable_by(user, keep=kept).order_by(
            "key", "pk"
        )
        # The event's own groups stay choices, even a private one this person is not in:
        # saving the form must never drop a co-organiser silently.
        groups = Q(pk__in=Group.objects.visible_to(user).values("pk"))
        if self.instance.pk:
            groups |= Q(pk__in=self.instance.groups.values("pk"))
        self.fields["groups"].queryset = Group.objects.filter(groups).order_by("name")
        self.fields["kind"].choices = [("", _("Choisissez un type")), *Event.Kind.choices]
        for name in ("title", "place", "address"):
            self.fields[name].widget.attrs.pop("maxlength", None)
        if self.instance.pk and not self.is_bound:
            start = timezone.localtime(self.instance.starts_at)
            self.initial.update(date=start.date(), start_time=start.time().replace(second=0))
            if self.instance.ends_at:
                end = timezone.localtime(self.instance.ends_at)
                self.initial["end_time"] = end.time().replace(second=0)

    def clean_title(self):
        return clean_text(self.cleaned_data["title"])

    def clean_description(self):
        return clean_text(self.cleaned_data["description"])

    def clean_new_skills(self):
        """The names typed, one per line, each once; their skills are found or added to the
        shared list only when the event is saved."""
        names = split_names(clean_text(self.cleaned_data["new_skills"]), r"[\n;]")
        if len(names) > NEW_SKILLS_MAX:
            raise ValidationError(
                _("Pas plus de %(max)d nouveaux savoir-faire à la fois."),
                params={"max": NEW_SKILLS_MAX},
            )
        unique = {}
        for name in names:
            if len(name) > SKILL_NAME_MAX_LENGTH:
                raise ValidationError(
                    _("« %(name)s… » est trop long : %(max)d caractères au plus."),
                    params={"name": name[:30], "max": SKILL_NAME_MAX_LENGTH},
                )
            if sum(char.isalpha() for char in name) < SKILL_MIN_LETTERS:
                raise ValidationError(
                    _("« %(name)s » : écrivez le savoir-faire en quelques mots."),
                    params={"name": name},
                )
            unique.setdefault(skill_key(name), clean_skill_name(name))
        return list(unique.values())

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if capacity is None:
            return None
        if capacity < 1:
            raise ValidationError(
                _(
                    "Il faut au moins 1 place. Laissez la case vide s'il n'y a pas de limite de "
                    "places."
                )
            )
        if self.instance.pk:
            confirmed = self.instance.registrations.filter(
                status=Registration.Status.CONFIRMED
            ).count()
            if capacity < confirmed:
                raise ValidationError(
                    _(
                        "%(count)d personnes ont déjà une place : prévoyez au moins %(count)d "
                        "places. Pour en avoir moins, annulez d'abord des inscriptions."
                    ),
                    params={"count": confirmed},
                )
        return capacity

    def clean_groups(self):
        groups = self.cleaned_data["groups"]
        if is_moderator(self.user):
            return groups
        if self.instance.pk and self.instance.created_by_id == self.user.pk:
            return groups
        facilitated = set(Group.objects.facilitated_by(self.user).values_list("pk", flat=True))
        if not any(group.pk in facilitated for group in groups):
            raise ValidationError(
                _("Cochez au moins un groupe que vous animez parmi les groupes organisateurs.")
            )
        return groups

    def clean(self):
        data = super().clean()
        day, start, end = data.get("date"), data.get("start_time"), data.get("end_time")
        if day and start:
            data["starts_at"] = timezone.make_aware(datetime.combine(day, start))
            if not self.instance.pk and data["starts_at"] <= self.now:
                self.add_error(
                    "date",
                    _("Cette date est déjà passée : choisissez un jour et une heure à venir."),
                )
        if day and start and end:
            if end <= start:
                self.add_error("end_time", _("L'heure de fin doit venir après l'heure de début."))
            else:
                data["ends_at"] = timezone.make_aware(datetime.combine(day, end))
        groups = data.get("groups")
        if data.get("kind") == Event.Kind.INTERGROUP and groups is not None and len(groups) < 2:
            self.add_error(
                "groups",
                _("Un temps commun inter-groupes réunit au moins deux groupes : cochez-les."),
            )
        return data

    def save(self, commit=True):
        event = super().save(commit=False)
        event.starts_at = self.cleaned_data["starts_at"]
        event.ends_at = self.cleaned_data["ends_at"]
        if not event.pk:
            event.created_by = self.user
            event.slug = Event.unique_slug(event.title, event.starts_at)
        if commit:
            event.save()
            self.save_m2m()
            self.save_new_skills(event)
        return event

    def save_new_skills(self, event):
        """Add the skills typed by name: an existing one written differently is reused."""
        for name in self.cleaned_data.get("new_skills", []):
            skill, _created = Skill.objects.find_or_create(name)
            event.skills.add(skill)


class CancelEventForm(forms.Form):
    reason = forms.CharField(
        label=_("Pourquoi l'événement est-il annulé ?"),
        max_length=CANCELLATION_REASON_MAX_LENGTH,
        widget=CleanTextarea(attrs={"rows": 3}),
        help_text=_(
            "Quelques mots, envoyés aux personnes inscrites et affichés sur la page de "
            "l'événement. Par exemple : « La salle n'est plus disponible. Nous vous proposerons "
            "une autre date. » Pas de nom ni de numéro de téléphone : ils seraient masqués."
        ),
        error_messages={
            "required": _(
                "Écrivez en quelques mots pourquoi l'événement est annulé : ce message est "
                "envoyé aux personnes inscrites."
            ),
            "max_length": _(
                "C'est trop long : %(show_value)d caractères pour une limite de %(limit_value)d. "
                "Quelques phrases suffisent."
            ),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # No maxlength: a browser would cut a pasted text silently; the server says instead.
        self.fields["reason"].widget.attrs.pop("maxlength", None)

    def clean_reason(self):
        reason = clean_text(self.cleaned_data["reason"])
        if not any(char.isalnum() for char in reason):
            raise ValidationError(
                _("Écrivez en quelques mots pourquoi l'événement est annulé, avec des lettres.")
            )
        return reason


# --- after the event ------------------------------------------------------------------------


class AttendanceForm(forms.Form):
    """How many people came, and, for each person registered, whether they were there."""

    attendance_count = forms.IntegerField(
        label=_("Nombre de personnes présentes"),
        required=False,
        min_value=0,
        help_text=_("Toutes les personnes venues, inscrites ou non."),
        widget=forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
        error_messages={
            "invalid": _("Écrivez un nombre, en chiffres."),
            "min_value": _("Le nombre de personnes ne peut pas être négatif."),
        },
    )

    def __init__(self, *args, registrations, **kwargs):
        super().__init__(*args, **kwargs)
        self.registrations = list(registrations)
        for registration in self.registrations:
            self.fields[f"present_{registration.pk}"] = forms.BooleanField(
                label=registration.name, required=False, initial=bool(registration.attended)
            )

    def rows(self):
        return [(r, self[f"present_{r.pk}"]) for r in self.registrations]

    def present_ids(self):
        return [r.pk for r in self.registrations if self.cleaned_data.get(f"present_{r.pk}")]


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("Le compte rendu"),
        required=False,
        max_length=20000,
        widget=CleanTextarea(attrs={"rows": 14}),
        help_text=_(
            "Ce qui s'est dit, ce qui a été décidé, les prochaines étapes. Pour un titre, "
            "commencez la ligne par ## ; pour une liste, par un tiret. Les noms, adresses et "
            "numéros de téléphone sont masqués automatiquement avant la publication."
        ),
        error_messages={
            "max_length": _(
                "Le compte rendu est trop long : %(show_value)d caractères pour une limite de "
                "%(limit_value)d."
            )
        },
    )
    publish = forms.BooleanField(
        label=_("Publier le compte rendu sur la page de l'événement"),
        required=False,
        help_text=_("Décochez pour le garder en brouillon, visible des seuls organisateurs."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # No maxlength: a browser would cut a pasted text silently; the server says instead.
        self.fields["minutes"].widget.attrs.pop("maxlength", None)
        self.fields["publish"].label_suffix = ""

    def clean_minutes(self):
        return clean_text(self.cleaned_data["minutes"])

    def clean(self):
        data = super().clean()
        if data.get("publish") and not data.get("minutes"):
            self.add_error("minutes", _("Écrivez le compte rendu avant de le publier."))
        return data


class SuiteForm(SubmissionKeyMixin, forms.Form):
    """A follow-up request born from the event: it becomes a demande of the follow-up list."""

    kind = forms.ChoiceField(
        label=_("Quelle suite ?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choisissez le type de suite."),
            "invalid_choice": _("Choisissez un type de suite dans la liste."),
        },
    )
    summary = forms.CharField(
        label=_("La demande, en quelques phrases"),
        min_length=10,
        max_length=5000,
        widget=CleanTextarea(attrs={"rows": 5}),
        help_text=_(
            "Par exemple : les locataires de la tour du 4 souhaitent une réunion sur les "
            "charges. Évitez les noms et les numéros de téléphone : ils sont masqués pour ceux "
            "qui ne suivent pas la demande."
        ),
        error_messages={
            "required": _("Décrivez la demande : la case est vide."),
            "min_length": _("Décrivez la demande en au moins %(limit_value)d caractères."),
            "max_length": _("C'est trop long : %(limit_value)d caractères au plus."),
        },
    )
    quartier = forms.ModelChoiceField(
        label=_("Quartier (facultatif)"),
        required=False,
        queryset=Quartier.objects.with_commune(),
        empty_label=_("Pas de quartier précis"),
        error_messages={"invalid_choice": _("Ce quartier n'existe pas.")},
    )
    group = forms.ModelChoiceField(
        label=_("Confier la demande à un groupe (facultatif)"),
        required=False,
        queryset=Group.objects.none(),
        empty_label=_("Personne pour l'instant : la demande attend un groupe"),
        error_messages={"invalid_choice": _("Ce groupe n'existe pas.")},
    )

    def __init__(self, *args, user, **kwargs):
        from portail.demandes.models import Demande

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = Demande.Kind.choices
        self.fields["group"].queryset = Group.objects.visible_to(user).order_by("name")
        self.fields["summary"].widget.attrs.pop("maxlength", None)
        self.fields["summary"].widget.attrs.pop("minlength", None)
        self._init_submission_key()

    def clean_summary(self):
        return clean_text(self.cleaned_data["summary"])
