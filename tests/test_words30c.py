"""words30c: replies to news, the offer reply, requested items and the feedback answer,
as the twenty-fifth blind read (r25, seed 6464) found them.

1. News from no one on record went unthanked: every r25 reader asked why (en 07.8 "I am
   writing because I heard on ...", de 07.8 «ich schreibe Ihnen, weil ich ... erfahren
   habe», fr 07.8 «Je vous écris car j'ai appris», es 07.8 «Fue una gran alegría saber
   ...» with no thanks; es 05.1 "the offer itself is never thanked for").  The lead
   decided: thank the company for the news, "you" being the company, in words that never
   make the reader its sender ("your message", "letting me know"); the reader who sent it
   is thanked as before.
2. The next-round chasers closed curtly or oddly: "Many thanks." after a question (en
   07.9), "I will be glad to take part." (en 07.9, "as if doing them a favour").
3. "Attached you will find two references, which you asked me to send." (en 04.6: word
   order).
4. The feedback answer said the check-in's "I remain very interested" to the person the
   next check-in says it to (en 15.6, 15.7).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest

import followup_rules
from followup_rules import ActionKind, Channel, Outcome, Update, plan, render

from .test_words5 import _gettext
from .test_writing import ANA, BO, NY, check_ins, in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")
COMPANIES = ("Acme Analytics", "Northwind Freight", "Brightline Logistics", "Meridian Health")

# -- 1. news from no one on record is thanked for, as the company's ----------------------

# words32c rewrote both tables to the lead's round-32 rule, which replaced this class's
# (r26 and r27 en, es 07.6 "Thank you for the news."): news
# from no one on record is thanked for in the organisation's own voice, a "you" that may be
# the company ("Thank you for letting me know on ...", fr « de m'avoir fait savoir »), never
# as a message of the reader's and, in Spanish, with no «usted» thanked alone nor a plural
# «Les» in a note to one person (r27 es 08.9)
NEWS_THANKED = {
    "en": r"Thank you for letting me know|Many thanks for telling me|grateful that you let me",
    "de": r"Dank für (die|diese) Nachricht",
    "fr": r"vous remercie|\bMerci\b",
    "es": r"gracias por (informarme|avisarme|comunicarme)",
}
SENT_BY_READER = {
    "en": r"your (message|update|e-?mail)|you told me|you sent",
    "de": r"Ihre(r)? (Nachricht|Mitteilung|E-Mail) vom|mitgeteilt haben"
    r"|Sie mir [^.]*(mitgeteilt|gesagt|geschrieben)",
    "fr": r"votre (message|courriel)|vous m’avez (appris|annoncé|écrit)",
    "es": r"su (mensaje|correo)|me indicó|me comunicó|me escribió|\bles agradezco\b",
}


def _round_reply(code: str, company: str, hour: int, sender: Any) -> tuple[Any, Any]:
    """The first check-in after news of a next round at *hour* on the interview's day
    (the thank-yous are due at 16:00: at 16 they carry the news, at 18 they do not)."""
    iv = in_language(meeting(company=company), code)
    giver = None if sender is None else iv.interviewers[sender]
    news = Update(pendulum.datetime(2026, 7, 7, hour, tz=NY), Outcome.NEXT_ROUND, sender=giver)
    return iv, check_ins(plan(iv, history=[news]))[0]


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("company", COMPANIES)
@pytest.mark.parametrize("hour", [16, 18])
def test_next_round_news_from_no_one_on_record_is_thanked_as_the_companys(
    code: str, company: str, hour: int
) -> None:
    """Class 1: the first reply to news of a next round with no sender thanks for the
    news, whether or not a thank-you already welcomed it, and never says the reader sent
    it; news the reader gave is still thanked as theirs."""
    iv, step = _round_reply(code, company, hour, None)
    assert step.facts.news is Outcome.NEXT_ROUND
    opening = render(step, iv).text.split("\n\n")[1]
    assert re.search(NEWS_THANKED[code], opening, re.I), opening
    assert not re.search(SENT_BY_READER[code], opening, re.I), opening
    iv, step = _round_reply(code, company, hour, 0)
    opening = render(step, iv).text.split("\n\n")[1]
    assert re.match(r"Thank you|vielen Dank|Merci|Je vous remercie|Gracias", opening), opening


OFFER_GLAD_PLAIN = {
    "en": r"I was very pleased to receive the offer\.$",
    "de": r"Über das Angebot habe ich mich sehr gefreut\.$",
    "fr": r"j’ai reçu la proposition d’embauche\.$",
    "es": r"Me alegró mucho recibir la oferta\.$",
}
OFFER_AS_MAKER = {
    "en": r"^Thank you (very much )?for the offer",
    "de": r"^vielen Dank für das Angebot",
    "fr": r"^Merci pour la proposition",
    "es": r"^Muchas gracias por la oferta",
}


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("company", COMPANIES)
@pytest.mark.parametrize("sender", [None, "Ana Ruiz", "Bo Chen"])
def test_the_offer_reply_thanks_for_the_offer_and_names_its_maker_only_if_known(
    code: str, company: str, sender: str | None
) -> None:
    """Class 1 (r25 es 05.1, fr 05.1): the contact's note after an offer thanks for the
    offer whoever made it; it opens on thanks for the offer, as the reader's, only when
    the history says the reader made it, names another maker when one is recorded, and
    with no maker on record thanks the company "also", after the reader's own time."""
    iv = in_language(meeting(company=company), code)
    offer = Update(pendulum.datetime(2026, 7, 7, 16, tz=NY), Outcome.OFFER, sender=sender)
    (note,) = (
        a
        for a in plan(iv, history=[offer])
        if a.kind is ActionKind.THANK_YOU
        and a.channel is Channel.EMAIL
        and a.recipient is iv.follow_up_contact
    )
    paragraph = render(note, iv).text.split("\n\n")[1]
    made = sender == "Ana Ruiz"
    assert bool(re.search(OFFER_AS_MAKER[code], paragraph)) is made, paragraph
    assert not re.search(SENT_BY_READER[code], paragraph, re.I), paragraph
    if sender is None:
        # words32c class 1 rewrote this line, which pinned a second thanks in the
        # opening ("I was very pleased to receive the offer, and I thank you for it.":
        # r26 en 05.1 three thanks in five sentences, r27 en and es 05.1): the opening is
        # glad of the offer, and the note's last line thanks for the opportunity
        assert re.search(OFFER_GLAD_PLAIN[code], paragraph), paragraph
        last = render(note, iv).text.split("\n\n")[-2]
        assert last.endswith(_gettext(code, "Thank you again for this opportunity.")), last
    elif not made:
        assert sender in paragraph, paragraph


# -- 2. the next-round chasers close warmly and plainly ------------------------------------

RETIRED_ROUND_LINES = ("Many thanks.", "I will be glad to take part.")


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("sender", [None, 0, 1])
def test_no_next_round_check_in_closes_curtly(code: str, sender: int | None) -> None:
    """Class 2 (r25 en 07.9 "Have the arrangements ... been made yet? I will be glad to
    take part. / Many thanks."): no check-in of a next round, of any number and whoever
    gave the news, says either line, in any language."""
    retired = [_gettext(code, line) for line in RETIRED_ROUND_LINES]
    for company in COMPANIES:
        iv, step = _round_reply(code, company, 18, sender)
        for attempt in range(1, 8):
            facts = attrs.evolve(step.facts, attempt=attempt)
            text = render(attrs.evolve(step, facts=facts), iv).text
            said = set(re.split(r"(?<=[.?!])\s+", text.replace("\n", " ")))
            assert not said & set(retired), (attempt, text)


# -- 3. requested items in plain order ------------------------------------------------------


def test_no_template_says_attached_you_will_find() -> None:
    """Class 3 (r25 en 04.6): no English sentence of any template opens a clause on
    "Attached you will find" (every wording of `_requested.txt`, late or not)."""
    source = Path(followup_rules.__file__).parent / "templates"
    found = [
        path.name
        for path in source.glob("*.txt")
        if "Attached you will find" in path.read_text(encoding="utf-8")
    ]
    assert not found, found


@pytest.mark.parametrize("company", COMPANIES)
def test_no_requested_items_sentence_is_inverted(company: str) -> None:
    """Class 3, rendered: a panel of eight who each asked for something, every e-mail that
    carries the items (every wording of the slot the panel reaches) says none inverted."""
    people = [
        attrs.evolve(
            BO, name=f"Bo Chen{i}", email=f"b{i}@acme.example", requested=("two references",)
        )
        for i in range(7)
    ]
    contact = attrs.evolve(ANA, requested=("two references",))
    iv = meeting(company=company, interviewers=[contact, *people])
    for action in plan(iv):
        if action.template is None or action.channel is not Channel.EMAIL:
            continue
        text = render(action, iv).text
        assert "Attached you will find" not in text, text
        assert not re.search(r"which you asked me on [^.]* to send", text), text


# -- 4. the feedback answer keeps the check-in's interest line for the check-in -------------


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("sender", [None, ANA])
def test_the_feedback_answer_does_not_say_the_check_ins_interest_line(
    code: str, sender: Any
) -> None:
    """Class 4 (r25 en 15.6 "I remain very interested and look forward to hearing from
    you.", 15.7 "I remain very interested in the role." to one person): the answer to a
    request for feedback before any decision closes in words of its own."""
    iv = in_language(meeting(), code)
    asked = Update(
        pendulum.datetime(2026, 7, 9, 11, tz=NY), Outcome.FEEDBACK_REQUESTED, sender=sender
    )
    answer = next(a for a in plan(iv, history=[asked]) if a.kind is ActionKind.FEEDBACK_RESPONSE)
    text = render(answer, iv, feedback="FEEDBACK").text
    line = _gettext(code, "I remain very interested in the role.")
    assert line.rstrip(".") not in text, text
    assert {"en": "remain very interested"}.get(code, "\0") not in text, text
