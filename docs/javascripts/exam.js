/* Practice exam: a seeded, domain-weighted draw from the question bank, exam or
   practice mode, a timer that survives reloads, a question map, and a scored
   review. Facts (length, time, weights, pass mark) come from data/exam.yml via
   data-blueprint; questions from the bank file the build writes. */
(function () {
  "use strict";
  var P = window.SAAProgress;
  var LETTERS = "ABCDE";

  /* ---------- pure helpers (also used by the dashboard and the tests) ---------- */
  function mulberry32(a) {
    return function () {
      a |= 0; a = a + 0x6D2B79F5 | 0;
      var t = Math.imul(a ^ a >>> 15, 1 | a);
      t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t;
      return ((t ^ t >>> 14) >>> 0) / 4294967296;
    };
  }
  function shuffled(list, rnd) {
    var a = list.slice();
    for (var i = a.length - 1; i > 0; i--) {
      var j = Math.floor(rnd() * (i + 1)), t = a[i]; a[i] = a[j]; a[j] = t;
    }
    return a;
  }
  /* Largest-remainder apportionment: every count is within 1 of weight × n. */
  function apportion(n, domains) {
    var raw = domains.map(function (d) { return n * d.weight / 100; });
    var counts = raw.map(Math.floor), left = n - counts.reduce(function (s, c) { return s + c; }, 0);
    raw.map(function (r, i) { return [r - Math.floor(r), i]; })
      .sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; })
      .slice(0, left).forEach(function (p) { counts[p[1]]++; });
    var out = {};
    domains.forEach(function (d, i) { out[d.id] = counts[i]; });
    return out;
  }
  function draw(bank, blueprint, seed, n, onlyIds) {
    var rnd = mulberry32(seed);
    var pool = bank.questions.filter(function (q) { return !onlyIds || onlyIds.indexOf(q.id) >= 0; });
    n = Math.min(n, pool.length);
    var counts = apportion(n, blueprint.domains), picked = [], deficit = 0;
    blueprint.domains.forEach(function (d) {
      var mine = shuffled(pool.filter(function (q) { return q.domain === d.id; }), rnd).slice(0, counts[d.id]);
      deficit += counts[d.id] - mine.length;
      picked = picked.concat(mine);
    });
    if (deficit > 0) {  // a small pool (e.g. only wrong answers) cannot honour the weights
      var rest = shuffled(pool.filter(function (q) { return picked.indexOf(q) < 0; }), rnd);
      picked = picked.concat(rest.slice(0, deficit));
    }
    picked = shuffled(picked, rnd);
    var order = {};
    picked.forEach(function (q) { order[q.id] = shuffled(q.options.map(function (_, i) { return i; }), rnd); });
    return { ids: picked.map(function (q) { return q.id; }), order: order };
  }
  function sameSet(a, b) {
    return a.length === b.length && a.every(function (k) { return b.indexOf(k) >= 0; });
  }
  function scaledScore(fraction, s) {
    var p = s.assumed_pass_fraction;
    var v = fraction <= p ? s.min + (s.pass - s.min) * fraction / p : s.pass + (s.max - s.pass) * (fraction - p) / (1 - p);
    return Math.round(v);
  }
  function loadBank(src) {
    if (window.SAA_BANK) return Promise.resolve(window.SAA_BANK);
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = function () { window.SAA_BANK ? resolve(window.SAA_BANK) : reject(new Error("empty bank")); };
      s.onerror = function () { reject(new Error("could not load the question bank")); };
      document.head.appendChild(s);
    });
  }
  /* Question ids whose latest answer, in a chapter quiz or an exam, was wrong. */
  function wrongBefore(state) {
    var last = {};
    (state.exams || []).forEach(function (e) {
      (e.ids || []).forEach(function (id) {
        if (!last[id] || last[id].at <= e.at) last[id] = { ok: (e.wrong || []).indexOf(id) < 0, at: e.at };
      });
    });
    Object.keys(state.quiz || {}).forEach(function (id) {
      var q = state.quiz[id];
      if (q && typeof q.ok === "boolean" && (!last[id] || last[id].at <= (q.at || 0))) last[id] = { ok: q.ok, at: q.at || 0 };
    });
    return Object.keys(last).filter(function (id) { return !last[id].ok; });
  }
  function clock(ms) {
    var s = Math.max(0, Math.round(ms / 1000)), h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60);
    return (h ? h + ":" + (m < 10 ? "0" : "") : "") + m + ":" + (s % 60 < 10 ? "0" : "") + s % 60;
  }
  /* A page's URL from the site root, in the build's URL style (05-s3/ online, 05-s3.html offline). */
  function pagePath(app, page) {
    return app.getAttribute("data-url-style") === "file" ? page + ".html" : page + "/";
  }
  function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") e.textContent = attrs[k];
      else if (k === "html") e.innerHTML = attrs[k];  // build-time sanitised bank HTML only
      else if (k === "class") e.className = attrs[k];
      else if (k.slice(0, 2) === "on") e.addEventListener(k.slice(2), attrs[k]);
      else if (attrs[k] !== false && attrs[k] !== null && attrs[k] !== undefined) e.setAttribute(k, attrs[k] === true ? "" : attrs[k]);
    });
    (kids || []).forEach(function (c) { if (c) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }

  window.SAAExam = { pagePath: pagePath, mulberry32: mulberry32, apportion: apportion, draw: draw, scaledScore: scaledScore, loadBank: loadBank, wrongBefore: wrongBefore, sameSet: sameSet, el: el, clock: clock };

  /* ---------- the exam app ---------- */
  function setup(root) {
    if (root.getAttribute("data-ready")) return;
    root.setAttribute("data-ready", "1");
    var bp = JSON.parse(root.getAttribute("data-blueprint"));
    var siteRoot = root.getAttribute("data-root");
    loadBank(root.getAttribute("data-bank")).then(function (bank) { start(root, bp, bank, siteRoot); }, function (err) {
      root.textContent = "The practice exam could not load its questions (" + err.message + "). Reload the page to try again.";
    });
  }

  function start(root, bp, bank, siteRoot) {
    var byId = {};
    bank.questions.forEach(function (q) { byId[q.id] = q; });
    var domainName = {};
    bp.domains.forEach(function (d) { domainName[d.id] = d.name; });
    var live = el("div", { class: "saa-live", role: "status", "aria-live": "polite" });
    var view = el("div", { class: "saa-view" });
    root.textContent = "";
    root.appendChild(view);
    root.appendChild(live);
    var timerId = null;

    function say(text) { live.textContent = ""; setTimeout(function () { live.textContent = text; }, 30); }
    function save(exam) {
      return P.update(function (s) { s.exam = exam; });
    }
    function current() {
      var e = P.read().exam;
      return e && Array.isArray(e.ids) && e.ids.every(function (id) { return byId[id]; }) ? e : null;
    }
    function stopTimer() { if (timerId) { clearInterval(timerId); timerId = null; } }
    function focusHeading() { var h = view.querySelector("h2"); if (h) { h.setAttribute("tabindex", "-1"); h.focus(); } }

    /* Setup screen */
    function showSetup() {
      stopTimer();
      view.textContent = "";
      var params = new URLSearchParams(location.search);
      var wrong = wrongBefore(P.read()).filter(function (id) { return byId[id]; });
      var saved = current();
      var box = el("div", { class: "saa-setup" });
      box.appendChild(el("h2", { text: "Start a practice exam" }));
      if (saved) {
        var left = saved.mode === "exam" ? " · " + clock(saved.deadline - Date.now()) + " left" : "";
        box.appendChild(el("div", { class: "saa-resume admonition note" }, [
          el("p", { text: "You have an exam in progress: question " + (saved.index + 1) + " of " + saved.ids.length + ", " + Object.keys(saved.answers).length + " answered" + left + "." }),
          el("button", { class: "md-button md-button--primary saa-resume-btn", type: "button", text: "Resume exam", onclick: function () { showQuestion(saved.index); } }),
          " ",
          el("button", { class: "md-button saa-discard-btn", type: "button", text: "Discard it", onclick: function () { save(null); showSetup(); say("Exam discarded."); } })
        ]));
      }
      var form = el("form", { class: "saa-setup-form", novalidate: true });
      function group(legend, name, choices) {
        var fs = el("fieldset", { class: "saa-choice" }, [el("legend", { text: legend })]);
        choices.forEach(function (c, i) {
          var id = "saa-" + name + "-" + c.value;
          fs.appendChild(el("div", { class: "saa-radio" }, [
            el("input", { type: "radio", name: name, id: id, value: c.value, checked: c.checked || (i === 0 && !choices.some(function (x) { return x.checked; })), disabled: c.disabled }),
            el("label", { for: id, text: c.label })
          ]));
        });
        return fs;
      }
      form.appendChild(group("Mode", "mode", [
        { value: "exam", label: "Exam mode: " + bp.minutes + "-minute countdown, no feedback until you submit", checked: params.get("mode") !== "practice" },
        { value: "practice", label: "Practice mode: no timer, check each answer as you go", checked: params.get("mode") === "practice" }
      ]));
      form.appendChild(group("Length", "size", bp.lengths.map(function (l) {
        return { value: l.id, label: l.label + " (" + l.questions + " questions" + (l.questions === bp.questions ? ", " + bp.minutes + " min" : "") + ")", checked: params.get("length") === l.id };
      })));
      form.appendChild(group("Questions from", "scope", [
        { value: "all", label: "The whole bank (" + bank.questions.length + " questions)", checked: params.get("scope") !== "wrong" },
        { value: "wrong", label: "Only questions I got wrong before (" + wrong.length + ")", disabled: !wrong.length, checked: params.get("scope") === "wrong" && wrong.length }
      ]));
      var seedId = "saa-seed";
      form.appendChild(el("div", { class: "saa-seed" }, [
        el("label", { for: seedId, text: "Seed (optional: the same seed replays the same exam)" }),
        el("input", { id: seedId, name: "seed", inputmode: "numeric", autocomplete: "off", value: params.get("seed") || "" }),
        el("span", { class: "saa-field-error", id: seedId + "-err", "aria-live": "polite" })
      ]));
      form.appendChild(el("button", { class: "md-button md-button--primary saa-start", type: "submit", text: saved ? "Start a new exam (discards the one in progress)" : "Start" }));
      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        var f = form.elements, seedText = f.seed.value.trim();
        if (seedText && !/^\d{1,9}$/.test(seedText)) {
          form.querySelector("#" + seedId + "-err").textContent = "A seed is a whole number of up to 9 digits, e.g. 42.";
          f.seed.setAttribute("aria-invalid", "true");
          f.seed.focus();
          return;
        }
        var seed = seedText ? Number(seedText) : Math.floor(Math.random() * 1e9);
        var length = bp.lengths.filter(function (l) { return l.id === f.size.value; })[0];
        var only = f.scope.value === "wrong" ? wrong : null;
        begin({ mode: f.mode.value, length: length, seed: seed, only: only, scope: f.scope.value });
      });
      box.appendChild(form);
      box.appendChild(el("p", { class: "saa-note", text: "Questions are drawn without repeats in the exam's domain weights: " +
        bp.domains.map(function (d) { return d.name + " " + d.weight + "%"; }).join(", ") + "." }));
      view.appendChild(box);
    }

    function begin(opts) {
      var d = draw(bank, bp, opts.seed, opts.length.questions, opts.only);
      var minutes = Math.round(bp.minutes * d.ids.length / bp.questions);
      var exam = {
        v: 1, mode: opts.mode, lengthId: opts.length.id, seed: opts.seed, scope: opts.scope, ids: d.ids, order: d.order,
        answers: {}, checked: {}, flags: {}, index: 0, startedAt: Date.now(),
        minutes: minutes, deadline: opts.mode === "exam" ? Date.now() + minutes * 60000 : null
      };
      if (history.replaceState) {
        var q = "?seed=" + opts.seed + "&mode=" + opts.mode + "&length=" + opts.length.id + (opts.scope === "wrong" ? "&scope=wrong" : "");
        history.replaceState(history.state, "", location.pathname + q);
      }
      if (!save(exam)) say("Your browser is not saving progress, so this exam cannot survive a reload.");
      memory = exam;
      showQuestion(0);
    }

    var memory = null;  // the exam when storage is unavailable
    function exam() { return current() || memory; }
    function store(e) { memory = e; save(e); }

    /* Timer */
    function runTimer(e, label) {
      stopTimer();
      if (e.mode !== "exam") return;
      var warned = {};
      function tick() {
        var left = e.deadline - Date.now();
        label.textContent = clock(left);
        [10, 5, 1].forEach(function (m) {
          if (left <= m * 60000 && left > 0 && !warned[m]) { warned[m] = true; if (left < (m * 60000 - 2000) || m === 1) say(m + (m === 1 ? " minute" : " minutes") + " left."); }
        });
        if (left <= 0) { stopTimer(); finish(true); }
      }
      tick();
      timerId = setInterval(tick, 1000);
    }

    /* One question */
    function showQuestion(i) {
      var e = exam();
      if (!e) return showSetup();
      e.index = Math.max(0, Math.min(i, e.ids.length - 1));
      store(e);
      var q = byId[e.ids[e.index]], order = e.order[q.id], chosen = e.answers[q.id] || [];
      var checked = e.mode === "practice" && e.checked[q.id];
      view.textContent = "";
      var timer = el("span", { class: "saa-timer", role: "timer", "aria-label": "Time left" });
      var flagBtn = el("button", { type: "button", class: "md-button saa-flag", "aria-pressed": e.flags[q.id] ? "true" : "false",
        text: e.flags[q.id] ? "⚑ Flagged" : "⚐ Flag for review",
        onclick: function () {
          var x = exam(); x.flags[q.id] = !x.flags[q.id]; if (!x.flags[q.id]) delete x.flags[q.id]; store(x);
          flagBtn.setAttribute("aria-pressed", x.flags[q.id] ? "true" : "false");
          flagBtn.textContent = x.flags[q.id] ? "⚑ Flagged" : "⚐ Flag for review";
          say(x.flags[q.id] ? "Flagged for review." : "Flag removed.");
        } });
      var head = el("div", { class: "saa-head" }, [
        el("h2", { class: "saa-qnum", text: "Question " + (e.index + 1) + " of " + e.ids.length }),
        e.mode === "exam" ? timer : el("span", { class: "saa-mode", text: "Practice mode" }),
        flagBtn
      ]);
      view.appendChild(head);
      var fs = el("fieldset", { class: "saa-question", "data-qid": q.id }, [
        el("legend", { class: "saa-visually-hidden", text: "Question " + (e.index + 1) }),
        el("div", { class: "saa-stem", html: q.stem }),
        q.pick ? el("p", { class: "saa-pick" }, [el("strong", { text: q.pick })]) : null
      ]);
      var list = el("ul", { class: "saa-options" });
      order.forEach(function (key, pos) {
        var id = "saa-opt-" + pos, isChosen = chosen.indexOf(key) >= 0;
        var li = el("li", { class: "saa-option", "data-key": key }, [
          el("input", { type: q.type === "multiple" ? "checkbox" : "radio", name: "saa-answer", id: id, value: key, checked: isChosen, disabled: !!checked }),
          el("label", { for: id }, [el("span", { class: "saa-letter", "aria-hidden": "true", text: LETTERS[pos] }), el("span", { class: "saa-text", html: q.options[key].text })])
        ]);
        list.appendChild(li);
      });
      fs.appendChild(list);
      fs.addEventListener("change", function () {
        var x = exam();
        var keys = Array.prototype.map.call(fs.querySelectorAll("input:checked"), function (inp) { return Number(inp.value); });
        if (keys.length) x.answers[q.id] = keys; else delete x.answers[q.id];
        store(x);
        updateMapButton();
        if (checkBtn) checkBtn.disabled = keys.length !== q.answer.length;
      });
      view.appendChild(fs);
      var feedback = el("div", { class: "saa-feedback" });
      var checkBtn = null;
      if (e.mode === "practice") {
        checkBtn = el("button", { type: "button", class: "md-button md-button--primary saa-check", text: "Check answer", disabled: chosen.length !== q.answer.length || !!checked,
          onclick: function () { var x = exam(); x.checked[q.id] = true; store(x); showQuestion(x.index); say(view.querySelector(".saa-verdict").textContent); } });
        if (!checked) view.appendChild(checkBtn);
      }
      if (checked) { renderFeedback(feedback, q, chosen, order); }
      view.appendChild(feedback);
      var nav = el("div", { class: "saa-nav" }, [
        el("button", { type: "button", class: "md-button saa-prev", text: "← Previous", disabled: e.index === 0, onclick: function () { showQuestion(exam().index - 1); focusHeading(); } }),
        el("button", { type: "button", class: "md-button saa-next", text: "Next →", disabled: e.index === e.ids.length - 1, onclick: function () { showQuestion(exam().index + 1); focusHeading(); } }),
        el("button", { type: "button", class: "md-button md-button--primary saa-review", text: "Review & submit", onclick: showReview })
      ]);
      view.appendChild(nav);
      view.appendChild(questionMap(e, true));
      function updateMapButton() {
        var old = view.querySelector(".saa-map");
        if (old) old.replaceWith(questionMap(exam(), true));
      }
      runTimer(e, timer);
    }

    function renderFeedback(box, q, chosen, order) {
      var ok = sameSet(chosen, q.answer);
      box.appendChild(el("p", { class: "saa-verdict " + (ok ? "is-right" : "is-wrong"), text: ok ? "✔ Correct." : "✘ Not quite. The answer is " +
        q.answer.map(function (k) { return LETTERS[order.indexOf(k)]; }).sort().join(" and ") + "." }));
      var ul = el("ul", { class: "saa-explain" });
      order.forEach(function (key, pos) {
        var right = q.answer.indexOf(key) >= 0, picked = chosen.indexOf(key) >= 0;
        ul.appendChild(el("li", { class: (right ? "opt-correct " : "") + (picked ? "opt-picked" : "") }, [
          el("strong", { text: LETTERS[pos] + " " + (right ? (picked ? "✔ your answer, correct" : "✔ correct answer") : (picked ? "✘ your answer, incorrect" : "✘ incorrect")) + ": " }),
          el("span", { html: q.options[key].why })
        ]));
      });
      box.appendChild(ul);
      box.appendChild(sources(q));
      return ok;
    }

    function sources(q) {
      var p = el("p", { class: "saa-sources" }, ["Learn more: "]);
      q.sources.forEach(function (s, i) {
        if (i) p.appendChild(document.createTextNode(", "));
        p.appendChild(el("a", { href: siteRoot + s.href, text: s.title }));
      });
      return p;
    }

    function questionMap(e, compact) {
      var nav = el("nav", { class: "saa-map", "aria-label": "Question map" });
      if (!compact) nav.appendChild(el("p", { class: "saa-legend", text: "✓ answered · ○ unanswered · ⚑ flagged" }));
      var grid = el("ol", { class: "saa-map-grid" });
      e.ids.forEach(function (id, i) {
        var answered = !!e.answers[id], flagged = !!e.flags[id];
        var label = "Question " + (i + 1) + ": " + (answered ? "answered" : "unanswered") + (flagged ? ", flagged" : "") + (i === e.index ? ", current" : "");
        grid.appendChild(el("li", {}, [el("button", {
          type: "button", class: "saa-map-btn" + (answered ? " is-answered" : "") + (flagged ? " is-flagged" : "") + (i === e.index ? " is-current" : ""),
          "aria-label": label, "aria-current": i === e.index ? "step" : null, text: (i + 1) + (flagged ? "⚑" : answered ? "✓" : "○"),
          onclick: function () { showQuestion(i); focusHeading(); }
        })]));
      });
      nav.appendChild(grid);
      return nav;
    }

    function showReview() {
      var e = exam();
      view.textContent = "";
      var unanswered = e.ids.filter(function (id) { return !e.answers[id]; }).length;
      var flagged = Object.keys(e.flags).length;
      var timer = el("span", { class: "saa-timer", role: "timer", "aria-label": "Time left" });
      view.appendChild(el("div", { class: "saa-head" }, [el("h2", { text: "Review before you submit" }), e.mode === "exam" ? timer : null]));
      view.appendChild(el("p", { text: (e.ids.length - unanswered) + " of " + e.ids.length + " answered, " + unanswered + " unanswered, " + flagged + " flagged. Choose a question to go back to it." }));
      view.appendChild(questionMap(e, false));
      var warn = el("div", { class: "saa-warning admonition warning", role: "alertdialog", "aria-labelledby": "saa-warn-title", hidden: true }, [
        el("p", { id: "saa-warn-title", class: "admonition-title", text: "You have " + unanswered + " unanswered question" + (unanswered === 1 ? "" : "s") }),
        el("p", { text: "An unanswered question scores zero, as in the real exam. Submit anyway?" }),
        el("button", { type: "button", class: "md-button md-button--primary saa-confirm-submit", text: "Submit anyway", onclick: function () { finish(false); } }),
        " ",
        el("button", { type: "button", class: "md-button saa-cancel-submit", text: "Keep working", onclick: function () { warn.hidden = true; submit.focus(); } })
      ]);
      var submit = el("button", { type: "button", class: "md-button md-button--primary saa-submit", text: "Submit exam", onclick: function () {
        if (unanswered) { warn.hidden = false; warn.querySelector(".saa-confirm-submit").focus(); } else finish(false);
      } });
      view.appendChild(el("div", { class: "saa-nav" }, [
        el("button", { type: "button", class: "md-button saa-back", text: "← Back to question " + (e.index + 1), onclick: function () { showQuestion(exam().index); } }),
        submit
      ]));
      view.appendChild(warn);
      runTimer(e, timer);
      focusHeading();
    }

    /* Result */
    function finish(timedOut) {
      stopTimer();
      var e = exam();
      if (!e) return showSetup();
      var per = {}, right = 0, wrong = [];
      bp.domains.forEach(function (d) { per[d.id] = { right: 0, total: 0 }; });
      e.ids.forEach(function (id) {
        var q = byId[id], ok = sameSet(e.answers[id] || [], q.answer);
        per[q.domain].total++;
        if (ok) { right++; per[q.domain].right++; } else wrong.push(id);
      });
      var fraction = right / e.ids.length;
      var result = {
        at: Date.now(), mode: e.mode, lengthId: e.lengthId, seed: e.seed, n: e.ids.length, right: right,
        percent: Math.round(fraction * 1000) / 10, scaled: scaledScore(fraction, bp.score), passed: scaledScore(fraction, bp.score) >= bp.score.pass,
        perDomain: per, timeUsedMs: Math.min(Date.now() - e.startedAt, e.deadline ? e.minutes * 60000 : Infinity), timedOut: !!timedOut,
        ids: e.ids, wrong: wrong, answers: e.answers, order: e.order
      };
      P.update(function (s) { s.exams.push(result); s.exam = null; });
      memory = null;
      showResult(result);
      say((timedOut ? "Time is up. Your exam was submitted. " : "Exam submitted. ") + "You scored " + result.percent + " percent.");
    }

    function showResult(r) {
      view.textContent = "";
      view.appendChild(el("h2", { text: r.timedOut ? "Time is up: your result" : "Your result" }));
      var s = bp.score;
      view.appendChild(el("div", { class: "saa-score" }, [
        el("p", { class: "saa-raw" }, [el("strong", { text: r.percent + "%" }), " (" + r.right + " of " + r.n + " correct)"]),
        el("p", { class: "saa-scaled " + (r.passed ? "is-pass" : "is-fail") }, [
          "Estimated scaled score: ", el("strong", { text: String(r.scaled) }), " / " + s.max + " → ",
          el("strong", { text: r.passed ? "PASS (estimate)" : "FAIL (estimate)" }), " against the pass mark of " + s.pass + "."
        ]),
        el("p", { class: "saa-note", text: "This is an estimate. AWS reports a scaled score from " + s.min + " to " + s.max + " and does not publish how raw answers map to it. The site assumes a cut score of " +
          Math.round(s.assumed_pass_fraction * 100) + "% correct = " + s.pass + ", and scales linearly from 0% = " + s.min + " and to 100% = " + s.max + "." }),
        el("p", { class: "saa-time", text: "Time used: " + clock(r.timeUsedMs) + (r.mode === "exam" ? " of " + clock(Math.round(bp.minutes * r.n / bp.questions) * 60000) : "") + "." })
      ]));
      view.appendChild(el("h3", { text: "By domain" }));
      var chart = el("div", { class: "saa-bars", role: "img", "aria-label": "Score by domain: " + bp.domains.map(function (d) {
        var p = r.perDomain[d.id]; return d.name + " " + (p.total ? Math.round(100 * p.right / p.total) : 0) + "%"; }).join(", ") });
      bp.domains.forEach(function (d) {
        var p = r.perDomain[d.id], pct = p.total ? Math.round(100 * p.right / p.total) : 0;
        chart.appendChild(el("div", { class: "saa-bar-row" }, [
          el("span", { class: "saa-bar-label", text: d.name + " (" + d.weight + "%)" }),
          el("span", { class: "saa-bar" }, [el("span", { class: "saa-bar-fill" + (pct >= s.assumed_pass_fraction * 100 ? " is-good" : ""), style: "width:" + pct + "%" })]),
          el("span", { class: "saa-bar-value", text: p.right + "/" + p.total + " · " + pct + "%" })
        ]));
      });
      view.appendChild(chart);
      var actions = el("div", { class: "saa-nav" }, [
        r.wrong.length ? el("button", { type: "button", class: "md-button md-button--primary saa-retake", text: "Retake the wrong ones (" + r.wrong.length + ")", onclick: function () {
          begin({ mode: r.mode, length: { id: "retake", questions: r.wrong.length }, seed: Math.floor(Math.random() * 1e9), only: r.wrong, scope: "retake" });
        } }) : null,
        el("button", { type: "button", class: "md-button saa-new", text: "New exam", onclick: showSetup }),
        el("a", { class: "md-button", href: siteRoot + pagePath(root, "progress"), text: "See your progress" })
      ]);
      view.appendChild(actions);
      view.appendChild(el("h3", { text: "Review every question" }));
      var list = el("ol", { class: "saa-review-list" });
      r.ids.forEach(function (id) {
        var q = byId[id], chosen = r.answers[id] || [], order = r.order[id];
        var item = el("li", { class: "saa-review-item", "data-qid": id }, [el("div", { class: "saa-stem", html: q.stem }), q.pick ? el("p", { class: "saa-pick", text: q.pick }) : null]);
        var fb = el("div", { class: "saa-feedback" });
        if (!chosen.length) fb.appendChild(el("p", { class: "saa-unanswered", text: "You did not answer this question." }));
        renderFeedback(fb, q, chosen, order);
        item.appendChild(fb);
        list.appendChild(item);
      });
      view.appendChild(list);
      focusHeading();
    }

    if (new URLSearchParams(location.search).get("resume") !== "0" && current()) {
      var e = current();
      if (e.mode === "exam" && e.deadline <= Date.now()) { memory = e; finish(true); return; }
      showSetup();
      return;
    }
    showSetup();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('.saa-app[data-app="exam"]'), setup);
  }
  window.SAAOnPage(init);
})();
