#!/usr/bin/env python3
"""Extract, compile and check the console's translations.

    build_translations.py             --update, then --release (after adding or changing strings)
    build_translations.py --update    pyside6-lupdate: console/ and ui/ -> resources/i18n/*.ts
    build_translations.py --release   pyside6-lrelease: *.ts -> *.qm next to them (build output)
    build_translations.py --check     fail (exit 1) if a string in the code lacks a finished
                                      zh_CN translation; changes nothing in the tree

Translate with ``pyside6-linguist resources/i18n/tianmu_zh_CN.ts``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
CATALOGUE = "tianmu"
LANGUAGES = ("zh_CN", "en")
# Languages whose every string must be translated; English is the source language, so only
# its plural forms need entries.
COMPLETE = ("zh_CN",)
# The server speaks English (API messages with machine-readable codes), so it is not scanned.
SKIP_DIRS = {"server", "__pycache__", "forms"}
TIMEOUT_S = 300


@dataclass(frozen=True)
class Gap:
    """A string without a finished translation."""

    language: str
    context: str
    source: str

    def __str__(self) -> str:
        return f"{self.language}: [{self.context}] {self.source!r}"


def qt_tool(name: str) -> str:
    """A PySide6 tool next to this interpreter (the virtualenv's), else on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        sys.exit(f"{name} not found; install PySide6 in this environment")
    return found


def sources() -> list[Path]:
    found = []
    for path in sorted((ROOT / "console").rglob("*.py")):
        if SKIP_DIRS.isdisjoint(path.relative_to(ROOT).parts):
            found.append(path)
    found += sorted((ROOT / "ui").glob("*.ui"))
    return found


def ts_file(language: str, folder: Path = I18N) -> Path:
    return folder / f"{CATALOGUE}_{language}.ts"


def lupdate(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    files = [str(p) for p in sources()]
    targets = [str(ts_file(lang, folder)) for lang in LANGUAGES]
    # No source locations: line numbers would change the .ts on every unrelated code edit.
    command = [
        qt_tool("pyside6-lupdate"),
        "-locations",
        "none",
        "-no-obsolete",
        "-source-language",
        "en",
        *files,
        "-ts",
        *targets,
    ]
    subprocess.run(command, cwd=ROOT, check=True, timeout=TIMEOUT_S, stdout=subprocess.DEVNULL)


def lrelease() -> list[Path]:
    built = []
    for language in LANGUAGES:
        source = ts_file(language)
        if not source.exists():
            sys.exit(f"{source} is missing; run {Path(__file__).name} --update first")
        target = source.with_suffix(".qm")
        subprocess.run(
            [qt_tool("pyside6-lrelease"), "-silent", str(source), "-qm", str(target)],
            check=True,
            timeout=TIMEOUT_S,
        )
        built.append(target)
    return built


def gaps(ts_path: Path, language: str, *, plurals_only: bool = False) -> list[Gap]:
    """Messages of a .ts file that lack a finished translation."""
    found = []
    for context in ET.parse(ts_path).getroot().iter("context"):
        name = context.findtext("name", default="")
        for message in context.iter("message"):
            plural = message.get("numerus") == "yes"
            if plurals_only and not plural:
                continue
            translation = message.find("translation")
            source = message.findtext("source", default="")
            if translation is None:
                found.append(Gap(language, name, source))
                continue
            kind = translation.get("type")
            if kind in ("vanished", "obsolete"):
                continue
            forms = (
                [f.text or "" for f in translation.iter("numerusform")]
                if plural
                else [translation.text or ""]
            )
            if kind == "unfinished" or not forms or not all(f.strip() for f in forms):
                found.append(Gap(language, name, source))
    return found


def check() -> list[Gap]:
    """Extract the strings into a scratch copy of the .ts files and list what is untranslated."""
    with tempfile.TemporaryDirectory(prefix="tianmu-i18n-") as scratch:
        folder = Path(scratch)
        for language in LANGUAGES:
            if ts_file(language).exists():
                shutil.copy2(ts_file(language), ts_file(language, folder))
        lupdate(folder)
        found = []
        for language in LANGUAGES:
            found += gaps(
                ts_file(language, folder), language, plurals_only=language not in COMPLETE
            )
        return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="extract strings into the .ts")
    parser.add_argument("--release", action="store_true", help="compile the .ts into .qm")
    parser.add_argument("--check", action="store_true", help="fail on untranslated strings")
    args = parser.parse_args(argv)
    if not (args.update or args.release or args.check):
        args.update = args.release = True

    if args.update:
        lupdate(I18N)
        print(f"updated {', '.join(str(ts_file(lang).relative_to(ROOT)) for lang in LANGUAGES)}")
    if args.release:
        built = lrelease()
        print(f"built {', '.join(str(p.relative_to(ROOT)) for p in built)}")
    if args.check:
        missing = check()
        if missing:
            print(f"{len(missing)} string(s) without a finished translation:", file=sys.stderr)
            for gap in missing:
                print(f"  {gap}", file=sys.stderr)
            print(
                f"Run scripts/{Path(__file__).name} --update, then translate with "
                "pyside6-linguist.",
                file=sys.stderr,
            )
            return 1
        print("translations complete")
    return 0


if __name__ == "__main__":
    sys.exit(main())
