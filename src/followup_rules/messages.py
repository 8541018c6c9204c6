"""Messages: every action that sends or says something, written from a template.

The built-in pack lives in ``followup_rules/templates``.  Each message is one
``<name>.txt`` template with a ``subject`` block (e-mails only) and a ``body``
block, and, for e-mails, a ``<name>.html`` template whose ``body`` block fills
``_base.html``.  A `TemplatePack` with a *search_path* puts the user's
directories first: a user template of the same name wins, the built-ins stay
as fallback, and ``{% extends "builtin/thank_you_email.txt" %}`` reaches the
built-in one from a user template of the same name.  User templates run in Jinja's sandbox.
"""

from __future__ import annotations

import os
import re
import weakref
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from functools import lru_cache
from typing import Any

import attrs
import jinja2
import jinja2.nodes
import jinja2.sandbox
import markupsafe
import pendulum

from . import _sandbox
from .action import Action
from .errors import FollowupError
from .model import Channel, Interview, Interviewer, Recruiter

__all__ = ["Message", "TemplateError", "TemplatePack", "render"]


class TemplateError(FollowupError):
    """A template is unknown, broken, or misses a value it needs.

    Attributes:
        template: the template's name, when known.
    """

    def __init__(self, message: str, template: str | None = None) -> None:
        self.template = template
        super().__init__(message if template is None else f"{template}: {message}")

    def __reduce__(self) -> tuple[object, ...]:
        text = str(self.args[0]) if self.args else ""
        if self.template is not None:
            text = text.removeprefix(f"{self.template}: ")
        return (type(self), (text, self.template))


@attrs.frozen
class Message:
    """A rendered message, ready to send, say or write.

    Attributes:
        subject: the e-mail subject (one line, under 80 characters), or None
            for calls and cards.
        text: the plain-text body, or the talking points of a call.
        html: the HTML body of an e-mail (everything user-given escaped), or None.
        to: who receives it: ``Name <address>`` for e-mail when the address
            is known, the phone number for a call when known, else the name.
        channel: how it goes out.
        template: the template it was rendered from.
    """

    subject: str | None
    text: str
    html: str | None
    to: str
    channel: Channel
    template: str


# How a date reads to people, by locale (pendulum tokens); English wording
# otherwise: "Friday, July 31".
_DAY_FORMATS = {
    "en": "dddd, MMMM D",
    "fr": "dddd D MMMM",
    "de": "dddd, D. MMMM",
    "es": "dddd D [de] MMMM",
    "it": "dddd D MMMM",
    "nl": "dddd D MMMM",
    "pt_br": "dddd, D [de] MMMM",
}
_SUBJECT_MAX = 78
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\x85]+")
_SPACES = re.compile(r"(?<=\S) {2,}")
_BLANK_LINES = re.compile(r"\n{3,}")


@lru_cache(maxsize=4096)
def _format_day(day: date, locale: str) -> str:
    """Cached: pendulum's formatter is slow, and a population shares its days."""
    pattern = _DAY_FORMATS.get(locale, "dddd D MMMM")
    return str(pendulum.datetime(day.year, day.month, day.day).format(pattern, locale=locale))


@lru_cache(maxsize=1024)
def _format_time(clock: time, locale: str) -> str:
    pattern = "h:mm A" if locale == "en" else "HH:mm"
    return str(
        pendulum.datetime(2000, 1, 1, clock.hour, clock.minute).format(pattern, locale=locale)
    )


def _html_body(text: str) -> markupsafe.Markup:
    """The text as HTML: escaped once, a ``<p>`` per paragraph, ``<br>`` per line break."""
    paragraphs = str(markupsafe.escape(text)).split("\n\n")
    return markupsafe.Markup(
        "\n".join("<p>" + part.replace("\n", "<br>\n") + "</p>" for part in paragraphs)
    )


def _one_line(value: str) -> str:
    """Make a value safe for a header: no line breaks or control characters."""
    return " ".join(_CONTROL.sub(" ", value).split())


def _subject(value: str) -> str:
    line = _one_line(value)
    if len(line) <= _SUBJECT_MAX:
        return line
    cut = line[: _SUBJECT_MAX - 1].rsplit(" ", 1)[0].rstrip(" ,;:-\u2013\u2014")  # dashes too
    return cut + "…"


def _tidy(text: str) -> str:
    """Strip trailing spaces, squeeze doubled spaces and blank-line runs."""
    tidy = "\n".join(line.rstrip() for line in text.strip().splitlines())
    if "  " in tidy:  # the regular expressions cost more than the test
        tidy = _SPACES.sub(" ", tidy)
    if "\n\n\n" in tidy:
        tidy = _BLANK_LINES.sub("\n\n", tidy)
    return tidy


def _join(items: Iterable[str], conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    words = [str(item) for item in items]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def _first_name(person: Any) -> str:
    name = str(getattr(person, "name", person))
    return name.split()[0] if name.split() else name


class TemplatePack:
    """The message templates: the built-in pack, optionally under the user's own.

    Args:
        search_path: a directory, or directories, searched before the
            built-ins; their templates render in Jinja's sandbox.
        locale: how dates read ("en", "fr", "de", "es", "it", "nl", "pt_br",
            or any other pendulum locale with a day-month order).

    The Jinja environment is created once per pack and reused, so compiled
    templates are cached.

    Raises:
        TemplateError: an unknown locale or a missing search directory.
    """

    def __init__(
        self,
        search_path: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | None = None,
        *,
        locale: str = "en",
    ) -> None:
        if search_path is None:
            paths: list[str] = []
        elif isinstance(search_path, (str, os.PathLike)):
            paths = [os.fspath(search_path)]
        else:
            paths = [os.fspath(path) for path in search_path]
        for path in paths:
            if not os.path.isdir(path):
                raise TemplateError(f"template directory {path!r} does not exist")
        try:
            pendulum.datetime(2026, 7, 31).format("dddd MMMM", locale=locale)
        except (ValueError, TypeError) as error:
            raise TemplateError(f"unknown locale {locale!r}") from error
        self.search_path = tuple(paths)
        self.locale = locale
        self._known: dict[str, bool] = {}
        builtin = jinja2.PackageLoader("followup_rules", "templates")
        loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(paths)] if paths else []
        loaders += [builtin, jinja2.PrefixLoader({"builtin": builtin})]
        environment_type = _sandbox.LimitedSandbox if paths else jinja2.Environment
        self.environment = environment_type(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default=False),
            undefined=jinja2.StrictUndefined,
            auto_reload=bool(paths),
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        self.environment.filters.update(
            day=self._day, time=self._time, join_and=_join, first_name=_first_name
        )

    def __repr__(self) -> str:
        return f"TemplatePack(search_path={self.search_path!r}, locale={self.locale!r})"

    # -- formatting --------------------------------------------------------------

    def _day(self, value: Any) -> str:
        """A date (or a datetime's own date) as people write it in this locale."""
        return _format_day(date(value.year, value.month, value.day), self.locale)

    def _time(self, value: datetime) -> str:
        """A wall-clock time as people write it in this locale."""
        return _format_time(time(value.hour, value.minute), self.locale)

    # -- templates --------------------------------------------------------------

    def get(self, name: str) -> jinja2.Template:
        """The template called *name* (``"thank_you_email"`` finds ``thank_you_email.txt``).

        Raises:
            TemplateError: no such template, or it does not compile.
        """
        filename = name if "." in name else f"{name}.txt"
        try:
            return self.environment.get_template(filename)
        except jinja2.TemplateNotFound:
            raise TemplateError("no such template", filename) from None
        except jinja2.TemplateSyntaxError as error:
            raise TemplateError(
                f"syntax error on line {error.lineno}: {error.message}", filename
            ) from None
        except Exception as error:  # unreadable file, a source too deeply nested...
            raise TemplateError(_sandbox.problem(error), filename) from error

    def names(self) -> list[str]:
        """Every message template name this pack can render."""
        return sorted(
            {
                name.rsplit(".", 1)[0]
                for name in self.environment.list_templates(extensions=("txt",))
                if not name.startswith(("_", "builtin/"))
            }
        )

    def context(self, action: Action, interview: Interview, **details: Any) -> dict[str, Any]:
        """The variables a template sees for *action* (see ``docs/templates.md``)."""
        recipient = action.recipient
        tz = interview.zone_of(recipient)
        starts = interview._utc_span[0].astimezone(tz)  # stdlib: pendulum's astimezone is slow
        values: dict[str, Any] = {
            "action": action,
            "kind": action.kind.name,
            "channel": action.channel.name,
            "company": interview.company,
            "role": interview.role,
            "interview": interview,
            "interview_day": self._day(starts),
            "when": action.suggested,
            "recipient": recipient,
            "recipient_name": "" if recipient is None else recipient.name,
            "recipient_title": getattr(recipient, "title", None),
            "contact": interview.follow_up_contact,
            "interviewers": interview.interviewers,
            "recruiter": interview.recruiter,
            "decision_by": interview.decision_by,
            "decision_day": None
            if interview.decision_by is None
            else self._day(interview.decision_by),
            "topics": list(interview.topics),
            "missed": list(interview.missed),
            "requested": list(interview.requested),
            "invited_to_call": interview.invited_to_call,
        }
        if interview.candidate is not None:
            values["candidate"] = interview.candidate
        values.update(details)
        return values

    def render(self, action: Action, interview: Interview, **details: Any) -> Message:
        """Write the message of *action*; *details* add or override template variables.

        Raises:
            TemplateError: the action has no template, the template is missing
                or broken, or a value it needs is missing (named).
        """
        if action.template is None:
            raise TemplateError(
                f"a {action.kind.name} action ({action.channel.name}) has no message to render"
            )
        name = action.template
        values = self.context(action, interview, **details)
        subject, text = self._subject_and_body(self.get(name), values, f"{name}.txt")
        if not text:
            raise TemplateError("the body block is empty", f"{name}.txt")
        text = _tidy(text)
        html = None
        if action.channel is Channel.EMAIL:
            # One wording for both bodies: the HTML is the text, paragraph by
            # paragraph, autoescaped; a pack may ship <name>.html to differ.
            values["subject"] = subject
            values["lang"] = self.locale.split("_")[0]
            values["paragraphs"] = [part.split("\n") for part in text.split("\n\n")]
            values["body_html"] = _html_body(text)
            own = f"{name}.html"
            html = self._whole(own if self._has(own) else "_email.html", values)
        return Message(
            subject=_subject(subject) if subject and action.channel is Channel.EMAIL else None,
            text=text,
            html=html,
            to=_address(action.recipient, action.channel),
            channel=action.channel,
            template=name,
        )

    def _has(self, filename: str) -> bool:
        if not self.search_path:  # the built-in pack never changes: ask once
            known = self._known.get(filename)
            if known is None:
                known = self._known[filename] = self._look_up(filename)
            return known
        return self._look_up(filename)

    def _look_up(self, filename: str) -> bool:
        try:
            self.environment.get_template(filename)
        except jinja2.TemplateNotFound:
            return False
        except jinja2.TemplateSyntaxError as error:
            raise TemplateError(
                f"syntax error on line {error.lineno}: {error.message}", filename
            ) from None
        except Exception as error:
            raise TemplateError(_sandbox.problem(error), filename) from error
        return True

    def _subject_and_body(
        self, template: jinja2.Template, values: Mapping[str, Any], filename: str
    ) -> tuple[str, str]:
        """Render the ``subject`` and ``body`` blocks, as overridden along ``{% extends %}``."""
        try:
            context = template.new_context(dict(values))
            if not _only_blocks(template, self.environment):
                # Running the whole template merges the block stacks of its
                # parents and sets its top-level variables.
                for _ in template.root_render_func(context):
                    pass
            parts = []
            for block in ("subject", "body"):
                stack = context.blocks.get(block)
                parts.append("".join(stack[0](context)).strip() if stack else "")
        except jinja2.UndefinedError as error:
            raise TemplateError(f"missing value: {error.message}", filename) from None
        except jinja2.TemplateError as error:
            raise TemplateError(_sandbox.problem(error), filename) from None
        except FollowupError:
            raise
        except Exception as error:  # raised by template code: a user template's own fault
            raise TemplateError(_sandbox.problem(error), filename) from error
        return parts[0], parts[1]

    def _whole(self, filename: str, values: Mapping[str, Any]) -> str:
        try:
            return self.get(filename).render(values).strip() + "\n"
        except jinja2.UndefinedError as error:
            raise TemplateError(f"missing value: {error.message}", filename) from None
        except jinja2.TemplateError as error:
            raise TemplateError(_sandbox.problem(error), filename) from None
        except FollowupError:
            raise
        except Exception as error:  # raised by template code: a user template's own fault
            raise TemplateError(_sandbox.problem(error), filename) from error


_SHAPES: weakref.WeakKeyDictionary[jinja2.Template, bool] = weakref.WeakKeyDictionary()


def _only_blocks(template: jinja2.Template, environment: jinja2.Environment) -> bool:
    """Whether *template* is nothing but blocks and plain text at its top level.

    Then its blocks can be rendered straight away; otherwise (``extends``, a
    top-level ``set`` or ``import``) the whole template must run first.
    Decided once per compiled template: the built-in ones all qualify, which
    halves their rendering time.
    """
    known = _SHAPES.get(template)
    if known is None:
        known = False
        loader = environment.loader
        if template.name is not None and loader is not None:
            source = loader.get_source(environment, template.name)[0]
            body = environment.parse(source).body
            known = all(_plain(node) for node in body)
        _SHAPES[template] = known
    return known


def _plain(node: jinja2.nodes.Node) -> bool:
    if isinstance(node, jinja2.nodes.Block):
        return True
    if isinstance(node, jinja2.nodes.Output):
        return all(isinstance(part, jinja2.nodes.TemplateData) for part in node.nodes)
    return False


def _address(person: Interviewer | Recruiter | None, channel: Channel) -> str:
    if person is None:
        return ""
    if channel is Channel.EMAIL and person.email:
        from email.utils import formataddr  # the email package costs ~25 ms to import

        return formataddr((person.name, person.email))
    if channel is Channel.PHONE and person.phone:
        return person.phone
    return person.name


_DEFAULT: TemplatePack | None = None


def default_pack() -> TemplatePack:
    """The built-in pack, created on first use and shared."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = TemplatePack()
    return _DEFAULT


def render(action: Action, interview: Interview, **details: Any) -> Message:
    """Write the message of *action* with the built-in templates.

    *details* add template variables or override them, e.g. ``fit="five years
    of Kafka in production"``; see ``docs/templates.md``.  For your own
    templates or another locale, use `TemplatePack`.

    Raises:
        TemplateError: no message for this action, or a required value is missing.
    """
    return default_pack().render(action, interview, **details)
