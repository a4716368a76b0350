"""The team's forms on a request: give it to a group and/or a person, close it, write a note or a
message, and filter the list."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from portail.accounts.roles import is_moderator
from portail.demandes.models import Demande
from portail.demandes.names import volunteer_choice_label
from portail.directory.models import Organisation
from portail.groups.models import Group
from portail.questions.forms.public import CleanTextarea, clean_text


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return volunteer_choice_label(obj)


class AssignForm(forms.Form):
    """Moderators choose any group and any of its members; a facilitator gives the request to a
    group they facilitate (so it stays within their reach) and, if they wish, to one of its
    members."""

    group = forms.ModelChoiceField(
        label=_("Groupe chargé de la demande"),
        queryset=Group.objects.none(),
        required=False,
        empty_label=_("Aucun groupe"),
        error_messages={
            "required": _("Choisissez le groupe qui prend la demande."),
            "invalid_choice": _("Choisissez un groupe dans la liste."),
        },
    )
    assignee = PersonChoiceField(
        label=_("Personne chargée de la demande (facultatif)"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("Personne en particulier"),
        help_text=_("Elle verra les coordonnées et recevra les relances."),
        error_messages={"invalid_choice": _("Choisissez une personne dans la liste.")},
    )

    def __init__(self, *args, user, demande, **kwargs):
        kwargs.setdefault(
            "initial", {"group": demande.assigned_group_id, "assignee": demande.assignee_id}
        )
        super().__init__(*args, **kwargs)
        if is_moderator(user):
            groups = Group.objects.all()
        else:
            groups = Group.objects.facilitated_by(user)
            self.fields["group"].required = True
            only = list(groups[:2])
            if len(only) == 1:
                self.fields["group"].empty_label = None
                self.initial["group"] = self.initial.get("group") or only[0].pk
            else:
                self.fields["group"].empty_label = _("Choisissez un groupe")
        self.fields["group"].queryset = groups.order_by("name")
        self.fields["assignee"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, memberships__group__in=groups)
            .distinct()
            .order_by("display_name", "email")
        )

    def clean(self):
        data = super().clean()
        group, assignee = data.get("group"), data.get("assignee")
        if not self.errors and group is None and assignee is None:
            raise forms.ValidationError(_("Choisissez un groupe, une personne, ou les deux."))
        if group and assignee and not group.memberships.filter(user=assignee).exists():
            self.add_error(
                "assignee",
                _(
                    "Cette personne n'est pas membre du groupe choisi. Choisissez une personne "
                    "du groupe, ou laissez la case sur « Personne en particulier »."
                ),
            )
        return data


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Comment la demande se termine-t-elle ?"),
        choices=Demande.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choisissez comment la demande se termine."),
            "invalid_choice": _("Choisissez comment la demande se termine."),
        },
    )
    referred_to = forms.ModelChoiceField(
        label=_("Orientée vers quelle organisation ? (facultatif)"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        empty_label=_("Une organisation hors du réseau"),
        help_text=_("Seulement si la demande est orientée vers un partenaire."),
        error_messages={"invalid_choice": _("Choisissez une organisation dans la liste.")},
    )
    reason = forms.CharField(
        label=_("Un mot pour la personne"),
        required=False,
        max_length=2000,
        widget=CleanTextarea(attrs={"rows": 4}),
        help_text=_(
            "Obligatoire si la demande est sans suite : dites pourquoi. La personne le lit sur "
            "son lien de suivi."
        ),
        error_messages={
            "max_length": _("Ce texte est trop long : 2 000 caractères au plus."),
        },
    )

    def clean_reason(self):
        return clean_text(self.cleaned_data["reason"])

    def clean(self):
        data = super().clean()
        if data.get("outcome") == Demande.Outcome.DROPPED and not data.get("reason"):
            self.add_error(
                "reason",
                _("Pour une demande sans suite, expliquez pourquoi : la personne le lira."),
            )
        return data


class NoteForm(forms.Form):
    INTERNAL = "interne"
    FOR_REQUESTER = "personne"

    text = forms.CharField(
        label=_("Texte"),
        max_length=5000,
        widget=CleanTextarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Écrivez quelque chose avant d'enregistrer : la case est vide."),
            "max_length": _("Ce texte est trop long : 5 000 caractères au plus."),
        },
    )
    audience = forms.ChoiceField(
        label=_("Qui le lira ?"),
        choices=[
            (INTERNAL, _("Note interne : seulement les personnes chargées de la demande")),
            (
                FOR_REQUESTER,
                _("Message pour la personne : elle le lit sur son lien de suivi et par e-mail"),
            ),
        ],
        initial=INTERNAL,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Dites qui lira ce texte."),
            "invalid_choice": _("Dites qui lira ce texte."),
        },
    )

    def __init__(self, *args, demande, **kwargs):
        super().__init__(*args, **kwargs)
        if not demande.follow_token:
            # No private link (entered from an event): nobody outside the team can read it.
            self.fields["audience"].choices = self.fields["audience"].choices[:1]

    def clean_text(self):
        return clean_text(self.cleaned_data["text"])

    @property
    def for_requester(self):
        return self.cleaned_data["audience"] == self.FOR_REQUESTER


class TeamFilterForm(forms.Form):
    STATUSES = [
        ("ouvertes", _("Toutes celles en cours de traitement")),
        *Demande.Status.choices,
        ("toutes", _("Toutes")),
    ]

    etat = forms.ChoiceField(
        label=_("État"),
        required=False,
        choices=STATUSES,
        error_messages={"invalid_choice": _("Cet état n'existe pas.")},
    )
    type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("Tous les types")), *Demande.Kind.choices],
        error_messages={"invalid_choice": _("Ce type n'existe pas.")},
    )

    def filter(self, demandes):
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        status = data.get("etat") or "ouvertes"
        if status == "ouvertes":
            demandes = demandes.open()
        elif status != "toutes":
            demandes = demandes.filter(status=status)
        if data.get("type"):
            demandes = demandes.filter(kind=data["type"])
        return demandes
