"""Wording round 30 (issue 19), words30fr: the French catalog after the blind reads r25
(seed 6464) and r24 (seed 4141).

1. Calques and unidiomatic stock lines of the thank-yous: « Votre écoute au sujet du
   poste … m'a été précieuse » (r25 fr 10.5, 13.6), « m'accorder la visite du laboratoire »
   (04.7, 14.18), « Le temps que vous m'avez consacré, vos collègues et vous, est très
   apprécié » (14.14), the blunt « Saluez de ma part chacun de vos collègues, je vous prie »
   (14.19), the verbless « Sincères remerciements pour … » (14.17), « Mille mercis » to a
   professor (07.7), « recevoir peu après la proposition » (05.1), the inverted
   « L'occasion ne s'est pas présentée de mentionner » (08.5), the passive « Je n'ai pas
   fait état de » (03.4, 07.7, 09.5), « m'excuser d'écrire » with no object (12.7),
   « Je garde en tête » (01.9, 10.5), « L'entretien m'a donné » after « un entretien »
   (01.8), « une contribution à ce poste » (10.5, 14.12), the subject's « pour … pour »
   (14.15), the filler « pour que vous puissiez en prendre connaissance » (14.15), and a candidate
   « reçu » in the masculine whatever their gender.
2. The check-ins: « Après avoir appelé » (11.8), « le coup de téléphone que j'ai passé
   … concernant » (01.11, 04.9, 09.7; said « j'ai appelé », never « mon appel », which
   words4 keeps for a call of unknown outcome), the brusque « La décision
   concernant ce poste est-elle arrêtée ? » (01.11, 03.6, 04.9, 09.7), and the closes
   « me réjouis d'avoir votre retour » (02.8, 12.10, 13.10, 15.9; r24 12.8, 13.8),
   « j'attends votre réponse avec plaisir » (11.9, 14.22; r24 03.8), « j'espère que nous
   resterons en contact » (01.12), « retour » for a reply (a Gallicism in Quebec: r25 fr
   02.8, 15.9), « encore envisagée » (r24 08.13) and « Je vous écris car » for news of a
   next round (07.8).
3. Interest said « vivement » to one person again and again (r25 fr 14.19, 14.20, 14.22):
   no recipient hears it more than twice.
4. A doctorate in running text, « la docteure Claire Dubois », reads as a physician
   (r25 fr 11.5): French names a doctor as anyone else there.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterator

import pytest

from followup_rules import ActionKind, Interviewer, Recruiter, plan, render

from .test_corpus_checks import SCRIPTS
from .test_words27d import _msgstrs
from .test_writing import in_language, meeting

RETIRED = (
    # 1. the thank-yous
    r"[ÉE]coute au sujet",
    r"m’accorder (?:%\(part\)s|la visite|le tour|une visite)",
    r"est très apprécié",
    r"Saluez de ma part",
    r"^Sincères remerciements",
    r"Mille mercis",
    r"recevoir peu après",
    r"L’occasion ne s’est pas présentée",
    r"fait état de",
    r"m’excuser d’écrire",
    r"Je garde en tête",
    r"^L’entretien m’a donné",
    r"contribution à ce poste",
    r"^Merci pour l’entretien pour",
    r"pour que vous puissiez en prendre connaissance",
    r"m’avoir reçu en entretien",
    # 2. the check-ins
    r"Après avoir (?:appelé|téléphoné)\b",
    r"coup de téléphone",
    r"est-elle arrêtée",
    r"me réjouis d’avoir|me réjouis de recevoir|me réjouis d’en connaître",
    r"attends votre réponse avec plaisir",
    r"resterons en contact",
    r"votre retour du|avoir votre retour|D’ici votre retour",
    r"encore envisagée",
    r"^Je vous écris car",
    # 4. a doctorate in running text
    r"\bla docteure\b|\ble docteur\b",
)


def _rendered(seeds: tuple[int, ...] = (6464, 4141)) -> Iterator[tuple[str, str, str]]:
    """(scenario key, recipient, subject and text) of every French message of the
    corpora of *seeds*."""
    sys.path.insert(0, str(SCRIPTS))
    try:
        import corpus
    finally:
        sys.path.remove(str(SCRIPTS))
    for seed in seeds:
        for _, build in corpus.scenarios(seed):
            scenario = corpus.play(build("fr"), {})
            for item in scenario.rendered:
                recipient = item.action.recipient
                name = recipient.name if recipient is not None else ""
                text = f"{item.message.subject or ''}\n{item.message.text}"
                yield f"{seed}-{scenario.key}", name, text


def _sentences(text: str) -> Iterator[str]:
    for line in text.splitlines():
        line = line.strip().lstrip('-«„" ').strip()
        yield from (part for part in re.split(r"(?<=[.?!])\s+", line) if part)


@pytest.fixture(scope="module")
def french() -> list[tuple[str, str, str]]:
    return list(_rendered())


def retired_in_catalog(retired: tuple[str, ...]) -> list[tuple[str, str]]:
    """Each French msgstr that still says one of *retired* (regular expressions)."""
    return [
        (pattern, text)
        for text in _msgstrs("fr")
        for pattern in retired
        if re.search(pattern, text, re.MULTILINE)
    ]


def retired_in_messages(
    french: list[tuple[str, str, str]], retired: tuple[str, ...]
) -> list[tuple[str, str, str]]:
    """Each sentence of the rendered *french* messages that says one of *retired*."""
    return [
        (key, pattern, sentence)
        for key, _, text in french
        for sentence in _sentences(text)
        for pattern in retired
        if re.search(pattern, sentence)
    ]


def test_no_catalog_sentence_keeps_a_retired_wording() -> None:
    found = retired_in_catalog(RETIRED)
    assert not found, found


def test_no_rendered_french_message_keeps_a_retired_wording(
    french: list[tuple[str, str, str]],
) -> None:
    assert len(french) > 250
    found = retired_in_messages(french, RETIRED)
    assert not found, found


def test_no_one_hears_vivement_interested_more_than_twice(
    french: list[tuple[str, str, str]],
) -> None:
    """r25 fr 14.19, 14.20, 14.22: three near-identical « m'intéresse vivement » to Marc
    Roy within 15 days."""
    said = Counter(
        (key, name)
        for key, name, text in french
        if name and re.search(r"m’intéress\w* (?:toujours )?vivement", text)
    )
    assert [pair for pair, count in said.items() if count > 2] == []


@pytest.mark.parametrize("locale", ["fr", "fr_BE", "fr_CA"])
def test_a_doctor_is_named_as_anyone_in_running_text(locale: str) -> None:
    claire = Interviewer(
        "Claire Dubois", honorific="Ms. Dr.", title="Directrice des données", email="c@x.example"
    )
    marc = Interviewer("Marc Roy", honorific="Mr. Prof.", email="m@x.example")
    rita = Recruiter("Rita Cole", agency="SelecSource", email="rita@agency.example")
    iv = in_language(meeting(interviewers=[claire, marc], recruiter=rita), locale)
    debriefs = [
        render(action, iv).text
        for action in plan(iv)
        if action.kind is ActionKind.RECRUITER_DEBRIEF
    ]
    assert debriefs
    for text in debriefs:
        assert "docteure" not in text and "Dre " not in text, text
        assert "Claire Dubois" in text and "le professeur Marc Roy" in text, text
