"""A small web tracker: Flask, sqlite and the public API of followup_rules.

Run:  python examples/web_tracker.py jobs.db --serve     (then open http://127.0.0.1:5000)

Without ``--serve`` it fills a new database with three applications and
prints today's list, as the JSON endpoint gives it.  It needs the ``web``
extra (``pip install 'followup-rules[web]'``: Flask).

Each page is a few lines around the library:

- today's list across applications: `agenda_many`, each application under
  its own policy; every step with its application, what to do, its window
  on the candidate's clock and the recipient's, late or due, and whether it
  can be done now or when its next window opens;
- a step's page: its message (`render`: what blocks sending, what would
  strengthen it, enclosures, warnings), a ``mailto:`` or ``tel:`` link, and
  the ``.eml`` draft (`export.drafts`: its file name and Message-ID);
- recording a step done, skipped or snoozed, the employer's news, a reply or
  an out-of-office: each checked by the library and kept once, with the
  warnings `audit` would give (`Application.record`);
- editing an interview in the file's words (`serialize.edit_application`), its stored
  step ids kept;
- a calendar feed of every application (`export.to_ics_many`);
- JSON for a front end (`serialize.unstructure`, the shapes of
  ``followup_rules/schemas/``, RFC 3339 times);
- errors in plain words: the library's own, as they read.

The app reads the clock in one place (`real_clock`); the library never does.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import jinja2
import pendulum
from flask import Flask, Response, flash, g, jsonify, redirect, render_template, request, url_for
from werkzeug.exceptions import BadRequest, HTTPException
from werkzeug.wrappers import Response as BaseResponse

from followup_rules import (
    AgendaItem,
    Application,
    Candidate,
    Channel,
    Event,
    FollowupError,
    Interview,
    Interviewer,
    Message,
    Policy,
    Recorded,
    Skip,
    Snooze,
    StepIdError,
    StepStatus,
    Violation,
    agenda_many,
    describe_event,
    parse_when,
    render,
)
from followup_rules import serialize as s
from followup_rules.export import Draft, drafts, to_ics_many
from followup_rules.identity import pinned

Clock = Callable[[], datetime]


def real_clock() -> pendulum.DateTime:
    """The one place the tracker reads the clock."""
    return pendulum.now("UTC")


class Missing(LookupError):
    """An application or a step that is not there: a 404."""


# --8<-- [start:store]
SCHEMA = """
CREATE TABLE IF NOT EXISTS application (
    id INTEGER PRIMARY KEY,
    interview TEXT NOT NULL,   -- serialize.unstructure(interview), as JSON
    policy TEXT                -- its own policy as JSON; NULL: the consensus
);
CREATE TABLE IF NOT EXISTS event (
    id INTEGER PRIMARY KEY,
    application INTEGER NOT NULL REFERENCES application(id),
    data TEXT NOT NULL         -- serialize.unstructure(event): it carries its "type"
);
"""


class Store:
    """Applications and what happened in each, in one sqlite database."""

    def __init__(self, path: str | Path) -> None:
        self.db = sqlite3.connect(path, isolation_level=None)  # transactions are explicit
        self.db.executescript(SCHEMA)

    def add(self, interview: Interview, policy: Policy | None = None) -> int:
        """Store a new application; its row id.  The interview gets an `Interview.id`
        (`pinned`), so that its step ids stay the same when it is edited later."""
        interview = pinned(interview)
        policy_data = None if policy is None else json.dumps(s.unstructure(policy))
        cursor = self.db.execute(
            "INSERT INTO application (interview, policy) VALUES (?, ?)",
            (json.dumps(s.unstructure(interview)), policy_data),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def application(self, row: int) -> Application:
        """One application as the library sees it; its key (and name) is the row id."""
        found = self.db.execute(
            "SELECT interview, policy FROM application WHERE id = ?", (row,)
        ).fetchone()
        if found is None:
            raise Missing(f"There is no application {row}.")
        interview = s.structure(json.loads(found[0]), Interview)
        policy = None if found[1] is None else s.structure(json.loads(found[1]), Policy)
        rows = self.db.execute("SELECT data FROM event WHERE application = ?", (row,))
        history = s.structure_history([json.loads(data) for (data,) in rows])
        return Application(interview, history, policy, name=str(row), key=row)

    def applications(self) -> Iterator[Application]:
        """Every application, read one at a time."""
        rows = self.db.execute("SELECT id FROM application ORDER BY id").fetchall()
        for (row,) in rows:
            yield self.application(row)

    def record(self, row: int, event: Event, now: datetime) -> Recorded:
        """Store *event* once, checked by the library first.

        Returns what the library says of it: whether it was there already,
        and the limits it oversteps (recorded all the same: what is done is
        done).  Raises the library's error when the event does not fit the
        application, or is dated after *now*.
        """
        with self._writing():
            return self._kept(row, self.application(row).record(event, now=now))

    def record_step(
        self, row: int, step: str, at: datetime, now: datetime, **how: Any
    ) -> Recorded:
        """Store the step with id *step* done at *at*, once (`Application.record_step`)."""
        with self._writing():
            return self._kept(row, self.application(row).record_step(step, at, now=now, **how))

    def _kept(self, row: int, done: Recorded) -> Recorded:
        """Store the event just recorded, unless it was there already."""
        if not done.already:
            self.db.execute(
                "INSERT INTO event (application, data) VALUES (?, ?)",
                (row, json.dumps(s.unstructure(done.event))),
            )
        return done

    def edit(self, row: int, changes: dict[str, Any]) -> Application:
        """Change the interview as its file would say it; the history must still fit."""
        with self._writing():
            edited = s.edit_application(self.application(row), changes, source="the request")
            self.db.execute(
                "UPDATE application SET interview = ? WHERE id = ?",
                (json.dumps(s.unstructure(edited.interview)), row),
            )
        return edited

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """One writer at a time, so that the same event posted twice is stored once."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")


# --8<-- [end:store]


# -- what a page shows ---------------------------------------------------------------


def moment(at: datetime) -> str:
    """``Fri 17 Jul 10:00 EDT``."""
    return str(pendulum.instance(at).format("ddd D MMM HH:mm zz"))


# --8<-- [start:clocks]
def window(item: AgendaItem) -> str:
    """When the step can be done: now, or when its (next) window opens, on both clocks."""
    (opens, closes), (their_opens, their_closes) = item.your_window, item.their_window
    if item.to_do:
        mine, theirs, shown = closes, their_closes, f"now, until {moment(closes)}"
    else:
        mine, theirs, shown = opens, their_opens, f"from {moment(opens)}"
    if theirs.utcoffset() != mine.utcoffset():
        shown += f" ({moment(theirs)} for them)"
    return shown


# --8<-- [end:clocks]


def message_of(application: Application, item: AgendaItem) -> Message | None:
    """The step's message, in the candidate's language (None for a step without one)."""
    return None if item.action.template is None else render(item.action, application.interview)


def draft_of(application: Application, item: AgendaItem, now: datetime) -> Draft | None:
    """The ``.eml`` draft of an e-mail step: the message, its file name and Message-ID."""
    if item.action.channel is not Channel.EMAIL:
        return None
    found = drafts([application], now=now, steps=[item.id])
    return found[0] if found else None


def links(message: Message | None) -> dict[str, str | None]:
    """The link that sends the e-mail or dials the call."""
    if message is None:
        return {"mailto": None, "tel": None}
    return {
        "mailto": message.mailto() if message.channel is Channel.EMAIL else None,
        "tel": message.tel() if message.channel is Channel.PHONE else None,
    }


def warning_lines(warnings: tuple[Violation, ...]) -> list[str]:
    """Each limit an event oversteps, as `followup audit` says it."""
    return [f"This oversteps the policy: {violation}" for violation in warnings]


# -- the app ---------------------------------------------------------------------------


def create_app(database: str | Path, clock: Clock = real_clock) -> Flask:
    """The tracker on *database*; *clock* gives "now" (a test passes its own)."""
    app = Flask(__name__)
    app.secret_key = secrets.token_hex()
    app.jinja_loader = jinja2.DictLoader(PAGES)

    def store() -> Store:
        if "store" not in g:
            g.store = Store(database)
        found: Store = g.store
        return found

    @app.teardown_appcontext
    def close(_: BaseException | None) -> None:
        found = g.pop("store", None)
        if found is not None:
            found.db.close()

    def step(row: int, step_id: str, now: datetime) -> tuple[Application, AgendaItem]:
        application = store().application(row)
        item = application.agenda(now).get(step_id)
        if item is None:  # done, skipped, missed, or not this application's: say which
            found = application.find_step(step_id, now)
            if found.status is StepStatus.UNKNOWN:
                raise Missing(f"No step {step_id} is left in application {row}.")
            raise Missing(f"Step {step_id} of application {row} is {found.reason}.")
        return application, item

    def recorded(row: int, event: Event) -> BaseResponse:
        return said(store().record(row, event, clock()))

    def said(done: Recorded) -> BaseResponse:
        flash("Already recorded: nothing changed." if done.already else "Recorded.")
        for line in warning_lines(done.violations):
            flash(line, "warning")
        return redirect(url_for("today"))

    # --8<-- [start:today]
    @app.get("/")
    def today() -> str:
        day = agenda_many(store().applications(), clock(), until="end_of_day")
        return render_template("today.html", day=day, window=window)

    @app.get("/api/today")
    def today_json() -> Response:
        day = agenda_many(store().applications(), clock(), until="end_of_day")
        return jsonify(s.unstructure(day))

    # --8<-- [end:today]

    # --8<-- [start:step]
    @app.get("/applications/<int:row>/steps/<step_id>")
    def step_page(row: int, step_id: str) -> str:
        now = clock()
        application, item = step(row, step_id, now)
        message = message_of(application, item)
        return render_template(
            "step.html",
            row=row,
            application=application,
            item=item,
            when=window(item),
            message=message,
            links=links(message),
            draft=draft_of(application, item, now),
        )

    @app.get("/applications/<int:row>/steps/<step_id>/draft.eml")
    def draft_file(row: int, step_id: str) -> Response:
        now = clock()
        application, item = step(row, step_id, now)
        draft = draft_of(application, item, now)
        if draft is None:
            raise Missing("This step is not an e-mail: it has no draft.")
        return Response(
            draft.as_bytes(),
            mimetype=Draft.media_type,
            headers={"Content-Disposition": f'attachment; filename="{draft.filename}"'},
        )

    # --8<-- [end:step]

    # --8<-- [start:record]
    @app.post("/applications/<int:row>/steps/<step_id>/done")
    def done(row: int, step_id: str) -> BaseResponse:
        now = clock()
        form = request.form
        call = form.get("call", "")  # a call: answered, no_answer or voicemail
        answered = {"answered": True, "no_answer": False}.get(call)
        try:  # by the step's id: a second press (a double click, a retry) is already done
            made = store().record_step(
                row,
                step_id,
                parse_when(form.get("at") or "now", store().application(row).interview, now),
                now,
                message_id=form.get("message_id") or None,
                subject=form.get("subject") or None,
                answered=answered,
                voicemail=call == "voicemail",
                note=form.get("note") or None,
            )
        except StepIdError as error:
            raise Missing(f"Step {step_id} of application {row}: {error.problem}.") from None
        return said(made)

    @app.post("/applications/<int:row>/steps/<step_id>/skip")
    def skip(row: int, step_id: str) -> BaseResponse:
        now = clock()
        _, item = step(row, step_id, now)
        return recorded(row, Skip(now, item.id, note=request.form.get("note") or None))

    @app.post("/applications/<int:row>/steps/<step_id>/snooze")
    def snooze(row: int, step_id: str) -> BaseResponse:
        now = clock()
        application, item = step(row, step_id, now)
        until = parse_when(
            request.form.get("until", ""), application.interview, now, field="until"
        )
        return recorded(row, Snooze(now, item.id, until, note=request.form.get("note") or None))

    @app.post("/applications/<int:row>/events")
    def news(row: int) -> BaseResponse:
        """The employer's news, a reply or an out-of-office: the form's fields are the
        event's own keys (``type``, ``outcome``, ``decision_by``, ``sender``...)."""
        application = store().application(row)
        data: dict[str, Any] = {"at": "now", **{k: v for k, v in request.form.items() if v}}
        # Times as typed ("now", "2026-07-20T09:00"), read on the candidate's clock.
        event = s.structure_event(data, source="the form", zone=application.interview, now=clock())
        return recorded(row, event)

    # --8<-- [end:record]

    @app.get("/applications/<int:row>")
    def application_page(row: int) -> str:
        application = store().application(row)
        return render_template(
            "application.html",
            row=row,
            application=application,
            agenda=application.agenda(clock(), "end_of_day"),
            history=[
                describe_event(event, application.interview) for event in application.history
            ],
            window=window,
        )

    # -- JSON for a front end -------------------------------------------------------

    @app.post("/api/applications")
    def add_json() -> tuple[Response, int]:
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            raise BadRequest('Send a JSON object: {"interview": {...}, "policy": {...}}.')
        interview = s.structure(body.get("interview"), Interview, source="interview")
        policy = None  # the consensus, or a policy file's keys ({"preset": "cautious"})
        if body.get("policy") is not None:
            policy = s.policy_from(body["policy"], source="policy")
        return jsonify(id=store().add(interview, policy)), 201

    @app.patch("/api/applications/<int:row>")
    def edit_json(row: int) -> Response:
        """An edit in the interview file's words: ``{"company": "Acme SE"}``,
        ``{"starts_at": "2026-07-09T10:00"}``; every stored step id stays valid."""
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            raise BadRequest('Send a JSON object of interview keys: {"company": "Acme SE"}.')
        edited = store().edit(row, body)
        return jsonify(interview=s.unstructure(edited.interview))

    @app.get("/calendar.ics")
    def calendar() -> Response:
        """Every application's steps from now, for a calendar to subscribe to."""
        feed = to_ics_many(list(store().applications()), now=clock(), name="Job applications")
        return Response(feed, mimetype="text/calendar")

    @app.get("/api/applications/<int:row>/plan")
    def plan_json(row: int) -> Response:
        return jsonify(s.unstructure(store().application(row).plan(clock())))

    @app.get("/api/applications/<int:row>/events")
    def events_json(row: int) -> Response:
        return jsonify(s.unstructure(list(store().application(row).history)))

    @app.post("/api/applications/<int:row>/events")
    def event_json(row: int) -> tuple[Response, int]:
        event = s.structure_event(request.get_json(silent=True), source="the request")
        done = store().record(row, event, clock())
        body = {
            "recorded": not done.already,
            "event": s.unstructure(event),
            "warnings": warning_lines(done.violations),
        }
        return jsonify(body), 200 if done.already else 201

    @app.get("/api/applications/<int:row>/steps/<step_id>")
    def step_json(row: int, step_id: str) -> Response:
        now = clock()
        application, item = step(row, step_id, now)
        message = message_of(application, item)
        draft = draft_of(application, item, now)
        return jsonify(
            step=s.unstructure(item),
            message=None if message is None else s.unstructure(message),
            links=links(message),
            draft=None
            if draft is None
            else {"name": draft.path, "message_id": draft.message_id, "warnings": draft.warnings},
        )

    # --8<-- [start:errors]
    @app.errorhandler(FollowupError)
    def refused(error: FollowupError) -> tuple[Any, int]:
        """The library's errors are written for people: show them as they are (a front
        end also gets what the error is about, `error.field`, to mark the form's field)."""
        return problem(str(error), 400, error.field)

    @app.errorhandler(Missing)
    def missing(error: Missing) -> tuple[Any, int]:
        return problem(str(error), 404)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> tuple[Any, int]:
        return problem(error.description or error.name, error.code or 500)

    def problem(text: str, status: int, field: str | None = None) -> tuple[Any, int]:
        if request.path.startswith("/api/"):
            return jsonify(error=text, **({"field": field} if field else {})), status
        return render_template("error.html", problem=text), status

    # --8<-- [end:errors]

    return app


# -- pages ----------------------------------------------------------------------------

_LAYOUT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Follow-ups</title></head>
<body><p><a href="{{ url_for('today') }}">Today</a></p>
{% for category, text in get_flashed_messages(with_categories=true) %}
<p class="{{ category }}">{{ text }}</p>
{% endfor %}
{% block body %}{% endblock %}</body></html>
"""

_TODAY = """{% extends "layout.html" %}{% block body %}
<h1>Today</h1>
<table>
{% for entry in day if entry.standing.value in ("late", "due") %}
<tr class="{{ entry.standing.value }}">
  <td>{{ entry.standing.value }}</td>
  <td><a href="{{ url_for('application_page', row=entry.key) }}">
      {{ entry.application.interview.company }}, {{ entry.application.interview.role }}</a></td>
  <td><a href="{{ url_for('step_page', row=entry.key, step_id=entry.id) }}">
      {{ entry.action.describe() }}</a></td>
  <td>{{ window(entry.item) }}</td>
  <td>{{ entry.item.note() }}</td>
</tr>
{% else %}
<tr><td>Nothing is overdue and nothing is due today.
{% if day.next %}Next: {{ day.next.action.describe() }}, {{ window(day.next.item) }}.{% endif %}
</td></tr>
{% endfor %}
</table>
{% endblock %}
"""

_STEP = """{% extends "layout.html" %}{% block body %}
<h1>{{ item.action.describe() }}</h1>
<p>{{ application.interview.company }}, {{ application.interview.role }}:
   {{ item.standing.value }}, {{ when }}. {{ item.note() }}</p>
{% if message %}
  {% if message.blocking %}
  <p class="blocking">Before sending, add: {{ message.blocking | join(", ") }}.</p>
  {% endif %}
  {% if message.would_strengthen %}
  <p class="strengthen">It would be stronger with: {{ message.would_strengthen | join(", ") }}.</p>
  {% endif %}
  {% for text in message.warnings %}<p class="warning">{{ text }}</p>{% endfor %}
  {% if message.enclosures %}<p>Attach: {{ message.enclosures | join("; ") }}.</p>{% endif %}
  <p>To: {{ message.to }}</p>
  {% if message.subject %}<p>Subject: {{ message.subject }}</p>{% endif %}
  <pre>{{ message.text }}</pre>
  {% if links.mailto %}<p><a class="mailto" href="{{ links.mailto }}">Write it</a></p>{% endif %}
  {% if links.tel %}<p><a class="tel" href="{{ links.tel }}">Call</a></p>{% endif %}
  {% if draft %}
  <p><a class="draft" href="{{ url_for('draft_file', row=row, step_id=item.id) }}">
     Download the draft ({{ draft.path }})</a></p>
  {% for text in draft.warnings %}<p class="warning">{{ text }}</p>{% endfor %}
  {% endif %}
{% endif %}
{% if item.standing.value != "superseded" %}
<form method="post" action="{{ url_for('done', row=row, step_id=item.id) }}">
  <label>Done at <input name="at" value="now"></label>
  {% if item.action.channel.value == "email" %}
  <label>Message-ID
    <input name="message_id" value="{{ draft.message_id if draft else '' }}"></label>
  <input type="hidden" name="subject" value="{{ message.subject if message else '' }}">
  {% elif item.action.channel.value == "phone" %}
  <select name="call"><option value="answered">answered</option>
    <option value="no_answer">no answer</option><option value="voicemail">voicemail</option>
  </select>
  {% endif %}
  <label>Note <input name="note"></label>
  <button>Done</button>
</form>
<form method="post" action="{{ url_for('skip', row=row, step_id=item.id) }}">
  <label>Note <input name="note"></label> <button>Skip it</button>
</form>
<form method="post" action="{{ url_for('snooze', row=row, step_id=item.id) }}">
  <label>Not before <input name="until" placeholder="tomorrow, 2026-07-20T09:00"></label>
  <button>Snooze</button>
</form>
{% endif %}
{% endblock %}
"""

_APPLICATION = """{% extends "layout.html" %}{% block body %}
<h1>{{ application.interview.company }}, {{ application.interview.role }}</h1>
<ul>
{% for item in agenda if item.standing.value != "superseded" %}
<li><a href="{{ url_for('step_page', row=row, step_id=item.id) }}">
    {{ item.action.describe() }}</a>: {{ item.standing.value }}, {{ window(item) }}</li>
{% endfor %}
</ul>
<h2>What happened</h2>
<ul>
{% for line in history %}<li>{{ line }}</li>{% endfor %}
</ul>
<h2>News</h2>
{% set people = application.interview.interviewers | map(attribute="name") | list %}
<form method="post" action="{{ url_for('news', row=row) }}">
  <input type="hidden" name="type" value="reply">
  <label>A reply from <select name="sender"><option value=""></option>
    {% for name in people %}<option>{{ name }}</option>{% endfor %}</select></label>
  <label>at <input name="at" value="now"></label> <button>Record</button>
</form>
<form method="post" action="{{ url_for('news', row=row) }}">
  <input type="hidden" name="type" value="update">
  <label>Their news <select name="outcome">
    {% for outcome in ["undecided", "next_round", "offer", "rejected", "feedback_requested",
                       "withdrawn"] %}<option>{{ outcome }}</option>{% endfor %}</select></label>
  <label>decision by <input name="decision_by" placeholder="2026-07-30, in two weeks"></label>
  <label>at <input name="at" value="now"></label> <button>Record</button>
</form>
<form method="post" action="{{ url_for('news', row=row) }}">
  <input type="hidden" name="type" value="out_of_office">
  <label>Out of office: <select name="sender"><option value=""></option>
    {% for name in people %}<option>{{ name }}</option>{% endfor %}</select></label>
  <label>back on <input name="returns_on" placeholder="2026-07-13"></label>
  <label>at <input name="at" value="now"></label> <button>Record</button>
</form>
{% endblock %}
"""

_ERROR = """{% extends "layout.html" %}{% block body %}
<h1>That did not work</h1>
<p class="problem">{{ problem }}</p>
{% endblock %}
"""

PAGES = {
    "layout.html": _LAYOUT,
    "today.html": _TODAY,
    "step.html": _STEP,
    "application.html": _APPLICATION,
    "error.html": _ERROR,
}


# -- a demonstration --------------------------------------------------------------------


def demo(store: Store, now: datetime) -> None:
    """Three applications, interviewed over the last ten days."""
    start = pendulum.instance(now).in_timezone("America/New_York").start_of("day")
    sam = Candidate("Sam Lee", email="sam@example.com", phone="+1 917 555 0100")
    for company, days_ago in (("Acme Analytics", 10), ("Globex", 3), ("Initech", 1)):
        store.add(
            Interview(
                start.subtract(days=days_ago).at(14),
                company,
                "Data Engineer",
                [
                    Interviewer("José García", email="jose@example.com", phone="+1 212 555 0142"),
                    Interviewer("Bo Chen", timezone="Europe/Berlin"),
                ],
                decision_by=start.subtract(days=days_ago).add(days=7).date(),
                candidate=sam,
            )
        )


def main() -> None:
    arguments = [word for word in sys.argv[1:] if word != "--serve"]
    path = Path(arguments[0]) if arguments else Path(tempfile.mkdtemp()) / "jobs.db"
    store = Store(path)
    if store.db.execute("SELECT count(*) FROM application").fetchone() == (0,):
        demo(store, real_clock())
    store.db.close()
    app = create_app(path)
    if "--serve" in sys.argv:
        app.run()
        return
    day = app.test_client().get("/api/today").get_json()
    for entry in day["entries"]:
        if entry["standing"] in ("late", "due"):
            company = entry["application"]["company"]
            print(f"{entry['standing']:<5} {company:<15} {entry['description']}")
    print(f"{day['counts']['applications']} applications in {path}")


if __name__ == "__main__":
    main()
