"""Demo data of the groups room: a few posts in the Groupe Logement's journal, in our own
words, and its partnership with the Groupe alpha de Montreynaud. Running it again changes
nothing."""

from datetime import timedelta

from django.utils import timezone

from portail.accounts.roles import Role
from portail.core.content import Tally
from portail.core.management.commands.demo import demo_account
from portail.groups.models import Group, GroupLink, Post, Visibility

HOUSING_GROUP = "groupe-logement"
LITERACY_GROUP = "groupe-alpha-montreynaud"

# (days ago, visibility, text)
POSTS = [
    (
        120,
        Visibility.PUBLIC,
        "Nous avons fini de trier les questions reçues depuis le printemps. Nous les avons "
        "rangées par thème : le loyer et les charges, l'humidité et les travaux, les demandes "
        "de logement social, les aides de la CAF. Pour chaque thème, nous avons noté les mots "
        "difficiles à expliquer et les démarches qui reviennent souvent. C'est notre état des "
        "lieux : il montre que beaucoup de personnes vivent les mêmes difficultés.",
    ),
    (
        75,
        Visibility.PUBLIC,
        "Grande journée de restitution au centre social ! Nous avons présenté notre travail "
        "avec le jeu de l'oie : chaque case pose une question sur le logement, et on cherche la "
        "réponse ensemble. Des familles, des voisins et des associations ont joué avec nous. "
        "Plusieurs personnes sont reparties avec une piste pour leur propre situation, et "
        "certaines veulent rejoindre le groupe.",
    ),
    (
        40,
        Visibility.PUBLIC,
        "Rencontre avec le groupe alpha de Montreynaud. Nous avons lu ensemble un avis "
        "d'échéance et un courrier de la CAF, avec des mots simples. Les membres du groupe "
        "alpha nous ont dit quels mots leur posaient problème : nous allons les ajouter au "
        "glossaire. Nous avons décidé de nous revoir pour préparer une partie de jeu de l'oie "
        "avec leurs questions.",
    ),
    (
        10,
        Visibility.MEMBERS,
        "Pour la prochaine réunion : chacun apporte une question qu'on lui a posée dans le "
        "quartier. Nous ferons le point sur les situations que nous suivons, sans donner de "
        "nom. Pensez à relire les pistes en attente sur l'état des lieux.",
    ),
]


def load_demo():
    posts = Tally("Journal des groupes")
    links = Tally("Liens entre groupes")
    housing = Group.objects.filter(slug=HOUSING_GROUP).first()
    if housing is None:
        return [posts, links]
    author = demo_account(Role.FACILITATOR)
    now = timezone.now()
    for days, visibility, text in POSTS:
        _, created = Post.objects.get_or_create(
            group=housing,
            text=text,
            defaults={
                "author": author,
                "visibility": visibility,
                "created_at": now - timedelta(days=days),
            },
        )
        posts.add("created" if created else "unchanged")

    literacy = Group.objects.filter(slug=LITERACY_GROUP).first()
    if literacy is not None:
        link = GroupLink.objects.between(housing, literacy).first()
        if link is None:
            GroupLink.objects.create(
                from_group=housing,
                to_group=literacy,
                proposed_by=author,
                status=GroupLink.Status.ACCEPTED,
                message="Travailler ensemble les courriers du logement, avec des mots simples.",
                decided_at=now - timedelta(days=45),
            )
            links.add("created")
        elif link.status != GroupLink.Status.ACCEPTED:
            link.status = GroupLink.Status.ACCEPTED
            link.decided_at = link.decided_at or now
            link.save(update_fields=["status", "decided_at"])
            links.add("updated")
        else:
            links.add("unchanged")
    return [posts, links]
