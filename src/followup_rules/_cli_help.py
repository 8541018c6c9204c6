"""The examples that end each ``followup`` command's ``--help``."""

EXAMPLES = """
\b
Examples:
  followup new applications/acme.toml
  followup today applications/*.toml
  followup log applications/acme.toml contact --channel phone --at 2026-07-16T10:15
  followup log applications/acme.toml update --outcome undecided --decision-by "in two weeks"
  followup events applications/acme.toml
  followup plan interview.toml --format ics -o followup.ics --now today
  followup plan interview.toml --format eml -o drafts/
  followup render interview.toml --detail fit="six years of data pipelines"
  followup audit interview.toml events.toml
  followup policy --preset cautious > policy.toml
"""

PLAN_EXAMPLES = """
\b
Examples:
  followup plan interview.toml
  followup plan interview.toml --history events.toml --now 2026-07-20T09:00-04:00
  followup plan applications/*.toml --now today
  followup plan interview.toml --format json > plan.json
  followup plan interview.toml --format ics -o followup.ics --now now
  followup plan interview.toml --format eml -o drafts/ --detail fit="ten years of Spark"
\b
Run the ics export again after logging events, to the same -o file: steps done
are marked completed, steps dropped cancelled, under the same UIDs.
"""

TODAY_EXAMPLES = """
\b
Examples:
  followup today applications/*.toml
  followup today acme.toml globex.toml --now 2026-07-16T08:00
  followup today applications/*.toml --all
  followup today applications/*.toml --format json
\b
--now takes 'now' (the default), 'today', 'yesterday' or 'tomorrow' (the
start of that day), a local time such as 2026-07-16T08:00 (read in the
candidate's zone), or ISO 8601 with an offset.
"""

NEXT_EXAMPLES = """
\b
Examples:
  followup next applications/*.toml
  followup next acme.toml --now 2026-07-16T08:00
"""

LOG_EXAMPLES = """
\b
Examples:
  followup log acme.toml contact --step thank_you --to "Ana Ruiz" --at 2026-07-07T16:05
  followup log acme.toml contact --channel phone --voicemail --at 2026-07-16T10:15
  followup log acme.toml contact --channel phone --answered --note "she sounded keen"
  followup log acme.toml contact --message-id "<1@mail.example.com>" --subject "Checking in"
  followup log acme.toml reply --from "Bo Chen" --note "they meet on Friday"
  followup log acme.toml update --outcome undecided --decision-by "in two weeks"
  followup log acme.toml update --outcome next_round --round-on 2026-07-21
  followup log acme.toml out-of-office --from "Ana Ruiz" --returns-on 2026-07-27
  followup log acme.toml skip check_in-ana-ruiz
  followup log acme.toml snooze check_in-ana-ruiz --until tomorrow
  followup log acme.toml --undo
  followup log events.toml reply --interview interview.toml
\b
FILE is an interview file (the event goes where it keeps its history: its own
[[event]] tables, or the file its 'history' key names) or, with --interview,
a history file.  --at is when it happened: 'now' (the default), a local time
(the candidate's zone), or ISO 8601 with an offset.  An event logged late goes
in its place; the same event logged twice is kept once.
"""

EVENTS_EXAMPLES = """
\b
Examples:
  followup events acme.toml
  followup events events.toml --interview interview.toml
"""

UNLOG_EXAMPLES = """
\b
Examples:
  followup unlog acme.toml 3
  followup unlog events.toml 2 --interview interview.toml
"""

RENAME_EXAMPLES = """
\b
Examples:
  followup rename acme.toml "Dev Patel" "Devesh Patel"
  followup rename acme.toml "Ana Ruiz" "Ana Ruiz Vega"
  followup rename acme-r1.toml "Raj Patel" "Rajesh Patel" --with acme-r2.toml
"""

NEW_EXAMPLES = """
\b
Examples:
  followup new acme.toml
  followup new acme.toml --company "Acme Analytics" --role "Data Engineer" \\
      --at 2026-07-07T14:00 --timezone America/New_York --interviewer "Ana Ruiz" \\
      --candidate "Sam Lee"
  followup new globex.toml --company Globex --role "Data Engineer" \\
      --at 2026-10-20T10:00 --timezone America/New_York --interviewer "Ana Ruiz" \\
      --candidate "Léa Martin" --candidate-timezone Australia/Sydney --language fr
"""

RENDER_EXAMPLES = """
\b
Examples:
  followup render interview.toml
  followup render interview.toml --now today --detail fit="six years of data pipelines"
  followup render applications/*.toml --locale en_GB
  followup render interview.toml --templates my-templates/
"""

AUDIT_EXAMPLES = """
\b
Examples:
  followup audit acme.toml
  followup audit interview.toml events.toml
  followup audit interview.toml events.toml --policy policy.toml --format json
  followup audit acme.toml --with acme-round2.toml
"""

RULES_EXAMPLES = """
\b
Examples:
  followup rules
  followup rules --format markdown > rules.md
"""

POLICY_EXAMPLES = """
\b
Examples:
  followup policy --preset cautious > policy.toml
  followup plan interview.toml --policy policy.toml
"""
