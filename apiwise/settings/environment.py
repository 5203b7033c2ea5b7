"""Reading settings from the environment: what every settings module uses."""

import os


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=()):
    value = os.environ.get(name, "")
    items = [item.strip() for item in value.split(",") if item.strip()]
    return items or list(default)


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def env_int_list(name, default):
    return [int(item) for item in env_list(name)] or list(default)
