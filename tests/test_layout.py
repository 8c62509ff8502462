"""The package is laid out as its pipeline: one folder per stage, each importing only the stages before it,
no import going round in a circle, and the README's layout listing every module."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from libyalib.paths import ROOT

PACKAGE = ROOT / "libyalib"
#: The stages in the order the data flows; a module may import from its own stage and those before it.
STAGES = ["base", "ingest", "nlp", "extract", "tables", "charts", "top"]
BASE = {"libyalib.paths", "libyalib.fingerprint"}


def _name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _stage(module: str) -> str:
    if module in BASE:
        return "base"
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in STAGES) else "top"


def _imports(module: str) -> set[str]:
    """Every module of the package that ``module`` imports, at any depth of its code, with the packages
    (other than its own) that those imports initialise."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in MODULES]
            targets = targets or [base]
        else:
            continue
        for target in targets:
            if not target.startswith("libyalib"):
                continue
            while target not in MODULES:  # an attribute of a module: the module
                target = target.rsplit(".", 1)[0]
            found.add(target)
            parent = target.rsplit(".", 1)[0]
            while "." in parent and not module.startswith(parent + "."):
                found.add(parent)  # importing a.b.c runs a.b's __init__
                parent = parent.rsplit(".", 1)[0]
    found.discard(module)
    return found


GRAPH = {module: _imports(module) for module in MODULES}


def test_the_graph_sees_imports_of_every_form():
    """The parser finds relative, absolute, nested and ``from . import`` imports (checked on modules whose
    imports were read by hand)."""
    assert "libyalib.nlp.annotations" in GRAPH["libyalib.extract.rows"]  # import libyalib.nlp.annotations as ...
    assert "libyalib.nlp" in GRAPH["libyalib.extract.rows"]  # ... which runs libyalib/nlp/__init__.py
    assert "libyalib.ingest.corpus" in GRAPH["libyalib.extract.rows"]  # inside iter_rows
    assert {"libyalib.ingest.furniture", "libyalib.ingest.stories"} <= GRAPH["libyalib.ingest.corpus"]
    assert "libyalib.notebooks" in GRAPH["libyalib.run"]  # from . import notebooks as executor


def test_no_module_imports_a_later_stage():
    backwards = [
        f"{module} ({_stage(module)}) imports {target} ({_stage(target)})"
        for module, targets in GRAPH.items()
        for target in targets
        if STAGES.index(_stage(target)) > STAGES.index(_stage(module))
    ]
    assert backwards == []


def test_no_import_cycle():
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            pytest.fail("import cycle: " + " -> ".join([*path[path.index(module) :], module]))
        if module in done:
            return
        for target in sorted(GRAPH[module]):
            visit(target, [*path, module])
        done.add(module)

    for module in MODULES:
        visit(module, [])


def test_every_stage_is_a_folder_of_at_most_twelve_modules():
    for stage in STAGES[1:-1]:
        folder = PACKAGE / stage
        modules = [p for p in folder.glob("*.py") if p.name != "__init__.py"]
        assert (folder / "__init__.py").read_text(encoding="utf-8").startswith('"""'), f"{stage} has no docstring"
        assert 1 <= len(modules) <= 12, f"{stage}/ holds {len(modules)} modules"
    top = [p for p in PACKAGE.glob("*.py") if p.name not in ("__init__.py", "__main__.py")]
    assert len(top) <= 12


def _layout_paths(readme: str) -> set[str]:
    """The paths of the README's layout tree, from the indentation of its lines."""
    tree = readme[readme.index("## Layout") :].split("```")[1]
    stack: list[tuple[int, str]] = []
    paths = set()
    for line in tree.splitlines():
        match = re.match(r"^( *)([\w.]+/?)\s", line + " ")
        if not match:
            continue
        indent, name = len(match.group(1)), match.group(2)
        while stack and stack[-1][0] >= indent:
            stack.pop()
        path = "".join(folder for _, folder in stack) + name
        paths.add(path)
        if name.endswith("/"):
            stack.append((indent, name))
    return paths


def test_the_readme_layout_lists_every_module():
    listed = _layout_paths((ROOT / "README.md").read_text(encoding="utf-8"))
    for path in MODULES.values():
        if path.name in ("__init__.py", "__main__.py"):
            continue
        assert path.relative_to(ROOT).as_posix() in listed, f"{path.relative_to(ROOT)} is not in the README's layout"
    assert {f"libyalib/{stage}/" for stage in STAGES[1:-1]} <= listed
