/* The one script every page loads. It owns the page lifecycle of our widgets:
   on each page (first load, and each Material instant navigation) it tears down
   the widgets whose element left the page (their timers, listeners and
   observers) and mounts the ones the new page has, loading each widget's code
   only where a page uses it. Plain scripts, no ES modules: the offline copy
   runs from file://. The helpers below are shared by every widget and by the
   Node tests (module.exports). */
(function (global) {
  "use strict";

  var LETTERS = "ABCDE";

  function sameSet(a, b) {
    return a.length === b.length && a.every(function (k) { return b.indexOf(k) >= 0; });
  }

  /* Fisher-Yates on a copy; rnd defaults to Math.random (seeded draws pass their own). */
  function shuffled(list, rnd) {
    var a = list.slice(), r = rnd || Math.random;
    for (var i = a.length - 1; i > 0; i--) {
      var j = Math.floor(r() * (i + 1)), t = a[i]; a[i] = a[j]; a[j] = t;
    }
    return a;
  }

  /* "✔ Correct." or "✘ Not quite. The answer is B and D." from display letters. */
  function verdictText(ok, answerLetters) {
    return ok ? "✔ Correct." : "✘ Not quite. The answer is " + answerLetters.slice().sort().join(" and ") + ".";
  }

  /* The per-option line used under every explained option. */
  function optionVerdict(right, picked) {
    return right ? (picked ? "✔ Your answer: correct." : "✔ Correct answer (not chosen).")
                 : (picked ? "✘ Your answer: incorrect." : "✘ Incorrect.");
  }

  var api = { LETTERS: LETTERS, sameSet: sameSet, shuffled: shuffled, verdictText: verdictText, optionVerdict: optionVerdict };

  if (typeof module === "object" && module.exports) { module.exports = api; return; }
  if (global.SAA) return;  // loaded twice (never expected): keep the first lifecycle
  global.SAA = api;

  /* ---------- DOM helpers ---------- */
  api.el = function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (k === "text") e.textContent = v;
      else if (k === "html") e.innerHTML = v;  // build-time sanitised bank HTML only
      else if (k === "class") e.className = v;
      else if (k.slice(0, 2) === "on") e.addEventListener(k.slice(2), v);
      else if (v !== false && v !== null && v !== undefined) e.setAttribute(k, v === true ? "" : v);
    });
    (kids || []).forEach(function (c) { if (c) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  };

  /* Move focus to an element that is not normally focusable (a heading, a verdict). */
  api.focus = function (node, scroll) {
    if (!node) return;
    if (!node.hasAttribute("tabindex")) node.setAttribute("tabindex", "-1");
    node.focus({ preventScroll: scroll === false });
  };

  /* Polite announcement; cleared first so the same text is read again. */
  api.announce = function (live, text) {
    live.textContent = "";
    setTimeout(function () { live.textContent = text; }, 30);
  };

  /* Single-key shortcuts inside a widget. Material binds n, p, s, f, /, "," and "."
     on window; a key pressed inside our widget never reaches it. handler(ev, key)
     returns true when it used the key. */
  api.keys = function (root, life, handler) {
    life.on(root, "keydown", function (ev) {
      if (ev.ctrlKey || ev.metaKey || ev.altKey || ev.isComposing) return;
      var t = ev.target, typing = t && (t.isContentEditable || t.tagName === "TEXTAREA" || t.tagName === "SELECT" ||
        (t.tagName === "INPUT" && !/^(radio|checkbox|button|submit)$/.test(t.type)));
      if (ev.key.length === 1) ev.stopPropagation();
      if (!typing && handler(ev, ev.key.length === 1 ? ev.key.toLowerCase() : ev.key)) ev.preventDefault();
    });
  };

  /* Run fn once the page has loaded and the next frame is painted: for work that should not
     compete with what the learner is about to see. Stops with the widget's life. */
  api.afterPaint = function (life, fn) {
    function later() { global.requestAnimationFrame(function () { life.timeout(fn, 0); }); }
    if (document.readyState === "complete") later();
    else life.on(global, "load", later);
  };

  /* ---------- widget lifecycle ---------- */
  var BASE = (document.currentScript && document.currentScript.src || "").replace(/[^/]*$/, "");
  // Which files each widget needs, in load order. The one place this is written.
  var FILES = {
    quiz: ["review-model", "progress", "question", "quiz"],
    exam: ["review-model", "progress", "exam-model", "question", "exam"],
    progress: ["review-model", "progress", "exam-model", "dashboard"],
    "continue": ["review-model", "progress", "exam-model", "continue"],
    review: ["vendor/ts-fsrs.umd", "review-model", "progress", "exam-model", "question", "review"],
    calculator: ["calculators"],
    "limits-filter": ["limits-filter"]
  };
  var mounts = {}, loaded = {}, live = [];

  function loadFile(name) {
    if (!loaded[name]) {
      loaded[name] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = BASE + name + ".js";
        s.async = false;  // fetched in parallel, run in the order asked
        s.onload = resolve;
        s.onerror = function () { reject(new Error("could not load " + name + ".js")); };
        document.head.appendChild(s);
      });
    }
    return loaded[name];
  }

  function loadWidget(kind) {
    return Promise.all((FILES[kind] || []).map(loadFile));
  }

  /* Everything a mounted widget starts goes through its life, so teardown can stop it. */
  function Life(root) {
    var undo = [];
    this.root = root;
    this.dead = false;
    this.cleanup = function (fn) { undo.push(fn); };
    this.interval = function (fn, ms) { var id = setInterval(fn, ms); undo.push(function () { clearInterval(id); }); return id; };
    this.timeout = function (fn, ms) { var id = setTimeout(fn, ms); undo.push(function () { clearTimeout(id); }); return id; };
    this.on = function (target, type, fn, opts) { target.addEventListener(type, fn, opts); undo.push(function () { target.removeEventListener(type, fn, opts); }); };
    this.destroy = function () {
      this.dead = true;
      while (undo.length) { try { undo.pop()(); } catch (e) { /* keep tearing down the rest */ } }
    };
  }

  api.widget = function (kind, mount) { mounts[kind] = mount; };

  /* ---------- deferred markup ----------
     A widget's long markup (a chapter's 50-question quiz) may ship inside
     <noscript class="saa-deferred">. Without JavaScript the browser shows it as it is;
     with JavaScript the parser keeps it as one string, so it costs no layout, style or
     script until the learner comes near it, follows a link into it, or prints. */
  function deferredIn(root) {
    return Array.prototype.slice.call(root.querySelectorAll("noscript.saa-deferred"));
  }

  function unfold(root) {
    deferredIn(root).forEach(function (ns) {
      var frag;
      if (ns.firstElementChild) {  // parsed by DOMParser (instant navigation), which runs no script
        frag = document.createDocumentFragment();
        while (ns.firstChild) frag.appendChild(ns.firstChild);
      } else {
        var t = document.createElement("template");
        t.innerHTML = ns.textContent;  // our own build output, sanitised at build time
        frag = t.content;
      }
      ns.parentNode.replaceChild(frag, ns);
    });
  }

  /* The id the address points at, when it is still folded inside root. */
  function foldedTarget(root) {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return null;
    var found = document.getElementById(id);  // folded markup from DOMParser is real, hidden elements
    if (found) return root.contains(found) && found.closest("noscript.saa-deferred") ? id : null;
    var needle = 'id="' + id.replace(/&/g, "&amp;").replace(/"/g, "&quot;") + '"';
    return deferredIn(root).some(function (ns) { return ns.textContent.indexOf(needle) >= 0; }) ? id : null;
  }

  var waiting = [];  // widgets whose markup is still folded: { root, stop }

  function whenWanted(root, start) {
    var io = null, done = false;
    function go() {
      if (done) return;
      done = true;
      stop();
      var id = foldedTarget(root);
      unfold(root);
      function reveal() { var t = id && document.getElementById(id); if (t) t.scrollIntoView(); }
      reveal();
      start().then(reveal);  // again once mounted: the widget's buttons make what is above it taller
    }
    function onHash() { if (foldedTarget(root)) go(); }
    function stop() {
      if (io) io.disconnect();
      global.removeEventListener("hashchange", onHash);
      global.removeEventListener("beforeprint", go);
      waiting = waiting.filter(function (w) { return w.root !== root; });
    }
    if (foldedTarget(root) || !("IntersectionObserver" in global)) { go(); return; }
    root.setAttribute("data-widget-state", "deferred");
    io = new global.IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) go();
    }, { rootMargin: "100% 0px" });  // a screen ahead, so it is ready when the learner arrives
    io.observe(root);
    global.addEventListener("hashchange", onHash);
    global.addEventListener("beforeprint", go);
    waiting.push({ root: root, stop: stop });
  }

  /* data-defer: a widget whose first run costs time (a calculator's number formatting) starts
     when the learner comes near it, as folded markup does. */
  function mount(root) {
    if (deferredIn(root).length || root.hasAttribute("data-defer")) whenWanted(root, function () { return start(root); });
    else start(root);
  }

  function start(root) {
    var kind = root.getAttribute("data-widget");
    root.setAttribute("data-widget-state", "loading");
    return loadWidget(kind).then(function () {
      if (!root.isConnected) return;  // the learner moved on before the code arrived
      var life = new Life(root);
      live.push(life);
      mounts[kind](root, life);
      root.setAttribute("data-widget-state", "ready");
    }).catch(function (err) {
      root.setAttribute("data-widget-state", "failed");
      if (global.console) console.error("widget " + kind + " failed:", err);
      var msg = root.querySelector(".saa-loading") || root.appendChild(document.createElement("p"));
      msg.textContent = "This part of the page could not start (" + err.message + "). Reload the page to try again.";
    });
  }

  /* Material 9.8 handles the first same-page anchor click of a page by restoring the scroll
     offset it saved, not by going to the anchor (the target stayed under the header or off
     screen). The browser follows in-page links itself, honouring scroll-margin. */
  function nativeInPageLinks() {
    var content = document.querySelector(".md-content");
    if (!content || content.saaInPageLinks) return;
    content.saaInPageLinks = true;
    content.addEventListener("click", function (ev) {
      var a = ev.target && ev.target.closest ? ev.target.closest("a[href*='#']") : null;
      if (!a || a.target || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
      var url = new URL(a.href, location.href);
      var here = url.origin === location.origin && url.pathname === location.pathname && url.search === location.search;
      if (here && url.hash.length > 1) ev.stopPropagation();  // Material listens on <body>
    });
  }

  /* Idempotent: safe to run twice for the same page (document$ and DOMContentLoaded). */
  function page() {
    nativeInPageLinks();
    live = live.filter(function (life) {
      if (life.root.isConnected) return true;
      life.destroy();
      return false;
    });
    waiting.slice().forEach(function (w) { if (!w.root.isConnected) w.stop(); });
    // The combined print page (PDF) prints the no-JavaScript HTML: shuffled options there would
    // no longer match the printed answer key.
    if (document.getElementById("print-site-page")) { unfold(document); return; }
    Array.prototype.forEach.call(document.querySelectorAll("[data-widget]:not([data-widget-state])"), mount);
  }
  api.mounted = function () { return live.length; };
  api.waiting = function () { return waiting.length; };

  if (global.document$ && typeof global.document$.subscribe === "function") global.document$.subscribe(page);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", page);
  else page();
})(this);
