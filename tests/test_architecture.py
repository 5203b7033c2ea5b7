"""The project's apps depend on each other one way: bookings → blog → apiwise (the shared core).
A developer can change the core without reading the apps above it, and no module imports
itself back through a circle of others.

Imports are read from the source with `ast`, those inside functions included: a deferred import
is still a dependency. Migrations' imports are history and tests are outside the product; but
migrations run one way too (their dependencies, and the models they leave, are checked below)."""

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


# Migrations run one way too: the core's never wait on an app above it, so the core's schema
# can be read (and changed) without the apps. One historical exception: apiwise 0003 took the
# e-mail outbox over from bookings (same table, every row), so it had to run after the
# bookings migration that made that table. It is applied on every deployed database and stays
# as it is; what it left pointing at bookings was handed back to bookings by apiwise 0005 and
# bookings 0013.
HISTORICAL_MIGRATION_EXCEPTIONS = {
    (("apiwise", "0003_email_outbox_from_bookings"), ("bookings", "0011_staff_digest")),
}


def upward_migration_dependencies(parents_of):
    """(migration, the migration of a higher app it depends on), from {node: parents}."""
    return sorted(
        (node, parent)
        for node, parents in parents_of.items()
        if node[0] in LAYERS
        for parent in parents
        if parent[0] in LAYERS and LAYERS.index(parent[0]) > LAYERS.index(node[0])
    )


def migration_graph():
    from django.db.migrations.loader import MigrationLoader

    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    return {key: {parent.key for parent in node.parents} for key, node in graph.node_map.items()}


def test_the_checker_sees_a_migration_that_waits_on_a_higher_app():
    parents_of = {
        ("apiwise", "0009_x"): {("apiwise", "0008_y"), ("bookings", "0020_z")},
        ("bookings", "0020_z"): {("apiwise", "0008_y"), ("blog", "0001_initial")},
        ("blog", "0001_initial"): {("wagtailcore", "0001_initial")},
    }
    assert upward_migration_dependencies(parents_of) == [
        (("apiwise", "0009_x"), ("bookings", "0020_z"))
    ]


def test_no_migration_waits_on_a_migration_of_a_higher_app():
    # The graph holds `dependencies` and every other app's `run_before`.
    upward = [
        pair
        for pair in upward_migration_dependencies(migration_graph())
        if pair not in HISTORICAL_MIGRATION_EXCEPTIONS
    ]
    assert upward == [], "Migrations that wait on an app above theirs:\n" + "\n".join(
        f"{node[0]}.{node[1]} → {parent[0]}.{parent[1]}" for node, parent in upward
    )


def test_no_model_of_a_lower_app_points_at_a_higher_one():
    """In the models as the migrations leave them (and as the code defines them), a core model
    has no relation to a blog or bookings model, nor a blog model to a bookings one."""
    from django.apps import apps
    from django.db.migrations.loader import MigrationLoader

    migrated = MigrationLoader(None, ignore_no_migrations=True).project_state().apps
    upward = sorted(
        f"{source}: {model._meta.label}.{field.name} → {field.related_model._meta.label}"
        for source, registry in (("migrations", migrated), ("code", apps))
        for model in registry.get_models()
        if model._meta.app_label in LAYERS
        for field in model._meta.get_fields(include_hidden=True)
        if field.concrete
        and field.is_relation
        and field.related_model is not None
        and field.related_model._meta.app_label in LAYERS
        and LAYERS.index(field.related_model._meta.app_label) > LAYERS.index(model._meta.app_label)
    )
    assert upward == [], "Models that point at an app above theirs:\n" + "\n".join(upward)
