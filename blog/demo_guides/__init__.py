"""The demo's complete guides beyond the reference article, one module each, in the reference
article's voice. Each GUIDE holds the guide's text; its title, date and topics are in
blog/demo_content.py's list of guides. `[[slug|text]]` marks a link to another page."""

from blog.demo_guides import (
    api_integration_cost_uk,
    connect_stripe_to_xero,
    do_i_need_an_api,
    sync_shopify_and_xero,
    what_can_apis_do_for_your_business,
    what_is_an_api,
    why_integrations_fail,
    zapier_vs_make_vs_custom_integration,
)

GUIDES = {
    module.GUIDE["slug"]: module.GUIDE
    for module in (
        what_is_an_api,
        what_can_apis_do_for_your_business,
        do_i_need_an_api,
        why_integrations_fail,
        connect_stripe_to_xero,
        sync_shopify_and_xero,
        zapier_vs_make_vs_custom_integration,
        api_integration_cost_uk,
    )
}
