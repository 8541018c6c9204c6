"""Render a corpus of follow-up messages for a blind read, from a seed.

    python scripts/corpus.py SEED OUTDIR

Each seed draws new scenarios (people, companies, roles, dates, zones,
formats, panels, histories) from the pools below, and renders every message
of each scenario in English, German, French and Spanish, with the scenario's
inputs printed beside its messages, so that a reader with no other context
can judge each message against what the candidate told the library.  The
messages are written as a user meets them: each step's message from the plan
of the history as it stood when the step was due, then the steps still
planned at the end.

OUTDIR receives one Markdown file per language (``en.md``, ``de.md``,
``fr.md``, ``es.md``) and ``checks.md``: the mechanical checks (a subject
cut or too long, "..", a sentence said twice or nearly to one person, two
notes of a panel sharing more than one sentence, English left in another
language, a placeholder the message does not list).  Every detail given to
`render` is printed beside the message, and the inputs are drawn coherent: no
tour of the lab after a phone call, phone numbers of the person's country, a
full postal address.
The same seed always gives the same corpus.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import attrs
import pendulum

from followup_rules import (
    Action,
    ActionKind,
    Candidate,
    Channel,
    Interview,
    Interviewer,
    InterviewFormat,
    Message,
    Outcome,
    OutOfOffice,
    Policy,
    Recruiter,
    Reply,
    Update,
    plan,
    render,
)
from followup_rules.events import Event

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests import prose  # the same reading of repetition as the tests

LANGUAGES = ("en", "de", "fr", "es")

# -- the pools: what a candidate in each language would type ----------------------------

COMPANIES = {
    "en": ["Harbor Bay Partners LLC", "Brightline Logistics", "Acme Analytics, Inc.",
           "Northwind Freight Ltd.", "Cobalt & Finch Consulting Group", "Meridian Health"],
    "de": ["Nordlicht Mobility GmbH", "Nordwind Logistik GmbH", "Großhandel Süd AG",
           "Rheinblick Versicherungen AG", "Sonnenfeld Software GmbH & Co. KG"],
    "fr": ["Lumière Analytique SAS", "Érable Logistique inc.", "Atelier Hexagone",
           "Banque Populaire de l'Ouest", "Horizon Énergies SA"],
    "es": ["Datos del Sur S.L.", "Logística Azteca S.A. de C.V.", "Iberia Renovables S.A.",
           "Consultora Andina", "Hospital Universitario de Levante"],
}  # fmt: skip
ROLES = {
    "en": ["Data Engineer", "Operations Analyst", "SRE", "HR Manager", "UX Designer",
           "Senior Product Manager, Payments Platform", "MBA Intern", "Hourly Associate"],
    "de": ["Data Engineer", "Projektleiter Logistik", "Wirtschaftsprüferin",
           "Softwareentwickler für eingebettete Systeme", "Vertriebsleiter DACH"],
    "fr": ["Analyste de données", "Hydrologue", "Chef de projet logistique",
           "Ingénieure en fiabilité des sites", "Responsable des ressources humaines"],
    "es": ["Analista de datos", "Ingeniera de software", "Jefe de proyecto de logística",
           "Responsable de Recursos Humanos", "Investigador clínico"],
}  # fmt: skip
PEOPLE = {
    "en": [("Ana Ruiz", "Ms.", "Director of Engineering"), ("Bo Chen", None, "Staff Engineer"),
           ("Dana Whitfield", "Ms.", "Director of People"), ("Olu Adeyemi", "Prof.", None),
           ("Jamie Fox", "Mx.", "Recruiting Lead"), ("Robert Hale", "Mr. Dr.", "CTO"),
           ("Priya Natarajan", None, "Head of Data"), ("Chris O'Neill", "Mr.", None)],
    "de": [("Anna Müller", "Ms. Dr.", "Leiterin Datenplattform"), ("Thomas Strauß", "Mr.", None),
           ("Kim Schulz", None, "Teamleitung"), ("Julia Hoffmann", "Ms. Prof.", None),
           ("Jonas Weber", "Mr.", "Personalreferent"), ("Robin Keller", "Dr.", None)],
    "fr": [("Claire Dubois", "Ms. Dr.", "Directrice des données"), ("Marc Roy", "Mr.", None),
           ("Dominique Bernard", None, "Responsable recrutement"),
           ("Hélène Rousseau", "Ms. Prof.", "Directrice de la recherche"),
           ("Alix Moreau", "Dr.", "Directeur·rice technique"), ("Isabelle Petit", "Ms.", None)],
    "es": [("Lucía Fernández", "Ms. Dr.", "Directora de Datos"), ("Ignacio Ortega", "Mr.", None),
           ("Ariel Navarro", None, "Responsable de selección"),
           ("Carmen Ruiz", "Ms. Prof.", None), ("Isabel Gómez", "Ms.", "Jefa de equipo"),
           ("Óscar Vidal", "Mr. Dr.", None)],
}  # fmt: skip
DETAILS: dict[str, dict[str, list[Any]]] = {
    "en": {
        "topics": [["the move to streaming pipelines"], ["the team's roadmap", "on-call"],
                   ["the warehouse migration"], ["hiring plans for next year"]],
        "fit": ["six years of building data pipelines", "three years running warehouse operations",
                "a decade of incident response at scale"],
        "missed": [["my AWS Data Analytics certification"], ["my open-source work on Airflow"]],
        "requested": [["two references"], ["a link to my conference talk"],
                      ["two code samples", "my portfolio link"]],
        "part": ["the tour of the lab", "the walk-through of your on-call dashboards"],
        "feedback": ["The exercise was well scoped, and everyone kept to time; a note on what to "
                     "prepare for the panel would have helped."],
    },
    "de": {
        "topics": [["den Umstieg auf Streaming-Pipelines"], ["die Roadmap für 2027"],
                   ["das Einarbeitungsprogramm", "die Rufbereitschaft"]],
        "fit": ["sechs Jahre Erfahrung im Aufbau von Datenpipelines",
                "meine Erfahrung in der Steuerung internationaler Projekte"],
        "missed": [["mein Kafka-Zertifikat"], ["meine Arbeit an Open-Source-Projekten"]],
        "requested": [["zwei Codebeispiele"], ["zwei Referenzen", "mein Arbeitszeugnis"]],
        "part": ["die Führung durch das Labor", "den Rundgang durch die Leitstelle"],
        "feedback": ["Der Ablauf war klar und gut organisiert; ein kurzer Hinweis vorab zum "
                     "Fallbeispiel hätte mir geholfen."],
    },
    "fr": {
        "topics": [["la migration vers le streaming"], ["la feuille de route du second semestre"],
                   ["l'astreinte", "le programme d'intégration"]],
        "fit": ["six années d'expérience dans les pipelines de données",
                "mon expérience de la gestion de projets internationaux"],
        "missed": [["ma certification Kafka"], ["mon travail sur des projets open source"]],
        "requested": [["deux exemples de code"], ["deux références", "mon portfolio en ligne"]],
        "part": ["la visite du laboratoire", "la visite du centre de supervision"],
        "feedback": ["L'exercice était concret et équitable ; une indication préalable sur la "
                     "durée aurait été utile."],
    },
    "es": {
        "topics": [["la migración a pipelines en streaming"], ["la hoja de ruta del semestre"],
                   ["las guardias", "el plan de incorporación"]],
        "fit": ["seis años de experiencia construyendo pipelines de datos",
                "mi experiencia en la gestión de proyectos internacionales"],
        "missed": [["mi certificación de Kafka"], ["mi trabajo en proyectos de código abierto"]],
        "requested": [["dos ejemplos de código"], ["dos referencias", "mi portafolio en línea"]],
        "part": ["la visita al laboratorio", "el recorrido por el centro de control"],
        "feedback": ["El proceso fue claro y estuvo bien organizado; habría agradecido saber "
                     "antes la duración de la prueba."],
    },
}  # fmt: skip
CANDIDATES = {
    "en": ("Alex Morgan", "alex.morgan@example.com"),
    "de": ("Alex Berger", "alex.berger@example.com"),
    "fr": ("Camille Martin", "camille.martin@example.com"),
    "es": ("Alex Romero", "alex.romero@example.com"),
}
PHONES = {  # a number for someone in each zone, its country code and area fitting the place
    "America/New_York": "+1 212 555 {}", "America/Los_Angeles": "+1 213 555 {}",
    "America/Chicago": "+1 312 555 {}", "America/Toronto": "+1 416 555 {}",
    "America/Mexico_City": "+52 55 5550 {}", "America/Bogota": "+57 601 555 {}",
    "Europe/London": "+44 20 7946 {}", "Europe/Berlin": "+49 30 5550 {}",
    "Europe/Vienna": "+43 1 5550 {}", "Europe/Zurich": "+41 44 555 {}",
    "Europe/Paris": "+33 1 55 50 {}", "Europe/Brussels": "+32 2 555 {}",
    "Europe/Madrid": "+34 91 555 {}", "Australia/Sydney": "+61 2 5550 {}",
    "Asia/Tokyo": "+81 3 5550 {}",
}  # fmt: skip


ADDRESSES = {  # a full postal address in each zone's country, for the cards sent by post
    "America/New_York": "350 Fifth Avenue, New York, NY 10118",
    "America/Los_Angeles": "633 West Fifth Street, Los Angeles, CA 90071",
    "America/Chicago": "233 South Wacker Drive, Chicago, IL 60606",
    "America/Toronto": "1000, rue De La Gauchetière Ouest, Montréal (Québec)  H3B 4W5",
    "America/Mexico_City": "Paseo de la Reforma 250, Col. Juárez, 06600 Ciudad de México, CDMX",
    "America/Bogota": "Carrera 7 # 71-21, Bogotá, 110231",
    "Europe/London": "1 Riverside Way, London SE1 9GF",
    "Europe/Berlin": "Hafenstraße 12, 20457 Hamburg",
    "Europe/Vienna": "Mariahilfer Straße 77, 1060 Wien",
    "Europe/Zurich": "Bahnhofstrasse 21, 8001 Zürich",
    "Europe/Paris": "12 rue de la République, 69002 Lyon",
    "Europe/Brussels": "Avenue Louise 54, 1050 Bruxelles",
    "Europe/Madrid": "Calle de Alcalá 48, 28014 Madrid",
    "Australia/Sydney": "1 Martin Place, Sydney NSW 2000",
    "Asia/Tokyo": "1-1-2 Otemachi, Chiyoda-ku, Tokyo 100-8111",
}  # fmt: skip


def _phone(zone: str, last: int) -> str:
    return PHONES[zone].format(f"{last:04d}")


RECRUITERS = {
    "en": ("Rita Cole", "SelecSource", "Ms."),
    "de": ("Petra Lang", "Talentwerk Personal", "Ms."),
    "fr": ("Sophie Laurent", "Cabinet Alizé", "Ms."),
    "es": ("Marta Gil", "Selecciona Talento", "Ms."),
}
ZONES = {
    "en": ["America/New_York", "Europe/London", "America/Los_Angeles", "Australia/Sydney"],
    "de": ["Europe/Berlin", "Europe/Vienna", "Europe/Zurich"],
    "fr": ["Europe/Paris", "America/Toronto", "Europe/Brussels"],
    "es": ["Europe/Madrid", "America/Mexico_City", "America/Bogota"],
}
REGIONS = {"Europe/Vienna": "de_AT", "Europe/Zurich": "de_CH", "America/Toronto": "fr_CA",
           "America/Mexico_City": "es_MX", "America/Bogota": "es_CO"}  # fmt: skip
PHRASES = ["in a couple of weeks", "by the end of next week", "early next week",
           "by the end of the month", "within a fortnight", "next week"]  # fmt: skip


# -- scenarios -----------------------------------------------------------------------------


@dataclass
class Rendered:
    when: str
    action: Action
    message: Message
    planned: bool  # still planned at the end, not yet due
    details: dict[str, Any] = field(default_factory=dict)  # what render() was given


@dataclass
class Scenario:
    key: str
    title: str
    inputs: list[str]
    interview: Interview
    policy: Policy
    script: list[tuple[Any, ...]]
    late: bool = False
    replied_by: str | None = None
    rendered: list[Rendered] = field(default_factory=list)


def _people(
    rng: random.Random, lang: str, count: int, shared: bool, zone: str, remote: bool
) -> list[Interviewer]:
    pool = list(PEOPLE[lang])
    rng.shuffle(pool)
    firsts = [name.split()[0] for name, _, _ in PEOPLE[lang]]
    lasts = [name.split()[-1] for name, _, _ in PEOPLE[lang]]
    extra = [
        (f"{given} {family}", None, None)
        for family in lasts
        for given in firsts
        if f"{given} {family}" not in {name for name, _, _ in PEOPLE[lang]}
    ]

    chosen = (pool + extra)[:count]
    people = []
    details = DETAILS[lang]
    for index, (name, honorific, title) in enumerate(chosen):
        first = unicodedata.normalize("NFKD", name.split()[0].lower())
        first = first.encode("ascii", "ignore").decode("ascii")
        own: dict[str, Any] = {}
        if shared and index and rng.random() < 0.6:
            own["topics"] = tuple(rng.choice(details["topics"]))
        if not remote and rng.random() < 0.3:  # a tour or a walk-through needs a visit
            own["part"] = rng.choice(details["part"])
        if index and rng.random() < 0.3:
            own["requested"] = tuple(rng.choice(details["requested"]))
        people.append(
            Interviewer(
                name,
                title=title,
                email=f"{first}.{index}@employer.example",
                phone=rng.choice([None, _phone(zone, 142 + index)]),
                honorific=honorific,
                **own,
            )
        )
    return people


def scenarios(seed: int) -> Iterator[tuple[str, Callable[[str], Scenario]]]:
    """The seed's scenarios, each a builder per language (one draw for all four)."""
    rng = random.Random(seed)
    families = [
        "panel", "phone", "video", "cards", "offer", "rejection", "next_round", "undecided",
        "reply_to_close", "out_of_office", "recruiter_evening", "late", "long_names",
        "superday", "feedback_asked",
    ]  # fmt: skip
    for number, family in enumerate(families, start=1):
        drawn = rng.randrange(2**32)  # the same draw for the four languages

        def build(lang: str, family: str = family, drawn: int = drawn, number: int = number):
            return _scenario(random.Random(drawn), lang, family, f"{seed}-{number:02d}")

        yield family, build


def _scenario(rng: random.Random, lang: str, family: str, key: str) -> Scenario:
    zone = rng.choice(ZONES[lang])
    day = date(2026, 1, 5) + timedelta(days=rng.randrange(0, 330))
    while day.weekday() > 3:
        day += timedelta(days=1)
    hour = rng.choice([9, 10, 11, 14, 15])
    if family == "recruiter_evening":
        hour = 16
    starts = pendulum.datetime(day.year, day.month, day.day, hour, 30, tz=zone)
    details = DETAILS[lang]
    size = {"panel": 3, "superday": 8, "cards": 2}.get(family, rng.choice([1, 1, 2]))
    remote = family in ("phone", "video")
    people = _people(rng, lang, size, shared=size > 1, zone=zone, remote=remote)
    company = rng.choice(COMPANIES[lang])
    role = rng.choice(ROLES[lang])
    if family == "long_names":
        company = max(COMPANIES[lang], key=len)
        role = max(ROLES[lang], key=len)
    name, email = CANDIDATES[lang]
    language = REGIONS.get(zone, None if lang == "en" else lang)  # English: by the zone
    candidate = Candidate(name, email=email, phone=_phone(zone, 100), language=language)
    decision: Any = None
    roll = rng.random()
    if roll < 0.5:
        decision = day + timedelta(days=rng.choice([6, 8, 10, 14]))
    elif roll < 0.85:
        decision = rng.choice(PHRASES)
    fields: dict[str, Any] = {
        "topics": tuple(rng.choice(details["topics"])) if rng.random() < 0.8 else (),
        "fit": rng.choice(details["fit"]) if rng.random() < 0.7 else None,
        "missed": tuple(rng.choice(details["missed"])) if rng.random() < 0.4 else (),
        "requested": tuple(rng.choice(details["requested"])) if rng.random() < 0.3 else (),
        "invited_to_call": rng.random() < 0.2,
        "format": InterviewFormat.IN_PERSON,
    }
    recruiter = None
    policy = Policy()
    script: list[tuple[Any, ...]] = [("do", 30)]
    late = False
    replied_by = None
    if family == "phone":
        fields["format"] = InterviewFormat.PHONE
        recruiter_name, agency, _ = RECRUITERS[lang]  # the recruiter works in the candidate's zone
        recruiter = Recruiter(recruiter_name, agency=agency, phone=_phone(zone, 199))
    elif family == "video":
        fields["format"] = InterviewFormat.VIDEO
        far = rng.choice(["Asia/Tokyo", "America/Chicago"])
        people[0] = attrs.evolve(
            people[0], timezone=far, phone=people[0].phone and _phone(far, 142)
        )
    elif family == "cards":
        policy = Policy.traditional()
        decision = day + timedelta(days=3)
        fields["address"] = ADDRESSES[zone]
    elif family == "offer":
        fields["fit"] = rng.choice(details["fit"])
        fields["missed"] = tuple(rng.choice(details["missed"]))
        script = [("update", 1, Outcome.OFFER), ("do", 30)]
    elif family == "rejection":
        script = [("do", size + 1), ("update", 30, Outcome.REJECTED),
                  ("update", 1, Outcome.FEEDBACK_REQUESTED), ("do", 30)]  # fmt: skip
    elif family == "next_round":
        script = [("do", 1), ("update", 3, Outcome.NEXT_ROUND), ("do", 30)]
    elif family == "undecided":
        script = [("do", size + 1), ("update", 50, Outcome.UNDECIDED, None), ("do", 2),
                  ("update", 30, Outcome.UNDECIDED, 12), ("do", 30),
                  ("update", 48, Outcome.UNDECIDED, None), ("do", 30)]  # fmt: skip
    elif family == "reply_to_close":
        script = [("do", 30), ("reply", 26), ("do", 30)]
    elif family == "out_of_office":
        people[0] = attrs.evolve(people[0], phone=None, preferred_channel=Channel.EMAIL)
        script = [("do", size + 1), ("ooo", 1, 6), ("do", 30)]
    elif family == "recruiter_evening":
        recruiter_name, agency, honorific = RECRUITERS[lang]
        recruiter = Recruiter(recruiter_name, agency=agency, phone=_phone(zone, 199),
                              email="recruiter@agency.example", honorific=honorific)  # fmt: skip
    elif family == "late":
        late = True
    elif family == "superday":
        fields["topics"] = tuple(details["topics"][0])
    elif family == "feedback_asked":
        script = [("do", size), ("update", 26, Outcome.FEEDBACK_REQUESTED), ("do", 30)]
    if family in ("reply_to_close", "undecided") or rng.random() < 0.3:
        replied_by = None
    if family == "reply_to_close" and len(people) > 1:
        replied_by = people[1].name
    interview = Interview(
        starts,
        company,
        role,
        people,
        decision_by=decision,
        recruiter=recruiter,
        candidate=candidate,
        **fields,
    )
    inputs = _describe(interview, policy, family, script, late, replied_by)
    title = family.replace("_", " ")
    return Scenario(key, title, inputs, interview, policy, script, late, replied_by)


def _describe(
    iv: Interview, policy: Policy, family: str, script: list[tuple[Any, ...]], late: bool,
    replied_by: str | None,
) -> list[str]:  # fmt: skip
    lines = [
        f"interview: {iv.starts_at.format('dddd D MMMM YYYY HH:mm')} {iv.timezone}, "
        f"{iv.format.value}, {iv.duration}",
        f"company: {iv.company}; role: {iv.role}",
        f"decision_by: {iv.decision_by}",
        f"candidate: {iv.candidate.name if iv.candidate else None} "
        f"(language {iv.candidate.language if iv.candidate else None}"
        # what the signatures and voicemails give, so that a reader can check it (r22 en:
        # "the candidate's own e-mail address and phone number are not among the inputs")
        + "".join(
            f", {name} {value!r}"
            for name in ("email", "phone", "timezone")
            if iv.candidate and (value := getattr(iv.candidate, name))
        )
        + ")",
    ]
    for person in iv.interviewers:
        extra = ", ".join(
            f"{name}={value!r}"
            for name in ("honorific", "title", "phone", "timezone", "part", "topics", "requested")
            if (value := getattr(person, name))
        )
        lines.append(f"interviewer: {person.name} ({extra})")
    for name in ("topics", "fit", "missed", "requested", "invited_to_call", "address"):
        value = getattr(iv, name)
        if value:
            lines.append(f"{name}: {value!r}")
    if iv.recruiter is not None:
        lines.append(
            f"recruiter: {iv.recruiter!r}, in the candidate's zone ({iv.zone_of(iv.recruiter)})"
        )
    if policy != Policy():
        lines.append("policy: the traditional preset (cards by post)")
    lines.append("what happens: " + _story(script))
    if late:
        lines.append(
            "the thank-you notes are written only after their window closed (the planner"
            " moves them and sets Facts.late)"
        )
    if replied_by:
        lines.append(f"the reply comes from {replied_by}, not from the contact (Facts.replied_by)")
    return lines


LATER = " (or the next working morning)"


def _story(script: list[tuple[Any, ...]]) -> str:
    words = []
    for step in script:
        if step[0] == "do":
            words.append(f"the next {step[1]} steps are done as suggested" if step[1] < 30
                         else "the rest is done as suggested")  # fmt: skip
        elif step[0] == "reply":
            words.append(f"a reply without news {step[1]} hours after the last step{LATER}")
        elif step[0] == "ooo":
            words.append(f"an out-of-office reply, back in {step[2]} days")
        else:
            extra = f", new date in {step[3]} days" if len(step) > 3 and step[3] else ""
            words.append(f"news {step[2].name} {step[1]} hours after the last step{LATER}{extra}")
    return "; then ".join(words)


def play(scenario: Scenario, details: dict[str, Any]) -> Scenario:
    """Do the scenario's script, rendering each step's message when it is due."""
    iv, policy = scenario.interview, scenario.policy
    history: list[Event] = []
    last = iv.starts_at
    ends = iv.starts_at + iv.duration
    for step in scenario.script:
        if step[0] == "do":
            done = 0
            while done < step[1]:  # the steps in the room do not count
                upcoming = list(plan(iv, policy, history=history, now=_after(last, ends)))
                if scenario.late:
                    upcoming = _too_late(scenario, history, upcoming)
                if not upcoming:
                    break
                action = upcoming[0]
                if action.template is not None:
                    scenario.rendered.append(_render(scenario, action, details, planned=False))
                moment = max(action.suggested, last)
                history.append(action.done(moment))
                if (
                    action.channel is Channel.PHONE
                    and action.kind is not ActionKind.RECRUITER_DEBRIEF
                ):
                    # the reader must know what the history holds of a call, since a
                    # later note words it: made, with no record of who answered
                    when = moment.in_timezone(iv.timezone).format("ddd D MMM YYYY HH:mm zz")
                    scenario.inputs.append(
                        f"call made: {when}, recorded as made; whether anyone answered"
                        " or a voicemail was left is not recorded"
                    )
                last = moment
                done += action.channel is not Channel.IN_PERSON
            continue
        at = _working(last.add(hours=step[1]).in_timezone(iv.timezone))
        event: Event
        if step[0] == "reply":
            event = Reply(at)
        elif step[0] == "ooo":
            event = OutOfOffice(at, at.date() + timedelta(days=step[2]))
        else:
            new = step[3] if len(step) > 3 else None
            when = None if new is None else at.date() + timedelta(days=new)
            event = Update(at, step[2], when)
        history.append(event)
        scenario.inputs.append(f"employer event: {_event_words(event, iv.timezone)}")
        last = at
    # What is still to do once the last event is in, planned from that moment as the
    # candidate would see it: nothing before the news it may mention.
    for action in plan(iv, policy, history=history, now=_after(last, ends)):
        if action.template is not None:
            scenario.rendered.append(_render(scenario, action, details, planned=True))
    return scenario


def _too_late(scenario: Scenario, history: list[Event], upcoming: list[Action]) -> list[Action]:
    """The plan as the candidate of a "late" scenario sees it: a note whose window is
    still open is looked at only once it has closed, so that the planner itself moves
    it and says it is late (`Facts.late`), as it would for a real user, rather than
    a late flag stamped on a note dated on time (r22 es 12.5: "the notes go out after
    their window", and the note read like an on-time one, sent two hours after).  It is
    looked at a day after its window closed: a note of the next day is an ordinary one,
    which says nothing of a delay (words27b class 3, r23 12.5 in all four languages)."""
    notes = (ActionKind.THANK_YOU, ActionKind.SEND_REQUESTED)
    if not upcoming or upcoming[0].kind not in notes or upcoming[0].late_since:
        return upcoming
    closed = pendulum.instance(upcoming[0].latest).add(days=1, minutes=1)
    return list(plan(scenario.interview, scenario.policy, history=history, now=closed))


def _event_words(event: Event, zone: str) -> str:
    """An employer's event as the reader of a corpus needs it: when, and what it said,
    so that what a later message says of it can be checked against its date."""
    when = pendulum.instance(event.at).in_timezone(zone).format("ddd D MMM YYYY HH:mm zz")
    if isinstance(event, OutOfOffice):
        return f"{when}: an out-of-office reply, back on {event.returns_on:%a %d %b %Y}"
    if isinstance(event, Reply):
        return f"{when}: a reply with no news"
    assert isinstance(event, Update)
    new = f", new decision date {event.decision_by:%a %d %b %Y}" if event.decision_by else ""
    return f"{when}: news: {event.outcome.name}{new}"


def _after(last: pendulum.DateTime, ends: pendulum.DateTime) -> pendulum.DateTime | None:
    """Plan from the last event once the interview is over, as the candidate would:
    a step due before news that came later is done after it, and says so."""
    return last if last > ends else None


def _working(at: pendulum.DateTime) -> pendulum.DateTime:
    """An employer's news or reply comes in working hours: a moment at night or
    at the weekend moves to the next working morning (10:00 local)."""
    if at.weekday() < 5 and 9 <= at.hour < 18:
        return at
    if at.hour >= 18 or at.weekday() >= 5:
        at = at.add(days=1)
    while at.weekday() >= 5:
        at = at.add(days=1)
    return at.set(hour=10, minute=0, second=0, microsecond=0)


def _render(
    scenario: Scenario, action: Action, details: dict[str, Any], planned: bool
) -> Rendered:
    facts = action.facts
    if scenario.replied_by and facts.replied_on is not None:
        action = action._with_facts(attrs.evolve(action.facts, replied_by=scenario.replied_by))
    extra = dict(details) if action.kind is ActionKind.FEEDBACK_RESPONSE else {}
    message = render(action, scenario.interview, **extra)
    when = action.suggested.format("ddd D MMM YYYY HH:mm zz")
    return Rendered(when, action, message, planned, extra)


# -- output --------------------------------------------------------------------------------


def write(seed: int, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    checks: list[str] = []
    for lang in LANGUAGES:
        lines = [f"# Follow-up messages, {lang}: corpus of seed {seed}", ""]
        lines.append(
            "Each scenario lists what the candidate told the library, then every message, "
            "in the order the candidate meets them. The messages were written by "
            "followup_rules; judge each as the person who receives it would."
        )
        lines.append("")
        for family, build in scenarios(seed):
            scenario = build(lang)
            feedback = (
                {"feedback": DETAILS[lang]["feedback"][0]} if family != "feedback_asked" else {}
            )
            play(scenario, feedback)
            lines += [f"## {scenario.key} ({lang}): {scenario.title}", ""]
            lines += [f"- {item}" for item in scenario.inputs] + [""]
            for number, item in enumerate(scenario.rendered, start=1):
                lines += _message_lines(scenario.key, number, item)
            checks += _checks(lang, scenario)
        (out / f"{lang}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = ["# Mechanical checks", "", f"seed {seed}", ""]
    summary += checks or ["No finding."]
    (out / "checks.md").write_text("\n".join(summary) + "\n", encoding="utf-8")


def _message_lines(key: str, number: int, item: Rendered) -> list[str]:
    action, message = item.action, item.message
    status = "planned, not yet due" if item.planned else "due"
    lines = [f"### {key}.{number}: {action.describe()} [{action.rule}]", ""]
    lines.append(f"- when: {item.when} ({status}); template `{message.template}`")
    lines.append(f"- to: {message.to or '(in the room)'}")
    if message.subject:
        lines.append(f"- subject: {message.subject}")
    if message.blocking:
        lines.append(f"- not ready to send, needs: {', '.join(message.blocking)}")
    if message.would_strengthen:
        lines.append(f"- would be stronger with: {', '.join(message.would_strengthen)}")
    for name, value in item.details.items():
        lines.append(f"- render detail {name}: {value!r}")
    if message.enclosures:
        lines.append(f"- attach: {'; '.join(message.enclosures)}")
    if message.placeholders:
        lines.append(f"- to fill in before sending: {'; '.join(message.placeholders)}")
    lines += [f"- note: {warning}" for warning in message.warnings]
    lines += ["", "```text", message.text, "```", ""]
    return lines


_ENGLISH = re.compile(r"\b(the|and|you|your|thank|with|would|position|interview)\b")


def _checks(lang: str, scenario: Scenario) -> list[str]:
    """The mechanical checks of one scenario: subjects, "..", English left over, a
    sentence said twice or nearly to one person (tests/prose.py), two notes of a panel
    sharing more than one sentence (the subject counted), a placeholder not listed."""
    found = []
    said: dict[str, list[tuple[str, str]]] = defaultdict(list)
    notes: list[tuple[str, set[str]]] = []
    hidden = prose.masks(scenario.interview)
    for number, item in enumerate(scenario.rendered, start=1):
        label = f"{scenario.key}.{number} ({lang})"
        message = item.message
        subject = message.subject or ""
        if subject.endswith("…") or len(subject) > 78:
            found.append(f"- {label}: subject cut or too long: {subject!r}")
        if re.search(r"(?<!\.)\.\.(?!\.)", message.text):
            found.append(f"- {label}: '..' in the text")
        if lang != "en":
            english = _ENGLISH.findall(message.text.split("\n\n", 1)[-1])
            if english:
                found.append(f"- {label}: English words {sorted(set(english))}")
        for mark in re.findall(r"\[[^\]\n]+\]", message.text):
            if mark not in message.placeholders:
                found.append(f"- {label}: {mark} is not in Message.placeholders")
        person = item.action.recipient.name if item.action.recipient is not None else ""
        mine = prose.sentences(message, whole=hidden)
        for sentence in mine:
            for before, where in said[person]:
                if prose.near_repeat(sentence, before, lang, hidden):
                    found.append(f"- {label}: said again, or nearly, to {person}: "
                                 f"{sentence!r} (after {before!r} in {where})")  # fmt: skip
        said[person] += [(sentence, label) for sentence in mine]
        if item.action.kind in (ActionKind.THANK_YOU, ActionKind.SEND_REQUESTED):
            shared = set(prose.sentences(message, longer_than=3, whole=hidden))
            notes.append((label, shared | ({subject} if subject else set())))
    for index, (one, first) in enumerate(notes):
        for other, second in notes[index + 1 :]:
            if len(first & second) > 1:
                found.append(f"- {one} and {other} share {len(first & second)} sentences")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seed", type=int)
    parser.add_argument("outdir", type=Path)
    arguments = parser.parse_args()
    write(arguments.seed, arguments.outdir)


if __name__ == "__main__":
    main()
