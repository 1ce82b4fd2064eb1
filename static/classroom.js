// Classroom mode: following the instructor (learners), the live follower count (presenter)
// and the notes window that follows the presenter. Every page still works without it.
(function () {
  "use strict";

  // Learners who ask the system for less motion get jumps, not smooth scrolling.
  var motion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";

  var KEY = "cookie-course-follow";

  function events(query) {
    if (typeof EventSource !== "function") return null;
    return new EventSource("/classroom/events" + query);
  }

  function onPosition(source, handle) {
    source.addEventListener("position", function (event) {
      var position = null;
      try { position = JSON.parse(event.data); } catch (e) { return; }
      if (position) handle(position);
    });
  }

  // Learners: follow the projector in their own language.
  function learner(bar) {
    var status = bar.querySelector("[data-follow-status]");
    var followButton = bar.querySelector("[data-follow]");
    var leaveButton = bar.querySelector("[data-unfollow]");
    var lang = document.documentElement.lang;
    var source = null;

    function stored() {
      try { return window.localStorage.getItem(KEY) === "1"; } catch (e) { return false; }
    }
    function store(on) {
      try {
        if (on) window.localStorage.setItem(KEY, "1");
        else window.localStorage.removeItem(KEY);
      } catch (e) { /* private mode: following lasts for this page only */ }
    }

    function go(position) {
      status.textContent = status.getAttribute("data-msg-following");
      var path = "/" + lang + "/lessons/" + position.slug;
      if (window.location.pathname !== path) {
        window.location.assign(path + (position.section ? "#" + position.section : ""));
        return;
      }
      var target = position.section ? document.getElementById(position.section) : null;
      if (target) {
        target.scrollIntoView({ behavior: motion, block: "start" });
        if (window.history.replaceState) window.history.replaceState(null, "", "#" + position.section);
      } else if (!position.section) {
        window.scrollTo({ top: 0, behavior: motion });
      }
    }

    function start() {
      store(true);
      followButton.hidden = true;
      leaveButton.hidden = false;
      status.textContent = status.getAttribute("data-msg-waiting");
      if (source) return;
      source = events("?follow=1");
      if (source) onPosition(source, go);
    }

    function stop() {
      store(false);
      if (source) source.close();
      source = null;
      followButton.hidden = false;
      leaveButton.hidden = true;
    }

    followButton.addEventListener("click", start);
    leaveButton.addEventListener("click", stop);
    var params = new URLSearchParams(window.location.search);
    if (params.get("follow") === "1" || stored()) start();
    else stop();
  }

  // The presenter: the follower count, as the server words it.
  function presenter(body) {
    var source = events("?lang=" + encodeURIComponent(body.getAttribute("data-lang") || "en"));
    if (!source) return;
    source.addEventListener("followers", function (event) {
      var data = null;
      try { data = JSON.parse(event.data); } catch (e) { return; }
      var boxes = document.querySelectorAll("[data-followers]");
      for (var i = 0; i < boxes.length; i++) boxes[i].textContent = data.text;
    });
  }

  // The notes window: mark the presenter's section; another lesson loads its notes.
  function notes(body) {
    var source = events("");
    if (!source) return;
    onPosition(source, function (position) {
      if (position.lang !== body.getAttribute("data-lang") || position.slug !== body.getAttribute("data-slug")) {
        window.location.replace("/" + position.lang + "/present/" + position.slug + "/notes");
        return;
      }
      var sections = document.querySelectorAll("[data-section]");
      for (var i = 0; i < sections.length; i++) {
        var here = sections[i].getAttribute("data-section") === position.section;
        sections[i].classList.toggle("current", here);
        if (here) {
          sections[i].setAttribute("aria-current", "step");
          sections[i].scrollIntoView({ behavior: motion, block: "start" });
        } else {
          sections[i].removeAttribute("aria-current");
        }
      }
    });
  }

  function init() {
    var bar = document.querySelector(".classroom-bar [data-follow]");
    if (bar) learner(bar.parentNode);
    if (document.body.hasAttribute("data-present")) presenter(document.body);
    if (document.body.hasAttribute("data-notes")) notes(document.body);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
