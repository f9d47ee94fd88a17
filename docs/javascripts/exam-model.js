/* The practice exam's pure logic: the seeded, domain-weighted draw, scoring, the
   scaled-score estimate, and what a learner has seen, got wrong or left
   unanswered. No DOM here: the exam, the dashboard and the Node tests share it. */
(function (global) {
  "use strict";
  var C = typeof module === "object" && module.exports ? require("./core.js") : global.SAA;
  var P = typeof module === "object" && module.exports ? require("./progress.js") : global.SAAProgress;

  function mulberry32(a) {
    return function () {
      a |= 0; a = a + 0x6D2B79F5 | 0;
      var t = Math.imul(a ^ a >>> 15, 1 | a);
      t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t;
      return ((t ^ t >>> 14) >>> 0) / 4294967296;
    };
  }

  /* [0, 1, …, n - 1]: a question's option keys (the bank gives their count, n). */
  function keys(n) {
    var out = [];
    for (var i = 0; i < n; i++) out.push(i);
    return out;
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

  /* n questions without repeats in the blueprint's weights; onlyIds limits the pool. */
  function draw(bank, blueprint, seed, n, onlyIds) {
    var rnd = mulberry32(seed);
    var pool = bank.questions.filter(function (q) { return !onlyIds || onlyIds.indexOf(q.id) >= 0; });
    n = Math.min(n, pool.length);
    var counts = apportion(n, blueprint.domains), picked = [], deficit = 0;
    blueprint.domains.forEach(function (d) {
      var mine = C.shuffled(pool.filter(function (q) { return q.domain === d.id; }), rnd).slice(0, counts[d.id]);
      deficit += counts[d.id] - mine.length;
      picked = picked.concat(mine);
    });
    if (deficit > 0) {  // a small pool (e.g. only wrong answers) cannot honour the weights
      var rest = C.shuffled(pool.filter(function (q) { return picked.indexOf(q) < 0; }), rnd);
      picked = picked.concat(rest.slice(0, deficit));
    }
    picked = C.shuffled(picked, rnd);
    var order = {};
    picked.forEach(function (q) { order[q.id] = C.shuffled(keys(q.n), rnd); });
    return { ids: picked.map(function (q) { return q.id; }), order: order };
  }

  /* A number from a text, so a fixed form gets the same option orders at every sitting. */
  function seedOf(text) {
    var h = 2166136261;
    for (var i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    return h >>> 0;
  }

  /* A fixed mock exam: the form's questions in the form's order, options shuffled by a seed
     fixed per form, so form A sat twice is the same exam and its scores compare. */
  function drawForm(bank, form) {
    var rnd = mulberry32(seedOf("form:" + form.id)), byId = {}, order = {};
    bank.questions.forEach(function (q) { byId[q.id] = q; });
    var ids = form.questions.filter(function (id) { return byId[id]; });
    ids.forEach(function (id) { order[id] = C.shuffled(keys(byId[id].n), rnd); });
    return { ids: ids, order: order };
  }

  /* The questions a drill may draw from: every filter given must match. */
  function drillPool(questions, f) {
    return questions.filter(function (q) {
      return (!f.domain || q.domain === f.domain) && (!f.chapter || q.chapter === f.chapter) &&
        (!f.difficulty || q.difficulty === f.difficulty) && (!f.service || (q.services || []).indexOf(f.service) >= 0);
    }).map(function (q) { return q.id; });
  }

  /* Minutes for a sitting of n questions, at the real exam's pace. */
  function minutesFor(bp, n) { return Math.round(bp.minutes * n / bp.questions); }

  function scaledScore(fraction, s) {
    var p = s.assumed_pass_fraction;
    var v = fraction <= p ? s.min + (s.pass - s.min) * fraction / p : s.pass + (s.max - s.pass) * (fraction - p) / (1 - p);
    return Math.round(v);
  }

  /* A new exam in progress. */
  /* opts: mode, lengthId, questions, scope, seed; and optionally only (ids to draw from),
     form ({id, label, questions}: a fixed mock exam), drill (the filters, for the record) and
     unscored (how many questions count for nothing, as on the real exam). */
  function newExam(bank, bp, opts, now) {
    var d = opts.form ? drawForm(bank, opts.form) : draw(bank, bp, opts.seed, opts.questions, opts.only);
    var minutes = minutesFor(bp, d.ids.length);
    var e = {
      v: 2, id: P.examId(opts.seed, now), mode: opts.mode, lengthId: opts.lengthId, scope: opts.scope, seed: opts.seed,
      ids: d.ids, order: d.order, answers: {}, checked: {}, flags: {}, visited: {}, index: 0, startedAt: now,
      minutes: minutes, deadline: opts.mode === "exam" ? now + minutes * 60000 : null
    };
    if (opts.form) { e.form = opts.form.id; e.formLabel = opts.form.label; }
    if (opts.drill) e.drill = opts.drill;
    if (opts.unscored) e.unscored = C.shuffled(d.ids, mulberry32(opts.seed ^ 0x5bd1e995)).slice(0, opts.unscored);
    e.kind = P.classify(e);
    return e;
  }

  /* Are you keeping the exam's pace? Behind when the unanswered questions, at the real exam's
     time per question, need more than the time left (with two questions of slack). */
  function pace(e, now) {
    var perQ = e.minutes * 60000 / e.ids.length, left = Math.max(0, e.deadline - now);
    var todo = e.ids.filter(function (id) { return !(e.answers[id] || []).length; }).length;
    return { todo: todo, leftMs: left, perQuestionMs: perQ, behind: todo > 0 && todo * perQ > left + 2 * perQ };
  }

  /* The result of an exam: right, wrong (answered wrongly) and unanswered kept apart. */
  /* Unscored questions (e.unscored) are kept in wrong and unanswered, for review and retakes,
     but count towards neither the score nor the domains, as on the real exam. */
  function score(e, byId, bp, now, timedOut) {
    var per = {}, right = 0, wrong = [], unanswered = [], unscored = e.unscored || [], unscoredRight = 0;
    bp.domains.forEach(function (d) { per[d.id] = { right: 0, total: 0 }; });
    e.ids.forEach(function (id) {
      var q = byId[id], chosen = e.answers[id] || [], counts = unscored.indexOf(id) < 0;
      var ok = chosen.length && C.sameSet(chosen, q.answer);
      if (counts) per[q.domain].total++;
      if (!chosen.length) unanswered.push(id);
      else if (!ok) wrong.push(id);
      else if (counts) { right++; per[q.domain].right++; }
      else unscoredRight++;
    });
    var scored = e.ids.length - unscored.length;
    var fraction = scored ? right / scored : 0, scaled = scaledScore(fraction, bp.score);
    var used = now - e.startedAt;
    return {
      id: e.id, kind: e.kind, at: now, mode: e.mode, lengthId: e.lengthId, scope: e.scope, seed: e.seed, startedAt: e.startedAt,
      n: e.ids.length, right: right, percent: Math.round(fraction * 1000) / 10, scaled: scaled, passed: scaled >= bp.score.pass,
      perDomain: per, timeUsedMs: e.deadline ? Math.min(used, e.minutes * 60000) : used, minutes: e.minutes, timedOut: !!timedOut,
      ids: e.ids, wrong: wrong, unanswered: unanswered, answers: e.answers, order: e.order, flags: e.flags || {}, visited: e.visited || {},
      form: e.form || null, formLabel: e.formLabel || null, drill: e.drill || null,
      scored: scored, unscored: unscored, unscoredRight: unscoredRight
    };
  }

  /* The readiness rule, written once here and shown on the dashboard as it is:
     ready when the FIRST exam-mode sitting of two different fixed forms each scored at least
     80%, with no domain below 70%. Retakes, drills, practice runs, random exams and second
     attempts at a form do not count: a learner who has seen a form's questions would overrate
     themselves. */
  var READY = { forms: 2, percent: 80, domainPercent: 70 };

  function readiness(state, forms, bp) {
    var first = {};
    state.exams.forEach(function (r) {
      if (r.form && r.mode === "exam" && r.kind === "full" && (!first[r.form] || first[r.form].at > r.at)) first[r.form] = r;
    });
    var names = {};
    bp.domains.forEach(function (d) { names[d.id] = d.name; });
    var sat = forms.filter(function (f) { return first[f.id]; }).map(function (f) {
      var r = first[f.id], weak = bp.domains.filter(function (d) {
        var p = r.perDomain[d.id];
        return p && p.total && 100 * p.right / p.total < READY.domainPercent;
      }).map(function (d) { return d.id; });
      return { form: f, result: r, weak: weak, counts: r.percent >= READY.percent && !weak.length };
    });
    var passed = sat.filter(function (s) { return s.counts; });
    var steps = [];
    sat.forEach(function (s) {
      if (s.result.percent < READY.percent) steps.push({ text: s.form.label + " scored " + s.result.percent + "% on its first sitting, below " + READY.percent + "%." });
      s.weak.forEach(function (d) {
        var p = s.result.perDomain[d];
        steps.push({ text: "Drill " + names[d] + ": " + Math.round(100 * p.right / p.total) + "% on " + s.form.label + ", below " + READY.domainPercent + "%.",
          query: "?scope=drill&domain=" + d + "&mode=practice" });
      });
    });
    var unsat = forms.filter(function (f) { return !first[f.id]; });
    var need = Math.max(0, READY.forms - passed.length);
    unsat.slice(0, need).forEach(function (f) { steps.push({ text: "Sit " + f.label + " in exam mode.", query: "?scope=form&form=" + f.id + "&mode=exam" }); });
    if (need > unsat.length) steps.push({ text: "Every form has had its first sitting. Drill your weak domains; a second sitting of a form does not count, because you have seen its questions." });
    return { ready: passed.length >= READY.forms, rule: READY, sat: sat, steps: steps };
  }

  /* Per question, the latest answered attempt in a quiz or an exam: {id: {ok, at}}.
     An unanswered exam question is no attempt. */
  function lastAttempts(state) {
    var last = {};
    function note(id, ok, at) { if (!last[id] || last[id].at <= at) last[id] = { ok: ok, at: at }; }
    state.exams.forEach(function (r) {
      r.ids.forEach(function (id) { if ((r.answers[id] || []).length) note(id, r.wrong.indexOf(id) < 0, r.at); });
    });
    Object.keys(state.quiz).forEach(function (id) {
      var q = state.quiz[id];
      if (q && typeof q.ok === "boolean") note(id, q.ok, q.at || 0);
    });
    return last;
  }

  function wrongBefore(state) {
    var last = lastAttempts(state);
    return Object.keys(last).filter(function (id) { return !last[id].ok; });
  }

  /* Ids the learner has met: answered anywhere, or shown during an exam. */
  function seenIds(state) {
    var seen = {};
    Object.keys(state.quiz).forEach(function (id) { var q = state.quiz[id]; if (q && (q.attempts || typeof q.ok === "boolean")) seen[id] = true; });
    state.exams.concat(state.exam ? [state.exam] : []).forEach(function (r) {
      r.ids.forEach(function (id) { if ((r.answers[id] || []).length || (r.visited && r.visited[id])) seen[id] = true; });
    });
    return seen;
  }

  function unseen(bank, state) {
    var seen = seenIds(state);
    return bank.questions.filter(function (q) { return !seen[q.id]; }).map(function (q) { return q.id; });
  }

  function clock(ms) {
    var s = Math.max(0, Math.ceil(ms / 1000)), h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60);
    return (h ? h + ":" + (m < 10 ? "0" : "") : "") + m + ":" + (s % 60 < 10 ? "0" : "") + s % 60;
  }

  var api = { mulberry32: mulberry32, apportion: apportion, draw: draw, drawForm: drawForm, drillPool: drillPool, minutesFor: minutesFor,
    scaledScore: scaledScore, newExam: newExam, pace: pace, score: score, READY: READY, readiness: readiness, lastAttempts: lastAttempts, wrongBefore: wrongBefore, seenIds: seenIds, unseen: unseen, clock: clock };

  if (typeof module === "object" && module.exports) { module.exports = api; return; }

  /* Data files are scripts, not JSON, so they also load from file:// where fetch() is blocked.
     Resolves with what the script put in global[name] (and key, if given). */
  function loadScript(src, name, key, what) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = function () {
        var v = global[name] && (key === undefined ? global[name] : global[name][key]);
        if (v) resolve(v); else reject(new Error("empty file " + src));
      };
      s.onerror = function () { reject(new Error("could not load " + what)); };
      document.head.appendChild(s);
    });
  }

  /* The review's number and correction cards. */
  api.loadCards = function (src) {
    return global.SAA_CARDS ? Promise.resolve(global.SAA_CARDS) : loadScript(src, "SAA_CARDS", undefined, "the review cards");
  };

  /* The bank's questions of these chapters, one script per chapter (base: the folder), so a
     page fetches only the chapters of the questions it shows. A failed chapter is tried again
     by the next call. */
  var pending = {};
  api.loadQuestions = function (base, chapters) {
    var parts = global.SAA_BANK_PARTS = global.SAA_BANK_PARTS || {};
    var wanted = chapters.filter(function (c, i) { return chapters.indexOf(c) === i; });
    return Promise.all(wanted.map(function (c) {
      if (parts[c]) return parts[c];
      pending[c] = pending[c] || loadScript(base + c + ".js", "SAA_BANK_PARTS", c, "the question bank").catch(function (err) {
        delete pending[c];
        throw err;
      });
      return pending[c];
    })).then(function (lists) { return [].concat.apply([], lists); });
  };
  /* A page's URL from the site root, in the build's URL style (05-s3/ online, 05-s3.html offline). */
  api.pagePath = function (app, page, query) {
    return (app.getAttribute("data-url-style") === "file" ? page + ".html" : page + "/") + (query || "");
  };
  global.SAAExam = api;
})(this);
