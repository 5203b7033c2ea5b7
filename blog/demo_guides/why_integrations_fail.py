"""Guide: Why Integrations Fail (and How to Build Ones That Last)."""

GUIDE = {
    "slug": "why-integrations-fail",
    "seo_title": "Why integrations fail and how to make them last",
    "search_description": (
        "Why business integrations break or quietly stop working, from API changes and "
        "expired tokens to duplicates, and how to build ones that last."
    ),
    "summary": (
        "Why business integrations break or quietly stop working — the real failure modes "
        "(API changes, token expiry, rate limits, data drift, no monitoring) and how to keep "
        "them alive."
    ),
    "short_answer": (
        "<p>Most integrations don't fail on the day they're built. They fail months later, "
        "and quietly. The usual causes are an API that changed, access that expired, too "
        "many requests too quickly, data that no longer fits the rules it was built for, and "
        "duplicates from retries — made worse when nobody is watching and nobody owns the "
        "connection. Integrations that last are built expecting every one of these.</p>"
    ),
    "body": [
        {
            "type": "text",
            "value": (
                "<p>An integration that worked perfectly in testing can be broken for weeks before "
                "anyone notices. Usually it's spotted at month-end, when the bank balance and the "
                "accounts don't agree, or when a customer asks why they've been invoiced "
                "twice.</p><p>This guide covers the common ways integrations fail, in plain English: "
                "what each one looks like from your side of the desk, and what a well-built "
                "integration does about it. It applies whether your connection was built in Zapier "
                "or Make, came as a ready-made app, or was written as custom code.</p>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "The real problem: quiet failure",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>Loud failures are the easy kind. If the connection between your shop and your "
                "accounts stops completely, someone soon notices the invoices have dried "
                "up.</p><p>The expensive failures are the quiet ones: one order in fifty that "
                "doesn't come across, a refund recorded as a sale, a customer created twice, a "
                "connection that stopped on a Friday and wasn't missed until the VAT return. Most of "
                "the causes below are quick to fix if they're spotted the same day. Found three "
                "months later, it means unpicking the books.</p><p>That's why the last two sections, "
                "on monitoring and ownership, matter most.</p>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "1. The API changed underneath you",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>An API is a contract between the system and everyone who connects to it. But "
                "vendors improve their products, and sometimes the contract changes: a field is "
                "renamed, an old feature is retired, a new required field appears.</p><p>Good "
                "vendors manage this with <b>versioning</b>: they publish numbered or dated versions "
                "of their API, give notice before retiring an old one, and keep a public changelog. "
                "Shopify, for example, releases a new API version every quarter and supports each "
                "one for at least twelve months, at the time of writing. That's sensible and "
                "predictable, but it means an integration that's never updated will eventually be "
                "running on an unsupported version.</p><p>Even changes that aren't meant to break "
                "anything can catch out a fragile integration: a new payment status it has never "
                "seen, say, or an extra field in a reply.</p><p><b>What lasts:</b> integrations that "
                "name the API version they use, someone who reads the vendors' developer changelogs, "
                "and a small budget each year for keeping up. Connections built to ignore things "
                "they don't recognise, rather than fall over, survive change far better.</p>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "2. The connection's access expired",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                '<p>Most modern business APIs use OAuth — the approval step behind "Connect to…" '
                "buttons. Instead of your password, the integration holds <b>tokens</b>: a "
                "short-lived access token for making requests, and a longer-lived refresh token for "
                "getting new access tokens.</p><p>Xero is a good example. At the time of writing its "
                "access tokens last 30 minutes, so an integration has to refresh them constantly. "
                "Each refresh hands back a new refresh token that must be saved in place of the old "
                "one, and a refresh token that goes unused for 60 days expires. Miss either of those "
                "details and the connection locks itself out.</p><p>Access also breaks for human "
                "reasons:</p><ul><li>The connection was authorised with the login of someone who has "
                "since left, and their account has been removed.</li><li>A seasonal business's "
                "integration sits idle over the quiet months, and the access lapses before the busy "
                "season starts.</li><li>Someone tidying up the list of connected apps disconnects "
                "one they don't recognise.</li></ul><p><b>What lasts:</b> token handling that's been "
                "tested properly, an immediate alert when access fails (rather than silent retries), "
                "connections authorised through an account the business controls rather than one "
                "person's login, and a written note of which connection uses which account.</p>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "3. Rate limits: asking too much, too fast",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>APIs limit how many requests an app can make in a given time, so one busy "
                "connection can't slow the system down for everyone else. Xero, at the time of "
                "writing, allows an app 60 calls a minute and 5,000 a day for each connected "
                "organisation. Other providers set limits of their own.</p><p>When an integration "
                'goes over, the API turns requests away — usually with an error called "429 Too Many '
                "Requests\" — until the limit resets. If the integration doesn't handle that, work is "
                "simply lost.</p><p>The trap is that limits rarely bite in testing. An integration "
                "that copes easily with 30 orders a day can fall over during a sale, or when asked "
                "to load two years of history in one go.</p><p><b>What lasts:</b> a queue, so work "
                "waits its turn rather than disappearing; retries that wait and try again later; "
                "fewer, larger requests where the API allows it; and webhooks — messages the system "
                'sends when something happens — instead of asking "anything new?" every few '
                "seconds.</p>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "4. Data drift: the business moves on, the mapping doesn't",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>Every integration contains a <b>mapping</b>: a set of rules that says how "
                "information in one system becomes information in the other. This product category "
                "goes to that sales account; this tax setting becomes that VAT rate.</p><p>The "
                "mapping is correct on the day it's built. Then the business changes:</p><ul><li>You "
                "add a product range, and there's no rule for its category.</li><li>Your accountant "
                "tidies up the chart of accounts, and an account the integration posts to is "
                "archived.</li><li>You start selling abroad, and orders arrive in a new "
                "currency.</li><li>A VAT rate changes, as happened with the UK's temporary reduced "
                "rates for hospitality between 2020 and 2022.</li><li>Someone renames a custom field "
                "in HubSpot or Pipedrive that the integration relies on.</li></ul><p>A badly built "
                "integration guesses, or quietly skips the record. Either way, your books drift from "
                "reality one transaction at a time.</p><p><b>What lasts:</b> integrations that check "
                "the data before sending it and stop loudly when something doesn't fit, rather than "
                "guessing; a mapping you can see and change without a developer; and a habit of "
                'asking "does this affect the integration?" whenever you change your accounts, '
                "products or sales channels.</p>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "5. Duplicates, gaps and the retry problem",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>Picture this: your integration asks Xero to create an invoice. Xero creates it, "
                "but the reply gets lost on the way back. The integration, seeing no reply, assumes "
                "it failed and tries again. Now you have two invoices.</p><p>Duplicates can also "
                "arrive from the other side. Stripe and Shopify both say in their documentation that "
                "the same webhook can occasionally be delivered more than once, so an integration "
                "must be ready to see the same event twice.</p><p>The fix has a technical name, "
                "<b>idempotency</b>, which simply means that doing the same thing twice has the same "
                "effect as doing it once. In practice:</p><ul><li>Give every record a unique "
                "reference from the source system — the Shopify order number, say — and check "
                "whether it already exists before creating it.</li><li>Where the API supports them, "
                "use idempotency keys: a unique label attached to a request, so that a repeated "
                "request isn't acted on twice. Stripe's API supports these, for "
                "example.</li><li>Record what's been processed, so the integration knows where it "
                "got up to.</li></ul><p>The opposite problem, gaps, comes from giving up too easily: "
                "one failed request that nobody retries means one order that never reaches the "
                "accounts. A good integration retries safely — which is only possible once "
                "duplicates are under control.</p>"
            ),
        },
        {
            "type": "callout",
            "value": {
                "kind": "warning",
                "title": "Duplicates are worse when money is involved",
                "text": (
                    "<p>A duplicate contact is an annoyance. A duplicate invoice, payment or refund can "
                    "mean a customer charged twice or VAT overstated. Any integration that touches money "
                    "should be able to show you how it prevents duplicates.</p>"
                ),
            },
        },
        {
            "type": "heading",
            "value": {
                "text": "6. Nobody is watching",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>Most of the failures above are cheap to fix if they're caught the same day. The "
                "real damage comes from not knowing. Plenty of integrations have no monitoring at "
                "all, and the first alert is a confused customer or an accountant asking "
                "questions.</p><p>Good monitoring needn't be elaborate:</p><ul><li><b>Failure "
                "alerts</b> that reach a person or a shared inbox someone actually reads — not the "
                'mailbox of the freelancer who built it.</li><li><b>A "nothing happened" alert.</b> '
                "If the shop usually takes orders every day and no invoices have been created since "
                "yesterday, that's worth a message, even though nothing technically "
                "failed.</li><li><b>A regular reconciliation check.</b> Do the number and value of "
                "orders in Shopify match the invoices in Xero for the week? A simple count catches "
                "most quiet failures.</li><li><b>Readable logs</b>, so you can see what happened to "
                "a particular order.</li></ul><p>Zapier and Make both keep a history of runs and can "
                "notify you about errors. That helps, but only if the notifications go somewhere "
                "that's watched.</p>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "7. Nobody owns it",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>This is the failure behind the failures. Integrations often start as someone's "
                "side project: a Zapier workflow set up in one person's own account, a plug-in "
                "installed by a web agency, a script written by a freelancer who has since moved on. "
                "Nobody wrote down what it does. Nobody's job includes looking after it. Sometimes "
                "nobody remembers it exists until it breaks.</p><p>Ownership means three "
                "things:</p><ul><li><b>A named person in the business</b> who is responsible for the "
                'outcome — "orders reach the accounts correctly" — and who gets the '
                "alerts.</li><li><b>Someone technical who can fix it</b>, whether that's an employee "
                "or a supplier, with an agreed way of asking for help.</li><li><b>Accounts and "
                "credentials the business controls</b>, stored safely, plus a short document "
                "explaining what the integration does and what to do when it stops.</li></ul>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "The failure modes at a glance",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "table",
            "value": {
                "caption": "Why integrations fail: the signs and the prevention",
                "header": [
                    "Failure mode",
                    "What you tend to notice",
                    "What prevents it",
                ],
                "rows": [
                    [
                        "API changes",
                        "Errors after a vendor update; a field suddenly blank",
                        "Named API versions, watching changelogs, a yearly maintenance budget",
                    ],
                    [
                        "Expired access",
                        "Everything stops; an app asks you to reconnect",
                        "Tested token handling, alerts on access errors, business-owned accounts",
                    ],
                    [
                        "Rate limits",
                        "Failures during busy periods or big imports",
                        "Queues, retries that back off, webhooks instead of constant checking",
                    ],
                    [
                        "Data drift",
                        "Records in the wrong account, or missing altogether",
                        "Checks that stop loudly, a visible mapping, reviews when the business changes",
                    ],
                    [
                        "Duplicates and gaps",
                        "Double invoices, or orders that never arrive",
                        "Unique references, idempotency keys, safe retries",
                    ],
                    [
                        "No monitoring",
                        "Problems found at month-end or by customers",
                        'Alerts, "nothing happened" checks, regular reconciliation',
                    ],
                    [
                        "No ownership",
                        "Nobody knows who to call, or how it works",
                        "A named owner, a technical contact, written documentation",
                    ],
                ],
            },
        },
        {
            "type": "heading",
            "value": {
                "text": "How to build integrations that last",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<p>Whether you're commissioning a new integration or reviewing an old one, this is "
                "the list to check it against:</p><ul><li><b>It expects failure.</b> Work is queued, "
                "retried safely and never silently dropped.</li><li><b>It can't create "
                "duplicates.</b> Every record carries a unique reference that's checked before "
                "anything is created.</li><li><b>It stops loudly.</b> Data that doesn't fit the "
                "rules is held back and reported, not guessed at.</li><li><b>It tells someone.</b> "
                "Failures, and unexpected silences, reach a named person quickly.</li><li><b>It can "
                "be checked.</b> A regular reconciliation compares the two systems.</li><li><b>It's "
                "been tested properly</b>, including refunds, part-payments and other awkward cases, "
                "on test data or a sandbox before going live. Xero's demo company and Stripe's test "
                "mode exist for exactly this.</li><li><b>It's owned and documented</b>, with "
                "credentials held by the business.</li><li><b>It has a maintenance plan</b> — and a "
                "budget — for the API changes that will come.</li></ul><p>None of this is exotic: "
                "it's the difference between a connection built for a demo and one built to run for "
                "years. If you're weighing up tools, our comparison of "
                "[[zapier-vs-make-vs-custom-integration|Zapier, Make and custom integration]] covers "
                "how well each handles these points, and [[api-integration-cost-uk|what API "
                "integration costs in the UK]] includes the ongoing maintenance most quotes leave "
                "out.</p>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "Already have an integration? Five questions to ask",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": (
                "<ol><li>If it stopped working this morning, how long before anyone "
                "noticed?</li><li>Who gets told when it fails — and do they still work "
                "here?</li><li>Whose login is it connected through?</li><li>When did it last go "
                "wrong, and how was that discovered?</li><li>Who would fix it, and do they have "
                "everything they need to do so?</li></ol><p>If any answer is \"I'm not sure\", that's "
                "the place to start. For worked examples of the details that trip integrations up, "
                "see our guides on [[connect-stripe-to-xero|connecting Stripe to Xero]] and "
                "[[sync-shopify-and-xero|syncing Shopify and Xero]].</p>"
            ),
        },
        {
            "type": "call_to_action",
            "value": {
                "heading": "Worried an integration is quietly failing?",
                "text": (
                    "<p>We're APIwise — UK-based and vendor-neutral, so we've no tool to sell you. Our "
                    "fixed-price Integration Health Check looks at the connections you already rely on, "
                    "whether they're built in Zapier, Make, a ready-made app or custom code, and checks "
                    "them against the failure modes in this guide.</p><p>It's a 45-minute call, then a "
                    "written plan within five working days setting out what's at risk and what to fix "
                    "first, for £495 + VAT.</p>"
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
                        "question": "Why has my Xero connection suddenly asked me to reconnect?",
                        "answer": (
                            "<p>Usually because the connection's access has lapsed. Common reasons are that it "
                            "sat unused long enough for its refresh token to expire, the person who authorised "
                            "it lost access to the organisation, or someone disconnected the app. Reconnecting "
                            "fixes it for now; an alert when access fails stops it happening silently next "
                            "time.</p>"
                        ),
                    },
                    {
                        "question": "Are Zapier and Make integrations less reliable than custom ones?",
                        "answer": (
                            "<p>Not inherently. They handle a lot of the plumbing well, and for simpler, "
                            "lower-stakes jobs they're often the right choice. They're weaker when you need "
                            "careful duplicate prevention, complex rules or high volumes, and they're only as "
                            "well monitored and owned as you make them.</p>"
                        ),
                    },
                    {
                        "question": "How much maintenance does an integration need?",
                        "answer": (
                            "<p>It varies with how many systems are involved and how often they change, but plan "
                            "for some every year. APIs change, access needs renewing and your own business "
                            "changes. An integration with no maintenance plan isn't finished; it's just "
                            "waiting.</p>"
                        ),
                    },
                    {
                        "question": "Can a failing integration be fixed, or does it need rebuilding?",
                        "answer": (
                            "<p>Most can be fixed. Adding monitoring, duplicate checks and proper ownership is "
                            "usually far cheaper than starting again. A rebuild makes sense when the original "
                            "was built on a personal account, can't be documented, or can't handle your current "
                            "volumes.</p>"
                        ),
                    },
                ],
            },
        },
    ],
}
