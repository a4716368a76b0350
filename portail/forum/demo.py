"""Demo discussions: a few public threads on housing, with replies, already through moderation
(written by the demo resident and members, published by the demo moderator), and one thread in
the Groupe Logement's groupe de parole, whose demo members have accepted the charter.

Written by us, in plain French. Running it again creates nothing twice: a thread is known by
its place (theme or group) and its title.
"""

from django.db import transaction

from portail.accounts.roles import Role
from portail.core.content import Tally
from portail.forum.models import CharterAcceptance, ForumThread
from portail.groups.models import Group
from portail.places.models import Theme

HOUSING_GROUP = "groupe-logement"

PUBLIC_THREADS = [
    {
        "theme": "logement",
        "title": "Moisissures dans la chambre des enfants : par où commencer ?",
        "text": (
            "Bonjour à tous. Depuis l'hiver, il y a des taches noires au plafond de la chambre "
            "des enfants. J'ai prévenu le bailleur deux fois au téléphone, rien ne bouge. "
            "Quelqu'un est déjà passé par là ? Par quoi faut-il commencer ?"
        ),
        "author": Role.RESIDENT,
        "replies": [
            (
                Role.GROUP_MEMBER,
                "Bonjour. Chez nous, c'était pareil. Ce qui a marché : écrire au bailleur par "
                "lettre recommandée avec accusé de réception, avec des photos datées. Au "
                "téléphone, il ne reste pas de trace. Il y a une lettre type sur le portail, "
                "dans « Trouver des pistes ».",
            ),
            (
                Role.FACILITATOR,
                "Merci pour ce partage. Si rien ne bouge après la lettre, on peut demander "
                "une visite du service d'hygiène de la mairie. Le Groupe Logement peut vous "
                "aider à écrire le courrier : passez nous voir à une permanence.",
            ),
        ],
    },
    {
        "theme": "logement",
        "title": "La caution n'est pas rendue, deux mois après l'état des lieux",
        "text": (
            "J'ai quitté mon appartement il y a deux mois. L'état des lieux de sortie était "
            "bon, le propriétaire l'a signé. Il ne m'a toujours pas rendu la caution. Il a le "
            "droit de la garder aussi longtemps ?"
        ),
        "author": Role.RESIDENT,
        "replies": [
            (
                Role.GROUP_MEMBER,
                "Non. Quand l'état des lieux de sortie est pareil que celui d'entrée, le "
                "propriétaire a un mois pour rendre le dépôt de garantie. Après, il vous doit "
                "en plus une somme pour le retard. Commencez par lui écrire pour lui rappeler "
                "ce délai.",
            ),
            (
                Role.FACILITATOR,
                "Et si la lettre ne suffit pas, la commission départementale de conciliation "
                "peut aider à trouver un accord. C'est gratuit. Nous pouvons vous montrer "
                "comment la saisir.",
            ),
        ],
    },
    {
        "theme": "energie",
        "title": "Grosse facture d'électricité : le chèque énergie, comment ça marche ?",
        "text": (
            "J'ai reçu une facture d'électricité beaucoup plus haute que d'habitude. Une "
            "voisine m'a parlé du chèque énergie. Il faut le demander quelque part ?"
        ),
        "author": Role.RESIDENT,
        "replies": [
            (
                Role.GROUP_MEMBER,
                "Il est envoyé chaque année aux foyers qui y ont droit, selon leurs revenus. "
                "Pour le recevoir, il faut avoir fait sa déclaration de revenus, même sans "
                "revenus. Les règles changent parfois : vérifiez sur le site officiel du "
                "chèque énergie, ou demandez à une permanence.",
            ),
        ],
    },
]

PRIVATE_THREAD = {
    "title": "Comment on s'est senti après la restitution ?",
    "text": (
        "Bonjour à toutes et à tous. La restitution de samedi a été riche, et parfois dure à "
        "entendre. Comment vous êtes-vous senti ? Ici, on peut le dire entre nous."
    ),
    "author": Role.FACILITATOR,
    "replies": [
        (
            Role.GROUP_MEMBER,
            "Moi, j'avais peur de parler devant tout le monde. Mais ça m'a fait du bien de voir "
            "que je n'étais pas seule avec mes problèmes de logement. J'aimerais qu'on refasse "
            "le jeu dans un autre quartier.",
        ),
    ],
}


def _theme(slug):
    # The energy theme may be missing from a trimmed content/ folder: housing is always there.
    return Theme.objects.filter(slug=slug).first() or Theme.objects.get(slug="logement")


@transaction.atomic
def load_demo():
    # Imported here: the demo command imports this module.
    from portail.core.management.commands.demo import demo_account

    public = Tally("Discussions du forum de démonstration")
    private = Tally("Groupe de parole de démonstration")
    moderator = demo_account(Role.MODERATOR)

    for entry in PUBLIC_THREADS:
        theme = _theme(entry["theme"])
        if ForumThread.objects.filter(
            group__isnull=True, theme=theme, original_title=entry["title"]
        ).exists():
            public.add("unchanged")
            continue
        thread = ForumThread.start_public(
            author=demo_account(entry["author"]),
            theme=theme,
            title=entry["title"],
            text=entry["text"],
        )
        thread.opening.approve(by=moderator)
        thread.refresh_from_db()
        for role, text in entry["replies"]:
            thread.reply(author=demo_account(role), text=text).approve(by=moderator)
        public.add("created")

    group = Group.objects.get(slug=HOUSING_GROUP)
    for role in (Role.GROUP_MEMBER, Role.FACILITATOR):
        CharterAcceptance.accept(demo_account(role), group)
    entry = PRIVATE_THREAD
    if ForumThread.objects.filter(group=group, title=entry["title"]).exists():
        private.add("unchanged")
    else:
        thread = ForumThread.start_private(
            author=demo_account(entry["author"]),
            group=group,
            title=entry["title"],
            text=entry["text"],
        )
        for role, text in entry["replies"]:
            thread.reply(author=demo_account(role), text=text)
        private.add("created")
    return [public, private]
