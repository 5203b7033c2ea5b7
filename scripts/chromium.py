"""How this project starts Debian's Chromium headless: no sandbox (root in a container), no GPU,
and none of the background traffic that floods a closed network with refused connections.
Shared by the browser tests (tests/conftest.py) and `make audit` (scripts/audit.py), which also
hands it to Lighthouse (scripts/lighthouse-page.mjs) in CHROME_FLAGS."""

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
