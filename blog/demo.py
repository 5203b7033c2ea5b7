def load(home):
    """Demo content for this app (filled in with the app's pages)."""
