"""Build step of replywatch beyond pyproject.toml: compile the message catalogues.

The translations are written in ``po/<language>/*.po`` (one file per part of the
program, so that parts can be translated side by side); each language's files are
merged into one ``replywatch/locale/<language>/LC_MESSAGES/replywatch.mo`` when the
package is built or installed. An editable install writes it beside the sources.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
PO_DIR = HERE / "po"


def compile_catalogues(package_dir: Path) -> list[Path]:
    """Compile every language under po/ into package_dir/locale; return the files written.

    Raise SystemExit naming the file when a catalogue cannot be read or two files of
    one language translate the same message differently.
    """
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written: list[Path] = []
    for language_dir in sorted(p for p in PO_DIR.iterdir() if p.is_dir()):
        # Fixed dates: the same po files always make the same bytes (a test compares).
        fixed = datetime(2026, 1, 1, tzinfo=UTC)
        merged = Catalog(locale=language_dir.name, domain="replywatch", project="replywatch",
                         creation_date=fixed, revision_date=fixed, fuzzy=False)
        seen: dict[object, tuple[object, str]] = {}
        for po in sorted(language_dir.glob("*.po")):
            with po.open("rb") as handle:
                catalog = read_po(handle, locale=language_dir.name)
            for message in catalog:
                if not message.id:
                    continue
                key = message.id if message.context is None else (message.context, message.id)
                if key in seen and seen[key][0] != message.string:
                    raise SystemExit(f"{po}: {message.id!r} is also translated differently "
                                     f"in {seen[key][1]}")
                seen[key] = (message.string, po.name)
                merged.add(message.id, message.string, context=message.context,
                           flags=message.flags)
        target = package_dir / "locale" / language_dir.name / "LC_MESSAGES" / "replywatch.mo"
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as handle:
            write_mo(handle, merged, use_fuzzy=False)
        written.append(target)
    return written


class BuildWithCatalogues(build_py):
    """build_py that also compiles the catalogues into the built (or editable) package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            compile_catalogues(HERE / "src" / "replywatch")
        else:
            compile_catalogues(Path(self.build_lib) / "replywatch")


if __name__ == "__main__":  # as setuptools runs it; the tests import compile_catalogues
    setup(cmdclass={"build_py": BuildWithCatalogues})
