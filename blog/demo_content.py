"""Demo content around the guides, as data: topics, the author, the guide index, the hub, the
list of guides and the FAQ page. The complete guides themselves (the reference article "APIs
vs Integrations vs Automation" among them) are Markdown documents in blog/demo_guides/.
`[[slug|text]]` marks a link to the page with that slug, resolved by blog/demo.py."""

from datetime import date

ARTICLE_SLUG = "apis-vs-integrations-vs-automation"

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
    # No credentials: the demo's author is a placeholder byline, not a real person's record.
    "bio": "Alex writes APIwise's guides in plain English.",
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
}  # Its guides, and their reading order, are in their documents' front matter.

# Every guide of the demo, in the order they are added. A guide with a document in
# blog/demo_guides/ (just its slug here) takes its title, summary, date and topics from the
# document's front matter and is published; the others are unpublished drafts, so editors see
# the pipeline and visitors see nothing unfinished.
GUIDES = [
    {"slug": "what-is-an-api"},
    {"slug": "what-can-apis-do-for-your-business"},
    {"slug": "do-i-need-an-api"},
    {"slug": "why-integrations-fail"},
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
    {"slug": "sync-shopify-and-xero"},
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
    {"slug": "connect-stripe-to-xero"},
    {"slug": "zapier-vs-make-vs-custom-integration"},
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
    {"slug": "api-integration-cost-uk"},
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
    {"slug": ARTICLE_SLUG},
]

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
        # The reference article's questions, as its document asks and answers them.
        {"heading": "APIs, integrations and automation", "faqs_of": ARTICLE_SLUG},
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
