from django.urls import path

from portail.glossary import views

app_name = "glossary"

urlpatterns = [
    path("", views.index, name="index"),
    path("theme/<slug:slug>/lexique/", views.lexicon, name="lexicon"),
    path("theme/<slug:slug>/lexique.pdf", views.lexicon_pdf, name="lexicon_pdf"),
    path("<slug:slug>/", views.term, name="term"),
]
