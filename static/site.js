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
