"""Guide: How Much Does API Integration Cost in the UK? (2026 Pricing Guide)."""

GUIDE = {
    "slug": "api-integration-cost-uk",
    "seo_title": "How much does API integration cost in the UK?",
    "search_description": "What drives the cost of an API integration in the UK, one-off versus "
    "ongoing costs, the hidden extras, rough price ranges and how to compare quotes.",
    "summary": "An honest, plain-English guide to API integration cost in the UK: what drives "
    "the price, our indicative ranges, ongoing maintenance, hidden costs and how to get quotes "
    "you can compare.",
    "short_answer": "<p>It depends mainly on how many systems are involved, how complicated your "
    "rules are and how carefully failures need handling. As a rough guide, our own projects for "
    "UK small businesses run from around £500 to set up an off-the-shelf connector, "
    "through £3,000–£8,000 for a straightforward one-way custom integration, to £20,000 or more "
    "for work spanning several systems — plus ongoing costs for hosting, monitoring and upkeep. "
    "Only a written scope gets you a figure you can rely on.</p>",
    "body": [
        {
            "type": "text",
            "value": '<p>"How much does an integration cost?" is a bit like "how much does a '
            'kitchen cost?" An honest answer needs someone to see the room. But you can '
            "understand what pushes the price up or down, what you'll keep paying after launch, "
            "and how to tell whether two quotes are really comparable.</p>"
            "<p>Where we give figures, they're our own indicative ranges from the kind of "
            "projects we quote for UK small businesses — not market statistics. Your quote "
            "depends on your systems and your rules.</p>",
        },
        {
            "type": "heading",
            "value": {"text": "What drives the cost", "level": "h2", "anchor": ""},
        },
        {
            "type": "text",
            "value": "<p>Most of the cost of an integration is people's time: understanding "
            "your process, building, testing and looking after it. These are the things that "
            "make that time longer or shorter.</p>",
        },
        {
            "type": "heading",
            "value": {"text": "How many systems are involved", "level": "h3", "anchor": ""},
        },
        {
            "type": "text",
            "value": "<p>Each system adds its own login and permissions, its own way of "
            "describing customers and products, and its own testing — and each one is another "
            "thing that can fail. Connecting three systems is usually more than half as much work "
            "again as connecting two, because there are more connections between them to get "
            "right.</p>",
        },
        {
            "type": "heading",
            "value": {"text": "How much data moves", "level": "h3", "anchor": ""},
        },
        {
            "type": "text",
            "value": "<p>Ten orders a day and ten thousand a day are different projects. Higher "
            "volumes mean batching, working within each API's usage limits, testing under load "
            "and thinking about what happens when a backlog builds up. Loading years of history "
            "at the start is often a job in its own right.</p>",
        },
        {
            "type": "heading",
            "value": {"text": "Your rules and edge cases", "level": "h3", "anchor": ""},
        },
        {
            "type": "text",
            "value": "<p>This is usually the biggest driver. Turning a clean, paid order into "
            "an invoice is quick. The time goes on everything else: refunds and part-refunds, "
            "part-payments, discount codes, mixed VAT rates, cancelled orders, foreign "
            "currencies, and the same customer appearing twice under different email "
            "addresses. Each rule has to be agreed, built and tested.</p>",
        },
        {
            "type": "heading",
            "value": {"text": "The quality of the APIs", "level": "h3", "anchor": ""},
        },
        {
            "type": "text",
            "value": "<p>Widely used cloud tools such as Stripe, Xero and Shopify have "
            "well-documented APIs, and building against them is predictable. Older or niche "
            "systems may have thin documentation, missing features or no API at all, which "
            "means workarounds — and workarounds take longer and break more easily. (If you're "
            "not sure what an API is, see [[what-is-an-api|What is an API?]].)</p>",
        },
        {
            "type": "heading",
            "value": {"text": "One-way or two-way", "level": "h3", "anchor": ""},
        },
        {
            "type": "text",
            "value": "<p>Sending data one way, from a shop to your accounts, is the simplest "
            "shape. Keeping two systems in step both ways is much harder: you need rules for "
            "which system wins when both change the same record, and protection against "
            "updates bouncing back and forth for ever.</p>",
        },
        {
            "type": "heading",
            "value": {"text": "Error handling and monitoring", "level": "h3", "anchor": ""},
        },
        {
            "type": "text",
            "value": "<p>A quick build assumes everything works. A sound one plans for the "
            "times it doesn't: retrying when an API is busy, never creating duplicates, and "
            "telling a named person when something needs attention. For anything that touches "
            "money, this isn't optional — and it's a common reason one quote is higher than "
            "another.</p>",
        },
        {
            "type": "heading",
            "value": {
                "text": "Indicative price ranges for UK small businesses",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": "<p>As a rough guide, here are the ranges we work within for typical "
            "projects for UK small businesses. Your quote depends on your systems, volumes and "
            "rules, and some projects fall outside these ranges in either direction.</p>",
        },
        {
            "type": "table",
            "value": {
                "caption": "APIwise's indicative ranges for typical UK small-business projects "
                "(a rough guide, excluding VAT)",
                "header": [
                    "Type of project",
                    "Hypothetical example",
                    "One-off cost",
                    "Ongoing cost",
                ],
                "rows": [
                    [
                        "Setting up an off-the-shelf connector or no-code workflow",
                        "Configuring a connector app between Shopify and Xero, or a handful of "
                        "Zaps, tested and documented",
                        "£500–£2,000",
                        "The app or platform subscription, plus support if you want it",
                    ],
                    [
                        "Simple one-way custom integration",
                        "Paid website orders into your accounts, between two well-documented "
                        "APIs, with clear rules",
                        "£3,000–£8,000",
                        "£50–£150 a month for hosting, monitoring and small fixes",
                    ],
                    [
                        "Two-way sync, or one-way with complex rules",
                        "Customers and invoices kept in step between a CRM and your accounts; "
                        "mixed VAT, part-payments or several currencies",
                        "£8,000–£20,000",
                        "£150–£400 a month",
                    ],
                    [
                        "Several systems, or high volume",
                        "Shop, warehouse, accounts and CRM connected, or thousands of "
                        "transactions a day",
                        "£20,000 and up",
                        "Agreed case by case, usually as a support agreement",
                    ],
                ],
            },
        },
        {
            "type": "callout",
            "value": {
                "kind": "info",
                "title": "How to read these figures",
                "text": "<p>They're our own ranges, not an industry survey, and they exclude "
                "VAT. They assume your systems have usable APIs and that someone on your side "
                "can answer questions and test. Other suppliers price differently, which is why "
                "the way you ask for quotes matters — see below.</p>",
            },
        },
        {
            "type": "heading",
            "value": {
                "text": "Why two similar-sounding jobs can cost very different amounts",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": '<p>Two hypothetical businesses both ask for the same thing: "get our '
            'Shopify sales into Xero".</p>'
            "<p>The first sells to UK customers only, takes payment through Shopify Payments, "
            "and sells everything at the standard VAT rate. A well-known connector app fits it "
            "closely, so the job is mostly choosing settings with the accountant and checking a "
            "few weeks of payouts. That sits in the first row of the table.</p>"
            "<p>The second also sells wholesale on credit terms, prices in pounds and euros, "
            "sells some zero-rated goods, and runs a separate warehouse system that must know "
            "about every order. Now there are three systems, two directions, several VAT and "
            "currency rules, and customers who need proper invoices in Xero. That's a custom "
            "project in the third row, or beyond.</p>"
            "<p>Same one-line request; very different jobs. That's why a proper scope matters "
            "more than the headline.</p>",
        },
        {
            "type": "heading",
            "value": {"text": "One-off costs and ongoing costs", "level": "h2", "anchor": ""},
        },
        {
            "type": "text",
            "value": "<p>An integration isn't like buying a printer. It's closer to a boiler: "
            "you pay to install it, and then it needs servicing. Budget for both.</p>"
            "<p><b>One-off costs</b> usually cover:</p>"
            "<ul>"
            "<li>scoping — agreeing exactly what should happen, including the awkward "
            "cases;</li>"
            "<li>the build itself;</li>"
            "<li>testing with real data, ideally a few weeks of it;</li>"
            "<li>loading historic data, if you need it;</li>"
            "<li>go-live support and documentation.</li>"
            "</ul>"
            "<p><b>Ongoing costs</b> usually cover:</p>"
            "<ul>"
            "<li><b>Hosting.</b> A small integration needs somewhere to run. For most "
            "small-business integrations this is a modest monthly cost.</li>"
            "<li><b>Monitoring and support.</b> Someone watching for failures and fixing them "
            "promptly.</li>"
            "<li><b>API changes.</b> Software vendors update their APIs, retire old versions and "
            "change how logins work. When they do, your integration needs updating, on their "
            "timetable rather than yours.</li>"
            "<li><b>Subscriptions.</b> Connector apps, Zapier or Make plans, and sometimes a "
            "higher plan on one of your systems, because some software only opens its API on "
            "certain plans.</li>"
            "</ul>",
        },
        {
            "type": "heading",
            "value": {"text": "The hidden costs to ask about", "level": "h2", "anchor": ""},
        },
        {
            "type": "text",
            "value": "<ul>"
            "<li><b>Your own team's time.</b> Answering questions, testing and checking the "
            "first weeks of results. It's often the biggest cost nobody quotes for.</li>"
            "<li><b>Cleaning up data first.</b> Duplicate customers or inconsistent product "
            "codes need fixing before they're synced, or the integration copies the mess.</li>"
            "<li><b>Plan upgrades.</b> A higher plan on your accounts or shop software to unlock "
            "API access or features such as multi-currency.</li>"
            "<li><b>Changes after launch.</b> A new payment method, sales channel or VAT rule "
            "means changing the integration.</li>"
            "<li><b>Quiet failures.</b> An integration that stops without anyone noticing "
            "costs far more to untangle later. We explain how this happens in "
            "[[why-integrations-fail|Why integrations fail]].</li>"
            "<li><b>Moving supplier.</b> If your supplier owns the code or the hosting account, "
            "leaving them can mean paying for a rebuild.</li>"
            "</ul>"
            "<p>And weigh up the cost of doing nothing. Say someone spends five hours a week "
            "re-keying orders at £20 an hour: that's about £5,200 a year, before counting the "
            "mistakes.</p>",
        },
        {
            "type": "heading",
            "value": {
                "text": "Sometimes the cheapest answer is no-code",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": "<p>Not every job needs a custom build. If the job is simple and "
            "low-stakes, a Zapier or Make subscription and an afternoon's set-up may be all you "
            "need, and we'll say so. For common pairings there's often a ready-made connector "
            "app: most Shopify stores, for example, are well served by one (see "
            "[[sync-shopify-and-xero|How to sync Shopify and Xero]]). We compare the options "
            "in [[zapier-vs-make-vs-custom-integration|Zapier vs Make vs custom "
            "integration]].</p>",
        },
        {
            "type": "heading",
            "value": {"text": "How to get a quote you can compare", "level": "h2", "anchor": ""},
        },
        {
            "type": "text",
            "value": "<p>Quotes vary wildly when suppliers are guessing at different jobs. "
            "Give everyone the same brief and ask the same questions:</p>"
            "<ol>"
            "<li><b>Describe the job plainly.</b> Which systems, which direction, what starts "
            "it, what should happen, and roughly how many records a day or month.</li>"
            "<li><b>List the awkward cases.</b> Refunds, part-payments, discounts, VAT rates, "
            "currencies, duplicates — whatever applies to you.</li>"
            "<li><b>Ask for assumptions in writing.</b> What each supplier has assumed is in "
            "and out of scope.</li>"
            "<li><b>Separate one-off and ongoing costs.</b> Ask for both over, say, three "
            "years, so you compare the total rather than the headline.</li>"
            "<li><b>Ask what's included.</b> Testing with real data, documentation, go-live "
            "support, monitoring, and a period for fixing faults after launch.</li>"
            "<li><b>Ask who owns what.</b> The code, the hosting account and the logins should "
            "be yours, or at least transferable.</li>"
            "<li><b>Ask how failures are spotted.</b> Who is told, how quickly, and what "
            "happens next.</li>"
            "</ol>"
            "<p>Fixed-price quotes are easier to budget for, but only as good as the scope "
            "behind them. Time-based quotes suit a job that's still taking shape, as long as "
            "there's an agreed cap. Either works when the scope is written down.</p>",
        },
        {
            "type": "faq",
            "value": {
                "heading": "Frequently asked questions",
                "items": [
                    {
                        "question": "Why do integration quotes vary so much?",
                        "answer": "<p>Usually because suppliers have assumed different jobs. "
                        "One may have quoted only for the case where everything goes right, "
                        "another for full error handling, testing and monitoring. Give everyone the same written scope "
                        "and ask them to list their assumptions.</p>",
                    },
                    {
                        "question": "Will I keep paying once the integration is built?",
                        "answer": "<p>Usually, yes: hosting, monitoring and updates when the "
                        "systems you connect change their APIs, plus any app or platform "
                        "subscriptions. A good quote sets these out up front, separately from "
                        "the build.</p>",
                    },
                    {
                        "question": "Is a no-code tool always cheaper than a custom integration?",
                        "answer": "<p>For simple, low-volume jobs, usually. As volumes grow, "
                        "subscription costs rise with every run, and the time spent looking after "
                        "workflows adds up. For flows that touch money at volume, a custom "
                        "integration can cost less over a few years.</p>",
                    },
                    {
                        "question": "Do the prices in this guide include VAT?",
                        "answer": "<p>No. The price ranges in this guide exclude VAT, which is "
                        "added at the standard rate of 20%.</p>",
                    },
                ],
            },
        },
        {
            "type": "call_to_action",
            "value": {
                "heading": "Get a costed plan for your own systems",
                "text": "<p>Ranges only go so far. Our Integration Health Check is a "
                "fixed-price review: a 45-minute call, then within five working days a written "
                "plan setting out what to connect, how, what it should cost and what to leave "
                "alone. It costs £495 + VAT, and you're under no obligation to buy anything "
                "else from us.</p>",
                "button_label": "Book your Integration Health Check",
                "page": "health-check",
            },
        },
    ],
}
