"""Guide: Zapier vs Make vs Custom API Integration: Which Should You Use?"""

GUIDE = {
    "slug": "zapier-vs-make-vs-custom-integration",
    "seo_title": "Zapier vs Make vs custom integration",
    "search_description": "Zapier, Make or a custom integration? An honest comparison of cost, "
    "reliability, complexity, volume, data handling and lock-in, and when each one wins.",
    "summary": "An honest, vendor-neutral guide to choosing between Zapier, Make and custom API "
    "integration — covering cost, reliability, complexity, data volume and lock-in.",
    "short_answer": "<p>Use Zapier when you want a simple connection running today and volumes "
    "are low. Use Make when the workflow needs more logic — branches, loops, reshaping data — "
    "and you're comfortable in a visual builder. Choose a custom integration when the flow "
    "touches money, runs at high volume, needs careful error handling or is central to how your "
    "business runs. Many businesses sensibly use more than one.</p>",
    "body": [
        {
            "type": "text",
            "value": "<p>Zapier, Make and custom-built integrations all do the same basic job: "
            "they move data between your systems through their APIs. Which one is right depends "
            "less on features than on three questions: what happens when something goes wrong, "
            "how much data you're moving, and who will look after it.</p>"
            "<p>We're not paid to push either platform. We also build custom integrations, so "
            "you might expect us to favour them — we'll be straight about when you don't need "
            "one.</p>",
        },
        {
            "type": "heading",
            "value": {
                "text": "The three options in a sentence each",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": "<ul>"
            "<li><b>Zapier</b> is probably the easiest way to connect apps: pick a trigger in one app "
            '("new order") and actions in others ("create invoice"). It connects to a huge '
            "range of apps and is quick to learn. Its workflows are called Zaps.</li>"
            "<li><b>Make</b> is a visual builder: you place modules on a canvas and join them "
            "up. It's more flexible for branching, looping over lists and reshaping data, with "
            "a steeper learning curve. Its workflows are called scenarios.</li>"
            "<li><b>A custom integration</b> is code written for your job, calling each "
            "system's API directly and running on hosting that you, or your developer, "
            "control.</li>"
            "</ul>"
            "<p>Other tools sit in between — n8n, for instance, can be hosted on your own "
            "servers, and iPaaS platforms such as Workato are aimed at larger organisations — "
            "but the trade-offs below apply to them too. If the terms themselves are hazy, start "
            "with [[apis-vs-integrations-vs-automation|APIs vs integrations vs "
            "automation]].</p>",
        },
        {
            "type": "heading",
            "value": {
                "text": "Zapier, Make and custom at a glance",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "table",
            "value": {
                "caption": "Zapier, Make and a custom integration compared",
                "header": ["Factor", "Zapier", "Make", "Custom integration"],
                "rows": [
                    [
                        "Cost model",
                        "Subscription with a task allowance; each action step that runs counts",
                        "Subscription with a usage allowance; each module that runs counts",
                        "One-off build, then hosting and maintenance; no per-run platform charge",
                    ],
                    [
                        "Getting started",
                        "Minutes to hours, no code",
                        "Hours, no code, more to learn",
                        "Days to weeks, with a developer",
                    ],
                    [
                        "Complex logic",
                        "Filters, paths and code steps; gets unwieldy as it grows",
                        "Routers, loops and data tools; copes with more",
                        "Anything you can specify",
                    ],
                    [
                        "Error handling",
                        "Run history and error alerts; automatic replay on some plans",
                        "Error-handling routes you design yourself; run history",
                        "Retries, duplicate checks and alerts designed around your data",
                    ],
                    [
                        "Volume",
                        "Fine at low volumes; cost rises with every run",
                        "Also metered; compare at your real volumes",
                        "Handles high volume; running cost barely changes with volume",
                    ],
                    [
                        "Where data goes",
                        "Through Zapier's cloud",
                        "Through Make's cloud",
                        "Only where you decide",
                    ],
                    [
                        "Lock-in",
                        "Zaps can't be moved to another platform",
                        "Scenarios can't be moved to another platform",
                        "You own the code, if your contract says so",
                    ],
                    [
                        "Best for",
                        "Simple, low-stakes connections",
                        "Multi-step workflows with moderate logic",
                        "Money, volume and core processes",
                    ],
                ],
            },
        },
        {
            "type": "heading",
            "value": {"text": "Cost: how each one charges", "level": "h2", "anchor": ""},
        },
        {
            "type": "text",
            "value": "<p><b>Zapier</b> charges a subscription that includes an allowance of "
            "tasks. Broadly, each action step that runs successfully counts as a task; the "
            "trigger doesn't, and some built-in helper steps don't either. So a Zap with four "
            "action steps that runs 1,000 times a month can use up to 4,000 tasks.</p>"
            "<p><b>Make</b> also charges a subscription with a usage allowance, counted by the "
            "modules that run in each scenario. The unit and how it's counted have changed over "
            "time, so check Make's current pricing. Watch scenarios that check for new data on "
            "a schedule: a check can use allowance even when there's nothing new.</p>"
            "<p><b>A custom integration</b> turns the cost shape upside down. You pay up front "
            "for the build, then for hosting, monitoring and maintenance. At small-business "
            "volumes, running it 100 times or 100,000 times costs much the same.</p>"
            "<p>For most small jobs, no-code is cheaper, often for years. Custom starts to make "
            "financial sense when volumes push you into higher tiers, when someone spends hours "
            "each week looking after workflows, or when errors cost real money. We go through "
            "the numbers in [[api-integration-cost-uk|How much does API integration cost in "
            "the UK?]].</p>",
        },
        {
            "type": "heading",
            "value": {"text": "Reliability and error handling", "level": "h2", "anchor": ""},
        },
        {
            "type": "text",
            "value": "<p>This is the factor that matters most, and the one least visible when "
            "you're choosing. Every integration fails sometimes: an API is briefly down, a "
            "login expires, a record arrives with a field missing. What matters is what happens "
            "next.</p>"
            "<ul>"
            "<li><b>Zapier</b> stops the run at the failed step, logs it in the Zap's history "
            "and can email you. Some plans can replay failed runs automatically. What it can't "
            "always know is whether a failed step half-happened: if a step timed out after the "
            "other system had in fact created the record, a replay can create it twice.</li>"
            "<li><b>Make</b> lets you attach error-handling routes to a module — for example "
            "to ignore an error, stop the run, or store it as incomplete so it can be retried "
            "later. That's more control, but you have to design it.</li>"
            "<li><b>A custom integration</b> handles errors however you specify. For anything "
            "touching money, that should include checking before creating (so a retry never "
            "makes a duplicate), waiting and retrying when an API is busy, alerting a named "
            "person, and a daily check that the totals in both systems agree.</li>"
            "</ul>"
            "<p>The honest summary: Zapier and Make are reliable platforms. The weak point is "
            "usually the workflow built on them, which often has no protection against "
            "duplicates and nobody reading the alerts. We cover the common failure modes in "
            "[[why-integrations-fail|Why integrations fail]].</p>",
        },
        {
            "type": "heading",
            "value": {
                "text": "Complexity: where no-code gets awkward",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": "<p>Simple flows — a new form entry goes into your CRM and posts a message "
            "in Slack — are exactly what Zapier and Make are for. Signs you're outgrowing "
            "them:</p>"
            "<ul>"
            "<li>The workflow has become a maze of branches that only one person "
            "understands.</li>"
            "<li>Code steps are doing the heavy lifting anyway.</li>"
            '<li>You need to look something up, compare and decide — "does this customer '
            'already exist in Xero under a different email address?"</li>'
            "<li>You're syncing both ways and need to stop updates bouncing back and "
            "forth.</li>"
            "<li>One business event needs several workflows chained together to handle it.</li>"
            "</ul>",
        },
        {
            "type": "heading",
            "value": {"text": "Volume and speed", "level": "h2", "anchor": ""},
        },
        {
            "type": "text",
            "value": "<p>Volume affects no-code tools in two ways. The first is cost, because "
            "every run is metered. The second is speed: many triggers work by checking for new "
            "data on a schedule, and how often they check depends on your plan.</p>"
            "<p>The cost side adds up faster than people expect. Say each order triggers a Zap "
            "with five action steps and you take 50 orders a day: that's up to 250 tasks a day, "
            "or around 7,500 a month, before refunds, updates or anything else.</p>"
            "<p>A shop taking a few orders a day won't notice either problem. A business processing "
            "thousands of records a day, or loading a year of history in one go, will — and "
            "will also bump into each app's API limits, which no-code tools can only partly "
            "work around. A custom integration can batch, queue and pace its requests to suit "
            "each API.</p>",
        },
        {
            "type": "heading",
            "value": {
                "text": "Data handling: where your data goes",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": "<p>With Zapier or Make, your data passes through — and is logged by — a "
            "third party's cloud. For most business data that's fine, and both publish security "
            "and compliance information. But under UK GDPR you're responsible for knowing where "
            "personal data goes, so ask:</p>"
            "<ul>"
            "<li>Where does the platform process and store data? Options vary by vendor and "
            "plan.</li>"
            "<li>How long is run history, which contains your data, kept — and who in your team "
            "can see it?</li>"
            "<li>Is a data processing agreement in place, and is the platform in your records "
            "of processing?</li>"
            "<li>Do any workflows handle sensitive data, such as health information? Those need "
            "particular care. Card numbers shouldn't pass through automations at all.</li>"
            "<li>Which accounts are the workflows connected with? Use logins with only the "
            "access each workflow needs, and not a personal account that leaves with its "
            "owner.</li>"
            "</ul>"
            "<p>A custom integration can keep data on infrastructure you choose, such as "
            "UK-region cloud hosting, and log only what's needed. That isn't automatically more "
            "secure — it's only as good as how it's built and run — but the decisions are "
            "yours.</p>",
        },
        {
            "type": "heading",
            "value": {"text": "Lock-in and ownership", "level": "h2", "anchor": ""},
        },
        {
            "type": "text",
            "value": "<p><b>No-code:</b> your workflows live inside the platform. A Zap can't "
            "be exported to Make, or the other way round; moving means rebuilding. If prices "
            "rise or a connector changes, you adapt. The upside is that the platform's "
            "connectors are kept up to date for you when an app's API changes, which is real "
            "work you don't have to do.</p>"
            "<p><b>Custom:</b> you should own the code and the accounts it runs on — insist on "
            "both in the contract, along with documentation. Lock-in then shifts to knowledge, "
            "so make sure another developer could pick it up. The downside is that when an API "
            "changes, someone has to update your code, and you pay for it.</p>",
        },
        {
            "type": "heading",
            "value": {"text": "When each one wins", "level": "h2", "anchor": ""},
        },
        {
            "type": "text",
            "value": "<p><b>Zapier wins</b> when the job is simple, volumes are low, mistakes "
            "are cheap to fix, and you want it running this afternoon: new leads into your CRM, "
            "notifications, copying form entries into a spreadsheet.</p>"
            "<p><b>Make wins</b> when the workflow needs real logic — branches, loops over "
            "order lines, reshaping data between formats — but isn't business-critical, and "
            "someone on your team enjoys building in a visual tool.</p>"
            "<p><b>Custom wins</b> when the flow touches money or stock, runs at volume, needs "
            "rules that don't fit a template, or would hurt if it silently stopped: orders into "
            "your accounts, payments reconciled to invoices, stock kept in step across "
            "channels.</p>"
            "<p><b>Mixing them is normal.</b> Many businesses end up with a custom integration "
            "for the money flow and Zapier or Make for the dozen small jobs around it. That's a "
            "sensible place to be.</p>",
        },
        {
            "type": "callout",
            "value": {
                "kind": "tip",
                "title": "A hypothetical example",
                "text": "<p>Say you run a training company. Sending each new website booking to "
                "your CRM and a Slack channel is a perfect Zapier job. Invoicing those bookings "
                "in Xero — with VAT, part-payments, transfers between courses and refunds — is a "
                "different kind of job, and that's where a dedicated app or a custom "
                "integration earns its keep. For a worked example of a money flow, see "
                "[[connect-stripe-to-xero|How to connect Stripe to Xero]].</p>",
            },
        },
        {
            "type": "faq",
            "value": {
                "heading": "Frequently asked questions",
                "items": [
                    {
                        "question": "Is Make cheaper than Zapier?",
                        "answer": "<p>It can be, particularly for busy workflows with many "
                        "steps, but the two count usage differently and both change their "
                        "pricing from time to time. Work out your real monthly runs and steps, "
                        "and price them on each vendor's current plans.</p>",
                    },
                    {
                        "question": "Can Zapier handle payments and accounting data safely?",
                        "answer": "<p>It can move the data, and at low volumes with someone "
                        "checking the results, that can be fine. The risks are duplicates, fees "
                        "and refunds that never get recorded, and failures nobody notices. For "
                        "money flows at any real volume, we'd use a dedicated app or a custom "
                        "integration.</p>",
                    },
                    {
                        "question": "Can I start on Zapier and move to a custom integration later?",
                        "answer": "<p>Yes, and it's often a good way to prove a workflow is worth "
                        "having. The Zap becomes a useful specification, but the custom build is "
                        "written from scratch, and the switch-over needs planning so nothing is "
                        "processed twice.</p>",
                    },
                    {
                        "question": "Who looks after a custom integration once it's built?",
                        "answer": "<p>Whoever you agree in the contract: the developer who built "
                        "it, another firm, or your own team. Agree it before the build starts, "
                        "along with how failures are reported and how quickly they're fixed, and "
                        "budget for it as an ongoing cost.</p>",
                    },
                ],
            },
        },
        {
            "type": "call_to_action",
            "value": {
                "heading": "Not sure which one your workflow needs?",
                "text": "<p>We're vendor-neutral: if Zapier or Make will do the job, we'll tell "
                "you, and we'll tell you plainly when they won't. Our Integration Health Check "
                "is a 45-minute call followed, within five working days, by a written plan "
                "showing which tool fits each of your workflows and what it will cost. It's a "
                "fixed £495 + VAT.</p>",
                "button_label": "Book your Integration Health Check",
                "page": "health-check",
            },
        },
    ],
}
