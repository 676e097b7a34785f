// Language pickers: as one types, fill the shared datalist with matches from the whole
// ISO 639-3 list (German or English name, or code). Without JavaScript the common
// languages remain in the list and any code can be typed.
(function () {
  "use strict";
  var timer = null;
  function fill(list, items) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    items.forEach(function (item) {
      var o = document.createElement("option");
      o.value = item.code;
      o.textContent = item.label;
      list.appendChild(o);
    });
  }
  document.addEventListener("input", function (ev) {
    var input = ev.target;
    if (!input.hasAttribute || !input.hasAttribute("data-language-picker")) { return; }
    var list = document.getElementById(input.getAttribute("list"));
    var q = input.value.trim();
    if (!list || q.length < 2) { return; }
    clearTimeout(timer);
    timer = setTimeout(function () {
      fetch("/languages/search?q=" + encodeURIComponent(q), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (items) { fill(list, items); })
        .catch(function () {});
    }, 150);
  });
})();

// Live inbox: when a request arrives or an invitation is answered, the list is fetched
// again and swapped in place (no reload; the filters stay as they are).
(function () {
  "use strict";
  var box = document.getElementById("inbox");
  if (!box || !window.EventSource) { return; }
  var source = new EventSource(box.getAttribute("data-live"));
  var refresh = function () {
    fetch(window.location.href, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById("inbox");
        if (fresh) { box.innerHTML = fresh.innerHTML; }
      })
      .catch(function () {});
  };
  ["created", "invited", "answered", "confirmed", "cancelled", "reopened", "timesheet"].forEach(function (kind) {
    source.addEventListener(kind, refresh);
  });
})();

// "Add a row": copies the last empty row of a repeated group (availability) with fresh
// ids. Without JavaScript the button stays hidden and the form has seven rows.
(function () {
  "use strict";
  var n = 0;
  document.querySelectorAll("[data-add-row]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var kind = button.getAttribute("data-add-row");
      var rows = document.querySelectorAll('[data-row="' + kind + '"]');
      var last = rows[rows.length - 1];
      if (!last) { return; }
      var copy = last.cloneNode(true);
      n += 1;
      copy.querySelectorAll("[id]").forEach(function (el) {
        var old = el.id;
        el.id = old + "-n" + n;
        var label = copy.querySelector('label[for="' + old + '"]');
        if (label) { label.setAttribute("for", el.id); }
      });
      copy.querySelectorAll("input").forEach(function (el) { el.value = ""; el.removeAttribute("aria-invalid"); });
      copy.querySelectorAll(".field-error").forEach(function (el) { el.remove(); });
      last.parentNode.insertBefore(copy, button);
      var first = copy.querySelector("select, input");
      if (first) { first.focus(); }
    });
  });
})();

// The mediator's phone pages install as an app and stay readable offline.
(function () {
  "use strict";
  if ("serviceWorker" in navigator && location.pathname.indexOf("/me/") === 0) {
    navigator.serviceWorker.register("/sw.js").catch(function () {});
  }
})();

// Forms people get through in a hurry: required fields are marked before sending (a *
// after the label, explained once above the form); after a refused send, the summary
// names every field in words, links to it and takes the focus; fields that do not apply
// (a place for a phone call) are hidden.
(function () {
  "use strict";
  var hint = document.body.getAttribute("data-required-hint");
  document.querySelectorAll("form").forEach(function (form) {
    var marked = 0;
    form.querySelectorAll("[required]").forEach(function (el) {
      var label = el.id && form.querySelector('label[for="' + el.id + '"]');
      if (label && !label.classList.contains("required")) { label.classList.add("required"); marked += 1; }
    });
    if (marked && hint && !form.querySelector(".required-hint")) {
      var p = document.createElement("p");
      p.className = "hint required-hint";
      p.textContent = hint;
      var first = form.querySelector("fieldset, label, div");
      form.insertBefore(p, first || form.firstChild);
    }
  });
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    var list = summary.querySelector("ul");
    if (list && !list.children.length) {
      document.querySelectorAll("main .field-error").forEach(function (err) {
        var control = err.id && document.querySelector('[aria-describedby~="' + err.id + '"]');
        var label = control && control.id && document.querySelector('label[for="' + control.id + '"]');
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = control && control.id ? "#" + control.id : "#" + (err.id || "");
        a.textContent = (label ? label.textContent.replace(/\s*\*$/, "").trim() + ": " : "") + err.textContent.trim();
        li.appendChild(a);
        list.appendChild(li);
      });
    }
    summary.focus();
  }
  function toggle(form) {
    form.querySelectorAll("[data-when]").forEach(function (box) {
      var rule = box.getAttribute("data-when").split("=");
      var chosen = form.querySelector('[name="' + rule[0] + '"]:checked') || form.querySelector('select[name="' + rule[0] + '"]');
      var on = chosen ? rule[1].split("|").indexOf(chosen.value) >= 0 : true;
      box.hidden = !on;
      box.querySelectorAll("input, select, textarea").forEach(function (el) { el.disabled = !on; });
    });
  }
  document.querySelectorAll("form").forEach(function (form) {
    if (!form.querySelector("[data-when]")) { return; }
    toggle(form);
    form.addEventListener("change", function () { toggle(form); });
  });
})();

// "Print" buttons (the appointment slip).
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });
})();

// Calls ringing for a mediator: the list is fetched again on every change (no reload),
// and a phone vibrates when a new call rings.
(function () {
  "use strict";
  var box = document.getElementById("ringing");
  var list = document.getElementById("ringing-list");
  if (!box || !list || !window.EventSource) { return; }
  var source = new EventSource(box.getAttribute("data-live"));
  var refresh = function (ev) {
    fetch(window.location.pathname, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById("ringing-list");
        if (fresh) { list.innerHTML = fresh.innerHTML; }
        if (ev.type === "ringing" && navigator.vibrate) { navigator.vibrate([300, 150, 300]); }
      })
      .catch(function () {});
  };
  ["ringing", "taken", "missed", "ended"].forEach(function (kind) {
    source.addEventListener(kind, refresh);
  });
})();

// Push to this phone: subscribes with the installation's key and sends the
// subscription to Mittler. Shown only where the browser can receive push.
(function () {
  "use strict";
  var button = document.getElementById("push-on");
  var state = document.getElementById("push-state");
  if (!button || !("serviceWorker" in navigator) || !("PushManager" in window)) { return; }
  button.hidden = false;
  var key = function (b64) {
    var s = (b64 + "===".slice((b64.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = atob(s);
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i += 1) { out[i] = raw.charCodeAt(i); }
    return out;
  };
  button.addEventListener("click", function () {
    Notification.requestPermission().then(function (p) {
      if (p !== "granted") { throw new Error("denied"); }
      return navigator.serviceWorker.register("/sw.js");
    }).then(function () { return navigator.serviceWorker.ready; }).then(function (reg) {
      return reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key(button.getAttribute("data-key")) });
    }).then(function (sub) {
      return fetch("/me/push", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": button.getAttribute("data-csrf") },
        body: JSON.stringify(sub.toJSON())
      });
    }).then(function (r) {
      if (!r.ok) { throw new Error("refused"); }
      state.textContent = state.getAttribute("data-done");
    }).catch(function () {
      state.textContent = state.getAttribute("data-failed");
    });
  });
})();
