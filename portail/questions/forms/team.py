"""Forms of the team side: moderation (approve, reject, merge, reports), the group's
classification and pistes, and the filters of the état des lieux and of the audit trail.
A refused form always keeps what the person typed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portail.places.forms import quartier_filter, theme_filter
from portail.places.models import Theme
from portail.questions import links
from portail.questions.forms.public import CleanTextarea, clean_text
from portail.questions.models import TEXT_MAX_LENGTH, ModerationAction, Question

REASON_MAX_LENGTH = 1000
STEP_MAX_LENGTH = 500
STEPS_MAX = 12
INTRO_MAX_LENGTH = 2000


class TeamTextField(forms.CharField):
    """A text typed by a moderator or a group member: invisible characters removed, blanks
    trimmed, a clear French message when it is empty or too long."""

    def __init__(self, *, max_length, required_message, **kwargs):
        super().__init__(
            max_length=max_length,
            widget=kwargs.pop("widget", CleanTextarea(attrs={"rows": 6})),
            error_messages={
                "required": required_message,
                "max_length": _(
                    "Ce texte est trop long : %(show_value)d caractères, pour une limite de "
                    "%(limit_value)d."
                ),
            },
            **kwargs,
        )

    def widget_attrs(self, widget):
        # The server says how long the text is; a browser would cut a paste silently.
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs

    def to_python(self, value):
        value = super().to_python(value.replace("\x00", "") if isinstance(value, str) else value)
        return clean_text(value) if value else value


# --- Moderation ----------------------------------------------------------------------------------


class ApproveForm(forms.Form):
    texte = TeamTextField(
        label=_("Texte qui sera lu par le groupe (et publié si la personne est d'accord)"),
        help_text=_(
            "Les données personnelles repérées sont déjà remplacées. Relisez, enlevez ce qui "
            "permettrait encore de reconnaître quelqu'un, puis validez."
        ),
        max_length=TEXT_MAX_LENGTH,
        required_message=_("Le texte à publier est vide : écrivez au moins quelques mots."),
    )


class RejectForm(forms.Form):
    motif = TeamTextField(
        label=_("Motif du refus"),
        help_text=_(
            "Écrit pour la personne : elle le lira sur sa page de suivi, et par e-mail si elle a "
            "laissé son adresse. Restez simple et bienveillant."
        ),
        max_length=REASON_MAX_LENGTH,
        required_message=_("Donnez le motif du refus : la personne a le droit de savoir pourquoi."),
        widget=CleanTextarea(attrs={"rows": 3}),
    )


class DuplicateForm(forms.Form):
    originale = forms.IntegerField(
        label=_("Numéro de la question d'origine"),
        help_text=_(
            "Le numéro d'une question publiée sur le portail (il figure dans son adresse, "
            "/questions/123/). La personne suivra cette question-là."
        ),
        min_value=1,
        error_messages={
            "required": _("Indiquez le numéro de la question d'origine."),
            "invalid": _("Le numéro de la question d'origine s'écrit avec des chiffres."),
            "min_value": _("Le numéro de la question d'origine s'écrit avec des chiffres."),
        },
    )

    def __init__(self, *args, question, **kwargs):
        self.question = question
        super().__init__(*args, **kwargs)

    def clean_originale(self):
        pk = self.cleaned_data["originale"]
        if pk == self.question.pk:
            raise forms.ValidationError(
                _("C'est le numéro de cette question-ci : indiquez celui de la question d'origine.")
            )
        original = Question.objects.public().filter(pk=pk).first()
        if original is None:
            raise forms.ValidationError(
                _("Aucune question publiée ne porte le numéro %(pk)s."), params={"pk": pk}
            )
        return original


class DuplicateSearchForm(forms.Form):
    recherche = forms.CharField(
        label=_("Chercher parmi les questions publiées"),
        help_text=_("Quelques mots de la question d'origine."),
        max_length=200,
        required=False,
    )


class UnpublishForm(forms.Form):
    motif = TeamTextField(
        label=_("Pourquoi la retirer du portail ?"),
        help_text=_("Noté dans le journal de modération. Le groupe continue d'y répondre."),
        max_length=REASON_MAX_LENGTH,
        required_message=_("Dites pourquoi la question est retirée du portail."),
        widget=CleanTextarea(attrs={"rows": 2}),
    )


class EditTextForm(forms.Form):
    texte = TeamTextField(
        label=_("Texte publié"),
        help_text=_("Les données personnelles qui resteraient sont masquées à l'enregistrement."),
        max_length=TEXT_MAX_LENGTH,
        required_message=_("Le texte est vide : écrivez au moins quelques mots."),
    )


# --- Classification and pistes -------------------------------------------------------------------


class ClassifyForm(forms.Form):
    theme = forms.ModelChoiceField(
        label=_("Thème"),
        queryset=Theme.objects.all(),
        required=False,
        empty_label=_("Pas encore de thème"),
        help_text=_("Si vous choisissez un sujet, le thème est celui du sujet."),
        error_messages={"invalid_choice": _("Ce thème n'existe pas : choisissez dans la liste.")},
    )
    sujet = forms.TypedChoiceField(
        label=_("Sujet"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("Ce sujet n'existe pas : choisissez dans la liste.")},
    )

    def __init__(self, *args, subjects, **kwargs):
        super().__init__(*args, **kwargs)
        self.subjects = {subject.pk: subject for subject in subjects}
        grouped = {}
        for subject in subjects:
            grouped.setdefault(subject.theme.name, []).append((subject.pk, subject.title))
        self.fields["sujet"].choices = [("", _("Pas encore de sujet")), *grouped.items()]

    def clean(self):
        cleaned = super().clean()
        pk = cleaned.get("sujet")
        subject = self.subjects.get(pk) if pk else None
        cleaned["subject"] = subject
        if subject is not None:
            cleaned["theme"] = subject.theme
        return cleaned


def _steps_from_text(value):
    """One step per line; bullets that people type out of habit (« - », « • ») removed."""
    steps = (line.strip().lstrip("-•*").strip() for line in value.splitlines())
    return [step for step in steps if step]


class PisteForm(forms.Form):
    intro = TeamTextField(
        label=_("En quelques mots (facultatif)"),
        help_text=_("Une ou deux phrases pour dire l'essentiel, avec des mots simples."),
        max_length=INTRO_MAX_LENGTH,
        required=False,
        required_message="",
        widget=CleanTextarea(attrs={"rows": 3}),
    )
    etapes = TeamTextField(
        label=_("Les étapes, une par ligne"),
        help_text=_(
            "Ce que la personne peut faire, dans l'ordre : une étape par ligne, au plus "
            "%(max)d étapes de %(length)d caractères chacune."
        )
        % {"max": STEPS_MAX, "length": STEP_MAX_LENGTH},
        max_length=STEPS_MAX * (STEP_MAX_LENGTH + 2),
        required_message=_("Écrivez au moins une étape : ce que la personne peut faire."),
        widget=CleanTextarea(attrs={"rows": 8}),
    )
    contact = TeamTextField(
        label=_("À qui s'adresser (facultatif)"),
        help_text=_("Par exemple : la permanence logement du centre social, le mardi matin."),
        max_length=300,
        required=False,
        required_message="",
        widget=forms.TextInput(),
    )

    def __init__(self, *args, piste=None, **kwargs):
        if piste is not None:
            kwargs.setdefault(
                "initial",
                {
                    "intro": piste.intro,
                    "etapes": "\n".join(piste.steps),
                    "contact": piste.contact,
                    **{f"liens_{k}": v for k, v in piste.link_targets().items()},
                },
            )
        super().__init__(*args, **kwargs)
        self.link_fields = []
        for kind in links.kinds():
            name = f"liens_{kind.key}"
            self.fields[name] = forms.MultipleChoiceField(
                label=kind.label,
                choices=kind.choices(),
                required=False,
                widget=forms.CheckboxSelectMultiple,
                error_messages={
                    "invalid_choice": _(
                        "« %(value)s » n'est pas dans la liste : cochez parmi les choix proposés."
                    )
                },
            )
            self.link_fields.append((kind, name))

    def clean_etapes(self):
        steps = _steps_from_text(self.cleaned_data["etapes"])
        if not steps:
            raise forms.ValidationError(
                _("Écrivez au moins une étape : ce que la personne peut faire.")
            )
        if len(steps) > STEPS_MAX:
            raise forms.ValidationError(
                _("%(count)d étapes, c'est beaucoup : gardez-en %(max)d au plus."),
                params={"count": len(steps), "max": STEPS_MAX},
            )
        for number, step in enumerate(steps, start=1):
            if len(step) > STEP_MAX_LENGTH:
                raise forms.ValidationError(
                    _(
                        "L'étape %(number)d est trop longue (%(length)d caractères, %(max)d au "
                        "plus) : coupez-la en deux lignes."
                    ),
                    params={"number": number, "length": len(step), "max": STEP_MAX_LENGTH},
                )
        return steps

    @property
    def bound_link_fields(self):
        return [self[name] for _, name in self.link_fields]

    def piste_data(self):
        """The keyword arguments of Question.add_piste / Piste.revise."""
        data = self.cleaned_data
        return {
            "intro": data["intro"],
            "steps": data["etapes"],
            "contact": data["contact"],
            "links": {kind.key: data.get(name, []) for kind, name in self.link_fields},
        }


class CloseForm(forms.Form):
    motif = TeamTextField(
        label=_("Pourquoi la clore ?"),
        help_text=_(
            "Par exemple : la personne ne répond plus, la question n'est plus d'actualité."
        ),
        max_length=REASON_MAX_LENGTH,
        required_message=_("Dites pourquoi la question est close."),
        widget=CleanTextarea(attrs={"rows": 2}),
    )


# --- Filters -------------------------------------------------------------------------------------


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class InventoryFilterForm(forms.Form):
    quartier = quartier_filter(to_field_name="pk")
    theme = theme_filter(to_field_name="pk")
    etat = forms.ChoiceField(
        label=_("État"),
        required=False,
        error_messages={"invalid_choice": _("Cet état n'existe pas : choisissez dans la liste.")},
    )
    type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("Questions et témoignages")), *Question.Kind.choices],
        error_messages={"invalid_choice": _("Ce type n'existe pas : choisissez dans la liste.")},
    )
    du = forms.DateField(
        label=_("Reçues à partir du"),
        required=False,
        widget=DateInput(),
        error_messages={"invalid": _("Écrivez la date sous la forme jj/mm/aaaa.")},
    )
    au = forms.DateField(
        label=_("Jusqu'au"),
        required=False,
        widget=DateInput(),
        error_messages={"invalid": _("Écrivez la date sous la forme jj/mm/aaaa.")},
    )

    def __init__(self, *args, statuses, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(Question.Status.choices)
        self.fields["etat"].choices = [
            ("", _("Tous les états")),
            *((status, labels[status]) for status in statuses),
        ]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("du"), cleaned.get("au")
        if start and end and start > end:
            self.add_error("au", _("Cette date est avant la date de début : inversez-les."))
        return cleaned

    def filter(self, questions):
        """`questions` narrowed by the valid filters (an invalid one is ignored, and shown)."""
        data = self.cleaned_data if self.is_bound else {}
        if data.get("quartier"):
            questions = questions.filter(quartier=data["quartier"])
        if data.get("theme"):
            questions = questions.in_theme(data["theme"])
        if data.get("etat"):
            questions = questions.filter(status=data["etat"])
        if data.get("type"):
            questions = questions.filter(kind=data["type"])
        # A date refused by clean() is no longer in cleaned_data: only good filters apply.
        return questions.received_between(data.get("du"), data.get("au"))


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Action"),
        required=False,
        choices=[("", _("Toutes les actions")), *ModerationAction.Action.choices],
        error_messages={
            "invalid_choice": _("Cette action n'existe pas : choisissez dans la liste.")
        },
    )
    question = forms.IntegerField(
        label=_("Numéro de la question"),
        required=False,
        min_value=1,
        error_messages={
            "invalid": _("Le numéro de la question s'écrit avec des chiffres."),
            "min_value": _("Le numéro de la question s'écrit avec des chiffres."),
        },
    )

    def filter(self, actions):
        data = self.cleaned_data if self.is_bound else {}
        if data.get("action"):
            actions = actions.filter(action=data["action"])
        if data.get("question"):
            actions = actions.filter(question_id=data["question"])
        return actions
