"""What a region says otherwise than its language's catalog, in the library's own words.

The French catalog is France's; Quebec says a few things otherwise (« entrevue »,
« courriel », « Cordialement, »).  `quebec` rewrites a sentence of the catalog, before
its values are put in, so that what the user typed is never touched.  It is a leaf: the
messages' language (`followup_rules._languages.fr`) and the words of the steps and the
calendar (`followup_rules._step_words`) both read it.
"""

from __future__ import annotations

import re

__all__ = ["quebec"]


_QUEBEC_WORDS = (
    ("tombez sur la messagerie", "tombez sur la boîte vocale"),
    ("Bien cordialement,", "Cordialement,"),
    # "se réjouir de" reads Belgian or Swiss in Quebec, a calque of "I look forward" (r22)
    ("Je me réjouis de connaître", "J’ai hâte de connaître"),
)
"""What France's French says (the catalog) and Quebec's instead, in the library's own
sentences (issue 19, sixth round, class 7; the r5 reader of the fr-CA notes)."""


_QUEBEC_FORMS = (
    # Quebec's job interview is « une entrevue » (feminine): what agrees with it goes
    # with it, before the noun itself is swapped (words27d class 1, r23 fr H).
    (re.compile(r"\b([Cc])et entretien\b"), r"\1ette entrevue"),
    (re.compile(r"\b([Uu])n entretien\b"), r"\1ne entrevue"),
    (re.compile(r"\bentretien((?: que vous m’avez)?) (accordé|consacré)\b"), r"entrevue\1 \2e"),
    (re.compile(r"\bentretien (est|était|a été|ait été) (terminé|suivi|prévu|fixé)\b"),
     r"entrevue \1 \2e"),
    (re.compile(r"\b([Ee])ntretiens\b"), r"\1ntrevues"),
    (re.compile(r"\b([Ee])ntretien\b"), r"\1ntrevue"),
    # « carte de visite » is France's; Canada hands over « une carte professionnelle »
    (re.compile(r"\bcartes de visite\b"), "cartes professionnelles"),
    (re.compile(r"\bcarte de visite\b"), "carte professionnelle"),
    # Quebec writes « courriel » where France writes « e-mail » (the steps' and the
    # calendar's words; the messages say « courriel » already)
    (re.compile(r"\b([LlDd])’e-mail\b"), r"\1e courriel"),
    (re.compile(r"\b([Cc])et e-mail\b"), r"\1e courriel"),
    (re.compile(r"\bE-mails\b"), "Courriels"),
    (re.compile(r"\be-mails\b"), "courriels"),
    (re.compile(r"\bE-mail\b"), "Courriel"),
    (re.compile(r"\be-mail\b"), "courriel"),
)  # fmt: skip
"""France's words that Quebec says otherwise, with what agrees with them (the r23 fr
reader: « entretien » throughout the fr-CA scenarios, where Canada says « entrevue »)."""


def quebec(sentence: str) -> str:
    """*sentence*, one of the library's own (a catalog entry, before its values are put
    in), as Quebec writes it (the catalog is France's): « Cordialement, », « l’entrevue »,
    « une entrevue », « cette entrevue », « la carte professionnelle », « le courriel ».
    What the user
    typed never passes through here: a topic « l’entretien du réseau » stays as typed."""
    text = str(sentence)
    for france, canada in _QUEBEC_WORDS:
        if france in text:
            text = text.replace(france, canada)
    if "ntretien" in text or "carte" in text or "-mail" in text:
        for pattern, canada in _QUEBEC_FORMS:
            text = pattern.sub(canada, text)
    return sentence if text == sentence else type(sentence)(text)
