"""Demo content for the guides, as data. The reference article ("APIs vs Integrations vs
Automation") is reproduced word for word; `[[slug|text]]` marks a link to the page with that
slug (a guide, the hub, the Health Check page, About), resolved by blog/demo.py."""

from datetime import date

# (name, slug, is a software product a business runs: offered as a "system" in the
# Health Check form).
TOPICS = [
    ("Xero", "xero", True),
    ("QuickBooks Online", "quickbooks-online", True),
    ("Sage", "sage", True),
    ("Shopify", "shopify", True),
    ("WooCommerce", "woocommerce", True),
    ("Amazon", "amazon", True),
    ("eBay", "ebay", True),
    ("Stripe", "stripe", True),
    ("PayPal", "paypal", True),
    ("GoCardless", "gocardless", True),
    ("Square", "square", True),
    ("HubSpot", "hubspot", True),
    ("Salesforce", "salesforce", True),
    ("Pipedrive", "pipedrive", True),
    ("Klaviyo", "klaviyo", True),
    ("Zapier", "zapier", True),
    ("Make", "make", True),
    ("iPaaS", "ipaas", False),
    ("API basics", "api-basics", False),
    ("Costs", "costs", False),
]

AUTHOR = {
    "name": "Alex Morgan",
    "role": "Lead integration consultant, APIwise",
    "bio": "Alex has spent fifteen years connecting accounting, ecommerce and CRM systems for "
    "UK businesses, and writes APIwise's guides in plain English.",
}

GUIDE_INDEX = {
    "title": "Guides",
    "slug": "guides",
    "seo_title": "Plain-English guides to APIs and integrations",
    "intro": "Plain-English guides to APIs, integrations and automation for UK businesses: "
    "what to connect, how, and what it really costs.",
}

HUB = {
    "title": "API basics hub",
    "slug": "api-basics",
    "intro": "<p>New to APIs? Start here. Four short guides, in order, that explain what an "
    "API is, what it can do for your business, how it differs from integration and "
    "automation, and whether you need one.</p>",
    "icon": "api-basics",
    "cta_heading": "Read the series and still not sure?",
    "cta_text": "Book a fixed-price Integration Health Check: we look at your own systems and "
    "tell you plainly what is worth connecting, and what is not.",
    "cta_button_label": "Book your Health Check",
    # Reading order, by slug.
    "series": [
        "what-is-an-api",
        "what-can-apis-do-for-your-business",
        "apis-vs-integrations-vs-automation",
        "do-i-need-an-api",
    ],
}

# Every guide listed under "Related guides" in the reference article. Those with a complete
# text (blog/demo_guides/) are published; the others are unpublished drafts, so editors see
# the pipeline and visitors see nothing unfinished.
RELATED_GUIDES = [
    {
        "slug": "what-is-an-api",
        "title": "What Is an API? A Plain-English Guide for Business Owners",
        "summary": "What an API actually is, explained without jargon and with everyday "
        "analogies — and why it matters for running and growing a UK business.",
        "date": date(2026, 6, 25),
        "topics": ["api-basics"],
    },
    {
        "slug": "what-can-apis-do-for-your-business",
        "title": "What Can APIs Do for Your Business? Real-World Examples",
        "summary": "The practical things APIs let a business do — from ending manual data "
        "entry to real-time reporting — with concrete UK examples and the outcomes they deliver.",
        "date": date(2026, 6, 24),
        "topics": ["api-basics"],
    },
    {
        "slug": "do-i-need-an-api",
        "title": "Do I Need an API? A Simple Self-Check for Business Owners",
        "summary": "A plain-English self-assessment to tell whether your business would benefit "
        "from connecting its systems via APIs — the signs to look for, and what to do next.",
        "date": date(2026, 6, 22),
        "topics": ["api-basics"],
    },
    {
        "slug": "why-integrations-fail",
        "title": "Why Integrations Fail (and How to Build Ones That Last)",
        "summary": "Why business integrations break or quietly stop working — the real failure "
        "modes (API changes, token expiry, rate limits, data drift, no monitoring) and how to "
        "keep them alive.",
        "date": date(2026, 6, 20),
        "topics": ["api-basics"],
    },
    {
        "slug": "connect-stripe-to-quickbooks-online",
        "title": "How to Connect Stripe to QuickBooks Online (UK Guide)",
        "summary": "A practical UK guide to connecting Stripe to QuickBooks Online: charges, "
        "fees, refunds, payouts, VAT and multi-currency, plus native app vs Zapier/Make vs "
        "custom.",
        "date": date(2026, 6, 18),
        "topics": ["stripe", "quickbooks-online", "zapier", "make"],
    },
    {
        "slug": "connect-amazon-to-xero",
        "title": "How to Connect Amazon to Xero: A UK Seller's Guide",
        "summary": "A practical UK guide to connect Amazon to Xero: settlement-based journals "
        "(not per-order), FBA fees, refunds, reserves, VAT and marketplace facilitator rules, "
        "plus A2X vs custom.",
        "date": date(2026, 6, 17),
        "topics": ["amazon", "xero"],
    },
    {
        "slug": "ipaas-cost-uk",
        "title": "iPaaS Cost UK (2026): Pricing Models, Tiers and True Total Cost of Ownership",
        "summary": "An honest UK guide to iPaaS cost in 2026 — Zapier, Make, Workato, Boomi "
        "and Celigo pricing models, indicative tier ranges, hidden costs and when iPaaS beats "
        "custom.",
        "date": date(2026, 6, 16),
        "topics": ["ipaas", "costs", "zapier", "make"],
    },
    {
        "slug": "sage-salesforce-integration",
        "title": "Sage Salesforce Integration: A Practical UK Guide (Sage 50 & Business Cloud)",
        "summary": "A plain-English UK guide to Sage Salesforce integration: Sage 50 vs "
        "Business Cloud API realities, connectors vs iPaaS vs custom, sync direction, and how "
        "to choose.",
        "date": date(2026, 6, 15),
        "topics": ["sage", "salesforce", "ipaas"],
    },
    {
        "slug": "connect-shopify-to-klaviyo",
        "title": "How to Connect Shopify to Klaviyo (UK Guide)",
        "summary": "A practical UK guide to connecting Shopify to Klaviyo: native integration "
        "setup, what syncs, the flows worth building, GDPR/PECR consent, and when you need "
        "custom events.",
        "date": date(2026, 6, 13),
        "topics": ["shopify", "klaviyo"],
    },
    {
        "slug": "connect-pipedrive-to-xero",
        "title": "How to Connect Pipedrive to Xero: A UK Integration Guide",
        "summary": "A practical UK guide to connecting Pipedrive to Xero: won-deal-to-invoice, "
        "contact sync, payment write-back, the three integration routes, field mapping and VAT "
        "gotchas.",
        "date": date(2026, 6, 13),
        "topics": ["pipedrive", "xero"],
    },
    {
        "slug": "sync-woocommerce-with-xero",
        "title": "How to Sync WooCommerce with Xero: A UK Ecommerce Accounting Guide",
        "summary": "A practical UK guide to sync WooCommerce with Xero: orders, gateway fees, "
        "refunds, payouts, stock and VAT, plus plugin vs middleware vs custom and "
        "reconciliation tips.",
        "date": date(2026, 6, 12),
        "topics": ["woocommerce", "xero"],
    },
    {
        "slug": "connect-xero-to-your-crm",
        "title": "How to Connect Xero to Your CRM: a 2026 UK Guide",
        "summary": "A practical 2026 UK guide to connecting Xero to your CRM (HubSpot, "
        "Salesforce, Pipedrive) — what to sync, three routes, field mapping and the real "
        "gotchas.",
        "date": date(2026, 6, 11),
        "topics": ["xero", "hubspot", "salesforce", "pipedrive"],
    },
    {
        "slug": "connect-shopify-to-quickbooks-online",
        "title": "How to Connect Shopify to QuickBooks Online (UK Guide)",
        "summary": "A practical UK guide to connect Shopify to QuickBooks Online: orders, "
        "payouts, fees, refunds and VAT, plus connector apps vs middleware vs custom, and clean "
        "payout reconciliation.",
        "date": date(2026, 6, 10),
        "topics": ["shopify", "quickbooks-online"],
    },
    {
        "slug": "sync-shopify-and-xero",
        "title": "How to Sync Shopify and Xero (and Automate Your Ecommerce Accounting)",
        "summary": "A practical UK guide to sync Shopify and Xero: what to sync, A2X vs Zapier "
        "vs custom, payout reconciliation, and the multi-currency and VAT gotchas.",
        "date": date(2026, 6, 9),
        "topics": ["shopify", "xero", "zapier"],
    },
    {
        "slug": "connect-gocardless-to-xero",
        "title": "How to Connect GoCardless to Xero: A UK Direct Debit Guide",
        "summary": "A practical UK guide to connecting GoCardless to Xero: native link vs apps "
        "vs custom, syncing payouts, fees, failed and retried collections, reconciliation and "
        "VAT.",
        "date": date(2026, 6, 8),
        "topics": ["gocardless", "xero"],
    },
    {
        "slug": "connect-hubspot-to-xero",
        "title": "How to Connect HubSpot to Xero: A Practical Guide for UK SMBs",
        "summary": "A plain-English UK guide to connecting HubSpot to Xero: what to sync, "
        "native vs iPaaS vs custom routes, one-way vs two-way, dedupe and VAT gotchas.",
        "date": date(2026, 6, 7),
        "topics": ["hubspot", "xero", "ipaas"],
    },
    {
        "slug": "hubspot-quickbooks-integration",
        "title": "HubSpot QuickBooks Integration: A Practical UK Guide",
        "summary": "A plain-English UK guide to HubSpot and QuickBooks Online integration: "
        "contact sync, deal-to-invoice, payment visibility, native vs iPaaS vs custom, and VAT "
        "gotchas.",
        "date": date(2026, 6, 6),
        "topics": ["hubspot", "quickbooks-online", "ipaas"],
    },
    {
        "slug": "quickbooks-salesforce-integration",
        "title": "QuickBooks to Salesforce Integration: Native vs Third-Party vs Custom",
        "summary": "A plain-English guide to QuickBooks Salesforce integration: managed "
        "connectors vs iPaaS vs custom API, what data flows where, sync direction, and how to "
        "choose.",
        "date": date(2026, 6, 5),
        "topics": ["quickbooks-online", "salesforce", "ipaas"],
    },
    {
        "slug": "connect-paypal-to-xero",
        "title": "How to Connect PayPal to Xero: A UK Reconciliation Guide",
        "summary": "A practical UK guide to connecting PayPal to Xero: native feed vs apps vs "
        "custom, fees, multi-currency, refunds, reconciling the PayPal balance and VAT.",
        "date": date(2026, 6, 5),
        "topics": ["paypal", "xero"],
    },
    {
        "slug": "connect-stripe-to-xero",
        "title": "How to Connect Stripe to Xero: A UK Business Guide",
        "summary": "A practical UK guide to connect Stripe to Xero: the native feed, dedicated "
        "apps, Zapier/Make and custom builds, plus fees, VAT, payouts and multi-currency "
        "gotchas.",
        "date": date(2026, 6, 4),
        "topics": ["stripe", "xero", "zapier", "make"],
    },
    {
        "slug": "zapier-vs-make-vs-custom-integration",
        "title": "Zapier vs Make vs Custom API Integration: Which Should You Use?",
        "summary": "An honest, vendor-neutral guide to choosing between Zapier, Make and custom "
        "API integration — covering cost, reliability, complexity, data volume and lock-in.",
        "date": date(2026, 6, 2),
        "topics": ["zapier", "make", "ipaas", "costs"],
    },
    {
        "slug": "ebay-xero-integration",
        "title": "eBay Xero Integration: A UK Seller's Guide to Clean Books",
        "summary": "A practical UK guide to eBay Xero integration: managed payments payouts, "
        "fees, refunds, marketplace VAT, summarised vs per-order journals, and A2X or Link My "
        "Books vs a custom build.",
        "date": date(2026, 6, 1),
        "topics": ["ebay", "xero"],
    },
    {
        "slug": "sage-shopify-integration",
        "title": "Sage Shopify Integration: A UK Retailer's Guide to Orders, Stock, VAT and "
        "Payouts",
        "summary": "A practical UK guide to integrating Sage 50 or Business Cloud with Shopify: "
        "orders, stock sync, VAT, payout reconciliation, the API realities and the connector vs "
        "custom routes.",
        "date": date(2026, 5, 30),
        "topics": ["sage", "shopify"],
    },
    {
        "slug": "connect-square-to-xero",
        "title": "How to Connect Square to Xero: A UK Guide for Retail & Hospitality",
        "summary": "How to connect Square to Xero for UK retail and hospitality: daily sales "
        "summaries, card fees, tips, refunds, payout reconciliation and VAT done right.",
        "date": date(2026, 5, 27),
        "topics": ["square", "xero"],
    },
    {
        "slug": "api-integration-cost-uk",
        "title": "How Much Does API Integration Cost in the UK? (2026 Pricing Guide)",
        "summary": "An honest, plain-English guide to API integration cost in the UK for 2026: "
        "what drives the price, indicative ranges, ongoing maintenance and hidden costs.",
        "date": date(2026, 5, 27),
        "topics": ["costs", "api-basics"],
    },
    {
        "slug": "connect-stripe-to-salesforce",
        "title": "How to Connect Stripe to Salesforce: A UK Business Guide",
        "summary": "A practical UK guide to connecting Stripe to Salesforce: AppExchange apps "
        "vs iPaaS vs custom build, what data flows where, MRR, failed payments and dunning, and "
        "the real gotchas.",
        "date": date(2026, 5, 23),
        "topics": ["stripe", "salesforce", "ipaas"],
    },
    {
        "slug": "gocardless-quickbooks-integration",
        "title": "GoCardless QuickBooks Integration: A UK Setup & Reconciliation Guide",
        "summary": "How to connect GoCardless to QuickBooks Online in the UK: syncing payments, "
        "fees, payouts and failed collections, plus reconciliation, VAT on fees and the common "
        "gotchas.",
        "date": date(2026, 5, 23),
        "topics": ["gocardless", "quickbooks-online"],
    },
]

# The three FAQs of the reference article (also on the FAQ page).
ARTICLE_FAQS = [
    {
        "question": "Is an integration the same as an API?",
        "answer": "<p>No. An API is a capability a piece of software offers — a doorway others "
        "can use. An integration is the actual connection someone builds between two systems "
        "using those doorways. You buy an integration; the API is what makes it possible. "
        "Vendors often blur the two in marketing, but the distinction matters when you're "
        "scoping a project.</p>",
    },
    {
        "question": "Do I need an API to automate something?",
        "answer": "<p>Often, but not always. Some automation happens inside a single tool using "
        "its own built-in features. But to automate across systems — shop to accounts, CRM to "
        "invoicing — those systems need to be connected via their APIs first. Cross-system "
        "automation is really integration plus a trigger.</p>",
    },
    {
        "question": "Where do Zapier and Make fit in?",
        "answer": "<p>They're tools for building integrations and automations without custom "
        "code, using apps' APIs behind the scenes. They're excellent for simpler, lower-stakes "
        "jobs. For flows that touch money, run at high volume, or need careful error handling, "
        "a custom-built integration is usually more reliable — and we'll tell you honestly "
        "which one your job needs.</p>",
    },
]


def _heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2", "anchor": ""}}


def _text(html):
    return {"type": "text", "value": html}


ARTICLE = {
    "slug": "apis-vs-integrations-vs-automation",
    "title": "APIs vs Integrations vs Automation: What's the Difference?",
    "seo_title": "APIs vs integrations vs automation, explained",
    "search_description": "API, integration and automation in plain English: what each means, "
    "how the three fit together, and what to ask when someone quotes you for one.",
    "summary": "What API, integration and automation each mean, how the three fit together, "
    "and what to listen for when someone is quoting you.",
    "date": date(2026, 6, 23),
    "topics": ["api-basics", "zapier", "make", "ipaas"],
    "related": [
        "what-is-an-api",
        "what-can-apis-do-for-your-business",
        "do-i-need-an-api",
        "zapier-vs-make-vs-custom-integration",
        "why-integrations-fail",
        "api-integration-cost-uk",
    ],
    "short_answer": "<p>An API is the doorway a system provides so others can use its data. An "
    "integration is the connection you build through those doorways so two systems share data. "
    "Automation is what you do once they're connected — letting a workflow run without human "
    "effort. APIs make integration possible; integration makes automation reliable.</p>",
    "body": [
        _text(
            "<p>API. Integration. Automation. In sales decks and supplier calls these three "
            "words get thrown around as if they mean the same thing. They don't — and the "
            "confusion costs money, because when you can't tell them apart, you can't tell what "
            "you're actually being sold.</p>"
            "<p>This is a quick, plain-English untangling. By the end you'll know exactly what "
            "each word means, how they fit together, and what to listen for when someone's "
            "quoting you.</p>"
        ),
        _heading("Why these three words get muddled"),
        _text(
            "<p>They get muddled because they're layers of the same thing, not competing "
            "options. Each one sits on top of the last. An API makes an integration possible; an "
            "integration makes automation reliable. Because they're so closely linked, people "
            'use whichever word sounds best — usually "automation", because it sounds like the '
            "benefit.</p>"
            "<p>But they answer different questions. Keep these straight and the fog lifts:</p>"
            "<ul>"
            '<li>API answers "can these systems talk at all?"</li>'
            '<li>Integration answers "are these two systems actually connected?"</li>'
            '<li>Automation answers "does this now happen without me?"</li>'
            "</ul>"
            "<p>Let's take them one at a time.</p>"
        ),
        _heading("API: the doorway a system provides"),
        _text(
            "<p>An API is the standard way a piece of software lets other software use its data "
            'or features — the "doorway" it offers to the outside world. Your accounting package '
            "has one; your shop has one; your CRM has one.</p>"
            "<p>On its own, an API doesn't do anything for you. It's a capability, sitting there "
            "ready to be used — like a plug socket in the wall. The socket makes it possible to "
            "power something, but nothing's plugged in yet. (If you'd like the fuller picture, "
            "we cover it in [[what-is-an-api|What is an API?]].)</p>"
            "<p>The key point: you don't buy an API, and you don't build one. Your tools already "
            "have them. What you buy is the next layer.</p>"
        ),
        _heading("Integration: the connection you build"),
        _text(
            "<p>An integration is the actual connection between two systems, built through "
            "their APIs, so that information flows between them. This is the thing you "
            "commission, the thing that takes work, and the thing you pay for.</p>"
            "<p>Going back to the socket: the integration is the appliance plugged in and wired "
            'up correctly — the connection that turns "possible" into "working". It\'s where the '
            "real decisions live: how an order maps to an invoice, which VAT rate applies, what "
            "happens to a refund, how the two systems stay in step over time.</p>"
            '<p>When a vendor says "we integrate with Xero", they mean their product can be '
            "connected to Xero through its API. Whether that connection fits your business — "
            "your rules, your edge cases — is the actual project.</p>"
        ),
        _heading("Automation: what you do once connected"),
        _text(
            "<p>Automation is what becomes possible after two systems are connected: letting a "
            "task run on its own, triggered by an event, with no human pushing it along.</p>"
            "<p>Integration is the wiring; automation is flipping the switch so the lights come "
            'on by themselves when you walk in. "When an order is placed, create the invoice, '
            "update stock, and add the customer to the CRM\" — that's an automation, and it "
            "only works reliably because the integration underneath it is sound.</p>"
            "<p>A subtlety worth knowing: some automation doesn't need integration at all. A "
            'rule inside a single tool — "when a task is marked done, email the client" — is '
            "automation within one system, using no external API. But the moment an automation "
            "spans two systems, it needs an integration underneath, which needs the APIs beneath "
            "that.</p>"
        ),
        _heading("How they fit together (a worked example)"),
        _text(
            "<p>Take one everyday flow: a customer buys something on your website and you want "
            "the invoice to appear in your accounts.</p>"
            "<ul>"
            "<li>Your shop and your accounting software each expose an API — the doorways. "
            "(Nothing happens yet.)</li>"
            "<li>Someone builds an integration between them: connecting the two, deciding how an "
            "order becomes an invoice, handling VAT, refunds and part-payments. (Now they're "
            "wired together.)</li>"
            '<li>You switch on the automation: "every new paid order creates the matching '
            'invoice, instantly, with no one touching it." (Now it runs itself.)</li>'
            "</ul>"
            "<p>Three layers, one result. Remove any layer and it doesn't work: no API, no "
            "integration; no integration, no reliable automation.</p>"
        ),
        # A diagram drawn for the site (not in the reference text): the three layers.
        {
            "type": "diagram",
            "value": {"diagram": "layers-api-integration-automation", "caption": ""},
        },
        _heading("Where no-code tools like Zapier and Make sit"),
        _text(
            "<p>You'll hear Zapier and Make (and iPaaS platforms like Workato) mentioned "
            "constantly. Here's where they fit: they're tools for building integrations and "
            "automations without custom code, using apps' APIs behind the scenes. They sit at "
            "the integration-and-automation layer and spare you writing software from "
            "scratch.</p>"
            "<p>They're genuinely good — for simpler, lower-stakes connections, they're often "
            "exactly right, and we recommend them when they are. Where they struggle is with the "
            "demanding stuff: high volume, complex rules, anything touching money that needs "
            "careful error handling and no duplicates. That's when a custom-built integration "
            "usually wins. It's not one-versus-the-other; it's matching the tool to the job. We "
            "go deeper in [[zapier-vs-make-vs-custom-integration|Zapier vs Make vs custom "
            "integration]].</p>"
        ),
        _heading("What this means when you're buying"),
        _text("<p>Put it together and you can cut through any pitch:</p>"),
        {
            "type": "table",
            "value": {
                "caption": "API, integration and automation compared",
                "header": ["Term", "What it is", "Do you buy it?"],
                "rows": [
                    ["API", "The doorway a system provides", "No — your tools already have them"],
                    [
                        "Integration",
                        "The connection built between two systems",
                        "Yes — this is the work",
                    ],
                    [
                        "Automation",
                        "A task running on its own once connected",
                        "It's the payoff of a good integration",
                    ],
                ],
            },
        },
        _text(
            '<p>So when someone says "we\'ll automate your invoicing", the right question is: '
            "what integration does that require, and who's building and maintaining it? That's "
            "where the effort — and the cost — actually lives.</p>"
        ),
        _text(
            "<p>Next in the series: [[do-i-need-an-api|Do I need an API? A simple "
            "self-check]]. Or head back to the [[api-basics|API basics hub]].</p>"
        ),
        {
            "type": "call_to_action",
            "value": {
                "heading": "How APIwise can help",
                "text": "<p>We're APIwise — UK-based and vendor-neutral, which means we're not "
                "paid to push any one tool. We'll tell you plainly whether your job needs a "
                "quick Zapier connection, a robust custom integration, or nothing new at all.</p>"
                "<p>Start with a fixed-price Integration Health Check: we map what you've got, "
                "work out what genuinely needs connecting, and give you a costed plan in plain "
                "English. [[health-check|Book yours here]], or read more about our "
                "[[about|API integration work]].</p>",
                "button_label": "",
                "page": "health-check",
            },
        },
        {
            "type": "faq",
            "value": {"heading": "Frequently asked questions", "items": ARTICLE_FAQS},
        },
        {
            "type": "call_to_action",
            "value": {
                "heading": "Want this set up properly — and handled for you?",
                # The reference article says "the UK's API & AI integration specialists" here;
                # APIwise offers no AI work anywhere else, so the demo says what it does.
                "text": "<p>We're APIwise, a UK-based, vendor-neutral API and integration "
                "consultancy. Start with a fixed-price Integration Health Check and we'll map the "
                "quickest path to getting your systems talking.</p>",
                "button_label": "Book your Integration Health Check",
                "page": "health-check",
            },
        },
    ],
}

FAQ_PAGE = {
    "title": "Frequently asked questions",
    "slug": "faqs",
    "cta_heading": "Still have a question?",
    "cta_text": "The fixed-price Integration Health Check answers it for your own systems, "
    "with a written plan in plain English.",
    "cta_button_label": "Book your Health Check",
    "intro": "Straight answers to the questions we hear most about APIs, integrations, costs "
    "and working with APIwise.",
    "sections": [
        {"heading": "APIs, integrations and automation", "items": ARTICLE_FAQS},
        {
            "heading": "Costs",
            "items": [
                {
                    "question": "How much does an API integration cost?",
                    "answer": "<p>It depends on the systems involved, the volume of data and how "
                    "complex the rules are. Our guide [[api-integration-cost-uk|How Much Does "
                    "API Integration Cost in the UK?]] gives indicative ranges; an Integration "
                    "Health Check gives you a costed plan for your own setup.</p>",
                },
                {
                    "question": "Are there ongoing costs once an integration is built?",
                    "answer": "<p>Usually, yes. APIs change, access tokens expire and volumes "
                    "grow, so integrations need monitoring and occasional updates. We set out "
                    "maintenance costs up front, in plain English.</p>",
                },
            ],
        },
        {
            "heading": "No-code tools",
            "items": [
                {
                    "question": "Is Zapier or Make enough for my business?",
                    "answer": "<p>For simpler, lower-stakes connections, often yes. For high "
                    "volumes, complex rules or anything touching money, a custom-built "
                    "integration is usually more reliable. See "
                    "[[zapier-vs-make-vs-custom-integration|Zapier vs Make vs Custom API "
                    "Integration]].</p>",
                },
            ],
        },
        {
            "heading": "Working with APIwise",
            "items": [
                {
                    "question": "What is the Integration Health Check?",
                    "answer": "<p>A fixed-price review: we map the systems you use, work out "
                    "what genuinely needs connecting, and give you a costed plan in plain "
                    "English.</p>",
                },
                {
                    "question": "Do you only recommend custom builds?",
                    "answer": "<p>No. We are vendor-neutral and not paid to push any tool. If "
                    "Zapier, Make or a native connector does the job, we will say so.</p>",
                },
            ],
        },
    ],
}
