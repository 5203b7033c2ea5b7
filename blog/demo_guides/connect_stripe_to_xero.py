"""Guide: How to Connect Stripe to Xero: A UK Business Guide."""

GUIDE = {
    "slug": "connect-stripe-to-xero",
    "seo_title": "How to connect Stripe to Xero (UK guide)",
    "search_description": "How to connect Stripe to Xero in the UK: charges, fees, refunds and "
    "payouts, clearing-account reconciliation, VAT on fees and which route to choose.",
    "summary": "A practical UK guide to connecting Stripe to Xero: Xero's own Stripe connections, "
    "dedicated apps, Zapier/Make and custom builds, plus fees, VAT, payouts and multi-currency "
    "gotchas.",
    "short_answer": "<p>If your customers pay invoices you raise in Xero, add Stripe as a payment "
    "service in Xero and you may need nothing else. If you take payments outside Xero — on your "
    "website, through subscriptions or payment links — every charge, fee, refund and payout "
    "needs recording too, and the cleanest way is a Stripe clearing account in Xero, fed by "
    "Xero's Stripe feed, a dedicated app or a custom integration. Zapier or Make suit low "
    "volumes where you mainly need each sale logged.</p>",
    "body": [
        {
            "type": "text",
            "value": "<p>Stripe is very good at taking money. Xero is very good at keeping "
            "books. The trouble is the bit in between. Stripe doesn't pass each sale to your bank "
            "as it happens: it collects the money, keeps its fees, nets off any refunds and sends "
            "what's left in one lump. Your bank feed then shows a single deposit that matches "
            "nothing in Xero.</p>"
            "<p>This guide explains what needs to reach Xero, the four ways to get it there, "
            "how to reconcile it without a headache, and the VAT and currency points that catch "
            "UK businesses out.</p>",
        },
        {
            "type": "heading",
            "value": {"text": "What needs to reach Xero", "level": "h2", "anchor": ""},
        },
        {
            "type": "text",
            "value": "<p>For your books to be right, Xero needs to know about five kinds of "
            "movement on your Stripe account — not just the money that lands in your bank:</p>"
            "<ul>"
            "<li><b>Charges.</b> Each successful payment from a customer, at its full (gross) "
            "amount. This is your sales income, and it's what the VAT on your sales is worked "
            "out from.</li>"
            "<li><b>Stripe fees.</b> What Stripe keeps for processing each payment, and for any "
            "other Stripe services you use. Fees are a business expense, not a reduction in your "
            "sales.</li>"
            "<li><b>Refunds.</b> Money you've sent back to customers. Refunding a sale doesn't "
            "usually get you the original processing fee back, so a refunded sale still costs "
            "you something — check Stripe's current terms for your account.</li>"
            "<li><b>Disputes.</b> When a customer's bank reverses a payment (a chargeback), "
            "Stripe takes the disputed amount out of your balance, usually with a dispute fee on "
            "top. If you win the dispute, the disputed amount comes back.</li>"
            "<li><b>Payouts.</b> The transfers from Stripe to your bank. Each payout is the net "
            "result of everything above over a period: charges, minus fees, minus refunds, minus "
            "disputes. It arrives in your bank feed as one deposit.</li>"
            "</ul>"
            "<p>A common mistake is to record only the payouts, as if they were your sales. Your "
            "income then looks smaller than it was (it's net of fees), your fees disappear from "
            "your expenses, and the figures behind your VAT return are wrong.</p>",
        },
        {
            "type": "callout",
            "value": {
                "kind": "info",
                "title": "Why one deposit never matches one sale",
                "text": "<p>Say 40 customers pay you on Monday and Tuesday, two get refunds, and "
                "Stripe takes its fees. Later that week one payout lands in your bank. No single "
                "sale in Xero matches it, so Xero needs the full breakdown.</p>",
            },
        },
        {
            "type": "heading",
            "value": {"text": "The four routes from Stripe to Xero", "level": "h2", "anchor": ""},
        },
        {
            "type": "text",
            "value": "<p>There are four broad ways to connect the two. They're tools for "
            "different jobs rather than rivals, and some businesses use two side by side.</p>",
        },
        {
            "type": "heading",
            "value": {
                "text": "Route 1: Xero's own Stripe connections",
                "level": "h3",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": "<p>Xero connects to Stripe in two ways, and they do different jobs.</p>"
            "<ul>"
            "<li><b>Stripe as a payment service on Xero invoices.</b> You add Stripe in Xero's "
            "payment services settings, and a pay-now option appears on your online invoices. "
            "When a customer pays, Xero marks the invoice as paid and can record the Stripe fee "
            "for you automatically. If you use automatic payouts, Xero can then match each payout "
            "to the payments and fees inside it. It's designed for invoices raised in Xero: "
            "refunds, chargebacks and payments taken outside Xero still need handling by "
            "hand.</li>"
            "<li><b>A Stripe feed.</b> Xero can also bring your Stripe account in as if it were a "
            "bank account, so payments, fees and payouts appear as statement lines for you to "
            "reconcile. The way you set this up has changed over time, so follow the current "
            "instructions from Xero and Stripe.</li>"
            "</ul>"
            "<p>If you invoice from Xero and customers pay by card, the payment service may be "
            "all you need, and it's where we'd start. The feed helps when you take payments "
            "elsewhere, but at any volume it means a lot of lines to code, even with Xero's bank "
            "rules doing some of the work.</p>"
            "<p>One caution: you may come across settings for passing the card fee on to your "
            "customer as a surcharge. In the UK you generally can't charge consumers extra for "
            "paying by card, so check the rules before you consider it.</p>",
        },
        {
            "type": "heading",
            "value": {
                "text": "Route 2: a dedicated reconciliation app",
                "level": "h3",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": "<p>Some apps exist purely to turn payment-provider activity into tidy "
            "accounting entries; Synder is one well-known example that works with Stripe and "
            "Xero. Apps of this kind typically post your Stripe activity through a clearing "
            "account, let you map products to Xero accounts and tax rates, and can post either "
            "each transaction or a summary, so that payouts reconcile in one step.</p>"
            "<p>They suit businesses selling online through Stripe at a steady volume, with "
            "fairly standard rules. Features and prices vary, so check how each app records "
            "refunds, disputes, VAT and currencies — ideally with a month of real data in a "
            "trial.</p>",
        },
        {
            "type": "heading",
            "value": {"text": "Route 3: Zapier or Make", "level": "h3", "anchor": ""},
        },
        {
            "type": "text",
            "value": "<p>A Zap or a Make scenario can watch for new Stripe payments and create a "
            "matching invoice, payment or bank transaction in Xero. It's quick to set up and "
            "fine for low volumes where you mainly want each sale to appear in your books.</p>"
            "<p>The catch is everything around the sale. Fees, refunds, disputes and payouts "
            "each need their own steps, and you have to build the clearing-account logic "
            "yourself. A retried run can create a duplicate, and every step that runs counts "
            "towards your plan's allowance, so costs climb with volume. We compare the options "
            "in [[zapier-vs-make-vs-custom-integration|Zapier vs Make vs custom "
            "integration]].</p>",
        },
        {
            "type": "heading",
            "value": {
                "text": "Route 4: a custom build through both APIs",
                "level": "h3",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": "<p>Stripe and Xero both have well-documented APIs. A custom integration "
            "can ask Stripe for the full breakdown of each payout — every charge, fee, refund "
            "and dispute inside it — and post exactly the entries your accountant wants into "
            "Xero: invoice-level detail or one summary per payout, tracking categories, several "
            "Stripe accounts or currencies.</p>"
            "<p>It's the right answer when your rules don't fit an off-the-shelf app — say, "
            "Stripe subscriptions that must match invoices raised in another system, or a "
            "platform that takes payments on behalf of others. It costs more up front and needs "
            "looking after; see [[api-integration-cost-uk|How much does API integration cost in "
            "the UK?]].</p>",
        },
        {
            "type": "table",
            "value": {
                "caption": "The routes from Stripe to Xero compared",
                "header": ["Route", "Best for", "Watch out for", "Cost shape"],
                "rows": [
                    [
                        "Xero's Stripe payment service",
                        "Customers paying invoices you raise in Xero",
                        "Only covers payments made on Xero invoices; refunds and chargebacks "
                        "are handled by hand",
                        "Stripe's normal fees; no connector subscription",
                    ],
                    [
                        "Stripe feed in Xero",
                        "Seeing every Stripe movement in Xero",
                        "Many lines to code and reconcile as volume grows",
                        "Mainly your time reconciling",
                    ],
                    [
                        "Dedicated app",
                        "Online sales through Stripe at steady volume",
                        "How it handles refunds, disputes, VAT and currencies",
                        "Monthly subscription, often tiered by volume",
                    ],
                    [
                        "Zapier or Make",
                        "Low volumes where you just need each sale logged",
                        "Fees, refunds and payouts need extra steps; duplicates on retries",
                        "Subscription that grows with the number of steps run",
                    ],
                    [
                        "Custom build",
                        "Unusual rules, high volume, several accounts or currencies",
                        "Needs monitoring and occasional updates",
                        "One-off build plus ongoing support",
                    ],
                ],
            },
        },
        {
            "type": "heading",
            "value": {
                "text": "Clearing-account reconciliation, explained simply",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": "<p>The cleanest way to handle Stripe in Xero is to treat your Stripe "
            "balance as another bank account — because, in effect, it is. Stripe holds your "
            "money until your next payout, which is usually days rather than weeks, depending "
            "on your payout schedule. Accountants call this a clearing "
            "account: somewhere money passes through on its way to your real bank, like a "
            "holding pen.</p>"
            '<p>In Xero, that means an account called something like "Stripe", with every '
            "movement recorded in it:</p>"
            "<ol>"
            "<li>Each charge goes in as money received, against your sales account with the "
            "right VAT rate.</li>"
            "<li>Each Stripe fee comes out as an expense.</li>"
            "<li>Each refund, and each dispute, comes out too.</li>"
            "<li>Each payout is recorded as a transfer from the Stripe account to your business "
            "bank account.</li>"
            "</ol>"
            "<p>When a payout appears in your bank feed, you match it to that transfer in one "
            "step, rather than hunting for the sales it contains. Better still, the balance of "
            "the Stripe account in Xero should equal the balance in your Stripe dashboard. If it "
            "doesn't, something's missing — and you know where to look.</p>",
        },
        {
            "type": "table",
            "value": {
                "caption": "A hypothetical week through a Stripe clearing account (figures "
                "made up for illustration, not Stripe's rates)",
                "header": ["Movement", "Amount", "Stripe account balance in Xero"],
                "rows": [
                    ["Opening balance", "—", "£0.00"],
                    ["30 card sales, at their gross amount", "+£1,500.00", "£1,500.00"],
                    ["Stripe fees on those sales", "−£40.00", "£1,460.00"],
                    ["One refund", "−£60.00", "£1,400.00"],
                    ["Payout to your business bank account", "−£1,400.00", "£0.00"],
                ],
            },
        },
        {
            "type": "text",
            "value": "<p>In real life the balance rarely drops to zero, because newer sales are "
            "still waiting to be paid out. That's fine. What matters is that it matches "
            "Stripe.</p>",
        },
        {
            "type": "callout",
            "value": {
                "kind": "tip",
                "title": "Keep Stripe on automatic payouts",
                "text": "<p>Stripe can only tell you exactly which transactions make up a payout "
                "when payouts are automatic, on a schedule. If you trigger payouts by hand, "
                "Stripe can't tie them to transactions, and reconciling becomes much harder — "
                "for you, for Xero and for any app you use.</p>",
            },
        },
        {
            "type": "heading",
            "value": {
                "text": "VAT on Stripe fees and on your sales",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": "<p>Two separate VAT questions come up, and it helps to keep them "
            "apart.</p>"
            "<p><b>VAT on your sales.</b> The VAT you owe is based on what your customer paid, "
            "not on what Stripe paid out. If you sell at the UK standard rate of 20%, a £120 sale "
            "includes £20 of VAT however much Stripe kept in fees. So sales need to reach Xero at "
            "their gross amount, with the right tax rate.</p>"
            "<p>Here's the snag: Stripe often doesn't know the VAT on a payment. Unless you bill "
            "through Stripe invoices with tax rates set, or use Stripe Tax, a payment is just an "
            "amount. Whatever connects Stripe to Xero has to work out the rate from somewhere — "
            "the product, the customer's country or the original order. Check this carefully if "
            "you sell anything zero-rated or to customers abroad.</p>"
            "<p><b>VAT on Stripe's fees.</b> Card processing is a financial service, and in the "
            "UK Stripe's processing fees are generally exempt from VAT, so there's normally no "
            "VAT to reclaim on them. Other Stripe products may be treated differently. Check "
            "the fee details Stripe provides for your account, and ask your accountant which "
            "VAT code each type of fee should carry in Xero.</p>",
        },
        {
            "type": "heading",
            "value": {
                "text": "Multi-currency: when customers pay in euros or dollars",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": "<p>Stripe can take payments in many currencies. What happens next depends "
            "on how your account is set up:</p>"
            "<ul>"
            "<li><b>Converted to pounds.</b> By default, Stripe converts a foreign-currency "
            "payment into your settlement currency — pounds, for most UK businesses — and charges "
            "for the conversion. The customer paid in euros, but you received pounds, so your "
            "integration has to decide which figure goes into Xero and where any difference "
            "goes.</li>"
            "<li><b>Held in the foreign currency.</b> For supported currencies, Stripe can also "
            "pay out in that currency if you add a bank account in it, which avoids the "
            "conversion. "
            "You'd then want a separate Stripe clearing account in Xero for each currency.</li>"
            "</ul>"
            "<p>Xero only handles foreign currencies on some of its plans, so check the current "
            "details with Xero first. This is also where off-the-shelf tools differ most: test "
            "with real foreign-currency payments and refunds before you rely on one.</p>",
        },
        {
            "type": "heading",
            "value": {"text": "How to choose your route", "level": "h2", "anchor": ""},
        },
        {
            "type": "text",
            "value": "<p>Start from how your customers pay you:</p>"
            "<ul>"
            "<li><b>You invoice from Xero and customers pay by card.</b> Use Xero's Stripe "
            "payment service. It's the simplest option and may be all you need.</li>"
            "<li><b>You sell online through Stripe in any real volume.</b> Use a clearing "
            "account, fed by a dedicated app or the Stripe feed.</li>"
            "<li><b>You take a handful of Stripe payments a month.</b> Zapier or Make can log "
            "them, as long as someone still accounts for fees and reconciles payouts.</li>"
            "<li><b>You have several Stripe accounts, unusual rules or high volumes.</b> A "
            "custom integration is likely to pay for itself in time saved and errors "
            "avoided.</li>"
            "</ul>"
            "<p>Whichever you pick, two tests tell you it's working: each payout matches one "
            "entry in Xero, and the Stripe account in Xero shows the same balance as Stripe. If "
            "you also sell through Shopify, the same thinking applies to its payouts: see "
            "[[sync-shopify-and-xero|How to sync Shopify and Xero]]. And because connections "
            "can quietly stop working, read [[why-integrations-fail|why integrations fail]] "
            "before you set one up and forget it.</p>",
        },
        {
            "type": "faq",
            "value": {
                "heading": "Frequently asked questions",
                "items": [
                    {
                        "question": "Can I just record Stripe payouts as sales in Xero?",
                        "answer": "<p>You can, but your books will be wrong. Payouts are net of "
                        "fees and refunds, so your sales will be understated, your fees won't "
                        "show as expenses, and the figures behind your VAT return will be off. "
                        "Record gross sales and fees separately, through a Stripe clearing "
                        "account, and treat each payout as a transfer to your bank.</p>",
                    },
                    {
                        "question": "Do Stripe's fees include VAT in the UK?",
                        "answer": "<p>Card processing fees are generally exempt from VAT in the "
                        "UK, so there's usually no VAT to reclaim on them. Other Stripe products "
                        "may be treated differently, so check the fee details in your Stripe account "
                        "and confirm the right VAT codes with your accountant.</p>",
                    },
                    {
                        "question": "Will Xero's Stripe payment service record my website sales?",
                        "answer": "<p>No. It records payments customers make on invoices you "
                        "raise in Xero. Sales taken on your website, through Stripe subscriptions "
                        "or through payment links happen outside Xero, so you need the Stripe "
                        "feed, an app or a custom integration to bring them in.</p>",
                    },
                    {
                        "question": "How do I record a Stripe chargeback in Xero?",
                        "answer": "<p>Stripe takes the disputed amount, usually plus a dispute "
                        "fee, out of your balance, so your next payout is smaller. Record both "
                        "coming out of your Stripe clearing account — the fee as an expense, and "
                        "the amount against whichever account your accountant prefers. If you "
                        "win, record the returned amount coming back in.</p>",
                    },
                ],
            },
        },
        {
            "type": "call_to_action",
            "value": {
                "heading": "Want Stripe and Xero to agree every time?",
                "text": "<p>We're APIwise, UK-based and vendor-neutral. If Xero's own Stripe "
                "connection or an off-the-shelf app will do the job, we'll tell you; if you "
                "need something built, we'll explain why. Our fixed-price Integration Health "
                "Check is a 45-minute call, followed within five working days by a written plan "
                "covering how your Stripe payments should reach Xero, what it will cost and what "
                "to leave alone. It's £495 + VAT.</p>",
                "button_label": "Book your Integration Health Check",
                "page": "health-check",
            },
        },
    ],
}
