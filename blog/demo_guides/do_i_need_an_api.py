"""Guide: Do I Need an API? A Simple Self-Check for Business Owners."""

GUIDE = {
    "slug": "do-i-need-an-api",
    "seo_title": "Do I need an API? A self-check for businesses",
    "search_description": (
        "A plain-English self-check for UK business owners: the signs your systems should be "
        "connected through APIs, and when to leave things as they are."
    ),
    "summary": (
        "A plain-English self-assessment to tell whether your business would benefit from "
        "connecting its systems via APIs — the signs to look for, and what to do next."
    ),
    "short_answer": (
        "<p>Almost certainly not a new API of your own: the tools you use already have them. "
        "The real question is whether you need to <i>connect</i> those tools. If your team "
        "retypes the same information between systems, reconciles payments by hand or keeps "
        "finding copying mistakes, the answer is probably yes. If volumes are small and the "
        "work takes minutes, it may well be no — for now.</p>"
    ),
    "body": [
        {
            "type": "text",
            "value": (
                '<p>"Do I need an API?" is a fair question, and it\'s usually a sign that something '
                "in the business feels slower or more fiddly than it should.</p><p>This guide helps "
                "you answer it for yourself. There's a short checklist, a rough way to read your "
                "score, a simple sum to put a value on it, and an honest list of the times when the "
                'right answer is "leave it alone".</p>'
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "First, what the question usually means",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>An API is the doorway a piece of software provides so that other software can "
                "use its data. Xero, QuickBooks Online, Shopify, WooCommerce, Stripe and HubSpot all "
                'have them already. So for most businesses, "do I need an API?" really means "should '
                "I connect the systems I've got?\"</p><p>That's a different job: building an "
                "<i>integration</i> between two systems, using the APIs they already have. (If those "
                "words still blur together, our guide to [[apis-vs-integrations-vs-automation|APIs "
                "vs integrations vs automation]] untangles them.) There are a few cases where a "
                "business genuinely needs an API of its own, and we'll come to those.</p>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "The self-check",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>Read through the list and count how many statements are true for your business "
                "today. Be honest — nobody's marking it.</p>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "Time and effort",
                "level": "h3",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<ul><li>Someone copies information from one system to another at least once a week "
                "— orders into the accounts, leads into the CRM, timesheets into "
                "invoices.</li><li>You regularly export a spreadsheet from one tool just to import "
                "it into another.</li><li>Month-end or the VAT quarter takes days, mostly spent "
                "matching payments to invoices.</li></ul>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "Accuracy",
                "level": "h3",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<ul><li>You find mistakes that came from retyping: wrong amounts, duplicate "
                "customers, missed invoices.</li><li>Two systems disagree about the same thing, such "
                "as stock levels, a customer's address or whether an invoice has been paid.</li></ul>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "Visibility",
                "level": "h3",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                '<ul><li>Simple questions — "how much are we owed?", "what sold this week?" — mean '
                "pulling reports from several places.</li><li>People in one team routinely ask "
                "another team for information that already exists in a system somewhere.</li></ul>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "Growth and change",
                "level": "h3",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<ul><li>Your volumes are growing, and the manual process would need another person "
                "to keep up.</li><li>You're adding a new sales channel, payment method or piece of "
                "software in the next year.</li><li>A spreadsheet, or one particular person, has "
                "become the glue that holds two systems together.</li><li>You already have a Zapier "
                "or Make setup that has grown, fails now and then, or that nobody fully "
                "understands.</li></ul>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "How to read your score",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>These bands are rules of thumb, not a diagnosis. One painful item can matter "
                "more than five mild ones.</p>"
            ),
        },
        {
            "type": "table",
            "value": {
                "caption": "What your self-check score suggests",
                "header": [
                    "Statements that are true",
                    "What it suggests",
                    "A sensible next step",
                ],
                "rows": [
                    [
                        "0 to 2",
                        "Connecting systems probably isn't a priority yet",
                        "Keep an eye on it as you grow; check again when you add a tool or a sales channel",
                    ],
                    [
                        "3 to 5",
                        "One or two flows are probably worth connecting",
                        "Start with the most painful task; a ready-made app or Zapier or Make may be enough",
                    ],
                    [
                        "6 or more",
                        "Manual work between systems is costing you real time and accuracy",
                        (
                            "Map your systems and plan the connections properly, starting with anything that "
                            "touches money"
                        ),
                    ],
                ],
            },
        },
        {
            "type": "heading",
            "value": {
                "text": "Put a rough value on it",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>A quick sum helps you decide, and helps you judge any quote you "
                "receive.</p><p>Say someone spends three hours a week copying orders into Xero. "
                "That's over 150 hours a year. Multiply by what an hour of their time costs you, "
                "then add the time spent finding and fixing the mistakes the copying causes. That's "
                "roughly what the manual process costs each year.</p><p>Set that against the cost of "
                "setting up a connection and keeping it running. If the connection costs less than a "
                "year or two of the manual work, it usually deserves a serious look. Our guide to "
                "[[api-integration-cost-uk|API integration costs in the UK]] explains what drives "
                "the second number.</p>"
            ),
        },
        {
            "type": "callout",
            "value": {
                "kind": "info",
                "title": "Don't forget the hidden cost",
                "text": (
                    "<p>The hours are only part of it. Manual copying also means late invoices, VAT "
                    "figures you can't fully trust and a process that stops when the one person who "
                    "knows it is on holiday.</p>"
                ),
            },
        },
        {
            "type": "heading",
            "value": {
                "text": "When you probably don't need anything new",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>Sometimes the honest answer is no. You can probably leave things as they are "
                "if:</p><ul><li><b>Your volumes are small.</b> A handful of invoices a month rarely "
                "justifies a connection.</li><li><b>A ready-made connection already exists.</b> "
                "Check your software's app marketplace or settings first. Many popular pairings have "
                "a ready-made app that's quicker and cheaper than anything bespoke.</li><li><b>The "
                "process isn't settled.</b> If you're still changing how you invoice or price, "
                "connecting systems now fixes today's muddle in place. Settle the process "
                "first.</li><li><b>The software has no usable API.</b> Some older or desktop "
                "packages are hard to connect. The options are then file imports, a different tool, "
                "or living with it — and it's better to know that before spending money.</li></ul>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "When you might need an API of your own",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>A few businesses do need to build or commission an API, rather than just use "
                "other people's. That's usually when:</p><ul><li><b>You sell software or an online "
                "service</b>, and your customers want to connect it to their own "
                "systems.</li><li><b>You run a bespoke in-house system</b> — a custom database or "
                "booking platform — that other tools need to read from or write "
                "to.</li><li><b>Customers or suppliers want to trade with you system-to-system</b>, "
                "for example a wholesale customer who wants to send orders straight from their "
                "system into yours.</li></ul><p>That's a software project rather than a connection "
                "between existing tools. It's perfectly doable, but it needs proper design, security "
                "and long-term support, and it should be scoped as such.</p>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "What to do next",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>If several of those statements rang true, here's a low-risk way "
                "forward:</p><ol><li><b>List your systems</b> — accounts, shop, payments, CRM, stock "
                "— and who uses each.</li><li><b>Mark where information moves by hand</b>, how "
                "often, and who does it.</li><li><b>Check for ready-made connections</b> in each "
                "tool's app marketplace.</li><li><b>Pick one flow and start small.</b> Get that "
                "working well before adding the next.</li><li><b>Decide who owns it.</b> Every "
                "connection needs someone responsible for noticing when it stops working. Our guide "
                "to [[why-integrations-fail|why integrations fail]] explains why that matters so "
                "much.</li></ol><p>Choosing how to build it is the next decision. Our comparison of "
                "[[zapier-vs-make-vs-custom-integration|Zapier, Make and custom integration]] sets "
                "out the trade-offs honestly.</p>"
            ),
        },
        {
            "type": "text",
            "value": (
                "<p>That's the end of the series. Head back to the [[api-basics|API basics hub]] to "
                "revisit any of the four guides.</p>"
            ),
        },
        {
            "type": "call_to_action",
            "value": {
                "heading": "Want a second opinion on your answers?",
                "text": (
                    "<p>We're APIwise — UK-based and vendor-neutral, so we'll tell you plainly if you "
                    "need a ready-made app, a Zapier or Make connection, a custom integration, or "
                    "nothing new at all.</p><p>Our fixed-price Integration Health Check starts with a "
                    "45-minute call about your systems and the manual work between them. Within five "
                    "working days you get a written plan showing what's worth connecting, in what order, "
                    "and how. It costs £495 + VAT.</p>"
                ),
                "button_label": "Book your Integration Health Check",
                "page": "health-check",
            },
        },
        {
            "type": "faq",
            "value": {
                "heading": "Frequently asked questions",
                "items": [
                    {
                        "question": "Does my business need its own API?",
                        "answer": (
                            "<p>Probably not. Most businesses only need to connect the tools they already use, "
                            "which usually have APIs already. You'd need your own if you sell software that "
                            "customers want to connect to, run a bespoke system other tools must reach, or trade "
                            "with partners system-to-system.</p>"
                        ),
                    },
                    {
                        "question": "Can I connect my systems without a developer?",
                        "answer": (
                            "<p>Often, yes. Ready-made apps from your software's marketplace, and tools like "
                            "Zapier and Make, handle many simpler connections. A developer becomes worthwhile "
                            "when volumes are high, the rules are complicated, or mistakes would be expensive — "
                            "typically anything touching money or VAT.</p>"
                        ),
                    },
                    {
                        "question": "My software doesn't seem to have an API. What are my options?",
                        "answer": (
                            "<p>Check first: the API may be limited to certain plans or simply not well "
                            "advertised. If there really isn't one, the options are usually file imports and "
                            "exports, moving to a tool that has an API, or keeping that step manual. Ask about "
                            "APIs before you choose your next piece of software.</p>"
                        ),
                    },
                    {
                        "question": "How long does it take to connect two systems?",
                        "answer": (
                            "<p>A ready-made app can be running in an afternoon. A custom integration takes "
                            "longer, because much of the time goes on agreeing the rules — how an order becomes "
                            "an invoice, what happens to refunds — and testing them, not just on building the "
                            "connection. The more exceptions your business has, the longer it takes.</p>"
                        ),
                    },
                ],
            },
        },
    ],
}
