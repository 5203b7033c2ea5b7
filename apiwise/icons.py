"""The site's icons (static/img/icons/<name>.svg), drawn for it: editors pick one for a service
on the home page or for a series."""

ICON_CHOICES = [
    ("api-basics", "API basics (a doorway)"),
    ("ecommerce-accounting", "Shop and accounts"),
    ("payments", "Payments"),
    ("crm", "Contacts and CRM"),
    ("no-code", "No-code tools"),
    ("costs", "Costs"),
    ("health-check", "Health Check"),
    ("call", "Video call"),
    ("plan", "Written plan"),
    ("neutral", "Vendor-neutral (scales)"),
]
