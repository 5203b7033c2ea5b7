"""Guide: What Can APIs Do for Your Business? Real-World Examples."""

GUIDE = {
    "slug": "what-can-apis-do-for-your-business",
    "seo_title": "What APIs can do for your business: UK examples",
    "search_description": (
        "The practical jobs APIs take off a UK small business's plate, from ending double "
        "data entry to up-to-date reporting, with honest examples."
    ),
    "summary": (
        "The practical things APIs let a business do — from ending manual data entry to "
        "real-time reporting — with concrete UK examples and the outcomes they deliver."
    ),
    "short_answer": (
        "<p>APIs let your systems share information automatically, so the same details don't "
        "get typed in twice. In practice that means orders that become invoices on their "
        "own, payments that are easier to reconcile, customer records that stay in step and "
        "reports that are up to date without anyone building a spreadsheet. The benefit "
        "isn't the API itself; it's the hours and mistakes you stop paying for.</p>"
    ),
    "body": [
        {
            "type": "text",
            "value": (
                "<p>Knowing what an API is is useful. Knowing what it can actually do for a business "
                "your size is more useful still.</p><p>Below are the jobs APIs most often take off a "
                "UK small business's plate, each with a hypothetical example, followed by an honest "
                "word on what they won't do. If you'd like the basics first, start with "
                "[[what-is-an-api|what is an API?]].</p>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "End double data entry",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>This is the big one. Any time someone reads information on one screen and types "
                "it into another, there's a good chance an API connection could do it "
                "instead.</p><p>Say you run a WooCommerce shop and, every few days, someone copies "
                "each order into QuickBooks Online: the customer, the items, the VAT. Connected "
                "through their APIs, each paid order can create the matching sales record by itself, "
                "with the right VAT rate and the right customer. The person who did the typing gets "
                "that time back, and the typos stop.</p>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "Get paid and reconcile faster",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>Payment providers such as Stripe, GoCardless and PayPal usually take their fees "
                "before the money reaches you, and Stripe and GoCardless pay out in batches. So the "
                "amount that lands in your bank rarely matches any single invoice, and reconciling "
                "it by hand is slow.</p><p>A connection through the providers' APIs can break each "
                "payout down into its sales, fees and refunds, and record them in Xero or QuickBooks "
                "Online so the payout matches the bank line. It can also work the other way: raising "
                "an invoice can trigger a Direct Debit collection through GoCardless, with the "
                "payment marked against the invoice when it arrives. We walk through one real-world "
                "version in [[connect-stripe-to-xero|how to connect Stripe to Xero]].</p>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "Keep customer records in step",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>Sales teams live in the CRM; finance lives in the accounts. Without a "
                "connection, each keeps its own version of the customer, and the two slowly drift "
                "apart.</p><p>Say you use Pipedrive or HubSpot to track deals and Xero for "
                "invoicing. A connection can create the customer and the invoice in Xero when a deal "
                "is marked as won, and send back whether it's been paid — so nobody in sales has to "
                "ask finance, and nobody in finance has to retype contact details.</p>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "Keep stock levels right across channels",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>If you sell the same products in more than one place — your own Shopify shop, a "
                "marketplace, a wholesale price list — every sale needs to reduce the stock count "
                "everywhere. Do that by hand and sooner or later you sell something you no longer "
                "have.</p><p>Through their APIs, your sales channels and your stock records can "
                "update one another as sales happen, rather than once a day when someone "
                "remembers.</p>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "See your numbers without building spreadsheets",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>If you spend part of every month exporting reports from three or four systems "
                "and stitching them together, an API connection can pull the figures you care about "
                "— sales from Shopify, cash from Xero, pipeline from HubSpot — into one place, "
                "automatically and as often as you need.</p><p>The value isn't just the time saved. "
                "It's making decisions on this week's numbers rather than last month's.</p>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "Give customers a smoother experience",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>APIs also work on the customer's side of the counter. Many couriers offer APIs "
                'for printing labels and sharing tracking updates, so an order can move from "paid" '
                'to "dispatched" with the customer told at each step. Booking tools can check real '
                "availability, and a customer's change of address can reach every system that needs "
                "it.</p>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "Let new tools fit in, rather than add admin",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>Because most cloud tools publish APIs, there's a whole market of ready-made "
                "connections. Xero, Shopify and HubSpot all run app marketplaces full of tools that "
                "plug in through their APIs, and Zapier and Make connect thousands of apps without "
                "custom code. Choosing tools with good APIs means each new one joins your setup "
                "instead of becoming another thing to copy data into.</p>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "The common jobs at a glance",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "table",
            "value": {
                "caption": "Common jobs APIs take on for small businesses",
                "header": [
                    "Job",
                    "Typical systems involved",
                    "What changes day to day",
                ],
                "rows": [
                    [
                        "Orders into accounts",
                        "Shopify or WooCommerce with Xero, QuickBooks Online or Sage",
                        "No retyping; sales and VAT recorded consistently",
                    ],
                    [
                        "Payment reconciliation",
                        "Stripe, GoCardless or PayPal with your accounting software",
                        "Payouts broken down into sales, fees and refunds, ready to match",
                    ],
                    [
                        "Deal to invoice",
                        "HubSpot or Pipedrive with Xero or QuickBooks Online",
                        "Invoices raised from won deals; sales can see what's been paid",
                    ],
                    [
                        "Stock across channels",
                        "Your shop, marketplaces and stock system",
                        "Fewer oversold items and fewer manual stock counts",
                    ],
                    [
                        "Reporting",
                        "Accounts, shop and CRM feeding one dashboard",
                        "Up-to-date figures without the monthly spreadsheet job",
                    ],
                ],
            },
        },
        {
            "type": "heading",
            "value": {
                "text": "What APIs won't do for you",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>It's worth being clear-eyed about the limits:</p><ul><li><b>They won't fix a "
                "messy process.</b> Connect two systems that follow muddled rules and you get the "
                "muddle faster. Sort the process out first.</li><li><b>They won't make your "
                "decisions.</b> Which VAT treatment applies, which account a sale goes to, what "
                "happens to a part-refund — someone has to decide, and the connection simply "
                "follows.</li><li><b>They won't look after themselves.</b> Connections need "
                "watching: APIs change, access expires and data moves on. We explain what goes wrong "
                "in [[why-integrations-fail|why integrations fail]].</li><li><b>They aren't always "
                "worth it.</b> If a job takes ten minutes a week and rarely goes wrong, leaving it "
                "manual may be the sensible choice.</li></ul>"
            ),
        },
        {
            "type": "callout",
            "value": {
                "kind": "tip",
                "title": "Where to start",
                "text": (
                    "<p>Pick the task that's done most often, causes the most mistakes, or will break "
                    "first as you grow. Jot down roughly how many hours it takes each month. That gives "
                    "you a simple measure of what a connection is worth before anyone quotes you.</p>"
                ),
            },
        },
        {
            "type": "text",
            "value": (
                "<p>Next in the series: [[apis-vs-integrations-vs-automation|APIs vs integrations vs "
                "automation: what's the difference?]] Or head back to the [[api-basics|API basics "
                "hub]].</p>"
            ),
        },
        {
            "type": "call_to_action",
            "value": {
                "heading": "Want to know which of these would pay off for you?",
                "text": (
                    "<p>We're APIwise, a UK, vendor-neutral integration consultancy. In a fixed-price "
                    "Integration Health Check we look at the systems you use, find the manual work "
                    "that's worth connecting (and what isn't), and tell you the simplest way to do it — "
                    "whether that's a ready-made app, Zapier or Make, or a custom build.</p><p>It's a "
                    "45-minute call, then a written plan within five working days, for £495 + VAT.</p>"
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
                        "question": "Do I need a developer to get these benefits?",
                        "answer": (
                            "<p>Not always. Many connections are available ready-made in your software's app "
                            "marketplace, and tools like Zapier and Make handle plenty of simpler jobs without "
                            "code. A developer earns their keep when volumes are high, the rules are "
                            "complicated, or money is involved.</p>"
                        ),
                    },
                    {
                        "question": "How do I work out whether a connection is worth paying for?",
                        "answer": (
                            "<p>Start with the hours the manual task takes each month and what those hours cost "
                            "you, then add the cost of fixing the mistakes it causes. Compare that with the cost "
                            "of setting up the connection and keeping it running — including the upkeep, not "
                            "just the build.</p>"
                        ),
                    },
                    {
                        "question": "Is it safe to let one system write into my accounts?",
                        "answer": (
                            "<p>It can be, with sensible precautions: give the connection only the access it "
                            "needs, test it on sample data first (Xero, for example, provides a demo company for "
                            "trying things out), and keep an eye on what it creates for the first few weeks.</p>"
                        ),
                    },
                    {
                        "question": "Will connecting my systems mean nobody needs to check anything?",
                        "answer": (
                            "<p>No, but the checking changes. Instead of reviewing every entry, someone reviews "
                            "the exceptions — the payments that didn't match, the orders that failed — and "
                            "that's usually a much smaller job.</p>"
                        ),
                    },
                ],
            },
        },
    ],
}
