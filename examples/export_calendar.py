"""Export a plan to a calendar file and e-mail drafts.

Run:  python examples/export_calendar.py [OUTPUT_DIR]
(needs the cli extra: pip install 'followup-rules[cli]')
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pendulum

from followup_rules import plan
from followup_rules.export import drafts, to_ics, write_drafts
from followup_rules.serialize import load_interview

HERE = Path(__file__).parent


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="followup-"))
    out.mkdir(parents=True, exist_ok=True)
    interview = load_interview(HERE / "interview.toml")
    schedule = plan(interview)
    now = pendulum.datetime(2026, 7, 1, tz="UTC")  # the calendar's timestamp: pass it in
    # events=True: every step an event, for calendars that ignore to-dos on import
    (out / "followup.ics").write_bytes(to_ics(schedule, interview, now=now, events=True))
    written = drafts([(schedule, interview, ())])  # every e-mail step's draft, rendered
    write_drafts(written, out)
    print(out / "followup.ics")
    for draft in written:
        print(out / draft.path, draft.message_id, *draft.warnings)


if __name__ == "__main__":
    main()
