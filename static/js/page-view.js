// A page view without cookies (README: Reading figures).
(function () {
 var n = navigator, d = document, l = location;
 if (n.globalPrivacyControl || n.doNotTrack == "1" || !n.sendBeacon) return;
 function send() {
  var q = new URLSearchParams(l.search), b = new URLSearchParams(), w = innerWidth;
  b.set("p", l.pathname);
  try {
   var r = new URL(d.referrer);
   r.origin == l.origin ? b.set("f", r.pathname) : b.set("r", r.hostname);
  } catch (e) {}
  ["source", "medium", "campaign"].forEach(function (k) {
   var v = q.get("utm_" + k);
   if (v) b.set(k[0], v.slice(0, 100));
  });
  b.set("d", w < 768 ? "m" : w < 1024 ? "t" : "d");
  // No body: Varnish answers it.
  n.sendBeacon("/views/?" + b);
 }
 // Only a page someone sees counts.
 function seen() {
  var p = d.prerendering;
  if (p || d.hidden) d.addEventListener(p ? "prerenderingchange" : "visibilitychange", seen, { once: true });
  else send();
 }
 d.readyState == "complete" ? seen() : addEventListener("load", seen, { once: true });
})();
