/* Saved progress in localStorage, shared by the quizzes, the exam and the dashboard.
   Storage that is disabled, full or corrupted must never break a page, and no
   learner's progress is ever silently lost: unreadable data is kept aside in a
   backup key before anything is written over it.

   The pure parts (migration, classification, import checks, merge) are also
   loaded by the Node tests. */
(function (global) {
  "use strict";
  var KEY = "saa-c03/progress/v1";  // the key stays; the schema inside is versioned
  var VERSION = 2;
  var APP = "saa-c03-study-site";
  // The kinds of sitting and their names; only "full" is scored as a sitting.
  var KIND_LABELS = { full: "Full exam", short: "Shorter exam", retake: "Retake", practice: "Practice run", drill: "Drill" };
  var KINDS = Object.keys(KIND_LABELS);

  var R = typeof module === "object" && module.exports ? require("./review-model.js") : global.SAAReview;

  function empty() {
    return { version: VERSION, quiz: {}, exams: [], exam: null, review: R.empty() };
  }

  function isObj(x) { return !!x && typeof x === "object" && !Array.isArray(x); }
  function isIds(x) { return Array.isArray(x) && x.every(function (s) { return typeof s === "string"; }); }
  function num(x) { return typeof x === "number" && isFinite(x); }

  /* What a sitting was: only "full" sittings feed the score trend and the pass estimate. */
  function classify(x) {
    if (x.scope === "retake" || x.lengthId === "retake") return "retake";
    if (x.mode === "practice") return "practice";
    if (x.scope === "drill") return "drill";
    return x.lengthId === "full" ? "full" : "short";
  }

  function examId(seed, startedAt) { return seed + "-" + startedAt; }

  /* A stored result, v1 or v2, as a v2 result; null if it is not one. */
  function migrateResult(r) {
    if (!isObj(r) || !isIds(r.ids) || !num(r.at) || !num(r.percent) || !isObj(r.answers)) return null;
    var out = {}; Object.keys(r).forEach(function (k) { out[k] = r[k]; });
    // v1 counted an unanswered question as wrong; v2 keeps them apart.
    out.unanswered = isIds(r.unanswered) ? r.unanswered : r.ids.filter(function (id) { return !(r.answers[id] || []).length; });
    out.wrong = (isIds(r.wrong) ? r.wrong : []).filter(function (id) { return out.unanswered.indexOf(id) < 0; });
    out.kind = KINDS.indexOf(r.kind) >= 0 ? r.kind : classify(r);
    out.id = typeof r.id === "string" && r.id ? r.id : examId(r.seed, num(r.startedAt) ? r.startedAt : r.at);
    out.flags = isObj(r.flags) ? r.flags : {};
    out.visited = isObj(r.visited) ? r.visited : {};
    return out;
  }

  function migrateExam(e) {
    if (!isObj(e) || !isIds(e.ids) || !isObj(e.answers) || !isObj(e.order)) return null;
    var out = {}; Object.keys(e).forEach(function (k) { out[k] = e[k]; });
    out.id = typeof e.id === "string" && e.id ? e.id : examId(e.seed, e.startedAt);
    out.kind = KINDS.indexOf(e.kind) >= 0 ? e.kind : classify(e);
    out.flags = isObj(e.flags) ? e.flags : {};
    out.checked = isObj(e.checked) ? e.checked : {};
    out.visited = isObj(e.visited) ? e.visited : {};
    return out;
  }

  /* Parsed JSON to a v2 state. Returns {state, dropped}: dropped lists what could
     not be read, for the caller to keep aside. Throws on a foreign shape. */
  function migrate(data) {
    if (!isObj(data) || (data.version !== 1 && data.version !== VERSION)) throw new Error("not a progress record of a known version");
    var state = empty(), dropped = [];
    if (isObj(data.quiz)) {
      Object.keys(data.quiz).forEach(function (id) {
        var q = data.quiz[id];
        if (isObj(q) && (q.ok === null || q.ok === undefined || typeof q.ok === "boolean")) state.quiz[id] = q;
        else dropped.push({ quiz: id, value: q });
      });
    }
    (Array.isArray(data.exams) ? data.exams : []).forEach(function (r) {
      var m = migrateResult(r);
      if (m) state.exams.push(m); else dropped.push({ exam: r });
    });
    if (data.exam !== null && data.exam !== undefined) {
      state.exam = migrateExam(data.exam);
      if (!state.exam) dropped.push({ inProgress: data.exam });
    }
    var r = R.migrate(data.review);  // spaced repetition's cards and log (absent before them)
    state.review = r.review;
    dropped = dropped.concat(r.dropped);
    return { state: state, dropped: dropped };
  }

  /* ---------- exported files ---------- */
  function exportFile(state, now) {
    return { app: APP, version: VERSION, exported_at: new Date(now).toISOString(), progress: state };
  }

  /* The state inside an export file, or an error message. A damaged file is refused
     whole: nothing from it is imported. */
  function readImport(data) {
    if (!isObj(data) || data.app !== APP) return { error: "This file is not a progress export from this site." };
    if ((data.version !== 1 && data.version !== VERSION) || !isObj(data.progress)) return { error: "This export is from an unsupported version." };
    var p = data.progress;
    if (!isObj(p.quiz) || !Array.isArray(p.exams)) return { error: "This export is damaged: it has no quiz answers or exam list." };
    var m;
    try { m = migrate(p); } catch (e) { return { error: "This export is from an unsupported version." }; }
    var bad = m.dropped.length;
    m.state.exams.forEach(function (r) {
      if (!num(r.n) || !num(r.right) || r.right > r.n || ["exam", "practice"].indexOf(r.mode) < 0 || !isObj(r.order)) bad++;
    });
    if (bad) return { error: "This export is damaged: " + bad + " entr" + (bad === 1 ? "y is" : "ies are") + " not valid." };
    return { state: m.state };
  }

  /* Both records kept: per question the later answer wins; exams are united by id. */
  function merge(mine, theirs) {
    var out = empty();
    [mine.quiz, theirs.quiz].forEach(function (quiz) {
      Object.keys(quiz).forEach(function (id) {
        var a = out.quiz[id], b = quiz[id];
        if (!a || (b.at || 0) >= (a.at || 0)) out.quiz[id] = b;
      });
    });
    var seen = {};
    mine.exams.concat(theirs.exams).forEach(function (r) {
      if (!seen[r.id]) { seen[r.id] = true; out.exams.push(r); }
    });
    out.exams.sort(function (a, b) { return a.at - b.at; });
    out.exam = mine.exam || theirs.exam;
    out.review = R.merge(mine.review, theirs.review);
    return out;
  }

  function counts(state) {
    return { answers: Object.keys(state.quiz).length, exams: state.exams.length, cards: Object.keys(state.review.cards).length };
  }

  var api = { KEY: KEY, VERSION: VERSION, APP: APP, KIND_LABELS: KIND_LABELS, empty: empty, classify: classify, examId: examId, migrate: migrate,
    exportFile: exportFile, readImport: readImport, merge: merge, counts: counts };

  if (typeof module === "object" && module.exports) { module.exports = api; return; }

  /* ---------- the browser store ---------- */
  function storage() {
    try { return global.localStorage || null; } catch (e) { return null; }  // disabled: privacy mode, sandbox
  }

  /* Keep unreadable data, once per distinct value, so nothing is silently destroyed.
     The first backup goes to KEY.corrupt (a plain copy); later distinct ones to KEY.backups. */
  var setAside = 0;  // how many unreadable records this page kept aside: pages tell the learner
  function keepAside(s, value) {
    setAside++;
    try {
      var first = s.getItem(KEY + ".corrupt");
      if (!first) { s.setItem(KEY + ".corrupt", value); return; }
      if (first === value) return;
      var more = [];
      try { more = JSON.parse(s.getItem(KEY + ".backups") || "[]"); } catch (e) { more = []; }
      if (!Array.isArray(more)) more = [];
      if (more.indexOf(value) < 0) { more.push(value); s.setItem(KEY + ".backups", JSON.stringify(more)); }
    } catch (e) { /* storage full: nothing more can be done */ }
  }

  function read() {
    var s = storage(), raw;
    if (!s) return empty();
    try { raw = s.getItem(KEY); } catch (e) { return empty(); }
    if (!raw) return empty();
    try {
      var m = migrate(JSON.parse(raw));
      if (m.dropped.length) keepAside(s, JSON.stringify(m.dropped));
      return m.state;
    } catch (e) {
      keepAside(s, raw);
      return empty();
    }
  }

  function write(state) {
    var s = storage();
    if (!s) return false;
    try { s.setItem(KEY, JSON.stringify(state)); return true; } catch (e) { return false; }  // quota or disabled
  }

  /* Apply fn to the current state and save it; returns true if it was saved. */
  function update(fn) {
    var state = read();
    fn(state);
    return write(state);
  }

  /* Record a finished exam exactly once, whatever the navigation or the number of
     tabs: a result is keyed by its exam's id. Returns the stored result. */
  function record(result) {
    var stored = result;
    update(function (s) {
      var had = s.exams.filter(function (r) { return r.id === result.id; })[0];
      if (had) stored = had; else s.exams.push(result);
      if (s.exam && s.exam.id === result.id) s.exam = null;
    });
    return stored;
  }

  api.setAside = function () { return setAside; };
  api.read = read;
  api.write = write;
  api.update = update;
  api.record = record;
  global.SAAProgress = api;
})(this);
