"""The demo's complete guides, as Markdown documents anyone can edit: one file per guide,
<slug>.md, with YAML front matter (title, slug, seo_title, search_description, summary, date,
topics, author, and series and part for a guide in a series, related for chosen related
guides). blog/demo.py loads each through the importer, as an editor's upload would be."""

from pathlib import Path

from django.core.management.base import CommandError

from blog.importer.markdown_files import front_matter, markdown_text

FOLDER = Path(__file__).parent
# What the demo cannot publish a guide without (the importer finds the rest in the text).
REQUIRED = ("title", "summary", "date", "topics")


def documents():
    """slug -> the document's front matter, with its "path", for every guide document."""
    found = {}
    for path in sorted(FOLDER.glob("*.md")):
        fields, _ = front_matter(markdown_text(path.read_bytes()))
        missing = [name for name in REQUIRED if not fields.get(name)]
        if missing:
            raise CommandError(
                f"{path.name}: its front matter needs {', '.join(missing)} (see the other "
                "guides in blog/demo_guides/)."
            )
        slug = fields.get("slug") or path.stem
        found[slug] = {**fields, "slug": slug, "path": path}
    return found
