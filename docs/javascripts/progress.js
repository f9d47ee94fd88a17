/* Saved progress in localStorage, shared by the quizzes, the exam and the dashboard.
   Storage that is disabled, full or corrupted must never break a page: every
   call is guarded and reads fall back to an empty state. */
(function () {
  "use strict";
  var KEY = "saa-c03/progress/v1";

  function storage() {
    try {
      var s = window.localStorage;
      return s || null;
    } catch (e) {
      return null; // disabled (privacy mode, sandboxed iframe, file:// in some browsers)
    }
  }

  function empty() {
    return { version: 1, quiz: {}, exams: [], exam: null };
  }

  function read() {
    var s = storage();
    if (!s) return empty();
    var raw;
    try {
      raw = s.getItem(KEY);
    } catch (e) {
      return empty();
    }
    if (!raw) return empty();
    try {
      var data = JSON.parse(raw);
      if (!data || typeof data !== "object" || Array.isArray(data) || data.version !== 1) throw new Error("bad shape");
      var base = empty();
      base.quiz = data.quiz && typeof data.quiz === "object" && !Array.isArray(data.quiz) ? data.quiz : {};
      base.exams = Array.isArray(data.exams) ? data.exams : [];
      base.exam = data.exam && typeof data.exam === "object" ? data.exam : null;
      return base;
    } catch (e) {
      // Keep the unreadable value aside once, so nothing is silently destroyed.
      try {
        if (!s.getItem(KEY + ".corrupt")) s.setItem(KEY + ".corrupt", raw);
      } catch (ignored) { /* full: nothing more to do */ }
      return empty();
    }
  }

  function write(state) {
    var s = storage();
    if (!s) return false;
    try {
      s.setItem(KEY, JSON.stringify(state));
      return true;
    } catch (e) {
      return false; // quota exceeded or storage disabled
    }
  }

  /* Apply fn to the current state and save it; returns true if it was saved. */
  function update(fn) {
    var state = read();
    fn(state);
    return write(state);
  }

  window.SAAProgress = { KEY: KEY, read: read, write: write, update: update, empty: empty };

  /* Run init on every page: now, and after each Material instant navigation.
     document$ does not always emit (offline builds from file://), so init also
     runs directly; every init guards itself with data-ready, so twice is harmless. */
  window.SAAOnPage = function (init) {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
    else init();
  };
})();
