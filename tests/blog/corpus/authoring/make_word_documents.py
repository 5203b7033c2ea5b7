"""Writes the corpus's Word documents (tests/blog/corpus/documents/*.docx), each in a look
editors really send: Word's default template with Heading styles, the Title style and bold
lines as headings, Word's numbered list styles, lists made with the Bullets button and Tab,
footnotes with curly quotes and Shift+Enter breaks, a corporate style set, pictures.

Run once, by hand, and commit the files: the tests read the files, not this script.

    .venv/bin/python -m tests.blog.corpus.authoring.make_word_documents [NAME…]
"""

import sys
from pathlib import Path

from docx.enum.style import WD_STYLE_TYPE

from tests.blog.corpus.authoring.more_word_documents import (
    error_log_pictures,
    handover_with_contents,
    hiring_labelled_short_answer,
)
from tests.blog.corpus.authoring.word_parts import (
    paragraph_with_link,
)
from tests.blog.corpus.word import (
    add_footnote_reference,
    add_indented_list,
    add_table,
    docx_bytes,
    new_document,
    with_footnotes,
)

DOCUMENTS = Path(__file__).resolve().parent.parent / "documents"


# --- The documents -------------------------------------------------------------------------


def oauth_default_template():
    """Word's Normal template: Heading 1 for the title, Heading 2 and 3 below it."""
    document = new_document()
    document.add_heading("OAuth explained for the person who clicks “Allow”", level=1)
    document.add_paragraph(
        "Connecting two apps usually ends with a screen asking you to allow access. This is "
        "what you are agreeing to."
    )
    document.add_heading("Short answer", level=2)
    document.add_paragraph(
        "OAuth is the standard way one app asks for limited access to your account in "
        "another, without ever seeing your password. You sign in to the system that holds "
        "your data, it shows what the app wants, and you approve or refuse."
    )
    document.add_heading("What happens when you click Connect", level=2)
    document.add_paragraph(
        "You are sent to the other system’s own sign-in page. After you approve, the app is "
        "given a token: a key that works only for what you allowed."
    )
    document.add_paragraph("The approval screen tells you:", style=None)
    document.add_paragraph("which app is asking", style="List Bullet")
    document.add_paragraph("what it will be able to read or change", style="List Bullet")
    document.add_paragraph("which organisation it will connect to", style="List Bullet")
    document.add_heading("How long access lasts", level=3)
    document.add_paragraph(
        "Tokens expire. Xero’s last 30 minutes, and the app swaps a longer-lived refresh "
        "token for a new one while the connection is in use."
    )
    document.add_paragraph("Table 1: Tokens in a Xero connection", style="Caption")
    add_table(
        document,
        [
            ["Token", "What it does", "How long it lasts"],
            ["Access token", "Reads and writes data", "30 minutes"],
            ["Refresh token", "Gets a new access token", "60 days unless used"],
        ],
    )
    document.add_heading("Taking access away", level=2)
    paragraph_with_link(
        document,
        "In Xero, go to Settings › Connected apps and disconnect the app. For what an API is "
        "in the first place, read ",
        "/guides/what-is-an-api/",
        "our plain-English guide",
        ".",
    )
    document.add_heading("FAQs", level=2)
    document.add_heading("Does the app see my password?", level=3)
    document.add_paragraph("No. You type it into the other system’s page, never the app’s.")
    document.add_heading("What if someone leaves the business?", level=3)
    document.add_paragraph(
        "Connections usually belong to the person who approved them. Reconnect them under a "
        "shared account before that person’s login is removed."
    )
    return document


def bank_feeds_title_and_bold_lines():
    """Only the Title style; every other heading a short line typed in bold."""
    document = new_document()
    document.add_paragraph("Getting bank feeds into Xero", style="Title")
    document.add_paragraph(
        "Typing in bank statements is the slowest way to keep books. Most UK business "
        "accounts can send their transactions to Xero every day instead."
    )
    document.add_paragraph().add_run("Short answer").bold = True
    document.add_paragraph(
        "Connect a bank feed from Xero’s Bank accounts screen: choose your bank, sign in to "
        "it and approve the connection. Transactions then arrive in Xero each day, ready to "
        "reconcile."
    )
    document.add_paragraph().add_run("Before you start").bold = True
    document.add_paragraph("You will need:")
    document.add_paragraph(
        "the online banking login of someone who can approve access", style="List Bullet"
    )
    document.add_paragraph("the bank account already added in Xero", style="List Bullet")
    document.add_paragraph().add_run("When there is no feed for your bank").bold = True
    document.add_paragraph(
        "Export a statement from online banking and import it in Xero. Xero reads OFX, QIF "
        "and CSV files, among others."
    )
    document.add_paragraph().add_run("Frequently asked questions").bold = True
    document.add_paragraph().add_run("Why have transactions stopped arriving?").bold = True
    document.add_paragraph(
        "The bank’s consent has usually lapsed. Xero shows a message on the account; follow "
        "it to approve the connection again."
    )
    document.add_paragraph().add_run("Can I bring in older transactions?").bold = True
    document.add_paragraph(
        "Import them from a statement file for the dates the feed does not cover."
    )
    return document


def month_end_list_styles():
    """Word's list styles, nested by their number: List Bullet 2 and 3, List Number 2."""
    document = new_document()
    document.add_heading("Month-end close: what to automate first", level=1)
    document.add_paragraph(
        "Month-end takes days in many small finance teams. A few automations give most of "
        "the time back."
    )
    document.add_heading("Short answer", level=2)
    document.add_paragraph(
        "Start with the jobs that are repeated every month and follow fixed rules: bank "
        "reconciliation, sales invoices from your other systems and recurring journals."
    )
    document.add_heading("Where the time goes", level=2)
    document.add_paragraph("Bank reconciliation", style="List Bullet")
    document.add_paragraph("Card payments", style="List Bullet 2")
    document.add_paragraph("Fees taken before payout", style="List Bullet 3")
    document.add_paragraph("Direct Debits", style="List Bullet 2")
    document.add_paragraph("Sales invoices", style="List Bullet")
    document.add_paragraph("Accruals and prepayments", style="List Bullet")
    document.add_heading("An order to tackle them in", level=2)
    document.add_paragraph("Bank feeds and rules", style="List Number")
    document.add_paragraph("Connect every account", style="List Number 2")
    document.add_paragraph("Add rules for regular payments", style="List Number 2")
    document.add_paragraph("Invoices from your shop or CRM", style="List Number")
    document.add_paragraph("Recurring journals", style="List Number")
    return document


def crm_migration_indented_lists():
    """Lists made with the Bullets and Numbering buttons, levels by Tab (List Paragraph)."""
    document = new_document()
    document.add_heading("Cleaning your data before a CRM migration", level=1)
    document.add_paragraph(
        "Moving to a new CRM is the best chance you will get to tidy your customer records."
    )
    document.add_heading("Short answer", level=2)
    document.add_paragraph(
        "Remove duplicates, agree what each field means and archive records nobody needs "
        "before you move anything. Bad data moved is still bad data."
    )
    document.add_heading("What to check", level=2)
    add_indented_list(
        document,
        [
            ("Duplicates", 0),
            ("the same company under two spellings", 1),
            ("contacts with the same e-mail address", 1),
            ("Fields", 0),
            ("free-text fields that should be a list of choices", 1),
            ("Old records", 0),
        ],
    )
    document.add_heading("In what order", level=2)
    add_indented_list(
        document,
        [
            ("Export everything from the old CRM", 0),
            ("Clean the export in a spreadsheet", 0),
            ("fix duplicates first", 1),
            ("Import a sample of 100 records and check them", 0),
        ],
        numbered=True,
    )
    document.add_paragraph(
        "Under UK GDPR you should not keep personal data longer than you need it, so old "
        "records are worth deleting rather than moving."
    )
    return document


def mtd_footnotes_quotes_breaks():
    """Footnotes, curly quotes and line breaks made with Shift+Enter."""
    document = new_document()
    document.add_heading("Making Tax Digital for VAT: what your software must do", level=1)
    document.add_paragraph(
        "Every VAT-registered business now has to keep VAT records digitally and send returns "
        "from software. Here is what that means for the tools you use."
    )
    document.add_heading("Short answer", level=2)
    document.add_paragraph(
        "Your records must be kept in software, the figures must move between your tools by "
        "“digital links” rather than retyping, and the return must be sent to HMRC through "
        "software that works with Making Tax Digital."
    )
    document.add_heading("Who it applies to", level=2)
    paragraph = document.add_paragraph(
        "Since April 2022 it has applied to all VAT-registered businesses, whatever their "
        "turnover, unless HMRC has agreed they are exempt."
    )
    add_footnote_reference(paragraph, 1)
    document.add_heading("What counts as a “digital link”", level=2)
    paragraph = document.add_paragraph("A digital link moves data without anyone retyping it:")
    run = paragraph.add_run()
    run.add_break()
    run.add_text("an export and import of a file, an API connection, or linked spreadsheet cells.")
    paragraph = document.add_paragraph("Copying and pasting by hand is not one.")
    add_footnote_reference(paragraph, 2)
    document.add_heading("Spreadsheets", level=2)
    document.add_paragraph(
        "You may keep records in a spreadsheet and send the return with ‘bridging’ software, "
        "as long as the links inside the spreadsheet are digital too."
    )
    data = docx_bytes(document)
    return with_footnotes(
        data,
        [
            "HMRC, VAT Notice 700/22: Making Tax Digital for VAT.",
            "The soft landing that allowed cut-and-paste ended in April 2021.",
        ],
    )


def open_banking_corporate_styles():
    """A company template: its own styles, each based on one of Word's."""
    document = new_document()
    styles = document.styles
    for name, base in (
        ("APIwise Title", "Title"),
        ("APIwise Heading", "Heading 1"),
        ("APIwise Subheading", "Heading 2"),
        ("APIwise Body", "Normal"),
    ):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
    document.add_paragraph("Open Banking explained for small businesses", style="APIwise Title")
    document.add_paragraph(
        "Open Banking is why your accounting software can see your bank transactions, and "
        "why some invoices now have a “pay by bank” button.",
        style="APIwise Body",
    )
    document.add_paragraph("Short answer", style="APIwise Heading")
    document.add_paragraph(
        "Open Banking lets you give a regulated app secure access to your bank account, "
        "either to read your transactions or to start a payment, without sharing your "
        "banking password. You can withdraw that access at any time.",
        style="APIwise Body",
    )
    document.add_paragraph("The two things it does", style="APIwise Heading")
    document.add_paragraph("Reading account data", style="APIwise Subheading")
    document.add_paragraph(
        "Bank feeds into accounting software and cash-flow tools use this.", style="APIwise Body"
    )
    document.add_paragraph("Starting payments", style="APIwise Subheading")
    document.add_paragraph(
        "A customer pays an invoice straight from their bank account, with no card fees.",
        style="APIwise Body",
    )
    document.add_paragraph("Is it safe?", style="APIwise Heading")
    document.add_paragraph(
        "Providers must be authorised by the Financial Conduct Authority. Check a provider "
        "on the FCA register before you connect.",
        style="APIwise Body",
    )
    paragraph_with_link(
        document,
        "The register is at ",
        "https://register.fca.org.uk/",
        "register.fca.org.uk",
        ".",
        style="APIwise Body",
    )
    return document


DOCUMENTS_TO_WRITE = {
    "word-default-oauth": oauth_default_template,
    "word-title-bold-lines-bank-feeds": bank_feeds_title_and_bold_lines,
    "word-list-styles-month-end": month_end_list_styles,
    "word-indented-lists-crm-migration": crm_migration_indented_lists,
    "word-footnotes-mtd-vat": mtd_footnotes_quotes_breaks,
    "word-corporate-styles-open-banking": open_banking_corporate_styles,
    "word-pictures-error-log": error_log_pictures,
    "word-labelled-short-answer-hiring": hiring_labelled_short_answer,
    "word-table-of-contents-handover": handover_with_contents,
}


def main(names=()):
    """Writes every document, or only those `names` (a document added later)."""
    for name, make in DOCUMENTS_TO_WRITE.items():
        if names and name not in names:
            continue
        document = make()
        data = document if isinstance(document, bytes) else docx_bytes(document)
        (DOCUMENTS / f"{name}.docx").write_bytes(data)
        print(f"wrote {name}.docx ({len(data):,} bytes)")


if __name__ == "__main__":
    main(sys.argv[1:])
