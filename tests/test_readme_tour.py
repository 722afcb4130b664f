"""The README's tour output is what the commands print on the bundled examples (issue 16):
scripts/readme_tour.py regenerates it from real runs, and this fails when it is stale."""

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.issue(16)
def test_readme_tour_is_current():
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "readme_tour.py"), "--check"], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-5000:]
