// Service worker written by `python -m vdom build --pwa`: the app starts offline after the
// first visit.  Installing caches the page, PyScript, MicroPython and the app's modules;
// Pyodide's files (13 MB) are cached the first time a ?py page loads them.  Requests are
// answered from the cache first, then from the network (and cached); a new build has a new
// VERSION, so its worker replaces the old cache.
const VERSION = "/*VERSION*/";
const PRECACHE = /*PRECACHE*/[];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(VERSION).then((c) => c.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith("pyvdom-") && k !== VERSION).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  // The page is the same for ?mpy and ?py: a navigation matches the cached page without its query.
  // A prerendered route's page is cached as ROUTE/; a navigation to ROUTE (no slash) matches it.
  const nav = req.mode === "navigate";
  const url = new URL(req.url);
  const folder = nav && !url.pathname.endsWith("/") ? url.origin + url.pathname + "/" : null;
  event.respondWith(caches.open(VERSION).then((cache) =>
    cache.match(req, { ignoreSearch: nav })
      .then((hit) => hit || (folder ? cache.match(folder, { ignoreSearch: true }) : undefined))
      .then((hit) => hit || fetch(req).then((res) => {
        if (res.ok && res.type === "basic") cache.put(req, res.clone());
        return res;
      }))));
});
