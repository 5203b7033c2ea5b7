"""Every setting read from the environment is documented in .env.example."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_env_example_lists_every_environment_variable_the_settings_read():
    read = set()
    for path in (ROOT / "apiwise" / "settings").glob("*.py"):
        if path.name == "test.py":
            continue  # the test suite's own (PYTEST_XDIST_WORKER): no deployment sets it
        text = path.read_text()
        read |= set(re.findall(r'os\.environ(?:\.get)?[\[(]\s*"([A-Z_]+)"', text))
        read |= set(re.findall(r'env_(?:bool|int|list)\("([A-Z_]+)"', text))
        read |= set(re.findall(r'_required\("([A-Z_]+)"\)', text))
    documented = set(re.findall(r"^#? ?([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))
    read.add("DATABASE_URL")  # read by dj_database_url
    assert "EMAIL_BACKEND_CLASS" in read and "SECRET_KEY" in read
    assert sorted(read - documented) == []
