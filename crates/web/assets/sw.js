// Mittler's service worker: the mediator's own pages (assignments, invitations,
// availability) stay readable without a connection. Network first; when the network
// fails, the copy from the last visit is shown. Nothing else is kept, and signing out
// clears it (the sign-out answer carries Clear-Site-Data).
"use strict";
var CACHE = "mittler-own-v1";
var OWN = ["/me/assignments", "/me/invitations", "/me/schedule"];
var STATIC = ["/assets/app.css", "/assets/app.js"];

self.addEventListener("install", function (ev) {
  ev.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(STATIC); }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener("activate", function (ev) {
  ev.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function kept(url) {
  return url.origin === self.location.origin &&
    (OWN.indexOf(url.pathname) >= 0 || STATIC.indexOf(url.pathname) >= 0);
}

self.addEventListener("fetch", function (ev) {
  var req = ev.request;
  if (req.method !== "GET") { return; }
  var url = new URL(req.url);
  if (!kept(url)) { return; }
  var key = url.origin + url.pathname;
  ev.respondWith(fetch(req).then(function (res) {
    // Only a page of a signed-in mediator (200, not a redirect to the sign-in page).
    if (res.ok && !res.redirected) {
      var copy = res.clone();
      caches.open(CACHE).then(function (c) { return c.put(key, copy); });
    }
    return res;
  }).catch(function () {
    return caches.open(CACHE).then(function (c) { return c.match(key); }).then(function (hit) {
      return hit || Response.error();
    });
  }));
});

// A call rings: the notice says which language and who calls (never anything about
// the client); a tap opens the page of ringing calls.
self.addEventListener("push", function (ev) {
  var m = {};
  try { m = ev.data ? ev.data.json() : {}; } catch (e) { m = {}; }
  ev.waitUntil(self.registration.showNotification(m.title || "Mittler", {
    body: m.body || "",
    tag: m.tag || "mittler-call",
    renotify: true,
    requireInteraction: true,
    icon: "/assets/icon-192.png",
    data: { url: m.url || "/me/calls" }
  }));
});

self.addEventListener("notificationclick", function (ev) {
  ev.notification.close();
  var url = (ev.notification.data && ev.notification.data.url) || "/me/calls";
  ev.waitUntil(self.clients.matchAll({ type: "window" }).then(function (list) {
    for (var i = 0; i < list.length; i += 1) {
      if (new URL(list[i].url).pathname === url && "focus" in list[i]) { return list[i].focus(); }
    }
    return self.clients.openWindow(url);
  }));
});
