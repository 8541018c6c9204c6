"""How a reader hears repetition: the sentences one person reads or hears, and when
two of them say nearly the same thing (issue 19, second round, class 9).

A sentence said twice to one person reads as a form letter; so does one said again
in other clothes ("I remain very interested in the role" in the first check-in and
in the last, "I am happy to provide anything else you need" then "I am happy to
answer any further questions").  Two sentences are *near repeats* when, once the
names, the role, the company, dates and numbers are set aside:

- most of the words that carry meaning are the same (two thirds of the shorter
  sentence's, with at least three of them), or
- they share a run of four words, one of which carries meaning ("i am happy to"), or
- the meaningful words of one are those of the other but for at most one ("I am keen
  to join you." and "I am very keen on the opportunity to join you."), with at least
  two of them.

Sentences that name different days report different facts and are not near repeats,
unless they are the same sentence once the days are set aside ("Further to my note of
Monday 9 February, ..." and "Further to my note of Tuesday 3 March, ...": a form
letter with a new date is still a repeat; issue 19, third round, class 8).  Between
the notes of one panel (`panel_overlap`) two notes may share at most one sentence
said word for word or near-identically (`near_identical`: names, days, the company,
the role and the user's words set aside; class 6).

The words that carry no meaning of their own are each language's function words,
the weekdays and months, and the words that only name the thing written about
("position", "role", "next round"), which every message about it must use.
``scripts/corpus.py`` uses the same test for its mechanical checks.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from followup_rules import Channel, Interview, Message
from followup_rules._languages import language
from followup_rules.messages import candidate_locale
from followup_rules.timeframe import Timeframe

_SENTENCE = re.compile(r"(?<=[.?!»“])(?<!\d\.)\s+")
COURTESY_WORDS = 7
"""A sentence of at most this many words is a courtesy that may recur ("Thank you
again for your time."); anything longer is never said twice, nor nearly, to one person."""

_CALENDAR = """
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december montag dienstag mittwoch donnerstag
freitag samstag sonntag januar jänner februar märz april mai juni juli august september
oktober november dezember lundi mardi mercredi jeudi vendredi samedi dimanche janvier
février mars avril mai juin juillet août septembre octobre novembre décembre lunes martes
miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto
septiembre octubre noviembre diciembre dem den der
week weeks day days month months early mid late end within couple few fortnight
woche wochen tag tage monat monate anfang mitte ende innerhalb paar
semaine semaines jour jours mois début mi fin quinzaine quelques suivant suivants
semana semanas día días mes meses principios mediados finales plazo siguientes par
"""
"""Weekdays, months, and the words of a timeframe ("in the week of", "by the end of",
"within a couple of weeks"): they name a day rather than say something."""
_FUNCTION = {
    "en": """
a an the and or but so of to in on at by for with about from as is are was were be been
being am i me my mine you your yours we our us it its this that these those there here
what which who whom when where how would could should will can may might do does did
have has had not no any some more most very also just than then if whether again once
still up out into over after before while such each other one""",
    "de": """
der die das dem den des ein eine einer einem einen eines und oder aber so von zu zum zur
in im am an auf bei beim mit für über um aus nach vor als wie ist sind war waren sein
bin ich mich mir mein meine meinen meinem meiner sie ihr ihre ihren ihrem ihrer ihnen
wir uns unser unsere es dies diese dieser dieses diesem da dass ob wenn was wer wann wo
würde würden könnte könnten sollte wird werden kann habe hat hatte haben nicht kein
keine noch auch nur schon sehr gern gerne dann denn doch weiterhin wegen seit gegen
unter zwischen bis ab durch ohne gegenüber darauf darüber dazu damit davon dafür""",
    "fr": """
le la les l un une des du de d et ou mais donc en dans sur à au aux par pour avec sans
sous comme est sont était été être suis je j me m moi mon ma mes vous votre vos nous
notre nos il elle ils elles ce cet cette ces c qui que qu quoi quand où comment si ne
n pas plus très aussi encore toujours déjà y a ai avez avons ont serait pourrais
pourriez pourrait se s concernant auprès chez sujet vers après avant lors pendant
depuis entre jusqu ici""",
    "es": """
el la los las lo un una unos unas y e o u pero de del a al en con por para sin sobre
como es son era fue ser soy estoy está están yo me mi mis usted su sus le les nosotros
nuestro nuestra que qué quien cuando donde cómo si no más muy también ya todavía aún
ha he han había sería podría se relación hacia tras durante entre desde hasta
respecto""",
}
_COURTESY = """
look forward looking hear hearing thank thanks freue freuen dank vielen remercie merci
gracias quedo espera espero attends hâte hören
"""
"""Courtesy formulas ("I look forward to ...") that any letter may use again."""
_SUBJECT_MATTER = """
position role job application interview next round process stelle bewerbung gespräch
vorstellungsgespräch runde nächste auswahlrunde poste candidature entretien prochaine
étape tour processus puesto candidatura entrevista siguiente ronda fase proceso
steps schritte nächsten étapes prochaines pasos próximos suivante suivantes
"""
_NEUTRAL = {
    code: frozenset((words + _CALENDAR + _COURTESY + _SUBJECT_MATTER + " xmaskx").split())
    for code, words in _FUNCTION.items()
}
_WORD = re.compile(r"[^\W\d_]+")


def sentences(
    message: Message, longer_than: int = COURTESY_WORDS, whole: Iterable[str] = ()
) -> list[str]:
    """What the recipient reads or hears: an e-mail's or a card's body without the
    greeting and the signature, or a call's voicemail; none of the talking points.
    The values in *whole* ("Sonnenfeld Software GmbH & Co. KG") are never split."""
    if message.channel is Channel.IN_PERSON:
        return []
    text = message.text
    kept = {value: value.replace(". ", ".\u2060") for value in whole if ". " in value}
    for value, joined in kept.items():
        text = text.replace(value, joined)
    for value in whole:  # "Datos del Sur S.L. sigue ...": no sentence ends inside a name
        if value.endswith("."):
            joined = value + "\u2061"
            text = re.sub(re.escape(value) + r" (?=[^\W\d_A-ZÀ-Þ])", joined + " ", text)
    parts = text.split("\n\n")
    if message.channel is Channel.PHONE:
        parts = [part for part in parts if part[:1] in '"„«']
        candidate_number = re.compile(r"\+[\d ]{6,}")
        found = [s for part in parts for s in _SENTENCE.split(part)[1:]]  # after the greeting
        # The candidate's number, said twice in every voicemail, is a signature.
        found = [s for s in found if not candidate_number.search(s)]
    else:
        found = [s for part in parts[1:-1] for s in _SENTENCE.split(part)]
    found = [s.replace(".\u2060", ". ").replace("\u2061", "") for s in found]
    return [s.strip(' "„“«»') for s in found if len(s.split()) > longer_than]


def masks(interview: Interview) -> tuple[str, ...]:
    """The values a sentence is about rather than what it says: names, role, company,
    the details the user typed (and the case for fit as the messages' language words
    it: "my three years of running ...")."""
    words = language(candidate_locale(interview))
    values = [interview.role, words.role_in_text(interview.role), interview.company]
    values.append(words.company_in_text(interview.company))
    values += [*interview.topics, *interview.missed]
    values += [*interview.requested, *map(words.link_phrase, interview.requested)]
    fits = [interview.fit, *(person.fit for person in interview.interviewers)]
    for fit in fits:
        if fit:
            values += [fit, words.experience(fit)]
    for person in interview.interviewers:
        values += [person.name, *person.name.split(), *person.topics, *person.requested]
        values += [words.link_phrase(item) for item in person.requested]
        values += [value for value in (person.part,) if value]
    if interview.candidate is not None:
        values += [interview.candidate.name, *interview.candidate.name.split()]
    # The decision's timeframe as the messages word it ("within about two weeks of the
    # interview"): a value a note restates for someone back from leave, not a sentence.
    frame = interview.decision_by if isinstance(interview.decision_by, Timeframe) else None
    said_on = interview.starts_at.date()
    for how in ({}, {"now": True}, {"interview_day": said_on}):
        values.append(words.decision_words(interview.decision_date, frame, **how) or "")
    return tuple(sorted({value for value in values if value}, key=len, reverse=True))


_MASK = "xmaskx"


@functools.lru_cache(maxsize=4096)
def _mask_of(value: str) -> re.Pattern[str]:
    """A value as a whole: "x" masks the item "x", never the x of "next"."""
    folded = value.casefold().replace("\u2019", "'")
    return re.compile(rf"(?<!\w){re.escape(folded)}(?!\w)")


def _words(sentence: str, hidden: Iterable[str]) -> list[str]:
    text = sentence.casefold().replace("\u2019", "'")
    for value in hidden:
        text = _mask_of(value).sub(f" {_MASK} ", text)
    return _WORD.findall(text)


def meaningful(words: Iterable[str], code: str) -> list[str]:
    """The words of a sentence that carry meaning in language *code*."""
    neutral = _NEUTRAL[code[:2]]
    return [word for word in words if word not in neutral and len(word) > 2]


_NUMBER = re.compile(r"\d+")
_DAYS_AND_MONTHS = frozenset(_CALENDAR.split()) - {"dem", "den", "der"}
_DATE_WORDS = frozenset(_CALENDAR.split())
_ORDINAL = re.compile(r"\d+(?:er|st|nd|rd|th|\.)?")


def _dated(sentence: str) -> frozenset[str]:
    """The day a sentence names, as its numbers and its weekday and month names."""
    words = _WORD.findall(sentence.casefold())
    return frozenset(_NUMBER.findall(sentence)) | frozenset(
        word for word in words if word in _DAYS_AND_MONTHS
    )


_THEIR_DAY = re.compile(
    r"\((?:[^()]*, your time|bei Ihnen [^()]*|[^()]* para usted|[^()]* chez vous)\)"
)
"""The recipient's day beside the candidate's, when their calendars differ ("Tuesday,
July 7 (Wednesday, July 8, your time)", `_languages` ``both_days``): part of the day."""


def _undated(sentence: str, hidden: Iterable[str]) -> list[str]:
    """The words of a sentence once its days are set aside (numbers, "1er", weekdays,
    months, the articles German puts before a date, and the recipient's own day given
    beside the candidate's).  The values are masked first: a decision phrase naming a
    date ("early in the week of May 25", words26b class 3) is a value as a whole, which
    the days set aside before it would have broken up."""
    return list(_undated_once(sentence, tuple(hidden)))


@functools.lru_cache(maxsize=1 << 16)
def _undated_once(sentence: str, hidden: tuple[str, ...]) -> tuple[str, ...]:
    """`_undated`, worked out once per sentence and values: a panel's notes are compared
    pair by pair, each sentence with every sentence of the other notes (issue 20, ci30:
    masking the values again for each pair was 97% of the 49-person panel test)."""
    text = _THEIR_DAY.sub(" ", sentence).casefold().replace("\u2019", "'")
    for value in hidden:
        text = _mask_of(value).sub(f" {_MASK} ", text)
    words = _WORD.findall(_ORDINAL.sub(" ", text))
    return tuple(word for word in words if word not in _DATE_WORDS)


def near_repeat(one: str, other: str, code: str, hidden: Iterable[str] = ()) -> bool:
    """Whether two sentences say nearly the same thing (see the module's docstring).

    Two sentences that report facts of different days ("Thank you for your reply of
    Friday, March 15" and, after another reply, "We spoke on Wednesday, March 20")
    say different things: they are compared only as wholes, and repeat each other
    when they are the same sentence once the days are set aside.
    """
    hidden = tuple(hidden)
    if _dated(one) != _dated(other):
        return _undated(one, hidden) == _undated(other, hidden)
    first, second = _undated(one, hidden), _undated(other, hidden)  # days set aside
    a, b = set(meaningful(first, code)), set(meaningful(second, code))
    small, large = sorted((a, b), key=len)
    if len(small) >= 3 and len(a & b) * 3 >= len(small) * 2:
        return True
    if len(small) >= 2 and small <= large and len(large) - len(small) <= 1:
        return True
    runs = {tuple(first[i : i + 4]) for i in range(len(first) - 3)}
    for i in range(len(second) - 3):
        run = tuple(second[i : i + 4])
        if run in runs and meaningful(run, code):
            return True
    return False


def near_identical(one: str, other: str, code: str, hidden: Iterable[str] = ()) -> bool:
    """Whether two sentences are the same sentence once names, days, the company, the
    role and the user's words are set aside, or nearly ("I am keen to join you." and "I
    am very keen on the opportunity to join you.": the meaningful words of one are those
    of the other but for at most one, with at least two of them)."""
    hidden = tuple(hidden)
    first, second = _undated(one, hidden), _undated(other, hidden)
    if first == second:
        return True
    small, large = sorted((set(meaningful(first, code)), set(meaningful(second, code))), key=len)
    return len(small) >= 2 and small <= large and len(large) - len(small) <= 1


DISJOINT_PANEL = 8
"""A panel of up to this many (an ordinary superday) shares no sentence at all between
two notes (`followup_rules.messages.SPARE_WORDING`); a larger one, at most one. The r4
readers caught, in an eight-person panel, the same opening in two notes, the same
closing in two others and the same sentence about the interviewer's part in a third
pair (issue 19, fifth round, class 4)."""


def panel_overlap(
    one: Iterable[str], other: Iterable[str], code: str, hidden: Iterable[str] = ()
) -> list[str]:
    """The sentences of one note (its subject among them) that another note of the same
    panel says too, word for word or near-identically (`near_identical`): colleagues
    compare notes, and two may share at most one (class 6).  Shared vocabulary alone
    ("thanks", "interview") is not counted here: every thank-you note has it; the
    stricter `near_repeat` is for what one person reads twice."""
    hidden = tuple(hidden)
    theirs = list(other)
    return [
        sentence
        for sentence in one
        if any(sentence == said or near_identical(sentence, said, code, hidden) for said in theirs)
    ]


COURTESY_REPEATS = {
    "en": frozenset({"greatly", "delighted", "chance"}),
    "de": frozenset({"gern", "gerne", "jederzeit"}),
    "fr": frozenset({"beaucoup", "volontiers", "vivement", "plaisir", "bienvenues"}),
    "es": frozenset({"mucho", "gusto"}),
}
"""The courtesy words a reader counts within one message (issue 19, ninth round B, the
round-7 reads: "beaucoup" three times in four lines, "gern" twice, "the chance to go
into ..." then "the chance to contribute ..."): each may carry one sentence of a
message, never two.  "Merci beaucoup" in a subject is the subject's, not the body's.
The eighth blind reads (words10b) add de "jederzeit" (twice in one note), fr "plaisir"
(the offer's thanks, then "J'ai pris plaisir à …") and "bienvenues" (two lines of one
check-in)."""


def repeated_courtesy(message: Message, code: str, hidden: Iterable[str] = ()) -> list[str]:
    """The courtesy words (`COURTESY_REPEATS`) that two sentences of one message use,
    every sentence counted however short (what the recipient reads: the body of an
    e-mail or a card, a voicemail; never the user's own words in *hidden*)."""
    said = [set(_words(s, hidden)) for s in sentences(message, longer_than=0, whole=hidden)]
    watched = COURTESY_REPEATS[code[:2]]
    return sorted(word for word in watched if sum(1 for words in said if word in words) > 1)
