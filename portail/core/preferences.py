"""Text size and contrast, kept in cookies: they work without JavaScript or an account."""

from dataclasses import dataclass

TEXT_SIZES = {"normal": "Normale", "grand": "Grande", "tres-grand": "Très grande"}
CONTRASTS = {"normal": "Normal", "eleve": "Élevé"}
TEXT_COOKIE = "taille_texte"
CONTRAST_COOKIE = "contraste"


@dataclass(frozen=True)
class Preferences:
    text_size: str = "normal"
    contrast: str = "normal"

    @property
    def html_classes(self):
        classes = []
        if self.text_size != "normal":
            classes.append(f"texte-{self.text_size}")
        if self.contrast == "eleve":
            classes.append("contraste-eleve")
        return " ".join(classes)


def read_preferences(request):
    size = request.COOKIES.get(TEXT_COOKIE, "normal")
    contrast = request.COOKIES.get(CONTRAST_COOKIE, "normal")
    return Preferences(
        text_size=size if size in TEXT_SIZES else "normal",
        contrast=contrast if contrast in CONTRASTS else "normal",
    )
