"""Guide: What Is an API? A Plain-English Guide for Business Owners."""

GUIDE = {
    "slug": "what-is-an-api",
    "seo_title": "What is an API? A plain-English guide",
    "search_description": (
        "What an API is, how one works and why it matters to a UK small business, explained "
        "in plain English with everyday analogies and no jargon."
    ),
    "summary": (
        "What an API actually is, explained without jargon and with everyday analogies — and "
        "why it matters for running and growing a UK business."
    ),
    "short_answer": (
        "<p>An API (application programming interface) is the doorway a piece of software "
        "provides so that other software can ask it for information, or ask it to do "
        "something, in a fixed and agreed way. Your accounting package, your online shop and "
        "your CRM almost certainly have one. APIs are what let your systems share "
        "information automatically, instead of someone retyping it.</p>"
    ),
    "body": [
        {
            "type": "text",
            "value": (
                '<p>If you\'ve ever clicked a button like "Connect to Xero" inside another app, or '
                "seen a Shopify order turn up in your accounts without anyone typing it in, you've "
                "already used an API. You just didn't see it.</p><p>This guide explains what an API "
                "actually is, what happens when two systems talk, and why it matters for a UK "
                "business — with every bit of jargon explained as we go.</p>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "What the letters stand for",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>API stands for <b>application programming interface</b>. Taken word by "
                "word:</p><ul><li><b>Application</b> — a piece of software, such as Xero, Shopify or "
                "HubSpot.</li><li><b>Programming</b> — it's used by software, not by you clicking "
                "around.</li><li><b>Interface</b> — the point where two things meet and exchange "
                "something.</li></ul><p>The screens you log in to are the interface built for "
                "people. The API is the interface built for other software. Same system, same data — "
                "just a different way in.</p>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "An everyday analogy: the waiter",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>Think of a restaurant. You don't walk into the kitchen and start cooking. You "
                "choose from the menu, the waiter takes your order to the kitchen, and the waiter "
                "brings back your food.</p><ul><li>The <b>menu</b> is the list of things you're "
                "allowed to ask for.</li><li>The <b>waiter</b> is the API: it carries your request "
                "in and the result back out.</li><li>The <b>kitchen</b> is the system's inner "
                "workings, which you never see.</li></ul><p>The kitchen can move its shelves around "
                "or buy new ovens, and as long as the menu and the waiter stay the same, your order "
                "still arrives. That's the point of an API: it gives the outside world a stable, "
                "predictable way in, without exposing everything behind it.</p><p>The analogy has "
                "one honest limit: the waiter only brings what's on the menu. If a system's API "
                "doesn't offer something — a particular report, say — you can't get it that way, "
                "however reasonable the request.</p>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "What actually happens when two systems talk",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>Every exchange through an API is a <b>request</b> followed by a <b>response</b>. "
                "Say you run a shop on Shopify and keep your books in Xero. When a customer pays, a "
                "connection between the two might:</p><ol><li>Ask Shopify's API for the details of "
                "the new order.</li><li>Get the order back: the customer, the items, the prices and "
                "the VAT.</li><li>Send a request to Xero's API saying, in effect, \"create this "
                'invoice".</li><li>Get a reply from Xero: "done, here\'s the invoice" — or an error '
                "explaining what went wrong.</li></ol><p>The replies come back in a structured "
                "format that software can read reliably. Most modern business APIs use a format "
                "called <b>JSON</b>. A simplified, made-up example of an invoice might look like "
                "this:</p>"
            ),
        },
        {
            "type": "code",
            "value": {
                "language": "json",
                "code": '{\n  "invoice_number": "INV-0042",\n  "customer": "Example Garden Supplies Ltd",\n  "status": "sent",\n  "total": 120.00,\n  "currency": "GBP"\n}',
            },
        },
        {
            "type": "text",
            "value": (
                "<p>You'll never need to read this yourself. The point is that everything is "
                "labelled and every invoice comes back in the same shape, so software can pick out "
                "the total or the status without a person checking.</p>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "A few words you'll hear (and what they mean)",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": "<p>Here are the terms you'll hear most often, in plain English:</p>",
        },
        {
            "type": "table",
            "value": {
                "caption": "Common API terms explained in plain English",
                "header": [
                    "Term",
                    "What it means",
                    "Everyday comparison",
                ],
                "rows": [
                    [
                        "Endpoint",
                        "A specific address within an API for one kind of thing, such as invoices or contacts",
                        "A particular counter at the post office",
                    ],
                    [
                        "Request",
                        "A message asking the system to fetch, create, change or delete something",
                        "Placing your order with the waiter",
                    ],
                    [
                        "Response",
                        "The system's reply: the information asked for, a confirmation, or an error",
                        'Your food arriving — or "sorry, we\'re out of that"',
                    ],
                    [
                        "JSON",
                        "The structured text format most modern APIs use to send information",
                        "A form with every box clearly labelled",
                    ],
                    [
                        "API key or token",
                        "A secret credential that proves who is asking and what they're allowed to do",
                        "A key card that only opens certain doors",
                    ],
                    [
                        "OAuth",
                        (
                            'The standard behind "Connect to…" buttons: you approve access without handing over '
                            "your password"
                        ),
                        "Lending a tradesperson a key to the side gate, not the front door",
                    ],
                    [
                        "Webhook",
                        (
                            "A message a system sends automatically when something happens, rather than waiting "
                            "to be asked"
                        ),
                        "A text saying your parcel has arrived, so you stop checking the doorstep",
                    ],
                    [
                        "Rate limit",
                        "A cap on how many requests an app can make in a given time",
                        "A shop letting in a few customers at a time",
                    ],
                ],
            },
        },
        {
            "type": "heading",
            "value": {
                "text": "How access is kept safe",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>An API isn't an open door. Business APIs expect every request to carry a "
                "credential, so the system knows who is asking and what they're allowed to see or "
                'change.</p><p>When you click "Connect" in an app and then log in to Xero, '
                "QuickBooks Online or HubSpot to approve it, you're using OAuth. You choose what the "
                "app may do, and it receives a token — a kind of temporary pass — rather than your "
                "password. You can usually remove that access later from your account "
                "settings.</p><p>Tokens also expire and have to be renewed, which is one reason "
                "connections sometimes stop working without warning. We cover that, and the other "
                "usual suspects, in [[why-integrations-fail|why integrations fail]].</p>"
            ),
        },
        {
            "type": "callout",
            "value": {
                "kind": "tip",
                "title": "Treat API keys like passwords",
                "text": (
                    "<p>If a supplier or developer asks for an API key, send it through a password "
                    "manager or another secure route — never in a plain email or a shared spreadsheet. "
                    "And give each connection only the access it actually needs.</p>"
                ),
            },
        },
        {
            "type": "heading",
            "value": {
                "text": "Not every system's API is equal",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>Almost every cloud tool a UK small business uses has an API: Xero, QuickBooks "
                "Online, Shopify, WooCommerce, Stripe, GoCardless, PayPal, HubSpot and Pipedrive all "
                "publish one, and so do Sage's cloud accounting products. But they differ in ways "
                "that matter:</p><ul><li><b>What's on the menu.</b> Some APIs let you do nearly "
                "everything you can do on screen; others only cover part of "
                "it.</li><li><b>Limits.</b> Providers cap how often an app can make requests. Xero, "
                "for example, allows an app 60 calls a minute and 5,000 a day for each connected "
                "organisation, at the time of writing.</li><li><b>Plan restrictions.</b> Some "
                "vendors only open up API access, or parts of it, on higher-priced "
                "plans.</li><li><b>Where the software runs.</b> Software installed on an office PC "
                "is usually harder to connect than cloud software, which is built to be reached over "
                "the internet.</li></ul>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "Why APIs matter to your business",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>You'll probably never write a line of API code, but APIs shape your business in "
                "three practical ways.</p><p><b>They decide what can be connected.</b> Before you "
                "choose a new tool, ask whether it has a good API. That decides whether it can talk "
                "to the rest of your setup, or becomes another island someone copies data in and out "
                "of.</p><p><b>They're how manual work disappears.</b> Retyping orders into your "
                "accounts, copying leads into your CRM, matching payments by hand — each of these "
                "can usually be handed to a connection between two APIs. We go through the most "
                "common examples in [[what-can-apis-do-for-your-business|what APIs can do for your "
                "business]].</p><p><b>You already rely on them.</b> If you file VAT returns from "
                "accounting software under HMRC's Making Tax Digital rules, that software sends your "
                "return to HMRC through an API. The app integrations you've switched on in Xero or "
                "Shopify work the same way.</p>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "What an API is not",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>Two things an API isn't. It isn't something you usually buy or build: your tools "
                "already have them. And it doesn't do anything on its own. Like a plug socket in the "
                "wall, it makes something possible, but connecting two systems through their APIs is "
                "a separate piece of work, with decisions of its own. We untangle the difference in "
                "[[apis-vs-integrations-vs-automation|APIs vs integrations vs automation]].</p>"
            ),
        },
        {
            "type": "text",
            "value": (
                "<p>Next in the series: [[what-can-apis-do-for-your-business|What can APIs do for "
                "your business? Real-world examples]]. Or head back to the [[api-basics|API basics "
                "hub]].</p>"
            ),
        },
        {
            "type": "call_to_action",
            "value": {
                "heading": "Not sure what your systems can connect to?",
                "text": (
                    "<p>We're APIwise — UK-based and vendor-neutral, so we're not paid to push any one "
                    "tool. If you'd like to know what your own software's APIs make possible, and where "
                    "their limits are, our fixed-price Integration Health Check is a good place to "
                    "start.</p><p>It's a 45-minute call, followed by a written plan within five working "
                    "days, for £495 + VAT.</p>"
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
                        "question": "Do I need to be technical to use an API?",
                        "answer": (
                            "<p>No. Most business owners use APIs without ever seeing one — through the "
                            '"connect" buttons and app stores built into tools like Xero and Shopify, through '
                            "tools like Zapier and Make, or through a developer who builds a connection for "
                            "them. What helps is knowing what you want the connection to do, and the rules your "
                            "business follows.</p>"
                        ),
                    },
                    {
                        "question": "Are APIs secure?",
                        "answer": (
                            "<p>A well-designed API is as secure as the system behind it: every request needs a "
                            "credential, and access can be limited. The weak points are usually human: keys "
                            "shared by email, connections with far more access than they need, or old ones "
                            "nobody removed.</p>"
                        ),
                    },
                    {
                        "question": "Does using an API cost money?",
                        "answer": (
                            "<p>Access to the API is often included in your software subscription, though some "
                            "vendors restrict it to certain plans. The real cost is usually in building and "
                            "looking after the connection itself. Our guide to [[api-integration-cost-uk|API "
                            "integration costs in the UK]] explains what drives that.</p>"
                        ),
                    },
                ],
            },
        },
    ],
}
