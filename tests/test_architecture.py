"""The project's apps depend on each other one way: bookings → blog → apiwise (the shared core).
A developer can change the core without reading the apps above it, and no module imports
itself back through a circle of others.

Imports are read from the source with `ast`, those inside functions included: a deferred import
is still a dependency. Migrations are history and tests are outside the product."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ("apiwise", "blog", "bookings")  # lowest first: each may import only those before it
# The wiring that puts the whole site together may import every app.
WIRING = {"apiwise.urls", "apiwise.management.commands.load_demo_content"}
WIRING_PACKAGES = ("apiwise.settings",)


def project_modules():
    modules = {}
    for layer in LAYERS:
        for path in (ROOT / layer).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if "migrations" in parts:
                continue
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            modules[name] = path
    return modules


def imported_names(module, path):
    """Every dotted name `module` imports, resolving relative imports."""
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module if path.name == "__init__.py" else module.rpartition(".")[0]
                for _ in range(node.level - 1):
                    package = package.rpartition(".")[0]
                base = f"{package}.{base}" if base else package
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def import_graph():
    modules = project_modules()

    def owner(name):
        # `from blog.models import ArticlePage` depends on the module blog.models.
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name

    graph = {}
    for module, path in modules.items():
        targets = {owner(name) for name in imported_names(module, path)}
        graph[module] = targets - {"", module}
    return graph


def strongly_connected(graph):
    """Tarjan's algorithm, iteratively: the circles of modules that import each other."""
    index, low, on_stack, stack, components = {}, {}, set(), [], []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(sorted(component))
    return components


def layer(module):
    return LAYERS.index(module.split(".")[0])


def is_wiring(module):
    return module in WIRING or module.startswith(WIRING_PACKAGES)


def test_the_checker_sees_a_circle_and_an_upward_import():
    graph = {"apiwise.a": {"blog.b"}, "blog.b": {"apiwise.a"}, "apiwise.c": set()}
    assert strongly_connected(graph) == [["apiwise.a", "blog.b"], ["apiwise.c"]]
    assert layer("blog.b") > layer("apiwise.a")


def test_the_checker_reads_imports_inside_functions():
    graph = import_graph()
    # apiwise.apps imports its signal wiring inside ready(), as Django requires.
    assert "apiwise.content_cache" in graph["apiwise.apps"]


def test_no_module_imports_itself_back_through_others():
    circles = [c for c in strongly_connected(import_graph()) if len(c) > 1]
    assert circles == [], "Modules that import each other in a circle:\n" + "\n".join(
        f"{len(c)}: {', '.join(c)}" for c in circles
    )


@pytest.mark.parametrize("lower", LAYERS[:-1])
def test_a_lower_app_never_imports_a_higher_one(lower):
    upward = sorted(
        f"{module} → {target}"
        for module, targets in import_graph().items()
        if module.split(".")[0] == lower and not is_wiring(module)
        for target in targets
        if layer(target) > layer(module)
    )
    assert upward == [], f"{lower} imports from an app above it:\n" + "\n".join(upward)
