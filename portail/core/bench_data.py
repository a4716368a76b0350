"""Synthetic data in volume for the benchmarks (`manage.py bench_data`, bench/run.sh).

Nothing here is real: people get addresses under the reserved .invalid domain and unusable
passwords; questions are assembled from fragments of ordinary housing situations, with the
lengths, themes, quartiers, statuses, pistes and « moi aussi » counts of a lively portal.
"""

import secrets
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from portail.accounts.models import User
from portail.groups.models import Group, Membership
from portail.places.models import Quartier, Subject, Theme
from portail.questions.models import Piste, Question

BENCH_DOMAIN = "bench.invalid"
BATCH = 2000

OPENINGS = [
    "Bonjour,",
    "Bonjour à tous,",
    "Salut,",
    "Bonsoir, je me permets d'écrire ici.",
    "",
    "Je vous écris parce que je ne sais plus quoi faire.",
    "slt",
]
SITUATIONS = [
    "mon propriétaire ne veut pas me rendre la caution depuis que je suis parti",
    "il y a de l'humidité dans la chambre des enfants et des moisissures sur les murs",
    "le chauffage collectif est en panne depuis deux semaines",
    "j'ai reçu une régularisation de charges de plusieurs centaines d'euros",
    "la CAF a suspendu mon APL sans explication",
    "je voudrais faire une demande de logement social mais je ne sais pas par où commencer",
    "le bailleur ne fait pas les réparations de la fenêtre de la cuisine",
    "il y a des punaises de lit dans tout l'immeuble",
    "l'ascenseur est en panne et j'habite au huitième avec une poussette",
    "je veux partir de mon logement, combien de temps dure le préavis",
    "j'ai des dettes de loyer et j'ai peur d'être expulsé",
    "on a eu un dégât des eaux à cause du voisin du dessus",
    "les voisins font du bruit toutes les nuits",
    "ma facture d'électricité a doublé cet hiver",
    "on m'a refusé le logement parce que je n'ai pas de garant",
]
DETAILS = [
    "J'ai déjà envoyé un courrier mais personne ne répond.",
    "On est cinq dans un deux pièces.",
    "J'ai des photos et les quittances.",
    "Mon assistante sociale m'a dit de demander ici.",
    "C'est la troisième fois cette année.",
    "Je ne comprends pas les papiers qu'ils m'envoient.",
    "J'ai appelé plusieurs fois, on me dit d'attendre.",
    "Le loyer est de 450 € charges comprises.",
    "L'état des lieux d'entrée n'avait rien signalé.",
    "",
]
ENDINGS = [
    "Merci d'avance.",
    "Qu'est-ce que je peux faire ?",
    "Merci pour votre aide",
    "",
    "svp aidez moi",
]
STEPS = [
    "Écrivez à votre bailleur par lettre recommandée avec accusé de réception.",
    "Gardez une copie de chaque courrier et les photos datées.",
    "Prenez rendez-vous avec l'ADIL : le conseil juridique y est gratuit.",
    "Si rien ne bouge, saisissez la commission départementale de conciliation.",
    "Demandez à la CAF un rendez-vous pour faire le point sur vos droits.",
    "Venez à la permanence du centre social avec vos papiers.",
]


def _text(rng):
    sentences = [rng.choice(OPENINGS)]
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
        sentences.append(rng.choice(SITUATIONS).capitalize() + ".")
        for _ in range(rng.choice([0, 1, 1, 2, 3])):
            sentences.append(rng.choice(DETAILS))
    sentences.append(rng.choice(ENDINGS))
    return " ".join(part for part in sentences if part)


def make_people(rng, count):
    quartiers = list(Quartier.objects.all())
    existing = User.objects.filter(email__endswith=f"@{BENCH_DOMAIN}").count()
    unusable = make_password(None)
    User.objects.bulk_create(
        [
            User(
                email=f"personne{n}@{BENCH_DOMAIN}",
                display_name=f"Personne {n}",
                password=unusable,
                quartier=rng.choice(quartiers) if quartiers else None,
            )
            for n in range(existing, count)
        ],
        batch_size=BATCH,
    )
    return max(count - existing, 0)


def make_groups(rng, count):
    quartiers = list(Quartier.objects.all())
    themes = list(Theme.objects.all())
    existing = Group.objects.filter(slug__startswith="bench-").count()
    new_groups = Group.objects.bulk_create(
        [
            Group(
                name=f"Groupe d'essai {n}",
                slug=f"bench-{n}",
                presentation="Groupe synthétique pour les mesures de performance.",
            )
            for n in range(existing, count)
        ]
    )
    people = list(User.objects.filter(email__endswith=f"@{BENCH_DOMAIN}")[:2000])
    memberships = []
    for group in new_groups:
        if themes:
            group.themes.add(rng.choice(themes))
        if quartiers:
            group.quartiers.add(rng.choice(quartiers))
        for position, person in enumerate(rng.sample(people, min(8, len(people)))):
            role = Membership.Role.FACILITATOR if position == 0 else Membership.Role.MEMBER
            memberships.append(Membership(group=group, user=person, role=role))
    Membership.objects.bulk_create(memberships, ignore_conflicts=True)
    return len(new_groups)


STATUS_WEIGHTS = [
    (Question.Status.RECEIVED, 4),
    (Question.Status.PUBLISHED, 30),
    (Question.Status.ANSWERED, 40),
    (Question.Status.RESOLVED, 20),
    (Question.Status.CLOSED, 3),
    (Question.Status.REJECTED, 3),
]


def make_questions(rng, count):
    """Questions with their pistes, in batches; returns how many were added."""
    existing = Question.objects.filter(origin_detail="bench").count()
    to_make = max(count - existing, 0)
    subjects = list(Subject.objects.select_related("theme"))
    quartiers = list(Quartier.objects.all())
    statuses = [status for status, weight in STATUS_WEIGHTS for _ in range(weight)]
    now = timezone.now()
    made = 0
    while made < to_make:
        batch = []
        for _ in range(min(BATCH, to_make - made)):
            text = _text(rng)
            status = rng.choice(statuses)
            subject = rng.choice(subjects) if subjects and rng.random() < 0.9 else None
            created = now - timedelta(minutes=rng.randint(0, 60 * 24 * 365 * 3))
            approved = status not in (Question.Status.RECEIVED, Question.Status.REJECTED)
            consent = rng.random() < 0.85
            batch.append(
                Question(
                    kind=Question.Kind.QUESTION if rng.random() < 0.85 else Question.Kind.TESTIMONY,
                    status=status,
                    original_text=text,
                    text=text,
                    theme=subject.theme if subject else None,
                    subject=subject,
                    quartier=rng.choice(quartiers) if quartiers and rng.random() < 0.7 else None,
                    consent_publication=consent,
                    is_public=approved and consent,
                    follow_token_hash=secrets.token_hex(32),
                    origin_detail="bench",
                    created_at=created,
                    published_at=created + timedelta(days=1) if approved else None,
                    me_too_count=int(rng.paretovariate(1.5)) - 1,
                    helped_count=rng.randint(0, 5),
                )
            )
        created_questions = Question.objects.bulk_create(batch, batch_size=BATCH)
        pistes = [
            Piste(
                question=question,
                intro="Voici quelques pistes pour avancer.",
                steps=rng.sample(STEPS, rng.randint(2, 4)),
                contact="ADIL de la Loire ou permanence du centre social",
                created_at=question.created_at + timedelta(days=3),
            )
            for question in created_questions
            if question.status in (Question.Status.ANSWERED, Question.Status.RESOLVED)
        ]
        Piste.objects.bulk_create(pistes, batch_size=BATCH)
        made += len(batch)
    return made
