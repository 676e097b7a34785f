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
