"""Issue 19, words round 13 (the tenth blind reads, r10): stock lines spread over
applications, the check-in lines the readers found stiff."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from datetime import date
from pathlib import Path

import attrs
import pendulum
import pytest

import followup_rules
from followup_rules import (
    ActionKind,
    Channel,
    Outcome,
    OutOfOffice,
    Policy,
    Update,
    plan,
    render,
)
from followup_rules._languages import language
from followup_rules.messages import said_attempt

from .prose import COURTESY_WORDS, near_repeat
from .test_words5 import _gettext
from .test_writing import NY, check_ins, in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")
ANA_NO_PHONE = attrs.evolve(meeting().interviewers[0], phone=None)

COMPANIES = (
    "Acme Analytics", "Brightline Logistics", "Harbor Bay Partners", "Northwind Freight",
    "Meridian Health", "Quantum Leaf", "Orbital Foods", "Cobalt Systems", "Juniper Labs",
    "Riverstone Bank", "Tidewater Media", "Lumen Energy",
)  # fmt: skip
ROLES = ("Data Engineer", "UX Designer", "HR Manager", "Site Reliability Engineer")


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+", text) if len(s.split()) > COURTESY_WORDS]


def _retries(code: str) -> list[list[str]]:
    """The long sentences of each application's check-ins after the first (the
    default plan's, in *code*), the company and the role set aside."""
    said = []
    for company in COMPANIES:
        for role in ROLES:
            iv = in_language(meeting(company=company, role=role), code)
            sentences: set[str] = set()
            for action in check_ins(plan(iv))[1:]:
                if action.channel is not Channel.EMAIL:
                    continue
                body = (
                    render(action, iv).text.replace(company, "<company>").replace(role, "<role>")
                )
                for paragraph in body.split("\n\n")[1:-1]:  # past the greeting, before the name
                    sentences.update(_sentences(" ".join(paragraph.split())))
            said.append(sorted(sentences))
    return said


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_long_check_in_line_is_said_in_most_applications(code: str) -> None:
    """Class 1: r10 read "Joining Brightline Logistics is still a very attractive
    prospect for me." in ten scenarios of fifteen, with the same retry opening before
    it: every later check-in said one number's wording in every application.  The
    second to the sixth check-ins now take their numbers' wordings in a turn fixed by
    the application, so that over 48 applications no long sentence of the later
    check-ins is said in more than about a third of them (a little more for the
    hash's unevenness)."""
    said = _retries(code)
    counts = Counter(sentence for sentences in said for sentence in sentences)
    worst, times = counts.most_common(1)[0]
    assert times <= 0.45 * len(said), (worst, times, len(said))


def test_the_turn_is_one_to_one_on_every_application() -> None:
    """One person never reads one number's wordings twice, whatever the turn: the
    turn maps the check-in numbers one to one, keeps the first and those past the
    sixth, and every turn reaches each of the middle numbers."""
    for thread in range(3):
        said = [said_attempt(attempt, thread) for attempt in range(1, 10)]
        assert sorted(said) == list(range(1, 10))
        assert said[0] == 1 and said[6:] == [7, 8, 9]
    assert {said_attempt(3, thread) for thread in range(3)} == {3, 4, 5}


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_check_in_says_whenever_twice_or_two_semicolons(code: str) -> None:
    """Class 6: r10 10.11 "Any update would be very welcome whenever you have one; the
    role still interests me very much. I will give you time to reach a decision; do let
    me know whenever there is news." said "whenever" twice and had two semicolons; every
    check-in number's last line with every application's close, for plans of one to
    seven check-ins."""
    word = {"en": "whenever", "de": "jederzeit", "fr": "dès que", "es": "cuando quiera"}[code]
    for company, count in itertools.product(COMPANIES, range(1, 8)):
        iv = in_language(meeting(company=company), code)
        for action in check_ins(plan(iv, Policy(max_check_ins=count))):
            if action.channel is not Channel.EMAIL:
                continue  # a call's script is instructions, not one message
            text = render(action, iv).text
            assert text.casefold().count(word) <= 1, text
            # German's own semicolons (the sixth check-in's close) are words13b's msgstr
            assert code == "de" or text.count(";") <= 1, text


ROUND = {"en": "next round", "de": "nächste", "fr": "étape suivante", "es": "siguiente fase"}
JOYFUL_FIRST_OPENINGS = (
    "Thank you for letting me know on %(day)s that I have been invited to the next round "
    "for the %(role)s position at %(company)s; I was delighted to hear it.",
    "%(name)s let me know on %(day)s that I had been invited to the next round for the "
    "%(role)s position at %(company)s, and I was delighted to hear it.",
    "I was delighted to hear on %(day)s that I had been invited to the next round for the "
    "%(role)s position at %(company)s, and I am very grateful for the invitation.",
)


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("by", [None, "ANA", "BO"])
def test_news_of_a_next_round_is_welcomed_once_to_one_person(code: str, by: str | None) -> None:
    """Class 3: r10 07.7 told Jamie Fox "I was glad to hear that I will go on to the next
    round." and closed "I look forward to hearing more about the next round."; three
    days later 07.8 told the same person "I was delighted to hear on Monday, September
    28, that I had been invited to the next round ...".  The thank-you written after the
    news names the round once, and the first check-in after it does not rejoice again,
    whoever gave the news."""
    iv = in_language(meeting(), code)
    giver = {None: None, "ANA": iv.interviewers[0], "BO": iv.interviewers[1]}[by]
    # the news comes as the thank-yous are due (16:00), and they are sent with it
    news = Update(pendulum.datetime(2026, 7, 7, 16, tz=NY), Outcome.NEXT_ROUND, sender=giver)
    whole = plan(iv, history=[news])
    thanks = [a for a in whole if a.kind is ActionKind.THANK_YOU and a.channel is Channel.EMAIL]
    assert thanks
    for action in thanks:
        text = render(action, iv).text
        assert text.casefold().count(ROUND[code]) <= 1, text
    done = [a.done() for a in whole if a.sort_key() <= thanks[-1].sort_key()]
    first = check_ins(plan(iv, history=[news, *done]))[0]
    assert first.facts.previous is not None
    assert first.facts.previous.kind is ActionKind.THANK_YOU
    assert first.facts.news is Outcome.NEXT_ROUND  # still fresh: it came with the thank-you
    text = render(first, iv).text
    for joyful in JOYFUL_FIRST_OPENINGS:
        said = max(re.split(r"%\(\w+\)s", _gettext(code, joyful)), key=len).strip(" ,.;")
        assert said not in text, text
    assert text.casefold().count(ROUND[code]) <= 1, text


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_note_after_an_out_of_office_names_the_unread_one_in_every_turn(code: str) -> None:
    """Class 1 kept the out-of-office note: its opening names the unread note by its day
    and its middle is for someone just back, whatever the application's turn (the
    turn's first cut opened r10 10.9 with "I would like to follow up again on the
    Operations Analyst position." and lost the unread note)."""
    for company in COMPANIES[:6]:
        iv = in_language(meeting(company=company, interviewers=[ANA_NO_PHONE]), code)
        whole = plan(iv)
        first = check_ins(whole)[0]
        history = [a.done() for a in whole if a.sort_key() <= first.sort_key()]
        history.append(OutOfOffice(first.suggested.add(minutes=5), date(2026, 7, 27)))
        after = check_ins(plan(iv, history=history))[0]
        text = render(after, iv).text
        assert language(code).day(first.suggested.date()) in text, text
        assert _gettext(code, BACK_LINE).split(".")[0] in text, text


BACK_LINE = (
    "The role is still very attractive to me. When you have a moment, "
    "could I ask whether there is any news and when a decision is likely?"
)


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_close_of_a_later_run_nearly_repeats_a_check_in_line(code: str) -> None:
    """Class 1: the turn lets any application's later run end on any number's close
    (`_last_for_now.txt`), after the first run's close and middle lines to the same
    person: en "I will leave it there for now and look forward to your news." after "I
    will leave it there for now, and your news will be most welcome whenever it
    comes.".  Every cell of the closes and of the middle lines, by number, that can
    reach one person (any two of different numbers, and a close with any middle
    line) is kept apart."""
    source = Path(followup_rules.__file__).parent / "templates"
    cells: list[tuple[str, int, str]] = []
    for name in ("_last_for_now.txt", "_check_in_middle.txt"):
        number = 0
        for line in (source / name).read_text(encoding="utf-8").splitlines():
            said_number = re.search(r"attempt (?:<=|==) (\d)", line)
            if said_number:
                number = int(said_number.group(1))
            elif "{%" in line:
                number = 0
            for english in WORDING.findall(line):
                said = _gettext(code, english.replace('\\"', '"'))
                cells.extend(
                    (name, number, sentence)
                    for sentence in re.split(r"(?<=[.?!])\s+", said)
                    if len(sentence.split()) > COURTESY_WORDS
                )
    for i, (one_file, one, first) in enumerate(cells):
        for other_file, other, second in cells[i + 1 :]:
            if one_file == other_file == "_check_in_middle.txt":
                continue  # tests/test_words6.py
            if one_file == other_file and one and one == other:
                continue
            if first != second:
                assert not near_repeat(first, second, code, ("%(company)s",)), (first, second)


WORDING = re.compile(r'_\("((?:[^"\\]|\\.)*)"')
