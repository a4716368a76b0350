from django.urls import path

from portail.questions.views import ask, public

urlpatterns = [
    path("poser-une-question/", ask.ask, name="ask"),
    path("suivi/<str:token>/", ask.follow, name="follow"),
    path("mes-questions/", ask.mine, name="mine"),
    path("mes-questions/<int:pk>/", ask.mine_detail, name="mine_detail"),
    path("questions/saisir/", ask.enter_on_behalf, name="enter"),
    path("questions/", public.question_list, name="list"),
    path("questions/<int:pk>/", public.question_detail, name="detail"),
    path("questions/<int:pk>/reaction/", public.react, name="react"),
    path("questions/<int:pk>/signaler/", public.report, name="report"),
]
