from django.urls import path

from portail.experiences.views import attestations, editor, portfolio, records

app_name = "experiences"

urlpatterns = [
    path("", records.record_list, name="list"),
    path("savoir-faire/", records.skills, name="skills"),
    path("ecrire/", editor.record_create, name="create"),
    path("mon-portfolio/", portfolio.my_portfolio, name="my_portfolio"),
    path("mon-portfolio/reglages/", portfolio.portfolio_settings, name="portfolio_settings"),
    path("portfolio/<str:key>/", portfolio.public_portfolio, name="public_portfolio"),
    path("attestations/", attestations.attestation_list, name="attestations"),
    path("attestations/demander/", attestations.attestation_request, name="attestation_request"),
    path("attestations/<int:pk>/", attestations.attestation_detail, name="attestation"),
    path(
        "attestations/<int:pk>/retirer/",
        attestations.attestation_withdraw,
        name="attestation_withdraw",
    ),
    path("attestations/<int:pk>/signer/", attestations.attestation_sign, name="attestation_sign"),
    path(
        "attestations/<int:pk>/refuser/",
        attestations.attestation_decline,
        name="attestation_decline",
    ),
    path("attestations/<int:pk>/pdf/", attestations.attestation_pdf, name="attestation_pdf"),
    path("<slug:slug>/", records.record_detail, name="detail"),
    path("<slug:slug>/pdf/", records.record_pdf, name="pdf"),
    path("<slug:slug>/modifier/", editor.record_edit, name="edit"),
    path("<slug:slug>/publier/", editor.record_publish, name="publish"),
    path("<slug:slug>/brouillon/", editor.record_unpublish, name="unpublish"),
    path("<slug:slug>/supprimer/", editor.record_delete, name="delete"),
    path("<slug:slug>/parties/ajouter/", editor.section_add, name="section_add"),
    path("<slug:slug>/parties/<int:pk>/", editor.section_edit, name="section_edit"),
    path("<slug:slug>/parties/<int:pk>/deplacer/", editor.section_move, name="section_move"),
    path("<slug:slug>/parties/<int:pk>/supprimer/", editor.section_delete, name="section_delete"),
]
