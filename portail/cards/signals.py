"""A question card follows its question at once: when a moderator takes the question off the
portal or corrects its text (after a report of personal data, say), the card changes or goes
with it, without waiting for the next generation."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from portail.cards.generate import sync_question_card
from portail.questions.models import Piste, Question


@receiver(post_save, sender=Question, dispatch_uid="cards-question-saved")
def question_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        sync_question_card(instance)


@receiver(post_save, sender=Piste, dispatch_uid="cards-piste-saved")
@receiver(post_delete, sender=Piste, dispatch_uid="cards-piste-deleted")
def piste_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    question = Question.objects.filter(pk=instance.question_id).first()
    if question is not None:
        sync_question_card(question)


@receiver(post_delete, sender=Question, dispatch_uid="cards-question-deleted")
def question_deleted(sender, instance, **kwargs):
    from portail.cards.models import Card

    Card.objects.filter(source=Card.Source.QUESTION, source_key=str(instance.pk)).delete()
