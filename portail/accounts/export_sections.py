"""The sections of « Mes données » for the rooms of the portal (see portail/accounts/export.py
for the rules). Registered once, from AccountsConfig.ready(). Every query starts from the
person; a section lists its parts even when empty, so the reader sees that nothing is there."""

from axes.models import AccessFailureLog, AccessLog
from django.contrib.admin.models import LogEntry
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult

from portail.accounts.export import register, when
from portail.cards.models import Card, Deck
from portail.demandes.models import Demande, HistoryEntry, Note
from portail.directory.models import Organisation, OrganisationMember
from portail.events.models import Event, Registration
from portail.experiences.models import Attestation, ExperienceRecord, PortfolioSettings
from portail.forum.models import (
    CharterAcceptance,
    ForumModerationAction,
    ForumMute,
    ForumPost,
    ForumReport,
    ForumThread,
)
from portail.game.models import GameSession
from portail.groups.models import Document, GroupLink, JoinRequest, Membership, Post
from portail.letters.models import SavedLetter
from portail.questions.models import ModerationAction, Piste, Question, Report


def _name(obj):
    return str(obj) if obj is not None else None


def _ids_and_dates(queryset, date_field, **extra):
    """What the person did on other people's things: which one, and when — nothing more."""
    return [
        {"numéro": obj.pk, "le": when(getattr(obj, date_field)), **extra}
        for obj in queryset.order_by(date_field, "pk")
    ]


# --- Account ---------------------------------------------------------------------------------


def account(user):
    return {
        "adresse_e_mail": user.email,
        "pseudonyme": user.display_name,
        "quartier": _name(user.quartier),
        "compte_créé_le": when(user.date_joined),
        "adresse_confirmée_le": when(user.email_confirmed_at),
        "dernière_connexion_le": when(user.last_login),
        "compte_actif": user.is_active,
        "modérateur_ou_modératrice": user.is_moderator,
        "équipe_du_portail": user.is_staff,
        "prévenu_de_la_suppression_pour_inactivité_le": when(user.inactivity_warned_at),
    }


# --- Questions -------------------------------------------------------------------------------


def questions(user):
    asked = Question.objects.filter(author=user).select_related("theme", "subject", "quartier")
    return {
        "questions_posées": [
            {
                "numéro": q.pk,
                "type": q.get_kind_display(),
                "état": q.get_status_display(),
                "texte_écrit": q.original_text,
                "texte_publié_sans_données_personnelles": q.text,
                "accepte_la_publication": q.consent_publication,
                "publiée_sur_le_portail": q.is_public,
                "e_mail_pour_être_prévenu": q.email,
                "thème": _name(q.theme),
                "sujet": _name(q.subject),
                "quartier": _name(q.quartier),
                "motif_du_refus": q.rejection_reason,
                "reçue_le": when(q.created_at),
                "publiée_le": when(q.published_at),
                "résolue_ou_close_le": when(q.closed_at),
            }
            for q in asked.order_by("created_at", "pk")
        ],
        "pistes_écrites": [
            {
                "numéro": piste.pk,
                "pour_la_question": piste.question_id,
                "en_quelques_mots": piste.intro,
                "étapes": piste.steps,
                "à_qui_s_adresser": piste.contact,
                "écrite_le": when(piste.created_at),
            }
            for piste in Piste.objects.filter(author=user).order_by("created_at", "pk")
        ],
        # Typed for someone else (on paper, by phone): that text is theirs, not this person's.
        "questions_saisies_pour_quelqu_un": _ids_and_dates(
            Question.objects.filter(entered_by=user), "created_at"
        ),
        "actions_de_modération": _ids_and_dates(
            ModerationAction.objects.filter(actor=user), "created_at"
        ),
        "signalements_traités": _ids_and_dates(
            Report.objects.filter(handled_by=user), "handled_at"
        ),
    }


# --- Letters ---------------------------------------------------------------------------------


def letters(user):
    return [
        {
            "numéro": saved.pk,
            "modèle": saved.letter.title,
            "ce_que_vous_avez_écrit": saved.values,
            "enregistrée_le": when(saved.created_at),
        }
        for saved in SavedLetter.objects.of(user).order_by("created_at", "pk")
    ]


# --- Groups ----------------------------------------------------------------------------------


def groups(user):
    memberships = Membership.objects.filter(user=user).select_related("group")
    join_requests = JoinRequest.objects.filter(user=user).select_related("group")
    posts = Post.objects.filter(author=user).select_related("group")
    documents = Document.objects.filter(uploaded_by=user).select_related("group")
    return {
        "adhésions": [
            {
                "groupe": m.group.name,
                "rôle": m.get_role_display(),
                "depuis_le": when(m.joined_at),
            }
            for m in memberships.order_by("joined_at", "pk")
        ],
        "demandes_pour_rejoindre": [
            {
                "numéro": r.pk,
                "groupe": r.group.name,
                "votre_message": r.message,
                "état": r.get_status_display(),
                "réponse_du_groupe": r.response,
                "demandée_le": when(r.created_at),
                "décidée_le": when(r.decided_at),
            }
            for r in join_requests.order_by("created_at", "pk")
        ],
        "messages_du_journal": [
            {
                "numéro": p.pk,
                "groupe": p.group.name,
                "texte": p.text,
                "avec_une_photo": bool(p.image),
                "description_de_la_photo": p.image_alt,
                "qui_peut_le_lire": p.get_visibility_display(),
                "publié_le": when(p.created_at),
            }
            for p in posts.order_by("created_at", "pk")
        ],
        # The titles, not the files: the files are the group's, and can be downloaded from it.
        "documents_ajoutés": [
            {
                "numéro": d.pk,
                "groupe": d.group.name,
                "titre": d.title,
                "en_quelques_mots": d.description,
                "type": d.get_kind_display(),
                "taille_en_octets": d.size,
                "qui_peut_le_lire": d.get_visibility_display(),
                "ajouté_le": when(d.created_at),
            }
            for d in documents.order_by("created_at", "pk")
        ],
        "réponses_données_à_des_demandes_pour_rejoindre": _ids_and_dates(
            JoinRequest.objects.filter(decided_by=user), "decided_at"
        ),
        "liens_entre_groupes_proposés": _ids_and_dates(
            GroupLink.objects.filter(proposed_by=user), "created_at"
        ),
        "liens_entre_groupes_décidés": _ids_and_dates(
            GroupLink.objects.filter(decided_by=user), "decided_at"
        ),
    }


# --- Network of organisations ---------------------------------------------------------------


def directory(user):
    return {
        "organisations": [
            {"organisation": m.organisation.name, "depuis_le": when(m.since)}
            for m in OrganisationMember.objects.filter(user=user)
            .select_related("organisation")
            .order_by("since", "pk")
        ],
        "informations_vérifiées": [
            {"organisation": o.name, "le": when(o.last_checked_on)}
            for o in Organisation.objects.filter(last_checked_by=user).order_by("name")
        ],
    }


# --- Experience records, portfolio, attestations ---------------------------------------------


def experiences(user):
    portfolio = PortfolioSettings.objects.filter(user=user).first()
    attestations = Attestation.objects.filter(user=user).select_related("group")
    sections = user.presented_sections.select_related("record").order_by("record_id", "position")
    return {
        "réglages_du_portfolio": None
        if portfolio is None
        else {
            "mon_pseudonyme_peut_apparaître_dans_les_récits": portfolio.named_in_records,
            "mon_portfolio_est_visible_de_tous": portfolio.portfolio_public,
            "adresse_de_la_page_publique": portfolio.get_public_url()
            if portfolio.portfolio_public
            else None,
            "modifiés_le": when(portfolio.updated_at),
        },
        "parties_de_récits_que_vous_présentez": [
            {"récit": s.record.title, "partie": s.title or s.get_kind_display(), "numéro": s.pk}
            for s in sections
        ],
        "attestations": [
            {
                "numéro": a.pk,
                "groupe": a.group.name,
                "nom_inscrit": a.holder_name,
                "votre_message": a.note,
                "état": a.get_status_display(),
                "demandée_le": when(a.requested_at),
                "signée_ou_refusée_le": when(a.signed_at),
                "signée_par": a.signer_name,
                "motif_du_refus": a.decline_reason,
                "contenu_attesté": a.content,
            }
            for a in attestations.order_by("requested_at", "pk")
        ],
        "récits_commencés": [
            {"numéro": r.pk, "titre": r.title, "créé_le": when(r.created_at)}
            for r in ExperienceRecord.objects.filter(created_by=user).order_by("created_at", "pk")
        ],
        "attestations_signées_ou_refusées_pour_d_autres": _ids_and_dates(
            Attestation.objects.filter(signed_by=user).exclude(user=user), "signed_at"
        ),
    }


# --- Events ----------------------------------------------------------------------------------


def events(user):
    registrations = Registration.objects.filter(user=user).select_related("event")
    return {
        "inscriptions": [
            {
                "événement": r.event.title,
                "date_de_l_événement": when(r.event.starts_at),
                "nom_donné": r.name,
                "contact_donné": r.contact,
                "état": r.get_status_display(),
                "présent": r.attended,
                "inscrit_le": when(r.created_at),
                "passé_de_l_attente_à_inscrit_le": when(r.promoted_at),
                "annulé_le": when(r.cancelled_at),
            }
            for r in registrations.order_by("created_at", "pk")
        ],
        "événements_créés": [
            {"numéro": e.pk, "titre": e.title, "date": when(e.starts_at)}
            for e in Event.objects.filter(created_by=user).order_by("starts_at", "pk")
        ],
    }


# --- Follow-up requests ----------------------------------------------------------------------


def _filed(demande):
    return {
        "numéro": demande.pk,
        "type": demande.get_kind_display(),
        "état": demande.get_status_display(),
        "reçue_le": when(demande.created_at),
        "la_demande": demande.summary,
        "nom_ou_pseudonyme": demande.contact_name,
        "e_mail": demande.contact_email,
        "téléphone": demande.contact_phone,
        "accepte_d_être_recontactée": demande.contact_consent,
        "adresse_de_l_immeuble": demande.address,
        "bailleur": demande.landlord_name,
        "nombre_de_foyers": demande.households,
        "type_de_groupe": demande.get_group_type_display() if demande.group_type else "",
        "commune_ou_quartier": demande.place,
        "dates_souhaitées": demande.wished_dates,
        "quartier": _name(demande.quartier),
        "groupe_chargé_de_la_demande": _name(demande.assigned_group),
        "issue": demande.get_outcome_display() if demande.outcome else "",
        "précision_sur_l_issue": demande.outcome_reason,
        "close_le": when(demande.closed_at),
        # The messages the team wrote *to* the person (they read them on their link); the
        # team's internal notes may speak of other people and are not given here.
        "messages_reçus": [
            {"le": when(note.created_at), "texte": note.text}
            for note in demande.notes.filter(for_requester=True).order_by("created_at", "pk")
        ],
        "historique": [
            {"le": when(entry.at), "étape": entry.get_action_display()}
            for entry in demande.history.order_by("at", "pk")
        ],
    }


def demandes(user):
    filed = Demande.objects.filter(requester=user).select_related("quartier", "assigned_group")
    assigned = Demande.objects.filter(assignee=user)
    return {
        "demandes_faites": [_filed(d) for d in filed.order_by("created_at", "pk")],
        # A request someone else filed: its contents are that person's. Only what this person
        # did on it (the steps of the history they took) is theirs.
        "demandes_confiées": [
            {
                "numéro": d.pk,
                "type": d.get_kind_display(),
                "état": d.get_status_display(),
                "vos_actions": [
                    {"le": when(entry.at), "étape": entry.get_action_display()}
                    for entry in d.history.filter(actor=user).order_by("at", "pk")
                ],
            }
            for d in assigned.order_by("created_at", "pk")
        ],
        "demandes_saisies_pour_quelqu_un": _ids_and_dates(
            Demande.objects.filter(entered_by=user), "created_at"
        ),
        "étapes_faites_sur_des_demandes": [
            {"demande": entry.demande_id, "le": when(entry.at), "étape": entry.get_action_display()}
            for entry in HistoryEntry.objects.filter(actor=user).order_by("at", "pk")
        ],
        "notes_et_messages_écrits": _ids_and_dates(Note.objects.filter(author=user), "created_at"),
    }


# --- Forum -----------------------------------------------------------------------------------


def forum(user):
    threads = ForumThread.objects.filter(author=user).select_related("theme", "group")
    posts = ForumPost.objects.filter(author=user)
    return {
        "discussions_ouvertes": [
            {
                "numéro": t.pk,
                "titre_écrit": t.original_title or t.title,
                "titre_publié": t.title,
                "état": t.get_status_display(),
                "groupe_de_parole": _name(t.group),
                "thème": _name(t.theme),
                "ouverte_le": when(t.created_at),
            }
            for t in threads.order_by("created_at", "pk")
        ],
        "messages": [
            {
                "numéro": p.pk,
                "discussion": p.thread_id,
                "premier_message": p.is_opening,
                "texte_écrit": p.original_text or p.text,
                "texte_publié": p.text,
                "état": p.get_status_display(),
                "motif_du_refus": p.rejection_reason,
                "motif_du_masquage": p.hidden_reason,
                "écrit_le": when(p.created_at),
                "publié_le": when(p.published_at),
            }
            for p in posts.order_by("created_at", "pk")
        ],
        "chartes_acceptées": [
            {"groupe": c.group.name, "version": c.version, "acceptée_le": when(c.accepted_at)}
            for c in CharterAcceptance.objects.filter(user=user)
            .select_related("group")
            .order_by("accepted_at", "pk")
        ],
        "e_mails_arrêtés": [
            {
                "discussion": m.thread.title if m.thread_id else str(_("tout le forum")),
                "demandé_le": when(m.created_at),
            }
            for m in ForumMute.objects.filter(user=user)
            .select_related("thread")
            .order_by("created_at", "pk")
        ],
        "actions_de_modération": _ids_and_dates(
            ForumModerationAction.objects.filter(actor=user), "created_at"
        ),
        "signalements_traités": _ids_and_dates(
            ForumReport.objects.filter(handled_by=user), "handled_at"
        ),
        # Reports made to a groupe de parole's facilitators: the person's own words and choice.
        "signalements_faits": [
            {
                "message": r.post_id,
                "raison": r.get_reason_display(),
                "précision": r.comment,
                "signalé_le": when(r.created_at),
            }
            for r in ForumReport.objects.filter(reporter=user).order_by("created_at", "pk")
        ],
    }


# --- Cards and game --------------------------------------------------------------------------


def cards_and_game(user):
    return {
        "cartes_écrites": [
            {"numéro": c.pk, "carte": c.prompt, "créée_le": when(c.created_at)}
            for c in Card.objects.filter(created_by=user).order_by("created_at", "pk")
        ],
        "paquets_préparés": [
            {"numéro": d.pk, "nom": d.name, "créé_le": when(d.created_at)}
            for d in Deck.objects.filter(created_by=user).order_by("created_at", "pk")
        ],
        # The game's record holds the other players' names: its number and dates only.
        "parties_lancées": [
            {"numéro": g.pk, "nom": g.name, "commencée_le": when(g.created_at)}
            for g in GameSession.objects.filter(created_by=user).order_by("created_at", "pk")
        ],
    }


# --- Security and e-mails --------------------------------------------------------------------


def _emails_sent_to(address):
    """The copies of e-mails sent to this address that the task queue still keeps: their date
    and subject. Not their text: an e-mail to a facilitator quotes another person's message."""
    found = []
    candidates = DBTaskResult.objects.filter(
        task_path__endswith="send_email", args_kwargs__icontains=address
    ).order_by("enqueued_at")
    for result in candidates:
        kwargs = (result.args_kwargs or {}).get("kwargs", {})
        if address.lower() in [str(to).lower() for to in kwargs.get("to", [])]:
            found.append({"le": when(result.enqueued_at), "sujet": kwargs.get("subject", "")})
    return found


def security(user):
    return {
        "connexions": [
            {
                "le": when(log.attempt_time),
                "déconnexion_le": when(log.logout_time),
                "adresse_ip": log.ip_address,
                "navigateur": log.user_agent,
            }
            for log in AccessLog.objects.filter(username__iexact=user.email).order_by(
                "attempt_time"
            )
        ],
        # Someone else may have typed this address: the dates only, not where they came from.
        "essais_de_connexion_refusés": [
            {"le": when(log.attempt_time)}
            for log in AccessFailureLog.objects.filter(username__iexact=user.email).order_by(
                "attempt_time"
            )
        ],
        "e_mails_envoyés": _emails_sent_to(user.email),
    }


def has_administration(user):
    """The team's accounts, and a former team member whose actions are still in the journal."""
    return user.is_staff or LogEntry.objects.filter(user=user).exists()


def administration(user):
    """Only for the team's accounts: what they did in the administration (which object, when)."""
    entries = LogEntry.objects.filter(user=user)
    return [
        {"le": when(e.action_time), "type": e.content_type_id and str(e.content_type)}
        for e in entries.select_related("content_type").order_by("action_time", "pk")
    ]


def connect():
    register(
        "compte",
        _("Votre compte"),
        _("Votre adresse e-mail, votre pseudonyme, votre quartier et les dates de votre compte."),
        account,
        order=0,
    )
    register(
        "questions",
        _("Vos questions"),
        _(
            "Les questions et témoignages posés avec ce compte, tels que vous les avez écrits et "
            "tels qu'ils sont publiés ; les pistes que vous avez écrites."
        ),
        questions,
        order=10,
    )
    register(
        "lettres",
        _("Vos lettres"),
        _("Les lettres que vous avez enregistrées, avec ce que vous y avez écrit."),
        letters,
        order=20,
    )
    register(
        "groupes",
        _("Vos groupes"),
        _(
            "Vos groupes et votre rôle, vos demandes pour rejoindre un groupe, vos messages du "
            "journal et les titres des documents que vous avez ajoutés."
        ),
        groups,
        order=30,
    )
    register(
        "récits_et_savoir_faire",
        _("Récits et savoir-faire"),
        _("Les parties de récits que vous présentez, votre portfolio et vos attestations."),
        experiences,
        order=40,
    )
    register(
        "événements",
        _("Événements"),
        _("Vos inscriptions aux événements faites avec ce compte."),
        events,
        order=50,
    )
    register(
        "demandes_de_suite",
        _("Demandes de suite"),
        _(
            "Les demandes que vous avez faites avec ce compte et les messages reçus. Pour les "
            "demandes dont vous vous occupez : seulement ce que vous avez fait, et quand."
        ),
        demandes,
        order=60,
    )
    register(
        "forum",
        _("Forum et groupes de parole"),
        _("Vos discussions et messages, les chartes acceptées, les e-mails que vous avez arrêtés."),
        forum,
        order=70,
    )
    register(
        "réseau_des_organisations",
        _("Organisations partenaires"),
        _("Les organisations dont vous avez un compte partenaire."),
        directory,
        order=80,
    )
    register(
        "jeu_et_cartes",
        _("Jeu de l'oie et cartes"),
        _("Les cartes et les paquets que vous avez préparés, les parties lancées."),
        cards_and_game,
        order=85,
    )
    register(
        "sécurité",
        _("Connexions et e-mails"),
        _(
            "Vos dernières connexions (date, adresse internet, navigateur) et les e-mails que "
            "le portail vous a envoyés (date et sujet), tant que nous les gardons."
        ),
        security,
        order=90,
    )
    register(
        "administration",
        _("Administration"),
        _("Pour l'équipe du portail : vos actions dans l'administration (quoi, quand)."),
        administration,
        order=95,
        concerns=has_administration,
    )
