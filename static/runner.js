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
        // As the sandbox's state panel shows a session: its three parts, then the verdict
        // and the data in Python notation.
        var s = r.session;
        lines.push(labels.session + " " + s.name);
        var width = Math.max.apply(null, labels.parts.map(function (p) { return p.length; }));
        s.parts.forEach(function (part, i) {
          var name = labels.parts[i] || "";
          var pad = new Array(width - name.length + 2).join(" ");
          lines.push("  " + name + ":" + pad + part + (i === 1 && s.signed_at ? "  (" + s.signed_at + ")" : ""));
        });
        lines.push(s.valid ? "  ✓ " + labels.valid : "  ✗ " + labels.invalid + " (" + s.error + ")");
        if (s.valid) lines.push("  " + s.data);
      }
      lines.push("", r.body);
    }
    box.textContent = lines.join("\n");
  }

  // Presets: one button per route of the app as the lesson wrote it (a path parameter gets a
  // sample value), so "POST /add" twice is two clicks.
  function presets(source) {
    var found = [];
    var re = /@app\.(route|get|post)\(\s*["']([^"']+)["']([^)]*)\)/g;
    var m;
    while ((m = re.exec(source)) !== null) {
      var path = m[2].replace(/<int:[^>]+>/g, "1").replace(/<(?:[a-z]+:)?[^>]+>/g, "tea");
      var methods = m[1] === "get" ? ["GET"] : m[1] === "post" ? ["POST"] :
        (/methods\s*=\s*\[([^\]]*)\]/.exec(m[3]) || [null, "'GET'"])[1].match(/[A-Z]+/g) || ["GET"];
      methods.forEach(function (method) {
        if (found.length < 8 && !found.some(function (f) { return f.method === method && f.path === path; })) {
          found.push({ method: method, path: path });
        }
      });
    }
    return found;
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
      invalid: runner.getAttribute("data-msg-invalid"),
      valid: runner.getAttribute("data-msg-valid"),
      parts: (runner.getAttribute("data-msg-parts") || "||").split("|")
    };
    runner.hidden = false;
    var note = runner.parentNode.querySelector("[data-runner-note]");
    if (note) note.hidden = true;
    var exercise = runner.closest("[data-exercise]");
    if (exercise) {
      var staticCode = exercise.querySelector("[data-static-code]");
      if (staticCode) staticCode.hidden = true;
    }

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
    var bar = runner.querySelector(".runner-bar");
    var found = presets(original);
    if (found.length) {
      var group = document.createElement("p");
      group.className = "runner-presets";
      found.forEach(function (preset) {
        var b = document.createElement("button");
        b.type = "button";
        b.setAttribute("data-preset", preset.method + " " + preset.path);
        b.textContent = preset.method + " " + preset.path;
        b.addEventListener("click", function () {
          runner.querySelector("[data-method]").value = preset.method;
          runner.querySelector("[data-path]").value = preset.path;
          run();
        });
        group.appendChild(b);
      });
      bar.parentNode.insertBefore(group, bar.nextSibling);
    }
    if (exercise) wireExercise(exercise, runner, code, output, labels);
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

  // An exercise: "Check" runs the hidden assertions on the learner's code in the worker and
  // lists them in the page's language; a pass is recorded in the progress cookie.
  function wireExercise(exercise, runner, code, output, labels) {
    var id = exercise.getAttribute("data-exercise");
    var result = exercise.querySelector("[data-check-result]");
    var list = exercise.querySelector("[data-check-list]");
    var checkButton = exercise.querySelector("[data-check]");
    var checkCode = exercise.querySelector("template[data-check-code]").content.textContent;
    var solution = exercise.querySelector("template[data-solution-code]").content.textContent;
    var messages = {};
    Array.prototype.forEach.call(exercise.querySelectorAll("[data-check-messages] li"), function (li) {
      messages[li.getAttribute("data-id")] = li.textContent;
    });
    function item(mark, id) {
      var li = document.createElement("li");
      li.className = mark === "✓" ? "ok" : "bad";
      li.textContent = mark + " " + (messages[id] || id);
      list.appendChild(li);
    }
    checkButton.addEventListener("click", function () {
      checkButton.disabled = true;
      result.removeAttribute("data-status");
      result.textContent = labels.loading;
      list.textContent = "";
      list.hidden = true;
      call({ code: code.value, check: checkCode }).then(function (answer) {
        checkButton.disabled = false;
        var verdict = answer.ok ? answer.result : { passed: [], error: answer.error };
        (verdict.passed || []).forEach(function (m) { item("✓", m); });
        if (verdict.error) {
          result.setAttribute("data-status", "failed");
          result.textContent = labels.error;
          output.textContent = verdict.error;
        } else if (verdict.failed) {
          item("✗", verdict.failed);
          result.setAttribute("data-status", "failed");
          result.textContent = result.getAttribute("data-msg-failed") + " " +
            (messages[verdict.failed] || verdict.failed) + " " + result.getAttribute("data-msg-hint");
        } else {
          result.setAttribute("data-status", "passed");
          result.textContent = result.getAttribute("data-msg-passed");
          var body = new URLSearchParams();
          body.set("exercise", id);
          fetch("/progress/exercise", { method: "POST", body: body, credentials: "same-origin" });
        }
        list.hidden = !list.children.length;
      });
    });
    exercise.querySelector("[data-solution]").addEventListener("click", function () {
      code.value = solution;
      code.focus();
    });
  }
})();
