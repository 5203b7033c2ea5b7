"""More of the corpus's Word documents (see make_word_documents.py): screenshots with alt
text, a "Short answer:" paragraph with bold questions, and a table of contents."""

from tests.blog.corpus.authoring.word_parts import (
    add_contents,
    add_hyperlink,
    picture,
    screenshot,
)
from tests.blog.corpus.word import add_table, new_document


def error_log_pictures():
    """Screenshots with alt text, one with a caption, one without."""
    document = new_document()
    document.add_heading("Reading an integration’s error log", level=1)
    document.add_paragraph(
        "When an integration stops, its log usually says why. Knowing where to look saves a "
        "day of guessing."
    )
    document.add_heading("Short answer", level=2)
    document.add_paragraph(
        "Open the run that failed, find the first error rather than the last, and read the "
        "status code: it tells you whether the problem is your data, your login or the other "
        "system."
    )
    document.add_heading("Finding the failed run", level=2)
    document.add_paragraph("In Zapier, failed runs are listed under Zap history.")
    picture(
        document,
        screenshot((255, 79, 0), 3),
        "Zap history with three runs, the second marked as stopped with an error",
        "Figure 1: A failed run in Zap history",
    )
    document.add_paragraph("In Make, open the scenario and choose History.")
    picture(document, screenshot((110, 40, 200), 2), "A Make scenario’s history with two runs")
    document.add_heading("What the status code tells you", level=2)
    add_table(
        document,
        [
            ["Code", "Usually means"],
            ["400", "The data sent was not accepted"],
            ["401", "The login or token has expired"],
            ["429", "Too many requests: slow down"],
            ["500", "A fault in the other system"],
        ],
    )
    return document


def hiring_labelled_short_answer():
    """A "Short answer:" paragraph instead of a heading, bold questions in the FAQs, and a
    closing section pointing to the Health Check."""
    document = new_document()
    document.add_paragraph(
        "Questions to ask before you hire an integration developer", style="Title"
    )
    paragraph = document.add_paragraph()
    paragraph.add_run("Short answer:").bold = True
    paragraph.add_run(
        " ask who will look after the integration once it is live, how you will know when "
        "it fails, and who owns the code and the accounts it runs under."
    )
    document.add_paragraph(
        "Building an integration is the easy part. These questions are about the years after."
    )
    document.add_heading("Before you agree a price", level=1)
    document.add_paragraph("Who will fix it when an API changes?", style="List Number")
    document.add_paragraph("How will we hear about failures?", style="List Number")
    document.add_paragraph("Where will it run, and under whose account?", style="List Number")
    document.add_heading("Frequently asked questions", level=1)
    document.add_paragraph().add_run("Should we own the code?").bold = True
    document.add_paragraph(
        "Yes, or at least have a copy and the right to use it if the developer stops trading."
    )
    document.add_paragraph().add_run("Is a fixed price better than a day rate?").bold = True
    document.add_paragraph(
        "For a clearly described job, usually. For work that is still being discovered, a "
        "day rate with a cap is fairer to both sides."
    )
    document.add_heading("Want this set up properly?", level=1)
    document.add_paragraph(
        "An Integration Health Check reviews an existing integration against these questions."
    )
    paragraph = document.add_paragraph()
    add_hyperlink(paragraph, "/health-check/", "Book a Health Check")
    return document


def handover_with_contents():
    """A table of contents Word made, which the guide's page makes for itself."""
    document = new_document()
    document.add_heading("Handing over an integration when its developer leaves", level=1)
    add_contents(
        document,
        [
            ("Short answer", 1, 1),
            ("What to collect", 1, 1),
            ("Accounts and keys", 2, 1),
            ("Who to tell", 1, 2),
        ],
    )
    document.add_paragraph(
        "Integrations are often understood by one person. When they leave, the knowledge "
        "should not leave with them."
    )
    document.add_heading("Short answer", level=2)
    document.add_paragraph(
        "Before their last day, collect the code, the accounts the integration runs under, "
        "its keys and a short note of how it works, and move every account to a shared "
        "login the business controls."
    )
    document.add_heading("What to collect", level=2)
    document.add_paragraph("the code, or where it lives", style="List Bullet")
    document.add_paragraph("a note of what runs when, and what it changes", style="List Bullet")
    document.add_heading("Accounts and keys", level=3)
    document.add_paragraph(
        "Create new keys under the shared account and revoke the old ones once the "
        "integration works with the new ones."
    )
    document.add_heading("Who to tell", level=2)
    document.add_paragraph(
        "Tell the providers the integration connects to, if they have a named contact."
    )
    return document
