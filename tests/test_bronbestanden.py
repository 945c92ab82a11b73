"""The repository's own files: a merge that left its conflict markers in a template
showed them to residents on the privacy page."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKER = re.compile(r"^(<{7} |={7}$|>{7} )", re.MULTILINE)


def test_no_file_holds_merge_conflict_markers():
    namen = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    gevonden = []
    for naam in namen:
        pad = ROOT / naam
        if pad.suffix not in {".py", ".html", ".po", ".md", ".css", ".js", ".txt", ".toml", ".cfg", ".sh", ".conf"}:
            continue
        if pad.is_file() and MARKER.search(pad.read_text(encoding="utf-8", errors="replace")):
            gevonden.append(naam)
    assert not gevonden, f"Merge conflict markers left in: {', '.join(gevonden)}"
