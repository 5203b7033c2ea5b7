"""A Google Docs export (File › Download › Web page): unlike the clipboard's HTML, it styles
text through classes in a <style> block (bold is `.c3{font-weight:700}`), marks the Title
style with a class, and writes a nested list as a run of flat sibling lists whose class
(`lst-kix_<list>-<level>`) gives each one's level. Here those become inline styles, an <h1>
and real nesting, which formats.py's cleaning then reads like any pasted HTML."""

import re

RULE = re.compile(r"\.(?P<name>[\w-]+)\s*\{(?P<body>[^{}]*)\}")
# Of a class's declarations, the ones that mean something on a guide's page.
MEANINGFUL = ("font-weight", "font-style")
LIST_CLASS = re.compile(r"^lst-kix_(?P<list>[\w]+)-(?P<level>\d+)$")


def undo_export(soup):
    """Rewrites the parsed export `soup` in place; HTML without Google's marks is left as
    it is."""
    classes = class_styles(soup)
    for element in soup.find_all(class_=True):
        names = element.get("class", [])
        declarations = [classes[name] for name in names if name in classes]
        if declarations:
            # Inline styles win over classes, as in the browser: they go last.
            element["style"] = ";".join([*declarations, element.get("style", "")])
    title = soup.find("p", class_="title")
    if title is not None and title.find_previous("h1") is None:
        title.name = "h1"  # Google's Title style; the Heading 1s after it are its sections
    nest_flat_lists(soup)


def class_styles(soup):
    """{class name: "font-weight:700;…"} from the document's <style> blocks, for the
    declarations that matter (MEANINGFUL)."""
    styles = {}
    for block in soup.find_all("style"):
        for rule in RULE.finditer(block.get_text()):
            kept = [
                part.strip()
                for part in rule["body"].split(";")
                if part.split(":", 1)[0].strip().lower() in MEANINGFUL
            ]
            if kept:
                styles[rule["name"]] = ";".join(kept)
    return styles


def list_level(element):
    if element is None or getattr(element, "name", None) not in ("ul", "ol"):
        return None
    for name in element.get("class", []):
        match = LIST_CLASS.match(name)
        if match:
            return int(match["level"])
    return None


def beside(element, step):
    """The element's next (or previous) sibling, skipping whitespace between tags."""
    sibling = getattr(element, step)
    while sibling is not None and sibling.name is None and not str(sibling).strip():
        sibling = getattr(sibling, step)
    return sibling


def nest_flat_lists(soup, level_of=list_level):
    """Each run of adjacent lists with levels (`level_of` a list: its level, or None for a
    list that has none) becomes one list, a deeper one moved into the last item of the list
    before it, a same-level one's items joined to it. Word's pasted HTML (word_html.py) has
    such runs too.

    Moving a list out of a long document costs a search for its place there, so the moves
    are made last to first, each at a place counted once beforehand."""
    moves = []  # (list, the item to move it into, or None to drop it), in document order
    for first in soup.find_all(["ul", "ol"]):
        if level_of(first) is None or level_of(beside(first, "previous_sibling")) is not None:
            continue  # not a flat list, or not the start of a run
        run, element = [], first
        while level_of(element) is not None:
            run.append(element)
            element = beside(element, "next_sibling")
        stack = []  # [level, list element, its last item] from the outermost in
        for flat in run:
            level = level_of(flat)
            items = flat.find_all("li", recursive=False)
            while stack and stack[-1][0] > level:
                stack.pop()
            if stack and stack[-1][0] == level:
                if stack[-1][1].name == flat.name:
                    for item in items:
                        stack[-1][1].append(item.extract())
                    stack[-1][2] = items[-1] if items else stack[-1][2]
                    moves.append((flat, None))
                    continue
                stack.pop()
            if stack and stack[-1][2] is not None:
                moves.append((flat, stack[-1][2]))
            stack.append([level, flat, items[-1] if items else None])
    places = {}
    for flat, _ in moves:
        parent = flat.parent
        if id(parent) not in places:
            places[id(parent)] = {id(child): n for n, child in enumerate(parent.contents)}
    for flat, into in reversed(moves):
        flat.extract(_self_index=places[id(flat.parent)][id(flat)])
        if into is None:
            flat.decompose()
        else:
            into.append(flat)
