from django.urls import path

from portail.groups.views import content, editing, membership, public

app_name = "groups"

urlpatterns = [
    path("", public.group_list, name="list"),
    path("nouveau/", editing.create, name="create"),
    path("quartiers/", public.by_quartier, name="by_quartier"),
    path("liens/", public.links, name="links"),
    path("invitation/<str:token>/", membership.invitation, name="invitation"),
    path("<slug:slug>/", public.group_detail, name="detail"),
    path("<slug:slug>/modifier/", editing.edit, name="edit"),
    path("<slug:slug>/rejoindre/", membership.join, name="join"),
    path("<slug:slug>/quitter/", membership.leave, name="leave"),
    path("<slug:slug>/animation/", membership.manage, name="manage"),
    path(
        "<slug:slug>/animation/demandes/<int:pk>/",
        membership.decide_request,
        name="decide_request",
    ),
    path("<slug:slug>/animation/membres/<int:pk>/role/", membership.set_role, name="set_role"),
    path(
        "<slug:slug>/animation/membres/<int:pk>/retirer/",
        membership.remove_member,
        name="remove_member",
    ),
    path("<slug:slug>/animation/liens/", membership.propose_link, name="propose_link"),
    path("<slug:slug>/animation/invitation/", membership.invitation_link, name="invitation_link"),
    path("<slug:slug>/animation/liens/<int:pk>/", membership.decide_link, name="decide_link"),
    path("<slug:slug>/journal/", content.journal, name="journal"),
    path("<slug:slug>/journal/ecrire/", content.write_post, name="write_post"),
    path("<slug:slug>/journal/<int:pk>/photo/", content.post_image, name="post_image"),
    path("<slug:slug>/journal/<int:pk>/supprimer/", content.delete_post, name="delete_post"),
    path("<slug:slug>/documents/", content.documents, name="documents"),
    path("<slug:slug>/documents/ajouter/", content.add_document, name="add_document"),
    path("<slug:slug>/documents/<int:pk>/", content.document, name="document"),
    path(
        "<slug:slug>/documents/<int:pk>/supprimer/",
        content.delete_document,
        name="delete_document",
    ),
]
