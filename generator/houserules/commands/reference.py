"""`houserules reference`: write policies/FORMAT.md from the declarations."""

from __future__ import annotations

from pathlib import Path

from ..reference import reference_text
from ..yamlsource import display_path


def reference(policy_dir: Path, *, check_only: bool = False) -> tuple[str, bool]:
    """(what happened, whether FORMAT.md is now current)."""
    path = policy_dir / "FORMAT.md"
    text = reference_text()
    current = path.is_file() and path.read_text(encoding="utf-8") == text
    if check_only:
        return (f"{display_path(path)} is up to date" if current else
                f"{display_path(path)} is out of date: run houserules reference"), current
    if not current:
        path.write_text(text, encoding="utf-8")
        return f"wrote {display_path(path)}", True
    return f"{display_path(path)} was already up to date", True
