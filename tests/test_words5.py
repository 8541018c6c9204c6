"""Issue 19, fifth round: one test per class of the round-4 cold reads (corpus seed
5151), in every language where the class applies (``words5.md``)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import attrs
import pytest

from followup_rules import (
    Channel,
    Outcome,
    Update,
    parse_timeframe,
    plan,
    render,
)
from followup_rules._languages import language

from .test_writing import check_ins, done_until, in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")


def _openings(action: Any, iv: Any, attempts: range) -> list[str]:
    """The first paragraph after the greeting of *action* rendered as each attempt."""
    said = []
    for attempt in attempts:
        again = attrs.evolve(action, facts=attrs.evolve(action.facts, attempt=attempt))
        said.append(render(again, iv).text.split("\n\n")[1])
    return said


# -- class 1a: a call of unknown outcome is a try, not a conversation ------------------------

CALLED_YOU = re.compile(
    r"habe Sie .{0,99}angerufen|bei Ihnen angerufen|hatte ich .{0,99}angerufen|"
    r"vous ai téléphoné|vous ai appelé|Ayant appelé|j’ai appelé|J’ai téléphoné|"
    r"\b(le|la) llamé\b|hablamos por teléfono",
    re.IGNORECASE,
)


@pytest.mark.parametrize("code", ["de", "fr", "es"])
def test_after_a_call_of_unknown_outcome_the_email_says_the_candidate_tried(code: str) -> None:
    """Class 1a (blocker): nobody is known to have answered the call, so in German and
    French "ich habe Sie angerufen" / "je vous ai téléphoné" read as a conversation;
    every check-in number says the candidate tried to reach them ("habe ich versucht,
    Sie telefonisch zu erreichen"). Spanish "Llamé por teléfono" was read as true either
    way (the r4 reader); only "le llamé" (you were called, as if reached) is out."""
    iv = in_language(meeting(), code)
    whole = plan(iv)
    call = check_ins(whole)[0]
    assert call.channel is Channel.PHONE
    email = check_ins(plan(iv, history=done_until(whole, call)))[0]
    for opening in _openings(email, iv, range(1, 7)):
        assert not CALLED_YOU.search(opening), opening


@pytest.mark.parametrize("code", ["de", "fr", "es"])
def test_the_second_voicemail_after_an_unknown_call_says_the_candidate_tried(code: str) -> None:
    """Class 1a: a second call's voicemail after a call nobody is known to have taken
    does not say "I called you" either, whichever of its wordings comes up."""
    iv = in_language(meeting(), code)
    whole = plan(iv)
    call = check_ins(whole)[0]
    after = check_ins(plan(iv, history=done_until(whole, call)))[0]
    previous = after.facts.previous
    assert previous is not None and previous.channel is Channel.PHONE
    for attempt in range(2, 5):
        facts = attrs.evolve(call.facts, previous=previous, attempt=attempt)
        script = render(attrs.evolve(call, facts=facts), iv).text
        assert not CALLED_YOU.search(script), script


# -- class 1b: a window is never turned into a date ----------------------------------------

WINDOWS = ("within a fortnight", "in two weeks", "within 10 days", "in a week")


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("phrase", WINDOWS)
def test_a_decision_window_is_never_made_a_date(code: str, phrase: str) -> None:
    """Class 1b (blocker): the employer said "within a fortnight"; no message (check-in
    e-mail, call script, voicemail) names the end date the library computed: that date
    was never given. The window is quoted, anchored on the interview ("within two weeks
    of the interview")."""
    base = meeting(decision_by=None)
    window = parse_timeframe(phrase, base.starts_at.date())
    iv = in_language(meeting(decision_by=window), code)
    end = window.end
    whole = plan(iv)
    texts = [render(a, iv).text for a in whole if a.template is not None]
    history = done_until(whole, check_ins(whole)[0])
    texts += [render(a, iv).text for a in plan(iv, history=history) if a.template is not None]
    lang = language(code)
    named = {lang.day(end), lang.day_after_by(end), lang.day(end).split(", ")[-1]}
    for text in texts:
        assert not any(day in text for day in named), (named, text)


# -- class 1c: news through an unknown channel is not a conversation -------------------------

HEARD = re.compile(
    r"\bI heard\b|\bwhen I last heard\b|last in touch|we (last )?spoke|"
    r"habe ich gehört|hörte|letzten Kontakt|als wir .{0,30}sprachen|"
    r"dernier échange|nous avons (échangé|parlé)|on m’a indiqué|"
    r"cuando hablamos|escuché|me indicaron",
    re.IGNORECASE,
)


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("new_date", [date(2026, 7, 24), None])
def test_undecided_news_is_learned_not_heard_in_a_conversation(
    code: str, new_date: date | None
) -> None:
    """Class 1c (blocker): an `Update` names no sender and no channel, so the check-ins
    after "no decision yet" never say "I heard", "when we were last in touch", "cuando
    hablamos" or "habe ich gehört": they say the candidate learned it on that day."""
    iv = in_language(meeting(), code)
    whole = plan(iv)
    call = check_ins(whole)[0]
    history = done_until(whole, call)
    history.append(Update(call.suggested.add(hours=3), Outcome.UNDECIDED, new_date))
    nxt = check_ins(plan(iv, history=history))[0]
    assert nxt.facts.news is Outcome.UNDECIDED
    for opening in _openings(nxt, iv, range(1, 7)):
        assert not HEARD.search(opening), opening
