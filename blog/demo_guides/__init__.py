"""The demo's complete guides, as Markdown documents anyone can edit: one file per guide,
<slug>.md, with YAML front matter (title, slug, seo_title, search_description, summary, date,
topics, author, and series and part for a guide in a series, related for chosen related
guides). blog/demo.py loads each through the importer, as an editor's upload would be."""

from pathlib import Path

from blog.importer.formats import front_matter, markdown_text

FOLDER = Path(__file__).parent


def documents():
    """slug -> the document's front matter, with its "path", for every guide document."""
    found = {}
    for path in sorted(FOLDER.glob("*.md")):
        fields, _ = front_matter(markdown_text(path.read_bytes()))
        slug = fields.get("slug") or path.stem
        found[slug] = {**fields, "slug": slug, "path": path}
    return found
