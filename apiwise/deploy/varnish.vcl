vcl 4.1;

import std;
# The caching proxy in front of gunicorn (docker-compose.yml's `proxy` service). It is the
# only service that takes traffic from outside, so the X-Forwarded-For it appends is the one
# the site trusts (TRUSTED_PROXY_COUNT=1 for this file alone; add one for each load balancer
# or CDN in front of it).
#
# What it caches is the site's decision: a response marked `Cache-Control: public` with no
# cookie. Anything personal (the admin, a visitor's booking, anyone with a session) passes
# straight through. Editors' publishes purge pages here (Wagtail's frontend cache, PURGE).

backend web {
    .host = "web";
    .port = "8000";
    .connect_timeout = 5s;
    .first_byte_timeout = 60s;
    .probe = {
        .url = "/healthz";
        .interval = 5s;
        .timeout = 2s;
        .window = 5;
        .threshold = 3;
    }
}

# Who may purge: the web service (Wagtail sends PURGE when a page is published).
acl purgers {
    "web";
    "127.0.0.1";
}

sub vcl_recv {
    # The page-view beacon (static/js/page-view.js: POST /views/?p=%2F...&d=..., no body).
    # One that looks well formed is answered here, 204, and never reaches Python: the
    # `counter` service reads it from Varnish's shared-memory log (by the std.log mark;
    # apiwise/analytics/varnish_counter.py) and decides there, by the site's own rules,
    # whether it counts. Anything else (an older page's form body, a malformed or oversized
    # address, another method) goes to the site, which answers with what is wrong; never
    # cached. Nothing is written to disk here: the log lives in memory.
    if (req.url ~ "^/views/") {
        if (req.method == "POST"
            && req.url ~ "^/views/\?p=(%2F|/)[^?#]{0,1500}$"
            && req.url !~ "^/views/\?p=(%2F|/)(%2F|/)"
            && req.url ~ "&d=[mtd](&|$)"
            && !req.http.Transfer-Encoding
            && (!req.http.Content-Length || req.http.Content-Length == "0")) {
            std.log("page-view");
            return (synth(204));
        }
        return (pass);
    }
    # The address a copy is stored under: without tracking parameters (a campaign's utm_*,
    # ad-click ids), with the rest in one order. Without this, every click from a campaign
    # would be a new copy, and a loop of random ids would fill the cache. The site gets the
    # address as sent (its booking form records the utm_* values), and stores one copy per
    # value of the parameters a page reads (apiwise/query_params.py).
    set req.http.X-Cache-Url = std.querysort(regsuball(req.url,
        "(?i)(?<=[?&])(utm_[a-z0-9_]*|gclid|gbraid|wbraid|dclid|gclsrc|fbclid|msclkid|mc_cid|mc_eid|_ga|_gl|yclid|twclid|ttclid|igshid|li_fat_id|mkt_tok|_hsenc|_hsmi)(=[^&]*)?(&|$)",
        ""));
    set req.http.X-Cache-Url = regsub(req.http.X-Cache-Url, "[?&]+$", "");
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "PURGE is not allowed from here"));
        }
        return (purge);
    }
    # Forms, the admin, the booking pages, staff calendar feeds, health checks: never from
    # the cache.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|documents|calendar)/" || req.url ~ "^/healthz" || req.url ~ "^/health-check/(booked|manage)/") {
        return (pass);
    }
    # A signed-in editor, or a visitor whose session holds their own request, sees pages
    # that are theirs alone.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Outside the booking form, no cookie a visitor sends changes a public page: drop them so
    # that everyone shares one cached copy (the form keeps its CSRF cookie).
    if (req.url !~ "^/health-check/") {
        unset req.http.Cookie;
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.http.X-Cache-Url);
    if (req.http.host) {
        hash_data(req.http.host);
    } else {
        hash_data(server.ip);
    }
    return (lookup);
}

sub vcl_backend_fetch {
    unset bereq.http.X-Cache-Url;
}

sub vcl_backend_response {
    # Only what the site marks as public, and that sets no cookie, is kept.
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "public") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Serve a stale copy for up to a day if the site is down, while refetching in the
    # background (stale-while-revalidate in the site's header sets the usual grace).
    set beresp.keep = 1d;
    return (deliver);
}

sub vcl_synth {
    # The beacon's answer: empty, never stored, no cookie (Varnish sets none).
    if (resp.status == 204) {
        set resp.http.Cache-Control = "no-store";
        unset resp.http.Retry-After;
        unset resp.http.Content-Type;
        return (deliver);
    }
}

sub vcl_deliver {
    # Useful when looking at responses; says nothing private.
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
