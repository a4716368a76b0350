"""The floor for the question list: the same 20 rows of the same table, through the same
middleware, rendered by the thinnest possible view and template."""

from django.shortcuts import render

from portail.questions.models import Question


def bare_question_list(request):
    questions = Question.objects.only("id", "text", "created_at").order_by("-created_at")[:20]
    return render(request, "bench/floor_list.html", {"questions": questions})
