"""The layout keeps its promises: no import cycles, each concept once, small folders."""

from __future__ import annotations

import ast
from pathlib import Path

from kg.config import PROJECT_ROOT

PACKAGES = ("kg", "server")
PRODUCT = ("kg", "server", "bench")  # the code that ships or measures; tests may quote IRIs
MAX_MODULES_PER_FOLDER = 12


def _modules(packages: tuple[str, ...]) -> dict[str, Path]:
    found = {}
    for package in packages:
        for path in sorted((PROJECT_ROOT / package).rglob("*.py")):
            parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def _imports(path: Path, name: str, known: set[str]) -> set[str]:
    """Modules of ours that a module imports, wherever the import stands."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}".rstrip(".")
            submodules = {f"{base}.{alias.name}" for alias in node.names} & known
            # `from package import module` needs the module, not the package's own code
            found.update(submodules if len(submodules) == len(node.names) else {base})
            found.update(submodules)
    return {module for module in found if module in known and module != name}


def import_graph() -> dict[str, set[str]]:
    modules = _modules(PACKAGES)
    known = set(modules)
    return {name: _imports(path, name, known) for name, path in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle (as a path that returns to its start), or None."""
    state: dict[str, int] = {}  # 1 visiting, 2 done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node], _ = 1, stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return [*stack[stack.index(target):], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        state[node], _ = 2, stack.pop()
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return None


def test_no_import_cycles() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " → ".join(cycle or [])


def test_the_cycle_finder_finds_cycles() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_the_ontology_namespace_is_written_once() -> None:
    iri = "https://w3id.org/dutygraph/ontology#"
    holders = [str(path.relative_to(PROJECT_ROOT)) for path in _modules(PRODUCT).values()
               if iri in path.read_text(encoding="utf-8")]
    assert holders == ["kg/namespaces.py"]


def test_benchmarks_live_outside_the_installed_packages() -> None:
    for package in PACKAGES:
        folders = [p for p in (PROJECT_ROOT / package).rglob("bench*")
                   if p.is_dir() and list(p.glob("*.py"))]
        assert not folders, folders


def test_no_folder_holds_more_than_about_twelve_modules() -> None:
    for package in PACKAGES:
        for folder in [PROJECT_ROOT / package, *(PROJECT_ROOT / package).rglob("*/")]:
            if folder.name == "__pycache__" or not folder.is_dir():
                continue
            modules = [p for p in folder.glob("*.py") if p.name != "__init__.py"]
            assert len(modules) <= MAX_MODULES_PER_FOLDER, (folder, len(modules))
