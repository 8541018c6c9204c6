"""Wording round 31 (issue 19), words31fr: the French catalog after the blind read r26
(seed 7676).

The French reader quoted these lines as calques, stiff or presumptuous stock phrases,
or openers said twice to one person; each is retired from every msgstr of the French
catalog and from every French message of seed 7676's corpus:

- « je sais pouvoir réussir dans ces fonctions » (stilted, arrogant);
- « me tente vraiment » (casual, sounds like temptation);
- « Je rejoindrais volontiers l'équipe » (lukewarm);
- « Dites-moi si … » (abrupt imperative);
- « Veuillez trouver ci-joint …, objet de votre demande » (administrative formula);
- « J'écris ce courriel après … » (a calque);
- « … est-elle avancée ? » (clumsy nominal question);
- « Merci de tenir compte de mon profil » (a plea);
- « Je vous remercie et attends votre réponse » (curt);
- « je me permets donc de vous réécrire » after « Je me permets de vous écrire »;
- « la proposition d'embauche, et je vous en remercie également » (nothing else thanked).
"""

from __future__ import annotations

import pytest

from .test_words30fr import _rendered, retired_in_catalog, retired_in_messages

RETIRED = (
    r"je sais pouvoir",
    r"dans ces fonctions",
    r"me tente vraiment",
    r"rejoindrais volontiers",
    r"^Dites-moi si",
    r"Veuillez trouver ci-joint",
    r"J’écris ce courriel",
    r"est-elle avancée",
    r"tenir compte de mon profil",
    r"remercie et attends votre réponse",
    r"je me permets donc de vous réécrire",
    r"d’embauche, et je vous en remercie également",
)


@pytest.fixture(scope="module")
def french() -> list[tuple[str, str, str]]:
    return list(_rendered((7676,)))


def test_no_catalog_sentence_keeps_a_retired_wording() -> None:
    found = retired_in_catalog(RETIRED)
    assert not found, found


def test_no_rendered_french_message_keeps_a_retired_wording(
    french: list[tuple[str, str, str]],
) -> None:
    assert len(french) > 100
    found = retired_in_messages(french, RETIRED)
    assert not found, found
