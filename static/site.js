// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  var root = document.documentElement;
  root.classList.add("js");

  // Selects marked data-autosubmit submit their form on change (their buttons are hidden).
  document.addEventListener("change", function (event) {
    var select = event.target;
    if (!select || select.tagName !== "SELECT" || !select.hasAttribute("data-autosubmit")) return;
    var form = select.form;
    if (!form) return;
    if (typeof form.requestSubmit === "function") form.requestSubmit();
    else form.submit();
  });

  function isTyping(el) {
    if (!el) return false;
    if (el.isContentEditable) return true;
    var tag = el.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
  }

  // ← / → follow the previous / next lesson links.
  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.isComposing) return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    var rel = event.key === "ArrowLeft" ? "prev" : event.key === "ArrowRight" ? "next" : "";
    if (!rel || isTyping(document.activeElement)) return;
    var link = document.querySelector('a[rel="' + rel + '"]');
    if (!link) return;
    event.preventDefault();
    window.location.href = link.href;
  });

  // What JavaScript sees in document.cookie (HttpOnly cookies are missing from it).
  function showDocumentCookie() {
    var cookies = document.cookie;
    var boxes = document.querySelectorAll("[data-document-cookie]");
    for (var i = 0; i < boxes.length; i++) {
      var code = boxes[i].querySelector("code");
      if (!code) continue;
      code.textContent = cookies ? cookies.split("; ").join("\n") : boxes[i].getAttribute("data-empty") || "";
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", showDocumentCookie);
  else showDocumentCookie();
})();

// Search as you type: the header form's results appear under it. Without JavaScript the form
// simply submits to the search page, which shows the same results.
(function () {
  var form = document.querySelector("form.search-form[role=search]:not(.search-form-page)");
  if (!form || !window.fetch || !window.DOMParser) return;
  var input = form.querySelector("input[name=q]");
  var box = document.createElement("div");
  box.className = "search-live";
  box.setAttribute("aria-live", "polite");
  box.setAttribute("data-search-live", "");
  box.hidden = true;
  form.appendChild(box);
  var timer = null;
  var last = "";
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = input.value.trim();
      if (q === last) return;
      last = q;
      if (q.length < 2) {
        box.hidden = true;
        box.textContent = "";
        return;
      }
      fetch(form.action + "?q=" + encodeURIComponent(q), { headers: { Accept: "text/html" } })
        .then(function (r) { return r.ok ? r.text() : ""; })
        .then(function (html) {
          if (q !== last) return;
          // The page is parsed inert (no script runs) and its escaped results are reused.
          var doc = new DOMParser().parseFromString(html, "text/html");
          var count = doc.querySelector(".search-count");
          var list = doc.querySelector(".search-results");
          box.textContent = "";
          if (count) box.appendChild(document.importNode(count, true));
          if (list) {
            Array.prototype.slice.call(list.children, 8).forEach(function (li) { li.remove(); });
            box.appendChild(document.importNode(list, true));
          }
          box.hidden = false;
        })
        .catch(function () {});
    }, 200);
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") box.hidden = true;
  });
})();
