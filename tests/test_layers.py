"""The walls between the layers of DESIGN.md "Architecture", read from the imports.

Arrows only point down the list: cli -> daemon -> engine -> doctor -> alerts -> report
-> mail -> store -> config -> core. oauth (access tokens) sits below mail, secrets
below it; log and errors sit between config and core;
demo may use everything below cli. core imports nothing but core and the pure parts
of the standard library; only store/ speaks SQL, only mail/ imports imapclient.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "replywatch"

# Rank of each layer: a module may import only layers of a greater or equal rank.
LAYERS = {
    "cli": 0,
    "demo": 1,
    "daemon": 2,
    "engine": 3,
    "discovery": 3,
    "classifying": 3,  # the engine's classify step, beside it
    "triage": 3,  # which mail the engine's matching step needs to see
    "doctor": 4,
    "alerts": 5,
    "report": 6,
    "mail": 7,
    "oauth": 8,  # tokens for mail/ and alerts/; uses secrets, config, log
    "secrets": 9,
    "store": 10,
    "config": 11,
    "log": 12,
    "errors": 13,
    "wakeup": 13,  # an Event a selector can wait on: for the daemon, mail and alerts
    "i18n": 13,  # the user's language: gettext and dates, for every layer above core
    "core": 14,
}
# Standard-library modules that do no I/O and read no clock: all core/ may use.
PURE_STDLIB = {
    "__future__", "abc", "bisect", "collections", "dataclasses", "datetime", "enum",
    "functools", "hashlib", "heapq", "html", "itertools", "math", "operator", "re",
    "string", "typing", "unicodedata", "zoneinfo", "base64", "binascii", "codecs",
    "textwrap", "fractions", "decimal", "statistics", "types", "collections.abc",
    "html.parser", "email.utils", "quopri", "json",
}  # fmt: skip
# The one read core/ makes: the classifier's learned weights, data shipped inside the
# package like its phrase tables (never a user's file, never the network).
PACKAGE_DATA = {"kindmodel.py": {"importlib"}}


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def _layer(path: Path) -> str:
    part = path.relative_to(SRC).parts[0]
    return part.removesuffix(".py")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "replywatch":
                names.extend(f"replywatch.{alias.name}" for alias in node.names)
            else:
                names.append(node.module)
    return names


def _target_layer(name: str) -> str | None:
    parts = name.split(".")
    if parts[0] != "replywatch" or len(parts) < 2:
        return None
    return parts[1] if parts[1] in LAYERS else None


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_layers_module_imports_only_down_the_list(path: Path) -> None:
    layer = _layer(path)
    if layer not in LAYERS:  # __init__, __main__
        return
    upward = [
        name for name in _imports(path)
        if (target := _target_layer(name)) is not None and LAYERS[target] < LAYERS[layer]
    ]  # fmt: skip
    assert [] == upward


@pytest.mark.parametrize(
    "path", [p for p in _modules() if _layer(p) == "core"], ids=lambda p: p.name
)
def test_layers_core_imports_only_core_and_pure_stdlib(path: Path) -> None:
    impure = [
        name for name in _imports(path)
        if not name.startswith("replywatch.core") and name not in PURE_STDLIB
        and name not in PACKAGE_DATA.get(path.name, set())
    ]  # fmt: skip
    assert [] == impure


@pytest.mark.parametrize(
    ("library", "home"), [("sqlite3", "store"), ("imapclient", "mail"), ("jeepney", "alerts")]
)
def test_layers_library_is_imported_only_in_its_layer(library: str, home: str) -> None:
    outside = [
        str(path.relative_to(SRC)) for path in _modules()
        if _layer(path) != home
        and any(name == library or name.startswith(f"{library}.") for name in _imports(path))
    ]  # fmt: skip
    assert [] == outside


def test_layers_every_top_level_part_has_a_rank() -> None:
    parts = {_layer(p) for p in _modules()} - {"__init__", "__main__"}
    assert set() == parts - set(LAYERS)


def test_layers_sql_runs_only_in_the_store() -> None:
    outside = [
        f"{path.relative_to(SRC)}:{number}"
        for path in _modules() if _layer(path) != "store"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ".conn." in line or ".execute(" in line or ".executemany(" in line
    ]  # fmt: skip
    assert [] == outside


@pytest.mark.parametrize(
    ("module", "forbidden"),
    [
        # ssl and socket come with structlog (it imports asyncio): only our own
        # I/O libraries are the engine's business to keep out.
        ("replywatch.engine", ("imapclient", "imaplib", "smtplib", "jeepney", "keyring")),
        ("replywatch.core.cadence", ("tomllib", "replywatch.config", "sqlite3")),
        ("replywatch.core.matching", ("tomllib", "replywatch.config", "sqlite3")),
    ],
)
def test_layers_importing_a_module_does_not_load_what_it_must_not_know(
        module: str, forbidden: tuple[str, ...]) -> None:
    code = (f"import sys, {module}; "
            f"print(' '.join(m for m in {forbidden!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert [] == out


def test_layers_no_assert_guards_a_runtime_condition_in_the_product() -> None:
    # `python -O` drops asserts: a check the product relies on must be an if.
    found = [
        f"{path.relative_to(SRC)}:{node.lineno}" for path in _modules()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Assert)
    ]  # fmt: skip
    assert [] == found
