"""The geometry of the report's bar chart, drawn on the server as SVG
(templates/bookings/admin/includes/bar_chart.svg.html): no chart library in the browser.

Each row gets its name on a line of its own (full width, so long guide titles fit), followed by
its views and how many of those readers asked for a Health Check, and two bars under it:
requests and "became a client", on one scale so they compare at a glance. (Views are written,
not drawn: a guide read thousands of times would shrink the request bars to nothing.)
"""

from dataclasses import dataclass

from django.utils.text import Truncator

WIDTH = 720
MARGIN = 8
NUMBER_SPACE = 48  # room right of the longest bar for its number
LABEL_HEIGHT = 20
BAR_HEIGHT = 14
BAR_GAP = 4
ROW_GAP = 14
LEGEND_HEIGHT = 28
MAX_ROWS = 15  # the chart shows the top of the ranking; the table has every row
LABEL_CHARS = 90

# The site's palette (static/css/site.css), on a white ground whatever the admin's theme:
# ink 15.6:1 for text; brand 11.6:1 and accent 5.5:1 for the bars (3:1 needed).
COLOURS = {"background": "#ffffff", "text": "#1a2330", "requests": "#0b3d5c", "clients": "#b34700"}
SERIES = (("requests", "Requests"), ("clients", "Became clients"))


@dataclass
class Bar:
    series: str
    colour: str
    y: int
    width: int
    value: int
    text_x: int
    text_y: int


@dataclass
class ChartRow:
    label: str
    detail: str  # "1,234 views, 0.8 % requested"
    label_y: int
    bars: list


def reading_detail(row):
    return f"{row.views:,} view{'s' if row.views != 1 else ''}, {row.request_rate} requested"


def bar_chart(rows):
    """Positions for the top MAX_ROWS rows: a dict for the template, or None for no rows."""
    rows = list(rows)[:MAX_ROWS]
    if not rows:
        return None
    longest = max(max(row.requests, row.clients) for row in rows) or 1
    scale = (WIDTH - 2 * MARGIN - NUMBER_SPACE) / longest
    chart_rows = []
    y = MARGIN + LEGEND_HEIGHT
    for row in rows:
        label_y = y + LABEL_HEIGHT - 6
        y += LABEL_HEIGHT
        bars = []
        for series, _ in SERIES:
            value = getattr(row, series)
            width = round(value * scale)
            bars.append(
                Bar(
                    series=series,
                    colour=COLOURS[series],
                    y=y,
                    width=width,
                    value=value,
                    text_x=MARGIN + width + 6,
                    text_y=y + BAR_HEIGHT - 3,
                )
            )
            y += BAR_HEIGHT + BAR_GAP
        detail = reading_detail(row)
        label = Truncator(row.label).chars(LABEL_CHARS - len(detail))
        chart_rows.append(ChartRow(label=label, detail=detail, label_y=label_y, bars=bars))
        y += ROW_GAP
    legend = [
        {"label": label, "colour": COLOURS[series], "x": MARGIN + index * 160}
        for index, (series, label) in enumerate(SERIES)
    ]
    return {
        "width": WIDTH,
        "height": y,
        "margin": MARGIN,
        "bar_height": BAR_HEIGHT,
        "colours": COLOURS,
        "legend": legend,
        "rows": chart_rows,
        "shown": len(chart_rows),
    }
