from django.urls import path

from bench import views
from portail.urls import *  # noqa: F403 (error handlers)
from portail.urls import urlpatterns as portal_urlpatterns

urlpatterns = [
    path("bench/liste-nue/", views.bare_question_list),
    *portal_urlpatterns,
]
