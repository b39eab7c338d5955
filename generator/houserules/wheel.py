"""Build the checker engine (widget/houserules_checker) as a wheel for the
browser, byte for byte the same from the same source.

A pure-Python wheel is a zip of the package plus three small metadata files,
so it is written here directly rather than through a build backend: no
isolated build environment, no network, and the same bytes every time
(entries in sorted order, one fixed timestamp, fixed permissions).
Entries are stored, not deflated: the sites send the wheel compressed as a
whole (its .br and .gz, checker_assets.py), which is a fifth smaller than
deflating file by file (123 KB in Brotli against 157 KB).
"""

from __future__ import annotations

import base64
import hashlib
import io
import re
import zipfile
from pathlib import Path

NAME = "houserules-checker"
PACKAGE = "houserules_checker"
# Every entry carries this time (zip cannot store dates before 1980).
TIMESTAMP = (2026, 1, 1, 0, 0, 0)
# Files besides the modules that the package reads: the second-opinion
# model's weights (model.py), and their attribution and licence, which go with them.
PACKAGE_DATA = ("model_weights.tsv", "model_weights.LICENSE")


def version(package_dir: Path) -> str:
    found = re.search(r'^__version__ = "([^"]+)"', (package_dir / "__init__.py").read_text(encoding="utf-8"),
                      re.MULTILINE)
    if not found:
        raise ValueError(f"{package_dir / '__init__.py'}: no __version__")
    return found.group(1)


def _digest(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def build_wheel(package_dir: Path) -> tuple[str, bytes]:
    """(file name, wheel bytes) for the package in `package_dir`."""
    ver = version(package_dir)
    dist_info = f"{PACKAGE}-{ver}.dist-info"
    files = {f"{PACKAGE}/{p.relative_to(package_dir).as_posix()}": p.read_bytes()
             for p in sorted([*package_dir.rglob("*.py"), *(package_dir / name for name in PACKAGE_DATA)])}
    files[f"{dist_info}/METADATA"] = (
        f"Metadata-Version: 2.1\nName: {NAME}\nVersion: {ver}\n"
        "Summary: Which of a council's house rules would a comment break, and why.\n"
        "Requires-Python: >=3.12\n").encode()
    files[f"{dist_info}/WHEEL"] = (
        b"Wheel-Version: 1.0\nGenerator: houserules\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
    files[f"{dist_info}/top_level.txt"] = f"{PACKAGE}\n".encode()
    record = "".join(f"{path},{_digest(data)},{len(data)}\n" for path, data in files.items())
    files[f"{dist_info}/RECORD"] = (record + f"{dist_info}/RECORD,,\n").encode()

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as wheel:
        for path, data in files.items():  # package files sorted, then metadata, RECORD last
            info = zipfile.ZipInfo(path, date_time=TIMESTAMP)
            info.compress_type = zipfile.ZIP_STORED
            info.create_system = 3  # Unix, whatever system builds it
            info.external_attr = 0o644 << 16
            wheel.writestr(info, data)
    return f"{PACKAGE}-{ver}-py3-none-any.whl", buffer.getvalue()
