// `--watch`: reload the page whenever the server re-rendered the content (or failed to, so
// the error shows).
(function () {
  "use strict";
  if (typeof EventSource !== "function") return;
  var source = new EventSource("/_live/events");
  source.addEventListener("reload", function () {
    source.close();
    window.location.reload();
  });
})();
