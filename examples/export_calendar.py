"""Export a plan to a calendar file and e-mail drafts.

Run:  python examples/export_calendar.py [OUTPUT_DIR]
(needs the cli extra: pip install 'followup-rules[cli]')
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pendulum

from followup_rules import Channel, plan
from followup_rules.export import eml_name, to_eml, to_ics
from followup_rules.serialize import load_interview

HERE = Path(__file__).parent


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="followup-"))
    out.mkdir(parents=True, exist_ok=True)
    interview = load_interview(HERE / "interview.toml")
    schedule = plan(interview)
    now = pendulum.datetime(2026, 7, 1, tz="UTC")  # the calendar's timestamp: pass it in
    (out / "followup.ics").write_bytes(to_ics(schedule, interview, now=now))
    for index, action in enumerate(schedule, start=1):
        if action.channel is Channel.EMAIL:
            (out / eml_name(index, action)).write_bytes(to_eml(action, interview).as_bytes())
    for path in sorted(out.iterdir()):
        print(path)


if __name__ == "__main__":
    main()
