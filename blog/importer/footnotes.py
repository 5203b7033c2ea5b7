"""Footnotes and endnotes, from Word (mammoth) and Markdown (markdown-it) alike."""

from bs4 import BeautifulSoup

NOTE_ITEMS = 'li[id^="footnote-"], li[id^="endnote-"], li.footnote-item'
NOTE_BACKLINKS = 'a[href^="#footnote-ref-"], a[href^="#endnote-ref-"], a.footnote-backref'


def footnotes_as_notes(html):
    """mammoth puts a Word document's footnotes and endnotes in a list at its end, each with
    a link back up ("↑"), and markdown-it does the same with Markdown's footnotes ("[^1]"):
    the list gets a "Notes" heading and loses those links. The numbers in the text ("[1]")
    stay, as plain text."""
    if not any(mark in html for mark in ('id="footnote-', 'id="endnote-', 'class="footnote-item')):
        return html
    soup = BeautifulSoup(html, "lxml")
    for back in soup.select(f"{NOTE_BACKLINKS}, hr.footnotes-sep"):
        back.decompose()
    lists = {id(item.parent): item.parent for item in soup.select(NOTE_ITEMS)}
    for notes in lists.values():
        heading = soup.new_tag("h2")
        heading.string = "Notes"
        notes.insert_before(heading)
    return "".join(str(child) for child in (soup.body or soup).contents)
