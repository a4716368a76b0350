from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "portail.letters"
    label = "letters"
    verbose_name = _("Modèles de lettres")

    def ready(self):
        from portail.questions import links

        from .models import Letter

        def resolve(slugs):
            return {
                letter.slug: (letter.title, letter.get_absolute_url())
                for letter in Letter.objects.filter(slug__in=slugs)
            }

        def choices():
            return list(Letter.objects.order_by("title").values_list("slug", "title"))

        # A piste can point to the model letter that fits the person's situation.
        links.register("lettre", _("Modèle de lettre"), resolve, choices)
