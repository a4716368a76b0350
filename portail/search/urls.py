from django.urls import path

from portail.search import views

app_name = "search"

urlpatterns = [
    path("", views.results, name="results"),
    path("suggestions/", views.suggestions_view, name="suggestions"),
]
