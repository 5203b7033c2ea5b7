"""Clean HTML as a flat list of `Item`s (heading, paragraph, list, table, code, quote, callout,
picture, a break between runs of text, or something that cannot be imported), in document order,
whatever wrappers held them. Inline markup is reduced to what a guide's rich text allows: <b>,
<i> and links."""

import re
from dataclasses import dataclass, field
from html import escape, unescape

from bs4 import BeautifulSoup, NavigableString, Tag
from django.utils.html import strip_tags

from blog.blocks import LANGUAGES
from blog.importer.sources import PICTURE_SRC

CONTINUED_LIST = "A numbered list that carries on after other text"
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Elements that cannot be imported at all (their text is kept, with a note).
EMBEDS = {"iframe", "video", "audio", "object", "embed", "canvas", "svg", "math", "form"}
# Block elements: an element holding one is walked into, not read as inline text.
BLOCKS = {
    *HEADINGS, *EMBEDS, "p", "ul", "ol", "li", "table", "pre", "blockquote", "hr", "div",
    "section", "article", "header", "footer", "main", "aside", "nav", "figure", "figcaption",
    "dl", "dt", "dd", "address", "details", "summary", "body", "html", "center", "fieldset",
}  # fmt: skip
SKIP = {"script", "style", "head", "template", "noscript", "meta", "link", "title", "button"}
BOLD, ITALIC = {"b", "strong"}, {"i", "em", "cite", "dfn", "var"}
# Struck-through text is text its author deleted (Markdown's ~~…~~, Word's strikethrough):
# a guide's text cannot show it as struck, and shown plain it would say the opposite.
STRUCK = {"s", "del", "strike"}
# A <br> at the top of a paragraph. One is a line break within the paragraph (Word's
# Shift+Enter, Markdown's hard break), kept; two or more in a row (a blank line) split it.
BREAK = "\x00"
BLANK_LINE = re.compile(f"{BREAK}(?:\\s*{BREAK})+")
LINE_BREAK = "<br/>"
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
# Callouts: Markdown admonitions (`!!! tip "Title"`) and GitHub's alerts (`> [!NOTE]`), by
# the kinds a callout block has (information, warning, tip).
CALLOUT_KINDS = {
    **dict.fromkeys(("info", "note", "important", "abstract", "summary", "example"), "info"),
    **dict.fromkeys(("tip", "hint", "success", "check"), "tip"),
    **dict.fromkeys(("warning", "caution", "attention", "danger", "error", "bug"), "warning"),
}
ALERT = re.compile(r"^\s*\[!(note|tip|important|warning|caution)\]\s*", re.IGNORECASE)
# Names code fences and classes use, for the site's highlighter's languages.
LANGUAGE_ALIASES = {
    alias: language
    for language, aliases in {
        "javascript": "js node",
        "bash": "sh shell console zsh curl",
        "python": "py",
        "yaml": "yml",
        "xml": "html svg",
        "sql": "postgresql mysql",
        "json": "jsonc json5",
    }.items()
    for alias in aliases.split()
}


@dataclass
class Item:
    kind: str  # heading, p, list, table, code, quote, callout, picture, break, lost
    text: str = ""  # plain text
    html: str = ""  # rich text (p, list)
    level: int = 0  # heading
    data: dict = field(default_factory=dict)


def squash(text):
    return " ".join(INVISIBLE.sub("", text or "").split())


def plain(html):
    """Rich text as one line of plain text (tags at block boundaries become spaces)."""
    spaced = re.sub(r"</?(p|li|ul|ol|br)\b[^>]*>", " ", html or "")
    return squash(unescape(strip_tags(spaced)))


def _wrap(tag, inner):
    """<b> or <i> around inner HTML, whitespace kept outside the tags, never nested twice."""
    inner = inner.replace(f"<{tag}>", "").replace(f"</{tag}>", "")
    core = inner.strip()
    if not core:
        return inner
    lead = " " if inner[:1].isspace() else ""
    tail = " " if inner[-1:].isspace() else ""
    return f"{lead}<{tag}>{core}</{tag}>{tail}"


def has_blocks(element):
    return element.name in BLOCKS or element.find(list(BLOCKS)) is not None


class Parser:
    def __init__(self, resolve_link, pictures=0):
        """`pictures`: how many pictures came with the HTML (formats.py's PICTURE_SRC)."""
        self.resolve_link, self.pictures = resolve_link, pictures
        self.items = []

    def parse(self, html):
        soup = BeautifulSoup(html or "", "lxml")
        self.walk(soup.body or soup)
        return self.items

    # Block level ------------------------------------------------------------------------

    def walk(self, node):
        run = []  # inline content outside any paragraph (an implicit paragraph)
        for child in node.children:
            if isinstance(child, Tag) and child.name not in SKIP and has_blocks(child):
                self.paragraph(run)
                run = []
                self.block(child)
            elif isinstance(child, Tag) and child.name == "br":
                self.paragraph(run)
                run = []
            else:
                run.append(child)
        self.paragraph(run)

    def block(self, element):
        name = element.name
        if name in HEADINGS:
            self.lost_inside(element)
            text = squash(element.get_text(" "))
            if text:
                self.items.append(Item("heading", text=text, level=HEADINGS[name]))
        elif name in ("p", "dt", "dd", "address", "summary", "figcaption") and not any(
            isinstance(c, Tag) and has_blocks(c) for c in element.children
        ):
            # Word's "Caption" style (formats.py): a picture's caption after it, or a table's
            # before it.
            self.paragraph(list(element.children), caption="caption" in element.get("class", []))
        elif name in ("ul", "ol"):
            lost = []
            html = self.list_html(element, lost)
            if plain(html):
                self.items.append(Item("list", text=plain(html), html=html))
                if element.get("data-continues"):  # a Word list numbered on (word_lists.py)
                    first = element.find("li")
                    alt = squash(first.get_text(" "))[:60] if first else ""
                    lost.append(Item("lost", data={"what": CONTINUED_LIST, "alt": alt}))
            self.items.extend(lost)
        elif name == "table":
            self.table(element)
        elif name == "pre":
            self.code(element)
        elif name == "blockquote":
            self.quote(element)
        elif name == "div" and "admonition" in element.get("class", []):
            self.admonition(element)
        elif name == "hr":
            # A line between two runs of text keeps them two text blocks.
            self.items.append(Item("break"))
        elif name in EMBEDS:
            self.items.append(
                Item(
                    "lost",
                    text=squash(element.get_text(" ")),
                    data={"what": "An embedded item (video, frame or drawing)"},
                )
            )
        else:  # a container: div, section, Google's <b id="docs-internal-guid-…">, <li>…
            self.walk(element)

    def paragraph(self, nodes, caption=False):
        lost = []
        html = "".join(self.inline(node, lost, top=True) for node in nodes)
        for part in BLANK_LINE.split(html):
            part = re.sub(r"</(b|i)>(\s*)<\1>", r"\2", part)
            part = " ".join(part.split()).strip(f" {BREAK}")
            part = re.sub(f"\\s*{BREAK}\\s*", LINE_BREAK, part)
            if plain(part):
                bold_only = bool(re.fullmatch(r"<b>[^<]*(<(?!/?b>)[^>]*>[^<]*)*</b>", part))
                data = {"bold_only": bold_only, "caption": caption}
                self.items.append(Item("p", text=plain(part), html=f"<p>{part}</p>", data=data))
        self.items.extend(lost)

    def lost_inside(self, element):
        for image in element.find_all("img"):
            self.items.append(self.image(image))

    # Inline -------------------------------------------------------------------------------

    def inline(self, node, lost, top=False):
        if isinstance(node, NavigableString):
            if type(node) is not NavigableString:  # comments, CDATA, doctypes
                return ""
            return escape(re.sub(r"\s+", " ", INVISIBLE.sub("", str(node))), quote=False)
        name = node.name
        if name in SKIP:
            return ""
        if name == "br":
            return BREAK if top else " "
        if name == "img":
            lost.append(self.image(node))
            return ""
        if name in EMBEDS:
            lost.append(Item("lost", data={"what": "An embedded item (video, frame or drawing)"}))
            return ""
        if name in STRUCK:
            struck = squash(node.get_text(" "))
            if struck:
                lost.append(Item("lost", data={"what": "Struck-through text", "alt": struck}))
            return ""
        inner = "".join(
            self.inline(child, lost, top=top and name in ("span", "font"))
            for child in node.children
        )
        if name in BOLD:
            return _wrap("b", inner)
        if name in ITALIC:
            return _wrap("i", inner)
        if name == "a":
            return self.link(node, inner)
        if name in BLOCKS:  # a block inside inline content (a <p> in a list item, a cell)
            return f" {inner} "
        return inner  # span, code, u, sup, sub, font…: their text only

    def link(self, node, inner):
        text = squash(re.sub(r"<[^>]+>", "", inner))
        if not text or not node.get("href"):
            return inner
        inner = re.sub(r"</?a\b[^>]*>", "", inner)
        target = self.resolve_link(node["href"], text)
        if target is None:
            return inner
        lead = " " if inner[:1].isspace() else ""
        tail = " " if inner[-1:].isspace() else ""
        kind, value = target
        attributes = (
            f'linktype="page" id="{value}"' if kind == "page" else f'href="{escape(value)}"'
        )
        return f"{lead}<a {attributes}>{inner.strip()}</a>{tail}"

    def image(self, node):
        """A picture that came with the document, else an image that is not imported (its
        description goes in the notes, not on the page)."""
        alt = squash(node.get("alt", ""))
        number = node.get("src", "").removeprefix(PICTURE_SRC)
        if number.isdigit() and int(number) < self.pictures and node["src"] != number:
            # Markdown's ![alt](src "title"): the title is the picture's caption.
            caption = squash(node.get("title", ""))
            return Item("picture", text=alt, data={"picture": int(number), "caption": caption})
        return Item("lost", data={"what": "An image", "alt": alt})

    # Lists, tables, code, quotations ------------------------------------------------------

    def list_html(self, element, lost):
        tag = element.name
        entries = []
        for child in element.children:
            if not isinstance(child, Tag):
                continue
            if child.name in ("ul", "ol"):  # a list straight inside a list (Google Docs)
                nested = self.list_html(child, lost)
                if entries:
                    entries[-1] = entries[-1].removesuffix("</li>") + nested + "</li>"
                else:
                    entries.append(f"<li>{nested}</li>")
                continue
            own = [c for c in child.children if not (isinstance(c, Tag) and c.name in ("ul", "ol"))]
            for c in own:
                if isinstance(c, Tag) and (c.name == "table" or c.find("table")):
                    lost.append(Item("lost", data={"what": "A table inside a list"}))
            html = " ".join("".join(self.inline(c, lost) for c in own).split())
            html = re.sub(r"</(b|i)>(\s*)<\1>", r"\2", html)
            nested = "".join(
                self.list_html(c, lost) for c in child.find_all(["ul", "ol"], recursive=False)
            )
            if plain(html) or nested:
                entries.append(f"<li>{html}{nested}</li>")
        return f"<{tag}>{''.join(entries)}</{tag}>" if entries else ""

    def table(self, element):
        caption = element.find("caption")
        rows, problems = [], set()
        for row in element.find_all("tr"):
            if row.find_parent("table") is not element:
                continue
            cells = []
            for cell in row.find_all(["td", "th"], recursive=False):
                if cell.find("table"):
                    problems.add("A table inside a table")
                if cell.find("a", href=True):
                    problems.add("A link inside a table")
                if cell.find("img"):
                    problems.add("An image inside a table")
                cells.append(squash(cell.get_text(" ")))
                span = cell.get("colspan", "1")
                extra = int(span) - 1 if str(span).isdigit() else 0
                if extra > 0:
                    problems.add("Merged table cells")
                cells.extend([""] * min(extra, 50))
            if any(cells):
                rows.append(cells)
        width = max((len(row) for row in rows), default=0)
        rows = [row + [""] * (width - len(row)) for row in rows]
        self.items.append(
            Item(
                "table",
                text=" ".join(" ".join(row) for row in rows),
                data={"caption": squash(caption.get_text(" ")) if caption else "", "rows": rows},
            )
        )
        self.items.extend(Item("lost", data={"what": what}) for what in sorted(problems))

    def code(self, element):
        code_tag = element.find("code")
        classes = [*element.get("class", []), *(code_tag.get("class", []) if code_tag else [])]
        for line_break in element.find_all("br"):  # some editors break lines in <pre> with <br>
            line_break.replace_with("\n")
        language = ""
        for name in classes:
            if name.startswith(("language-", "lang-")):
                language = name.split("-", 1)[1].lower()
        text = element.get_text().strip("\n").rstrip()
        if text.strip():
            self.items.append(Item("code", text=text, data={"language": language}))

    def admonition(self, element):
        """markdown-it's rendering of `!!! kind "Title"` and its indented text."""
        classes = [name for name in element.get("class", []) if name != "admonition"]
        title = element.find(class_="admonition-title", recursive=False)
        if title is not None:
            title = title.extract()
        self.callout(
            element, classes[0] if classes else "", squash(title.get_text(" ")) if title else ""
        )

    def callout(self, element, name, title):
        """A callout: its kind (`name` when it is one the site knows), title and the items
        inside it, for the converter to make one block of."""
        inside = Parser(self.resolve_link, self.pictures)
        inside.walk(element)
        kind = CALLOUT_KINDS.get(name.lower(), "info")
        data = {"kind": kind, "name": name, "known": name.lower() in CALLOUT_KINDS}
        self.items.append(Item("callout", text=title, data={**data, "items": inside.items}))

    def quote(self, element):
        first = next((text for text in element.find_all(string=True) if text.strip()), None)
        alert = ALERT.match(first) if first else None
        if alert:  # GitHub's "> [!TIP]": a callout without a title
            first.replace_with(first[alert.end() :])
            self.callout(element, alert.group(1), "")
            return
        parts = [squash(p.get_text(" ")) for p in element.find_all(["p", "li"])]
        parts = [p for p in parts if p] or [squash(element.get_text(" "))]
        attribution = ""
        if len(parts) > 1 and re.match(r"^[—–―-]", parts[-1]):
            attribution = parts.pop().lstrip("—–―- ").strip()
        if parts[0]:
            self.items.append(
                Item("quote", text="\n\n".join(parts), data={"attribution": attribution})
            )


def language_key(name):
    """One of blog.blocks.LANGUAGES' keys, or "" when unknown."""
    name = LANGUAGE_ALIASES.get(name, name)
    return name if name in dict(LANGUAGES) else ""
