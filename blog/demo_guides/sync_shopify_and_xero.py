"""Guide: How to Sync Shopify and Xero (and Automate Your Ecommerce Accounting)."""

GUIDE = {
    "slug": "sync-shopify-and-xero",
    "seo_title": "How to sync Shopify and Xero (UK guide)",
    "search_description": "How to sync Shopify and Xero in the UK: what to sync, per-order or "
    "summary entries, payout reconciliation, A2X, Zapier or custom, and VAT gotchas.",
    "summary": "A practical UK guide to sync Shopify and Xero: what to sync, A2X vs Zapier vs "
    "custom, payout reconciliation, and the multi-currency and VAT gotchas.",
    "short_answer": "<p>For most UK Shopify stores, the best approach is to send Xero a summary "
    "of each Shopify payout — sales by VAT rate, shipping, discounts, refunds and fees — rather "
    "than every order, so each payout matches one deposit in your bank. A connector app such as "
    "A2X is built to do exactly this and suits most stores. Zapier suits very small volumes, and "
    "a custom integration makes sense when your channels, currencies or rules don't fit an "
    "app.</p>",
    "body": [
        {
            "type": "text",
            "value": "<p>Shopify and Xero are a popular pairing for UK online shops, and each "
            "is good at its job. The friction is in the middle. Shopify takes payments through "
            "more than one route, pays you in batches with its fees already deducted, and deals "
            "with refunds, discounts, gift cards and shipping in ways that don't map neatly onto "
            "invoices in Xero.</p>"
            "<p>This guide covers what to sync, the two ways of recording sales (order by order "
            "or summarised), how to make payouts reconcile, your options for doing it, and the "
            "VAT and currency points that trip stores up.</p>",
        },
        {
            "type": "heading",
            "value": {
                "text": "What to sync (and what to leave alone)",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": "<p>Think of it as a list of questions your accountant will ask, rather "
            "than a list of data to copy. Here's what each kind of Shopify data needs to become "
            "in Xero:</p>",
        },
        {
            "type": "table",
            "value": {
                "caption": "Shopify data and what Xero needs from it",
                "header": ["Data", "Where it starts", "What Xero needs"],
                "rows": [
                    [
                        "Orders and sales",
                        "Shopify",
                        "Sales income split by VAT rate, plus shipping income and discounts",
                    ],
                    [
                        "Payouts",
                        "Shopify Payments, and each other payment provider you use",
                        "Each payout as a deposit that reconciles to your bank statement",
                    ],
                    [
                        "Fees",
                        "Deducted from payouts before they reach you",
                        "Payment processing fees recorded as an expense",
                    ],
                    [
                        "Refunds and chargebacks",
                        "Shopify",
                        "Reductions in sales (and VAT), matched to the payout they came out of",
                    ],
                    [
                        "Gift cards",
                        "Shopify",
                        "A liability when sold; a sale when redeemed",
                    ],
                    [
                        "Stock",
                        "Shopify or a separate inventory system",
                        "Often nothing day to day; agree with your accountant how stock value "
                        "is recorded",
                    ],
                    [
                        "Shopify's own charges",
                        "Your Shopify bill (plan, apps, other charges)",
                        "A supplier bill, entered like any other — not part of your sales",
                    ],
                ],
            },
        },
        {
            "type": "text",
            "value": "<p>Orders, payouts, fees and refunds are the routine part. Three things "
            "need more thought.</p>",
        },
        {
            "type": "heading",
            "value": {
                "text": "Payment methods beyond Shopify Payments",
                "level": "h3",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": "<p>Shopify Payments pays into your bank in payouts. But if customers can "
            "also pay through PayPal or another outside provider, that money settles separately, "
            "on its own timetable, into its own account. Your Xero setup needs to know which "
            "payment method each order used, so that PayPal sales end up in your PayPal account "
            "in Xero rather than being expected in your bank.</p>"
            "<p>If you use an outside payment provider instead of Shopify Payments, Shopify may "
            "also charge its own transaction fee on those orders, depending on your plan. That "
            "appears on your Shopify bill rather than in a payout, so it's easy to miss — check "
            "the current details with Shopify.</p>",
        },
        {
            "type": "heading",
            "value": {"text": "Gift cards", "level": "h3", "anchor": ""},
        },
        {
            "type": "text",
            "value": "<p>Selling a gift card isn't a sale in the usual sense: you've taken "
            "money for goods you haven't supplied yet. It's normally recorded as a liability "
            "when sold, and turned into sales when the card is spent.</p>"
            "<p>The VAT treatment depends on whether the card counts as a single-purpose or a "
            "multi-purpose voucher under HMRC's rules. If a card can be spent on goods at "
            "different VAT rates, it's usually multi-purpose, and VAT is due when it's redeemed "
            "rather than when it's sold. Check with your accountant. The classic mistake is "
            "recording the gift card as a sale when it's bought and again when it's spent — the "
            "same money counted twice.</p>",
        },
        {
            "type": "heading",
            "value": {"text": "Stock", "level": "h3", "anchor": ""},
        },
        {
            "type": "text",
            "value": "<p>Xero can track stock quantities for simple setups, but Shopify, or a "
            "dedicated inventory system, is usually the better home for stock levels. Syncing "
            "every stock movement into Xero adds a lot of complexity for little benefit. Many "
            "stores keep stock out of Xero day to day and let their accountant record its value "
            "at period end. Agree the approach with your accountant before you try to sync "
            "it.</p>",
        },
        {
            "type": "heading",
            "value": {
                "text": "Per-order or summarised: the big decision",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": "<p>There are two ways to get Shopify sales into Xero:</p>"
            "<ul>"
            "<li><b>Per-order.</b> Every Shopify order becomes an invoice in Xero, with its own "
            'contact (or one general "Shopify customer"), lines, VAT and payment.</li>'
            "<li><b>Summarised.</b> Sales are totalled — usually per payout, sometimes per day — "
            "and posted to Xero as one invoice or journal, broken down by account and VAT rate: "
            "standard-rated sales, zero-rated sales, shipping, discounts, refunds, fees and gift "
            "cards.</li>"
            "</ul>",
        },
        {
            "type": "table",
            "value": {
                "caption": "Per-order versus summarised entries in Xero",
                "header": ["Aspect", "Per-order", "Summarised"],
                "rows": [
                    [
                        "Detail in Xero",
                        "Every order, customer and line",
                        "Totals by account and VAT rate; detail stays in Shopify",
                    ],
                    [
                        "Reconciling payouts",
                        "Match many invoices to each payout, plus fees and refunds",
                        "One entry per payout, so the bank line matches directly",
                    ],
                    [
                        "At high volume",
                        "Thousands of invoices and contacts; can run into API usage limits",
                        "Stays small however busy you get",
                    ],
                    [
                        "Best for",
                        "Trade customers on credit terms who need a Xero invoice",
                        "Retail orders paid at checkout: most Shopify stores",
                    ],
                ],
            },
        },
        {
            "type": "text",
            "value": "<p>For most stores, summarised is the better choice. Xero isn't your "
            "order system — Shopify is. Your accountant needs accurate totals that tie to the "
            "bank, and anyone can look up an individual order in Shopify when they need to.</p>"
            "<p>Per-order makes sense where each order genuinely needs to live in Xero: "
            "wholesale customers you invoice and chase for payment, for example. Nothing stops "
            "you doing both — summaries for retail, individual invoices for trade orders — as "
            "long as no order is recorded twice.</p>",
        },
        {
            "type": "heading",
            "value": {
                "text": "Payout reconciliation: making the bank line match",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": "<p>Shopify Payments pays you in payouts: the orders from a period, minus "
            "refunds, minus fees, minus any chargebacks or adjustments. The payout is what shows "
            "up in your bank feed. Reconciling means proving that each payout is exactly made "
            "up of entries in Xero. Two patterns work:</p>"
            "<ul>"
            "<li><b>One entry per payout.</b> The summary posted to Xero adds up to the payout — "
            "sales and shipping in, refunds and fees out — so the bank line matches it "
            "directly. This is how summary apps such as A2X treat Shopify Payments.</li>"
            '<li><b>A clearing account.</b> Sales go into a "Shopify Payments" account in Xero '
            "that works like a holding pen; fees and refunds come out; each payout is a transfer "
            "to your bank. The balance of that account should match what Shopify is holding for "
            "you. It's the usual approach for PayPal and other providers too.</li>"
            "</ul>"
            "<p>Either way, watch the month end. A sale made on the 31st may be paid out in the "
            "following month, so check how your chosen tool handles a payout that straddles "
            "two periods, and that sales land in the right VAT period.</p>",
        },
        {
            "type": "heading",
            "value": {
                "text": "Your options: connector app, Zapier or custom",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "heading",
            "value": {
                "text": "Connector apps, such as A2X",
                "level": "h3",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": "<p>Connector apps exist specifically for ecommerce accounting. A2X is a "
            "well-known example: it reads your Shopify payouts and posts a summarised entry to "
            "Xero for each one, broken down by account and tax rate, so payouts reconcile "
            "against bank deposits. Other connector apps exist (Xero's app store lists several); "
            "compare exactly what each one records for fees, refunds, gift cards "
            "and other payment methods before you decide.</p>"
            "<p>These apps charge a monthly subscription, often priced by order volume — check "
            "the current details with the vendor. For most Shopify stores with a normal setup, "
            "this is the route we'd recommend: it's quick to set up, the accounting thinking is "
            "already done, and many accountants already know how these apps work.</p>",
        },
        {
            "type": "heading",
            "value": {"text": "Zapier or Make", "level": "h3", "anchor": ""},
        },
        {
            "type": "text",
            "value": "<p>Zapier or Make can create a Xero invoice for every new Shopify order. "
            "That's per-order by design, so it brings the per-order problems with it, and it "
            "won't handle payouts, fees or gift cards without a lot of extra steps.</p>"
            "<p>It's fine for a very small store, or for side jobs around the accounts — say, "
            "adding new wholesale customers to Xero as contacts. We wouldn't build your main "
            "sales accounting on it. There's more on the trade-offs in "
            "[[zapier-vs-make-vs-custom-integration|Zapier vs Make vs custom "
            "integration]].</p>",
        },
        {
            "type": "heading",
            "value": {"text": "A custom integration", "level": "h3", "anchor": ""},
        },
        {
            "type": "text",
            "value": "<p>A custom build through the Shopify and Xero APIs makes sense when an "
            "app can't do what you need: several stores or currencies feeding one set of books, "
            "a wholesale channel with its own invoicing, bundles that need splitting across VAT "
            "rates, a warehouse or ERP system in the middle, or reporting by sales channel using "
            "Xero's tracking categories.</p>"
            "<p>You get exactly the entries your accountant wants. The trade-off is a build cost "
            "and ongoing upkeep — see [[api-integration-cost-uk|How much does API integration "
            "cost in the UK?]] for what drives both.</p>",
        },
        {
            "type": "table",
            "value": {
                "caption": "Ways to sync Shopify and Xero compared",
                "header": ["Option", "Good for", "Limitations", "Ongoing cost"],
                "rows": [
                    [
                        "Connector app (such as A2X)",
                        "Most Shopify stores, including busy ones",
                        "Works the way the app works; unusual rules may not fit",
                        "Monthly subscription, often by order volume",
                    ],
                    [
                        "Zapier or Make",
                        "Very low volumes; side jobs such as adding contacts",
                        "Per-order by default; payouts, fees and gift cards need extra work",
                        "Subscription that grows with each step run",
                    ],
                    [
                        "Custom integration",
                        "Several stores or currencies, wholesale, unusual VAT",
                        "Build cost; needs monitoring and maintenance",
                        "Hosting and support",
                    ],
                ],
            },
        },
        {
            "type": "callout",
            "value": {
                "kind": "warning",
                "title": "Switch off the old sync first",
                "text": "<p>If you move from one connection to another, make sure only one is "
                "posting sales to Xero. Two tools running side by side — say, a connector app "
                "plus an old Zap — will quietly double your sales and your VAT.</p>",
            },
        },
        {
            "type": "heading",
            "value": {
                "text": "VAT gotchas for UK Shopify stores",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": "<p>VAT is where a sync that looks fine can quietly go wrong. The points "
            "to check:</p>"
            "<ul>"
            "<li><b>Prices including VAT.</b> Most UK stores show prices with VAT included. "
            "Shopify can work either way, and your Xero entries must use the same basis: "
            "VAT-inclusive amounts posted as if they were VAT-exclusive overstate your sales by "
            "the VAT.</li>"
            "<li><b>Mixed-rate baskets.</b> If you sell standard-rated (20%) and zero-rated "
            "goods — children's clothes or books, for example — one order can contain both. "
            "Your sync must split sales by rate, not post the order total at 20%.</li>"
            "<li><b>Shipping.</b> The VAT on delivery charges generally follows the goods being "
            "delivered, so on a mixed basket it may need apportioning. Check with your "
            "accountant.</li>"
            "<li><b>Discounts.</b> A discount code reduces the VAT as well as the price, because "
            "VAT is due on what the customer actually paid. Make sure discounts are recorded "
            "against the right VAT rate.</li>"
            "<li><b>Gift cards.</b> As above: the VAT point depends on the type of voucher, so "
            "confirm the treatment with your accountant.</li>"
            "<li><b>Fees and Shopify's own charges.</b> Payment processing fees and your Shopify "
            "plan and app charges may be treated differently for VAT. Use the VAT shown on "
            "Shopify's invoices and statements, and check with your accountant.</li>"
            "<li><b>Selling abroad.</b> Sales to customers outside the UK follow different VAT "
            "rules, including schemes such as the EU's Import One-Stop Shop for low-value "
            "parcels. Make sure your Shopify tax settings and Xero tax rates agree, and take "
            "advice.</li>"
            "</ul>",
        },
        {
            "type": "heading",
            "value": {
                "text": "Multi-currency gotchas",
                "level": "h2",
                "anchor": "",
            },
        },
        {
            "type": "text",
            "value": "<p>Selling to customers abroad in their own currency adds another layer:</p>"
            "<ul>"
            "<li><b>Two amounts per order.</b> Shopify records each order both in the "
            "customer's currency and in your store's currency. Decide which one Xero should "
            "use. For most UK stores, posting sales in pounds — matching what's paid out — "
            "keeps reconciliation simple.</li>"
            "<li><b>Conversion costs.</b> Foreign-currency sales are normally converted into "
            "your store's currency before they're paid out, and the conversion has a cost. Make "
            "sure that's recorded as a cost, not lost inside your sales figure.</li>"
            "<li><b>Xero plans.</b> If you want foreign-currency sales in Xero in their own "
            "currency, you'll need a Xero plan that includes multi-currency — check the current "
            "details with Xero — and reconciliation becomes more involved.</li>"
            "<li><b>Small differences.</b> Rounding and exchange differences are normal. Agree "
            "with your accountant where they go, so they don't pile up unexplained.</li>"
            "</ul>",
        },
        {
            "type": "heading",
            "value": {"text": "How to choose", "level": "h2", "anchor": ""},
        },
        {
            "type": "text",
            "value": "<ul>"
            "<li><b>A standard store: UK customers, Shopify Payments, perhaps PayPal.</b> A "
            "connector app such as A2X, posting a summary per payout.</li>"
            "<li><b>A few orders a week, and you do your own books.</b> A simple connection, or "
            "even one summary per payout entered by hand from Shopify's payout details, is "
            "perfectly respectable.</li>"
            "<li><b>Trade customers who need Xero invoices.</b> Per-order for those orders only, "
            "alongside summaries for retail.</li>"
            "<li><b>Several stores, currencies or channels, or a warehouse system in the "
            "middle.</b> A custom integration, or a custom layer around an app.</li>"
            "</ul>"
            "<p>Before you switch anything on, agree the accounts and VAT rates with your "
            "accountant, then test on a few weeks of real payouts. If the entry for each payout "
            "doesn't equal the deposit in your bank, fix it before you go live. If you also take "
            "payments through Stripe outside Shopify, see [[connect-stripe-to-xero|How to "
            "connect Stripe to Xero]].</p>",
        },
        {
            "type": "faq",
            "value": {
                "heading": "Frequently asked questions",
                "items": [
                    {
                        "question": "Should every Shopify order become an invoice in Xero?",
                        "answer": "<p>Usually not. For retail orders paid at checkout, a summary "
                        "per payout gives your accountant accurate totals and makes each payout "
                        "reconcile in one step, while the order detail stays in Shopify. "
                        "Individual invoices make sense for trade customers you invoice and "
                        "chase for payment.</p>",
                    },
                    {
                        "question": "Why doesn't my Shopify payout match my sales in Xero?",
                        "answer": "<p>Because a payout isn't your sales. It's the orders from a "
                        "period minus refunds, fees, chargebacks and adjustments, and it may "
                        "include orders from different days or months. Record sales and fees "
                        "separately and make each payout's entries add up to the deposit.</p>",
                    },
                    {
                        "question": "Is A2X the only option for connecting Shopify and Xero?",
                        "answer": "<p>No. A2X is well known, but other connector apps exist (Xero's "
                        "app store lists several), Zapier can handle very simple "
                        "needs, and a custom integration covers unusual setups. Compare what "
                        "each records for fees, refunds, gift cards and VAT.</p>",
                    },
                    {
                        "question": "Do I need to sync Shopify stock levels into Xero?",
                        "answer": "<p>Often not. Shopify or an inventory system is usually the "
                        "better place to manage stock, and many stores let their accountant "
                        "record stock value at period end instead. Ask your accountant what they "
                        "need before adding stock to the sync.</p>",
                    },
                ],
            },
        },
        {
            "type": "call_to_action",
            "value": {
                "heading": "Want your Shopify payouts to reconcile first time?",
                "text": "<p>We're APIwise, UK-based and vendor-neutral. For many stores the "
                "answer is a well-configured connector app, and we'll say so. If your setup "
                "needs more — several stores, wholesale, unusual VAT — we'll show you what and "
                "why. Our Integration Health Check is a 45-minute call, then a written plan "
                "within five working days, for a fixed £495 + VAT.</p>",
                "button_label": "Book your Integration Health Check",
                "page": "health-check",
            },
        },
    ],
}
