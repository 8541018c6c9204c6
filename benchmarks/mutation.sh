#!/usr/bin/env bash
# Mutation testing (mutmut 3) of the planner, rules, calendar, state fold, auditor,
# exports, file formats and messages.
# Slow (hours on 2 cores for every module; run one at a time): not part of CI. Prints the killed ratio,
# in all and by module.  Arguments, if any, are mutant names or patterns
# (e.g. 'followup_rules.serialize.*'): only those are run.
#
# MUTMUT_TESTS, if set, names the test files (or node ids), separated by spaces,
# that mutmut runs: its warm-up (which tests cover which function) and every
# mutant then see those files only, not the whole suite, e.g.
#   MUTMUT_TESTS="tests/test_timeframe.py tests/test_weekends.py" \
#     benchmarks/mutation.sh 'followup_rules.timeframe.*'
# A narrower set can only under-count kills (a survivor may be killed by a test
# outside it): run a survivor against the whole suite before calling it a gap.
# The set is added to [tool.mutmut] pytest_add_cli_args_test_selection for this
# run only (pyproject.toml is not changed); a new set makes mutmut collect its
# coverage again.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install --quiet 'mutmut>=3.2'
export HYPOTHESIS_PROFILE=followup-mutation  # 25 derandomized examples a property
if [ -n "${MUTMUT_TESTS:-}" ]; then
    python - --max-children "${MUTMUT_CHILDREN:-2}" "$@" <<'PY' || true
import os, sys
from mutmut import configuration
from mutmut.__main__ import cli
# config() is read once and kept; the forked workers inherit it.
configuration.config().pytest_add_cli_args_test_selection[:] = os.environ["MUTMUT_TESTS"].split()
cli(["run", *sys.argv[1:]])
PY
else
    mutmut run --max-children "${MUTMUT_CHILDREN:-2}" "$@" || true
fi
mutmut results --all true > mutants/results.txt || true
python - <<'PY'
import collections, re
counts = collections.Counter()
modules = collections.defaultdict(collections.Counter)
for line in open("mutants/results.txt", encoding="utf-8"):
    match = re.search(r"^(followup_rules\.\w+)\..*:\s*(\w[\w ]*)$", line.strip())
    if match:
        counts[match.group(2)] += 1
        modules[match.group(1)][match.group(2)] += 1
checked = sum(n for status, n in counts.items() if status != "not checked")
caught = counts.get("killed", 0) + counts.get("timeout", 0)
print(dict(counts))
if checked:
    print(f"killed {counts.get('killed', 0)} of {checked} mutants: {counts.get('killed', 0) / checked:.1%}")
    print(f"killed or timed out (a hang is caught too): {caught / checked:.1%}")
else:
    print("no mutants checked")
for module, seen in sorted(modules.items()):
    done = sum(n for status, n in seen.items() if status != "not checked")
    if done:
        print(f"  {module}: {seen.get('killed', 0)} of {done} killed ({seen.get('killed', 0) / done:.1%})")
PY
