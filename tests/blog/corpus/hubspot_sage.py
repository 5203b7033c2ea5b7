"""“How to connect HubSpot to Sage Accounting”, a guide as an editor writes it in Word from
scratch (the issue's own example), used by the import tests and the editor's browser journey."""

from tests.blog.corpus.word import add_picture, add_table, new_document, png

HUBSPOT = "How to connect HubSpot to Sage Accounting"
SCREENSHOT_ALT = "HubSpot's Connected apps screen with Sage Accounting listed"
SCREENSHOT_CAPTION = "Figure 1: Sage Accounting in HubSpot's Connected apps"


# Longer than a search description may be, with Word's curly apostrophe.
SHORT_ANSWER = (
    "Connect them with HubSpot’s Sage Accounting app, then choose which contacts and "
    "invoices to sync. Most firms are done in an afternoon, and the app is free with any "
    "paid HubSpot plan."
)
INTRODUCTION = (
    "Your sales team lives in HubSpot and your bookkeeper in Sage: here is how to stop "
    "typing the same customer in twice."
)


def hubspot_guide(alt=SCREENSHOT_ALT, caption=SCREENSHOT_CAPTION):
    """A guide as an editor writes it in Word from scratch: the Title style for the title, a
    "Short answer:" paragraph, an introduction, a screenshot with alt text and a caption,
    bullets two levels deep in Word's list styles, a numbered list, a table and FAQs."""
    document = new_document()
    document.add_paragraph(HUBSPOT, style="Title")
    short = document.add_paragraph()
    short.add_run("Short answer:").bold = True
    short.add_run(f" {SHORT_ANSWER}")
    document.add_paragraph(INTRODUCTION)
    document.add_heading("Install the app", level=1)
    document.add_paragraph("In HubSpot, open the App Marketplace and search for Sage.")
    add_picture(document, png(), alt=alt, caption=caption)
    document.add_paragraph("Then sign in to Sage when HubSpot asks.")
    document.add_heading("Choose what syncs", level=1)
    document.add_paragraph("Contacts", style="List Bullet")
    document.add_paragraph("Companies become Sage customers", style="List Bullet 2")
    document.add_paragraph("People stay in HubSpot only", style="List Bullet 2")
    document.add_paragraph("Invoices", style="List Bullet")
    document.add_paragraph("Open Settings.", style="List Number")
    document.add_paragraph("Turn on the sync.", style="List Number")
    document.add_paragraph("Table 1: What goes where", style="Caption")
    add_table(document, [["Record", "HubSpot", "Sage"], ["Company", "Company", "Customer"]])
    document.add_heading("Frequently asked questions", level=1)
    document.add_heading("Does it cost extra?", level=2)
    document.add_paragraph("No: the app is free with any paid HubSpot plan.")
    return document
