from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parents[1] / "data"
SCRIPT = Path(sys.executable).parent / "kg-explorer"


class Result:
    def __init__(self, proc: subprocess.CompletedProcess) -> None:
        self.code = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr

    def json(self):
        return json.loads(self.out)


@pytest.fixture(scope="session")
def cli():
    """Run the real ``kg-explorer`` console script; returns exit code, stdout, stderr."""
    assert SCRIPT.exists(), f"console script not installed at {SCRIPT}"

    def run(*args: str) -> Result:
        proc = subprocess.run(
            [str(SCRIPT), *args],
            capture_output=True,
            text=True,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )
        return Result(proc)

    return run
