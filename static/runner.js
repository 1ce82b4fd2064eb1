// The "Run" button of a lesson's example: the learner's (editable) copy of the app runs in a
// Web Worker with real Flask (static/runner-worker.js). Without JavaScript or WebAssembly the
// example stays as it is, with its note.
(function () {
  "use strict";
  var meta = document.querySelector("meta[name=course-runtime]");
  var runners = document.querySelectorAll("[data-runner]");
  if (!meta || !runners.length || typeof WebAssembly !== "object" || !window.Worker) return;
  var base = meta.getAttribute("content");
  var wheels = (meta.getAttribute("data-wheels") || "").split(" ").filter(Boolean);
  var workerUrl = meta.getAttribute("data-worker");
  var worker = null;
  var pending = {};
  var next = 1;

  function call(message) {
    if (!worker) {
      worker = new Worker(workerUrl, { type: "module" });
      worker.onmessage = function (event) {
        var done = pending[event.data.id];
        delete pending[event.data.id];
        if (done) done(event.data);
      };
      // A worker that cannot start answers every pending run with the reason.
      worker.onerror = function (event) {
        var reason = (event && event.message) || "the Python worker did not start";
        Object.keys(pending).forEach(function (id) {
          var done = pending[id];
          delete pending[id];
          done({ ok: false, error: reason });
        });
        worker = null;
      };
    }
    return new Promise(function (resolve) {
      var id = next++;
      pending[id] = resolve;
      message.id = id;
      message.base = base;
      message.wheels = wheels;
      worker.postMessage(message);
    });
  }

  function show(box, answer, request, labels) {
    var lines = [];
    if (!answer.ok) {
      lines.push(labels.error, answer.error);
    } else if (answer.result.error) {
      lines.push(labels.error, answer.result.error);
    } else {
      var r = answer.result;
      lines.push("→ " + request.method + " " + request.path + (request.form ? "  (" + request.form + ")" : ""));
      lines.push("← " + r.status);
      r.set_cookie.forEach(function (h) { lines.push("Set-Cookie: " + h); });
      lines.push(labels.jar + " " + (r.jar.length ? r.jar.join("; ") : "—"));
      if (r.session) {
        lines.push(labels.session + " " + r.session.parts.join(" . "));
        lines.push("  " + (r.session.valid ? r.session.data : labels.invalid + " (" + r.session.error + ")"));
      }
      lines.push("", r.body);
    }
    box.textContent = lines.join("\n");
  }

  Array.prototype.forEach.call(runners, function (runner) {
    var code = runner.querySelector("textarea[data-code]");
    var original = code.value;
    var output = runner.querySelector("[data-run-output]");
    var button = runner.querySelector("[data-run]");
    var labels = {
      loading: runner.getAttribute("data-msg-loading"),
      error: runner.getAttribute("data-msg-error"),
      jar: runner.getAttribute("data-msg-jar"),
      session: runner.getAttribute("data-msg-session"),
      invalid: runner.getAttribute("data-msg-invalid")
    };
    runner.hidden = false;
    var note = runner.parentNode.querySelector("[data-runner-note]");
    if (note) note.hidden = true;

    function run() {
      var request = {
        method: runner.querySelector("[data-method]").value,
        path: runner.querySelector("[data-path]").value || "/",
        form: runner.querySelector("[data-form]").value
      };
      button.disabled = true;
      runner.setAttribute("data-status", "running");
      output.textContent = labels.loading;
      call({ code: code.value, request: request }).then(function (answer) {
        show(output, answer, request, labels);
        button.disabled = false;
        runner.setAttribute("data-status", answer.ok && !answer.result.error ? "done" : "error");
      });
    }
    button.addEventListener("click", run);
    code.addEventListener("keydown", function (e) {
      if ((e.ctrlKey || e.metaKey) && e.key === "Enter") { e.preventDefault(); run(); }
    });
    runner.querySelector("[data-reset]").addEventListener("click", function () {
      call({ code: code.value, reset: true });
      code.value = original;
      output.textContent = "";
      runner.removeAttribute("data-status");
    });
  });
})();
