// The sandbox without page reloads: each form posts with Accept: application/json and the
// panel is redrawn from the state document. Text only (textContent), never HTML, so a value a
// learner typed can never run. Without this file the forms still work (303 back to the page).
(function () {
  "use strict";

  var box = document.querySelector("[data-sandbox]");
  if (!box || !window.fetch || !window.URLSearchParams) return;
  var lang = box.getAttribute("data-lang") || "en";
  var countdownTimer = null;

  function msg(name) {
    return box.getAttribute("data-msg-" + name) || "";
  }
  function part(name) {
    return box.querySelector('[data-sb="' + name + '"]');
  }
  function setText(name, text) {
    var el = part(name);
    if (el) el.textContent = text == null ? "" : String(text);
  }
  function show(name, visible) {
    var el = part(name);
    if (el) el.hidden = !visible;
  }

  // Numbers in the page's language: Bengali digits on a Bengali page, as the server's own
  // Fluent texts print them, so one panel never mixes two digit sets.
  var numberFormat = window.Intl ? new Intl.NumberFormat(lang, { useGrouping: false }) : null;
  function num(n) {
    return numberFormat && typeof n === "number" ? numberFormat.format(n) : String(n);
  }

  function formatDate(iso) {
    if (!iso) return "";
    try {
      return new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "medium" }).format(new Date(iso));
    } catch (e) {
      return iso;
    }
  }

  function startCountdown(iso) {
    if (countdownTimer) clearInterval(countdownTimer);
    var el = part("countdown");
    if (!el) return;
    el.textContent = "";
    if (!iso) return;
    var end = new Date(iso).getTime();
    var rtf = window.Intl && Intl.RelativeTimeFormat ? new Intl.RelativeTimeFormat(lang, { numeric: "always" }) : null;
    function tick() {
      var left = Math.round((end - Date.now()) / 1000);
      if (left < 0) {
        el.textContent = "— " + msg("expired");
        clearInterval(countdownTimer);
        return;
      }
      var text;
      if (!rtf) text = left + " s";
      else if (left < 120) text = rtf.format(left, "second");
      else if (left < 7200) text = rtf.format(Math.round(left / 60), "minute");
      else if (left < 172800) text = rtf.format(Math.round(left / 3600), "hour");
      else text = rtf.format(Math.round(left / 86400), "day");
      el.textContent = "(" + text + ")";
    }
    tick();
    countdownTimer = setInterval(tick, 1000);
  }

  function showDocumentCookie() {
    var el = box.querySelector("[data-document-cookie] code");
    if (!el) return;
    var c = document.cookie;
    el.textContent = c ? c.split("; ").join("\n") : box.querySelector("[data-document-cookie]").getAttribute("data-empty");
  }

  function render(doc) {
    var s = doc.session || {};
    setText("cookie-header", doc.cookie_header ? "Cookie: " + doc.cookie_header : msg("no-cookies"));
    var sent = part("sent");
    if (sent) {
      sent.textContent = "";
      var headers = doc.set_cookie || [];
      if (!headers.length) {
        var none = document.createElement("li");
        none.className = "muted";
        none.textContent = msg("sent-none");
        sent.appendChild(none);
      }
      headers.forEach(function (h) {
        var li = document.createElement("li");
        var code = document.createElement("code");
        code.textContent = "Set-Cookie: " + h;
        li.appendChild(code);
        sent.appendChild(li);
      });
    }
    var flashed = part("flashed");
    if (flashed && doc.flashed) {
      flashed.textContent = "";
      if (!doc.flashed.length) {
        var empty = document.createElement("li");
        empty.textContent = msg("no-flashes");
        flashed.appendChild(empty);
      }
      doc.flashed.forEach(function (f) {
        var li = document.createElement("li");
        li.className = "flash-" + f.category;
        li.textContent = f.message;
        flashed.appendChild(li);
      });
    }
    show("flashed-box", !!doc.flashed);
    show("session", !!s.cookie);
    show("no-session", !s.cookie);
    if (s.cookie) {
      var parts = s.parts || {};
      show("marker", !!s.compressed);
      setText("payload", parts.payload);
      setText("timestamp", parts.timestamp);
      setText("signature", parts.signature);
      setText("size", msg("size").replace("%SIZE%", num(s.size)).replace("%LIMIT%", num(4093)));
      var status = part("status");
      if (status) {
        status.className = "status " + (s.valid ? "ok" : "bad");
        status.textContent = s.valid ? msg("valid") : s.reason_text || s.explanation || "";
      }
      setText("python", s.python);
      var signed = part("signed-at");
      if (signed) {
        // An empty `datetime` is invalid HTML: no time, no attribute.
        if (s.signed_at && signed.tagName === "TIME") signed.setAttribute("datetime", s.signed_at);
        signed.textContent = formatDate(s.signed_at);
      }
      setText("permanent", s.permanent ? msg("permanent-yes") : msg("permanent-no"));
      var expires = part("expires");
      if (expires) {
        if (s.expires && expires.tagName === "TIME") expires.setAttribute("datetime", s.expires);
        expires.textContent = formatDate(s.expires);
      }
      startCountdown(s.expires);
    } else if (countdownTimer) {
      clearInterval(countdownTimer);
    }
    var store = part("store");
    if (store && doc.store) {
      var server = doc.store.mode === "server";
      setText("store-mode", store.getAttribute(server ? "data-msg-server-mode" : "data-msg-cookie-mode"));
      show("store-server", server);
      setText("store-key", doc.store.key || "");
      setText("store-ttl", doc.store.ttl ? store.getAttribute("data-msg-ttl").replace("%TTL%", num(doc.store.ttl)) : "");
      setText("store-record", doc.store.record ? JSON.stringify(doc.store.record, null, 2) : "");
    }
    showDocumentCookie();
  }

  function showError(text) {
    var el = part("error");
    if (!el) return;
    el.textContent = text || "";
    el.hidden = !text;
  }

  // "Read the cookies again": a GET of the state, carrying whatever the browser now holds.
  box.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || !form.hasAttribute("data-sb-read")) return;
    event.preventDefault();
    fetch("/sandbox/state?lang=" + encodeURIComponent(lang), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.json();
      })
      .then(function (doc) {
        showError("");
        render(doc);
      })
      .catch(function () {
        form.submit();
      });
  });

  box.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || !form.classList.contains("sandbox-form")) return;
    // A demo whose state the panel's JSON does not carry reloads the page instead.
    if (form.hasAttribute("data-full")) return;
    event.preventDefault();
    var data = new URLSearchParams(new FormData(form));
    if (event.submitter && event.submitter.name) data.set(event.submitter.name, event.submitter.value);
    fetch(form.action, {
      method: "POST",
      credentials: "same-origin",
      headers: { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" },
      body: data.toString()
    })
      .then(function (response) {
        return response.json().then(function (body) {
          return { ok: response.ok, body: body };
        });
      })
      .then(function (r) {
        if (r.ok) {
          showError("");
          render(r.body);
        } else if (r.body.field === "session") {
          showError(msg("error-too-large").replace("%SIZE%", num(r.body.size)).replace("%LIMIT%", num(r.body.limit)));
        } else {
          showError(msg("error-field").replace("%FIELD%", r.body.field || "?") + " — " + (r.body.error || ""));
        }
      })
      .catch(function () {
        form.submit();
      });
  });

  // Localize the server's RFC 3339 times and start the countdown on first load.
  var signedAt = part("signed-at");
  if (signedAt && signedAt.getAttribute("datetime")) signedAt.textContent = formatDate(signedAt.getAttribute("datetime"));
  var expiresAt = part("expires");
  if (expiresAt && expiresAt.getAttribute("datetime")) {
    expiresAt.textContent = formatDate(expiresAt.getAttribute("datetime"));
    startCountdown(expiresAt.getAttribute("datetime"));
  }

  // Copy the raw cookie in one click (the server shows it; JavaScript cannot read it when HttpOnly).
  var copy = box.querySelector("[data-sb-copy]");
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      var text = (part("marker").hidden ? "" : ".") + part("payload").textContent + "." + part("timestamp").textContent + "." + part("signature").textContent;
      navigator.clipboard.writeText(text).then(function () {
        var old = copy.textContent;
        copy.textContent = msg("copied");
        setTimeout(function () {
          copy.textContent = old;
        }, 1500);
      });
    });
  }
})();
