"""Suggest the subject of a question from its words, for the group's « état des lieux ».

A transparent scorer, no learning: each of the 48 subjects has a table of patterns written by
hand (the words residents use, spoken and phonetic spellings, SMS abbreviations) with a weight,
plus the rarer words of the subject's own description. The text is lowercased and its accents
removed, the landlord, the rent and the dwelling are recognised under their many spellings
("proprio", "bayeur", "loyé", "logemen"), then every pattern that matches adds its weight once.
The best total wins if it reaches MIN_SCORE; the group member always sees the words that
counted and chooses.

Patterns are matched on the normalised text: no accents, lowercase, punctuation turned into
spaces. A rule may carry a context: it counts only when the context pattern also matches
somewhere in the text ("renouveler" says « numéro unique » only next to « demande »).
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

MIN_SCORE = 2.0
DESCRIPTION_WORD_WEIGHT = 0.5

# Common spellings folded into one word before matching, so the rules below stay readable.
_CANONICAL = [
    (
        r"\b(?:proprio\w*|propri[eé]t\w*|propri[eé]r\w*|propi?[eé]tair\w*|bay+eu?r\w*|bai+l+eu?r\w*"
        r"|baileu\w*|gerant\w*|regie|agence|gestionnaire|casero)\b",
        "bailleur",
    ),
    (r"\b(?:loy+e?[rst]?s?|loiye|loiyer)\b", "loyer"),
    (r"\b(?:logem\w*|logman\w*|logment\w*|lojem\w*)\b", "logement"),
    (r"\b(?:ap+ar?t\w*|ap+ar\b|studio|t[1-6])\b", "appartement"),
    (r"\b(?:hlm|h l m|logements? socia\w*|logement sos\w*)\b", "hlm"),
    (r"\b(?:koi|kwa|quoi)\b", "quoi"),
    (r"\b(?:pa|pas|po)\b", "pas"),
    (r"\b(?:electri\w*|elektri\w*|eletri\w*|elec)\b", "electricite"),
]

# The rules: (pattern, weight) or (pattern, weight, context). Strong, unambiguous names of a
# scheme weigh 5 or 6; everyday words of the subject 2 to 4; hints 1 or less.
LEXICON = {
    "depot-de-garantie": [
        (r"\bcaution\b(?!\s+solidaire)", 3),
        (r"\bd[eé]p[oô]t\w*\s+(?:de\s+)?garantie", 5),
        (
            r"\b(?:rend\w*|rendu|restitu\w*|rembours\w*|gard\w*|retenu\w*|retien\w*|recuper\w*)\b"
            r".{0,40}\b(?:caution|depot|garantie)\b",
            2,
        ),
        (r"\b(?:gard\w*|retien\w*|retenu\w*)\s+(?:\w+\s+){0,3}\d+\s*(?:euros?|e)\b", 4),
        (r"\b(?:garder|recuperer)\s+(?:cet|son|mon|l)?\s*argent\b", 2),
        (r"\bretenues?\b", 1.5),
        (r"\brendu\s+les\s+cles\b", 1.5),
    ],
    "etat-des-lieux": [
        (r"\betat\s+des?\s+lieu\w*", 4),
        (r"\bedl\b", 4),
        (r"\b(?:repeindre|peinture|trous?|rayures?)\b", 1),
        (r"\b(?:entree|sortie)\b", 0.5, r"\betat\s+des?\s+lieu"),
    ],
    "preavis-depart": [
        (r"\bpr[eé]avi\w*", 4),
        (r"\b(?:quit+\w*|partir|demenag\w*|d[eé]m[eé]naj\w*)\b", 1.5),
        (r"\b(?:lettre\s+de\s+conge|donner\s+(?:mon|son|le)\s+conge|resili\w*)\b", 3),
        (r"\b(?:1|un|3|trois)\s+moi?s?\b", 1),
        (r"\bzone\s+tendue\b", 2),
    ],
    "conge-bailleur": [
        (r"\bconge\s+pour\s+(?:vente|reprise|vendre|habiter)", 5),
        (
            r"\bbailleur\b.{0,60}\b(?:vend\w*|vente|reprend\w*|reprise|recuper\w*\s+(?:son|l)\s*"
            r"appartement|habiter)\b",
            3,
        ),
        (
            r"\b(?:veut|va|voudrait|souhaite)\s+(?:vendre|recuperer|reprendre|loger\s+son|"
            r"mettre\s+son)\b",
            2.5,
        ),
        (r"\b(?:ne\s+renouvel\w*\s+pas|fin\s+du\s+bail|donne\s+conge|donne\s+mon\s+conge)\b", 3),
    ],
    "bail-contrat": [
        (r"\bbail\b", 1.5),
        (r"\bcontrat\s+de\s+(?:location|bail)\b", 3),
        (r"\bclauses?\b", 2),
        (
            r"\b(?:rentr\w*|entr\w*|vien\w*|pass\w*|visit\w*)\s+(?:chez\s+moi|dans\s+(?:mon|l)\s*"
            r"(?:appartement|logement))\s+san[st]?\b",
            4,
        ),
        (r"\bdouble\s+des?\s+cles?\b", 3),
        (r"\bsigner?\s+(?:le|mon|un)\s+bail\b", 2),
    ],
    "quittance": [
        (r"\b(?:quit+an\w*|kit+an\w*|quitence\w*)\b", 5),
        (r"\b(?:justificatifs?|preuves?)\s+de\s+(?:paiement|loyer)\b", 3),
    ],
    "charges-locatives": [
        (r"\bcharges?\b", 1.5),
        (r"\bcharges?\s+(?:locatives?|recuperables?)\b", 4),
        (r"\bprovisions?\s+(?:sur|pour|de)\s+(?:les\s+)?charges?\b", 3),
        (
            r"\b(?:ordures\s+menageres|eau\s+froide|compteur\s+d\s*eau|entretien\s+des\s+espaces)\b",
            1.5,
        ),
    ],
    "regularisation-charges": [
        (r"\bregul\w*|\bregularis\w*", 4),
        (r"\brap+el\s+de\s+charges?\b", 4),
        (r"\bdecompte\w*\b", 3),
        (r"\b(?:factures?|justificatifs?)\b", 1.5, r"\bcharges?\b|\bregul"),
    ],
    "augmentation-loyer": [
        (
            r"\bloyer\b.{0,40}\b(?:augment\w*|ogment\w*|hausse|monte\w*|plus\s+cher)|"
            r"\b(?:augment\w*|ogment\w*|hausse)\b.{0,40}\bloyer\b",
            4,
        ),
        (r"\b(?:irl|indice\s+de\s+reference|revision\s+du\s+loyer)\b", 3),
        (r"\b(?:sls|supplement\s+de\s+loyer|surloyer)\b", 4),
    ],
    "impayes-loyer": [
        (r"\b(?:impay\w*|enpay\w*|inpay\w*)\b", 3),
        (r"\b(?:pas|plus)\s+(?:pu\s+)?(?:pay\w*|paie\w*|regl\w*)\s+(?:\w+\s+){0,3}loyer\b", 3),
        (r"\b(?:pay\w*|paie\w*)\s+pas\s+(?:\w+\s+){0,2}loyer\b", 3),
        (r"\b(?:dettes?|dete|retards?|arrieres?)\s+(?:\w+\s+){0,2}loyer\b", 3),
        (r"\b(?:plan\s+d\s*apurement|echeancier|apurement)\b", 3),
        (r"\bcommandement\s+de\s+payer\b", 2),
        (r"\bretard\w*\b", 1.5),
        (r"\b(?:eviter|peur\s+de|pas\s+etre)\s+(?:l\s*|une\s+)?expul\w*", 2),
    ],
    "expulsion": [
        (r"\b(?:expul\w*|ekspul\w*|espul\w*)\b", 4),
        (r"\b(?:hui+s+ier\w*|uissier\w*|huisier\w*)\b", 2),
        (r"\bcommissaire\s+de\s+justice\b", 2),
        (r"\b(?:assignation|audience|tribunal)\b", 1),
        (r"\bcommandement\s+de\s+quit+er\b", 4),
        (r"\bcommandement\s+de\s+payer\b", 1),
        # Fearing or avoiding an eviction is a matter of debts, not yet of the procedure.
        (r"\b(?:eviter|peur\s+de|pas\s+etre)\s+(?:l\s*|une\s+)?expul\w*", -2),
        (r"\b(?:mettre|mis|met|jeter|jete\w*|vir\w*|foutre)\s+(?:\w+\s+)?dehors\b", 2),
        (r"\b(?:forces?\s+de\s+l\s*ordre|serrurier|changer\s+les\s+serrures)\b", 1),
    ],
    "treve-hivernale": [
        (r"\btr[eê]ve\w*|\btrev\b", 4),
        (r"\bhivernal\w*", 3),
        (r"\b(?:1er|premier)\s+novembre\b|\b31\s+mars\b", 2),
    ],
    "apl-aide-logement": [
        (r"\b(?:apl|als|alf)\b", 5),
        (r"\b(?:aides?|allocations?|alloc)\s+(?:au\s+|de\s+|pour\s+le\s+)?logement\b", 4),
        (r"\baide\s+personnalisee\b", 4),
        (r"\bcaf\b", 1.5),
        (r"\bpremier\s+mois\b", 1.5),
        (r"\b(?:versee?s?|versement|verse\w*|touche\w*)\b", 0.5, r"\bcaf\b"),
    ],
    "fsl-fonds-solidarite-logement": [
        (r"\bfsl\b", 6),
        (r"\bfonds?\s+(?:de\s+)?solidarite\b", 6),
    ],
    "demande-hlm": [
        (r"\b(?:demande|dossier|demander)\s+(?:de\s+|d\s+|un\s+|une\s+)?(?:hlm|logement)\b", 3),
        (r"\bhlm\b", 1),
        (r"\b(?:attribution|commission\s+d\s*attribution|cal)\b", 3),
        (r"\b(?:propos\w*|refus\w*)\b", 1, r"\b(?:hlm|logement|appartement|demande)\b"),
        (r"\bma\s+demande\b", 1),
        (r"\b(?:avoir|obtenir|attendre|attente)\s+(?:d\s*)?(?:un\s+|une\s+)?hlm\b", 3),
        (r"\bpieces?\s+a\s+fournir\b", 1),
    ],
    "numero-unique": [
        (r"\bnumero\s+(?:unique|d\s*enregistrement)\b", 6),
        (r"\battestation\s+d\s*enregistrement\b", 4),
        (r"\brenouvel\w*\b", 3, r"\b(?:demande|hlm|dossier)\b"),
        (r"\b(?:expir\w*|radie\w*|radiation|perime\w*)\b", 3, r"\b(?:demande|hlm|dossier)\b"),
    ],
    "mutation-hlm": [
        (r"\bmutation\w*\b", 5),
        (
            r"\b(?:autre|aute|otre|nouvel|plus\s+grand|plus\s+petit)\s+appartement\b",
            2.5,
            r"\b(?:hlm|bailleur|meme|demande\w*|demende\w*)\b",
        ),
        (r"\b(?:rez\s+de\s+chaus\w*|rdc)\b", 3),
        (
            r"\b(?:changer\s+(?:de|d)\s*(?:logement|appartement|hlm)|echange\w*\s+de\s+logement)\b",
            2.5,
        ),
        (r"\bplus\s+(?:grand|petit)\b", 1.5, r"\bhlm\b"),
        (r"\bsans\s+ascenseur\b", 1.5),
    ],
    "dalo": [
        (r"\bdalo\b", 8),
        (r"\bdroit\s+au\s+logement\s+opposable\b", 8),
        (r"\bcommission\s+de\s+mediation\b", 4),
        (r"\brecours\b", 1),
    ],
    "hebergement-urgence": [
        (r"\b115\b", 5),
        (r"\bsiao\b", 5),
        (
            r"\b(?:dort|dormir|dormi|dor|dors)\s+(?:\w+\s+)?dehors\b|\ba\s+la\s+rue\b|"
            r"\bsans\s+(?:abri|domicile)\b|\bsdf\b",
            4,
        ),
        (
            r"\b(?:foyer|hebergement\s+d\s*urgence|accueil\s+de\s+jour|mise\s+a\s+l\s*abri|"
            r"hotel\s+social)\b",
            3,
        ),
        (r"\bce\s+soir\b", 2),
    ],
    "caf-declaration-ressources": [
        (r"\btrop\s+(?:per[cs]u|percu|paye|touche)\w*|\bindus?\b", 5),
        (r"\bdeclar\w*\b", 1.5, r"\bcaf\b"),
        (r"\bchangement\s+de\s+situation\b", 3),
        (r"\b(?:dettes?|dete)\s+(?:a\s+la\s+|de\s+la\s+)?caf\b", 3),
        (r"\bremise\s+de\s+dette\b", 3),
        (r"\bcontrol\w*\b", 1.5, r"\bcaf\b"),
        (r"\bressources\b", 1.5),
        (r"\bcaf\b", 1),
    ],
    "rsa": [
        (r"\brsa\b|\br\s+s\s+a\b", 6),
        (r"\brevenu\s+de\s+solidarite\b", 6),
        (r"\bdeclaration\s+trimestrielle\b|\bdtr\b", 3),
    ],
    "css-sante": [
        (r"\bcss\b|\bcmu\w*|\bacs\b", 6),
        (r"\bcomplementaire\s+(?:sante|solidaire)\b", 6),
        (r"\bmutuelle\w*\b", 4),
        (
            r"\b(?:carte\s+vitale|secu\w*|securite\s+sociale|ameli|cpam|remboursement\s+des\s+soins)\b",
            2,
        ),
        (r"\b(?:lunettes|dentiste|soins|medicaments?)\b", 1),
    ],
    "humidite-moisissures": [
        (r"\b(?:humid\w*|umid\w*|lumid\w*|humed\w*)\b", 4),
        (r"\b(?:moisi\w*|moisis\w*|moisisur\w*|moisissur\w*|moizi\w*)\b", 4),
        (r"\b(?:champignons?|chanpignons?)\b", 3),
        (r"\b(?:condensation|buee|salpetre)\b", 3),
        (r"\b(?:vmc|ventilation|aeration|aerer|aere)\b", 2),
        (r"\b(?:taches?|traces?|murs?)\s+(?:\w+\s+)?noir\w*\b", 3),
        (r"\b(?:asthme|lasme|asme|asma|bronchite\w*)\b", 1),
    ],
    "logement-indecent": [
        (r"\b(?:indecen\w*|non\s+decen\w*|pas\s+decen\w*|decence)\b", 7),
        (r"\bdecent\w*\b", 3),
        (r"\b(?:metres?\s+carres?|m2|surface)\b", 2),
        (r"\b(?:passoire\w*|dpe|energivore|classe\s+g)\b", 3),
    ],
    "insalubrite": [
        (r"\b(?:insalub\w*|insalu\w*|ensalub\w*|insallub\w*)\b", 5),
        (r"\b(?:ars|service\s+(?:d\s*)?hygiene|hygiene|schs)\b", 3),
        (r"\b(?:peril|dangereu\w*|danger)\b", 2),
        (r"\b(?:fils?|cables?)\s+(?:electricite\s+)?(?:a\s+nu|denude\w*|qui\s+pendent)\b", 3),
        (r"\b(?:plomb|saturnisme|effondr\w*|s\s*ecroule\w*|fissur\w*)\b", 2),
    ],
    "reparations-locatives": [
        (r"\b(?:reparations?\s+locatives?|menues?\s+reparations?|entretien\s+courant)\b", 5),
        (r"\bvetust\w*\b", 4),
        (r"\ba\s+(?:ma|la)\s+charge\b|\bc\s*est\s+a\s+moi\s+de\b", 2),
        (r"\b(?:robinet\w*|joints?|ampoules?|chasse\s+d\s*eau|serrure|ramonage)\b", 1.5),
        (r"\bentretien\s+(?:de\s+la\s+|annuel\s+de\s+la\s+)?chaudiere\b", 3),
        (r"\b(?:moi\s+ou\s+(?:le\s+)?bailleur|bailleur\s+ou\s+moi)\b", 1.5),
    ],
    "travaux-bailleur": [
        (r"\b(?:travaux|travo|traveaux)\b", 2),
        (r"\brepar\w*\b", 1.5),
        (
            r"\b(?:fenetres?|fenaitres?|fenetre|volets?|toiture|toit|facade|plomberie|isolation|"
            r"porte\s+d\s*entree)\b",
            1.5,
        ),
        (
            r"\bbailleur\b.{0,50}\b(?:repar\w*|vien\w*\s+pas|fait\s+rien|repond\w*\s+pas|refuse\w*)"
            r"\b",
            2,
        ),
        (r"\b(?:changer|remplacer|refaire)\b", 1),
    ],
    "chauffage-panne": [
        (r"\b(?:chauf+age\w*|chof+age\w*|chaufage\w*)\b", 2),
        (r"\b(?:chaudiere\w*|chodiere\w*|chaudier\w*|chaudaire\w*)\b", 3),
        (r"\bradiateurs?\b", 2),
        (r"\b(?:pan+e|en\s+rade|marche\s+(?:pas|plus)|fonctionne\s+(?:pas|plus))\b", 1.5),
        (r"\b(?:eau\s+chaude|o\s+chaude|eau\s+froide\s+seulement)\b", 3),
        (r"\b(?:froid|gel\w*|degres)\b", 1.5),
    ],
    "degat-des-eaux": [
        (r"\bd[eé]g[aâ]t\w*\s+des?\s+(?:eaux?|o)\b", 6),
        (r"\bdegats?\b", 2),
        (r"\b(?:fuites?|fuit\w*)\b", 2.5),
        (r"\b(?:inond\w*|infiltration\w*)\b", 3),
        (r"\bplafond\w*\b", 2),
        (r"\bconstat\w*(?:\s+amiable)?\b", 2),
        (r"\b(?:voisin\w*\s+du\s+dessus|au\s+dessus\s+de\s+chez\s+moi)\b", 1.5),
        (r"\bas+uranc\w*\b", 1),
    ],
    "punaises-de-lit": [
        (r"\b(?:punai\w*|punez\w*|punes\w*)\b", 6),
        (r"\bpiq\w*\b", 1.5),
    ],
    "nuisibles": [
        (
            r"\b(?:rats?|souris|cafards?|cafar\w*|blattes?|cancrelats?|puces?|fourmis|guepes?|"
            r"pigeons?|rongeurs?|mouches?|frelons?)\b",
            5,
        ),
        (r"\b(?:deratis\w*|desinsect\w*|desinfect\w*)\b", 5),
        (r"\b(?:nuisibles?|insectes?|bestioles?|bebetes?)\b", 3),
    ],
    "troubles-voisinage": [
        (r"\b(?:bruit\w*|brui)\b", 3),
        (r"\b(?:tapage\w*|nocturne\w*|nuisances?\s+sonores?)\b", 4),
        (r"\bvoisinage\b", 3),
        (r"\bvoisin\w*\b", 1),
        (r"\b(?:musique|fete\w*|crient|cris|hurl\w*|aboie\w*|chiens?)\b", 1.5),
        (r"\b(?:menac\w*|insult\w*|agress\w*|harcel\w*)\b", 2.5),
        (r"\b(?:squat\w*|deal\w*|trafic\w*|rassemblements?)\b", 1.5),
    ],
    "parties-communes-ascenseur": [
        (r"\b(?:as+cen\w*|as+en\w*|asanseur\w*)\b", 3),
        (
            r"\b(?:as+cen\w*|as+en\w*)\s+(?:\w+\s+){0,4}(?:pan+e|bloqu\w*|march\w*\s+pas|arret\w*)"
            r"\b",
            3,
        ),
        (r"\bparties?\s+communes?\b", 5),
        (
            r"\b(?:hall|cages?\s+d\s*escaliers?|couloirs?|local\s+poubelles?|poubelles?|caves?|"
            r"parking|boites?\s+aux\s+lettres|interphone|digicode|eclairage)\b",
            1.5,
        ),
        (r"\b(?:gardien\w*|concierge)\b", 2),
        (r"\b(?:proprete|sale|salete|nettoy\w*)\b", 1),
    ],
    "assurance-habitation": [
        (r"\b(?:as+uranc\w*|las+uranc\w*|as+urer|as+ure)\b", 2.5),
        (
            r"\bas+uranc\w*\s+(?:habitation|abitation|logement|locative|multirisque)\b|"
            r"\bmultirisque\b",
            5,
        ),
        (r"\battestation\s+d\s*as+uranc\w*\b", 3),
    ],
    "cheque-energie": [
        (r"\bch[eè]ques?\s+[eé]nergie\b", 6),
        (r"\bcheques?\b", 2),
    ],
    "coupure-electricite-gaz": [
        (
            r"\b(?:coup\w*)\b.{0,30}\b(?:gaz|electricite|courant|lumiere|edf|engie|compteur)\b|"
            r"\b(?:gaz|electricite|courant|lumiere)\b.{0,30}\bcoup\w*\b",
            5,
        ),
        (
            r"\b(?:reduction\s+de\s+puissance|puissance|limit\w*|brid\w*|minimum)\b",
            2,
            r"\b(?:electricite|gaz|compteur|courant)\b",
        ),
        (r"\b(?:compteur|linky)\b", 2),
        (r"\b(?:edf|engie|fournisseur\w*|totalenergies)\b", 2),
        (r"\bfactures?\s+(?:d\s*|de\s+)?(?:electricite|gaz|energie|edf)\b", 2),
        (r"\b(?:electricite|gaz)\b", 1),
    ],
    "surendettement": [
        (r"\b(?:surend\w*|surdend\w*|surand\w*)\b", 6),
        (r"\b(?:banque|banc|bank)\s+de\s+france\b|\bbdf\b", 4),
        (
            r"\b(?:dettes?|detes?)\s+partout\b|\b(?:plein|trop|beaucoup)\s+de\s+(?:dettes?|credits?)"
            r"\b",
            3,
        ),
        (r"\b(?:credits?|creanciers?)\b", 2),
        (r"\bregroup\w*\b", 2),
    ],
    "colocation": [
        (r"\bcol+oc\w*\b", 6),
        (r"\bclause\s+de\s+solidarite\b", 3),
    ],
    "sous-location": [
        (r"\bsous\s+lou\w*|\bsous\s+location\b|\bsouslou\w*", 6),
        (r"\b(?:airbnb|location\s+touristique|saisonniere)\b", 4),
        (r"\bheberg(?:er|e|es|ent)\s+(?:mon|ma|mes|un|une|quelqu\w*)\b", 3),
    ],
    "commission-conciliation": [
        (r"\bconciliat\w*\b|\bcdc\b", 5),
        (r"\bcommission\s+departementale\b", 4),
        (r"\bmediat\w*\b", 1),
    ],
    "adil-conseil-juridique": [
        (r"\badil\b", 6),
        (
            r"\b(?:avocat\w*|juriste\w*|conseil\s+juridique|point\s+justice|aide\s+juridictionnelle|"
            r"maison\s+de\s+(?:la\s+)?justice|permanence\s+juridique)\b",
            4,
        ),
        (r"\b(?:gratuit\w*|payant\w*)\b", 1.5),
        (r"\b(?:tribunal|juge|audience)\b", 1),
    ],
    "association-locataires": [
        (
            r"\b(?:association|asso)\s+(?:de\s+|des\s+)?locataires\b|\b(?:cnl|clcv|csf|afoc|cgl)\b",
            5,
        ),
        (
            r"\b(?:representants?\s+(?:des\s+)?locataires|elections?\s+(?:des\s+)?locataires|"
            r"conseil\s+d\s*administration|concertation)\b",
            3,
        ),
        (r"\bassociation\b", 1),
    ],
    "amicale-locataires": [
        (r"\bamicale\w*\b", 6),
        (
            r"\b(?:collectif|se\s+reunir|reunion\w*|entre\s+voisins|ensemble|petition\w*|"
            r"mobilis\w*|s\s*organiser)\b",
            2,
        ),
        (r"\bsalle\b(?!\s+de\s+(?:bain|bin|bains|d\s*eau))", 1),
    ],
    "accessibilite-handicap": [
        (r"\b(?:handica\w*|andica\w*)\b", 5),
        (r"\b(?:fauteuil\w*|pmr|mobilite\s+reduite|mdph|aah|perte\s+d\s*autonomie)\b", 4),
        (r"\badapt\w*\b", 2),
        (
            r"\b(?:douche\s+a\s+l\s*italienne|douche\s+italienne|barres?\s+d\s*appui|"
            r"monte\s+escaliers?|baignoire)\b",
            3,
        ),
        (r"\b(?:peu[tx]?|pe)\s+(?:plus|pas)\s+monter\b", 2),
    ],
    "sur-occupation": [
        (r"\bsur\s*occup\w*|\bsous\s*occup\w*", 6),
        (
            r"\btrop\s+(?:petit|petite|grand|grande)\b|\bentass\w*|\bune\s+seule\s+(?:piece|chambre)"
            r"\b",
            3,
        ),
        (r"\b(?:on\s+est|nous\s+sommes|a)\s+\d+\s+dans\b", 3),
        (r"\ba\s+l\s*etroit\b", 2),
        (r"\b(?:metres?\s+carres?|m2|surface)\b", 1.5),
    ],
    "caution-garant-visale": [
        (r"\bvisale\b", 6),
        (r"\bgarant(?:e|s|es)?\b", 4),
        (r"\b(?:caution\s+solidaire|se\s+porter\s+caution|porte\s+caution)\b", 5),
        (r"\bdossier\s+de\s+(?:location|candidature)\b|\bpieces?\b.{0,40}\bdemand\w*\b", 3),
        (r"\b(?:3|trois)\s+fois\s+(?:le\s+)?loyer\b|\bfiches?\s+de\s+paie\b", 3),
    ],
    "discrimination-logement": [
        (r"\bdiscrimin\w*\b", 6),
        (r"\bdefenseur\s+des\s+droits\b", 4),
        (r"\b(?:racis\w*|couleur\s+de\s+peau|origine\w*|etranger\w*|religion|voile)\b", 2.5),
        (r"\brefus\w*\b.{0,30}\b(?:parce\s+que|a\s+cause)\b", 2),
    ],
    "separation-deces-bail": [
        (
            r"\b(?:separ\w*|divorc\w*|rupture|mon\s+ex|ex\s+(?:mari|femme|conjoint\w*|compagn\w*))\b",
            4,
        ),
        (r"\b(?:violen\w*|conjugal\w*|ordonnance\s+de\s+protection|frappe\w*)\b", 3),
        (r"\b(?:deces|decede\w*|veu[fv]\w*|mort)\b", 4),
        (
            r"\b(?:nos\s+deux\s+noms|deux\s+noms|cotitulaire\w*|co\s+titulaire\w*|"
            r"transfert\s+du\s+bail)\b",
            4,
        ),
    ],
}

# Words too common in the subjects' descriptions to tell one from another.
_STOPWORDS = frozenset(
    """avec dans pour sans sous entre leur leurs cette celle ceux comme mais plus moins tres
    aussi tout toute tous toutes autre autres faire etre avoir peut doit sont quoi quand
    comment locataire locataires bailleur logement loyer demande droit droits aides recours
    delais conditions""".split()  # noqa: SIM905
)


def normalise(text):
    """Lowercase, no accents, only letters, digits and single spaces; the usual spellings of
    the landlord, the rent and the dwelling folded into one word."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    for pattern, replacement in _CANONICAL_COMPILED:
        text = pattern.sub(replacement, text)
    return text


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern
    weight: float
    context: re.Pattern | None = None


def _compile_rule(rule):
    pattern, weight, *context = rule
    return _Rule(re.compile(pattern), float(weight), re.compile(context[0]) if context else None)


_CANONICAL_COMPILED = [(re.compile(pattern), replacement) for pattern, replacement in _CANONICAL]
_RULES = {key: [_compile_rule(rule) for rule in rules] for key, rules in LEXICON.items()}


@dataclass
class Suggestion:
    key: str
    score: float = 0.0
    matched: list = field(default_factory=list)


def _stem(word):
    return word[:7]


@lru_cache(maxsize=8)
def _description_stems(subjects):
    """For each subject, the stems of the words of its title and description that at most two
    subjects share: « moisissures », « dératisation » say something, « bailleur » does not."""
    stems_of = {}
    for key, title, description in subjects:
        words = normalise(f"{title} {description}").split()
        stems_of[key] = {_stem(word) for word in words if len(word) >= 5 and word not in _STOPWORDS}
    frequency = {}
    for stems in stems_of.values():
        for stem in stems:
            frequency[stem] = frequency.get(stem, 0) + 1
    return {key: {s for s in stems if frequency[s] <= 2} for key, stems in stems_of.items()}


def rank(text, subjects=()):
    """Every subject that scores, best first, with the words that counted. `subjects` is a
    sequence of (key, title, description); without it only the hand-written rules count."""
    normalised = normalise(text)
    suggestions = {}
    for key, rules in _RULES.items():
        for rule in rules:
            if rule.context and not rule.context.search(normalised):
                continue
            found = rule.pattern.search(normalised)
            if found:
                suggestion = suggestions.setdefault(key, Suggestion(key))
                suggestion.score += rule.weight
                suggestion.matched.append(found.group(0).strip())
    if subjects:
        text_stems = {_stem(word) for word in normalised.split() if len(word) >= 5}
        for key, stems in _description_stems(tuple(subjects)).items():
            common = sorted(text_stems & stems)
            if common:
                suggestion = suggestions.setdefault(key, Suggestion(key))
                suggestion.score += DESCRIPTION_WORD_WEIGHT * len(common)
                suggestion.matched.extend(common)
    order = list(LEXICON)
    return sorted(
        (s for s in suggestions.values() if s.score > 0),
        key=lambda s: (-s.score, order.index(s.key) if s.key in order else len(order)),
    )


def explain(text, subjects):
    """The best suggestion for `text` among `subjects` (Subject objects) as
    (subject, score, matched words), or (None, score, []) when nothing is convincing."""
    by_key = {subject.key: subject for subject in subjects}
    rows = tuple((s.key, s.title, s.description) for s in by_key.values())
    for suggestion in rank(text, rows):
        if suggestion.key in by_key:
            if suggestion.score < MIN_SCORE:
                return None, suggestion.score, []
            return by_key[suggestion.key], suggestion.score, suggestion.matched
    return None, 0.0, []


def suggest_subject(text, subjects=None):
    """(Subject or None, score): the subject the text most likely speaks of. The theme to
    suggest is the subject's theme."""
    if subjects is None:
        from portail.places.models import Subject

        subjects = list(Subject.objects.select_related("theme"))
    subject, score, _ = explain(text, subjects)
    return subject, score
