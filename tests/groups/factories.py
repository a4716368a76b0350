import factory

from portail.groups.models import Document, Group, GroupLink, JoinRequest, Membership, Post
from tests.groups import files


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group

    name = factory.Sequence(lambda n: f"Groupe {n}")
    slug = factory.Sequence(lambda n: f"groupe-{n}")
    presentation = "Un groupe d'habitants qui s'entraident."
    is_public = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    group = factory.SubFactory(GroupFactory)
    user = factory.SubFactory("tests.accounts.factories.UserFactory")
    role = Membership.Role.MEMBER


class JoinRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JoinRequest

    group = factory.SubFactory(GroupFactory)
    user = factory.SubFactory("tests.accounts.factories.UserFactory")
    message = "J'aimerais venir aux réunions."


class PostFactory(factory.django.DjangoModelFactory):
    """A journal post; `PostFactory(members_only=True)`, `PostFactory(with_image=True)`."""

    class Meta:
        model = Post

    group = factory.SubFactory(GroupFactory)
    author = factory.SubFactory("tests.accounts.factories.UserFactory")
    text = factory.Sequence(lambda n: f"Nous avons préparé la réunion numéro {n}.")
    visibility = "membres"

    class Params:
        public = factory.Trait(visibility="public")
        members_only = factory.Trait(visibility="membres")
        with_image = factory.Trait(
            image=factory.django.FileField(filename="photo.png", data=files.png_bytes()),
            image_type="image/png",
            image_width=40,
            image_height=30,
        )


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    group = factory.SubFactory(GroupFactory)
    title = factory.Sequence(lambda n: f"Compte rendu {n}")
    file = factory.django.FileField(filename="document.pdf", data=files.PDF)
    kind = Document.Kind.PDF
    size = len(files.PDF)
    visibility = "membres"
    uploaded_by = factory.SubFactory("tests.accounts.factories.UserFactory")

    class Params:
        public = factory.Trait(visibility="public")


class GroupLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GroupLink

    from_group = factory.SubFactory(GroupFactory)
    to_group = factory.SubFactory(GroupFactory)

    class Params:
        accepted = factory.Trait(status=GroupLink.Status.ACCEPTED)
