"""First-party reading figures without cookies (README: "Reading figures").

- `beacon.py`: what a page view sends (static/js/page-view.js) and which ones count;
- `varnish_counter.py`: the beacons Varnish answered itself, counted from its log;
- `store.py`: counts held for at most a minute, in Redis or in this process;
- `flush.py`: the counts written to PostgreSQL as per-page, per-day, per-source rows, and the
  daily rows older than the retention rolled into monthly ones;
- `queries.py`: views per page over dates, for the reports built on them.
"""
