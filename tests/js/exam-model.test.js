// Pure logic of the practice exam and saved progress, in Node (no browser, no page loads).
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const fs = require("node:fs");
const vm = require("node:vm");

const JS = path.join(__dirname, "..", "..", "docs", "javascripts");
const M = require(path.join(JS, "exam-model.js"));
const P = require(path.join(JS, "progress.js"));

const BP = {
  questions: 65, minutes: 130,
  score: { min: 100, max: 1000, pass: 720, assumed_pass_fraction: 0.72 },
  domains: [{ id: "secure", weight: 30 }, { id: "resilient", weight: 26 }, { id: "performance", weight: 24 }, { id: "cost", weight: 20 }],
};

// The real bank the build writes, when a build exists; otherwise a synthetic one of the same shape.
function loadBank() {
  const built = process.env.SAA_BANK_DIR;
  if (built && fs.existsSync(built)) {
    const box = {};
    fs.readdirSync(built).filter((f) => f.endsWith(".js")).forEach((f) => vm.runInNewContext(fs.readFileSync(path.join(built, f), "utf8"), { window: box }));
    return { questions: Object.values(box.SAA_BANK_PARTS).flat() };
  }
  const questions = [];
  BP.domains.forEach((d) => {
    for (let i = 0; i < 90; i++) questions.push({ id: `${d.id}-${i}`, domain: d.id, n: 4, answer: [i % 4], chapter: "c" + (i % 5) });
  });
  return { questions };
}
const BANK = loadBank();
const byId = Object.fromEntries(BANK.questions.map((q) => [q.id, q]));

test("draws honour the domain weights within one question, never repeat, and replay by seed", () => {
  for (const n of [65, 33, 10]) {
    for (let seed = 1; seed <= 150; seed++) {
      const d = M.draw(BANK, BP, seed, n);
      assert.equal(new Set(d.ids).size, n);
      const counts = {};
      d.ids.forEach((id) => { counts[byId[id].domain] = (counts[byId[id].domain] || 0) + 1; });
      for (const dom of BP.domains) assert.ok(Math.abs((counts[dom.id] || 0) - (dom.weight * n) / 100) <= 1, `${dom.id} n=${n} seed=${seed}`);
      assert.deepEqual(M.draw(BANK, BP, seed, n).ids, d.ids);
    }
  }
  assert.notDeepEqual(M.draw(BANK, BP, 1, 65).ids, M.draw(BANK, BP, 2, 65).ids);
});

test("a small pool fills up from other domains rather than returning fewer questions", () => {
  const only = BANK.questions.filter((q) => q.domain === "cost").slice(0, 7).map((q) => q.id);
  const d = M.draw(BANK, BP, 3, 65, only);
  assert.deepEqual([...d.ids].sort(), [...only].sort());
});

test("the scaled score is linear either side of the assumed cut", () => {
  assert.equal(M.scaledScore(0, BP.score), 100);
  assert.equal(M.scaledScore(0.72, BP.score), 720);
  assert.equal(M.scaledScore(1, BP.score), 1000);
  assert.equal(M.scaledScore(0.86, BP.score), 860);
  assert.ok(M.scaledScore(0.7, BP.score) < 720);
});

function sitting(opts, answer) {
  const e = M.newExam(BANK, BP, { mode: "exam", lengthId: "quick", questions: 10, scope: "all", seed: 7, ...opts }, 1_000_000);
  e.ids.forEach((id, i) => { const a = answer(byId[id], i); if (a) e.answers[id] = a; });
  return e;
}
const wrongKey = (q) => [q.answer[0] === 0 ? 1 : 0];

test("scoring keeps right, wrong and unanswered apart", () => {
  const e = sitting({}, (q, i) => (i === 0 ? q.answer : i === 1 ? wrongKey(q) : null));
  const r = M.score(e, byId, BP, 1_060_000, false);
  assert.equal(r.right, 1);
  assert.deepEqual(r.wrong, [e.ids[1]]);
  assert.equal(r.unanswered.length, 8);
  assert.equal(r.percent, 10);
  assert.equal(r.kind, "short");
  assert.equal(r.id, e.id);
  assert.equal(r.timeUsedMs, 60_000);
});

test("unanswered questions are not 'got wrong before', nor 'seen' unless shown", () => {
  const e = sitting({}, (q, i) => (i === 0 ? wrongKey(q) : null));
  e.visited[e.ids[1]] = 1;
  const state = P.empty();
  state.exams.push(M.score(e, byId, BP, 1_100_000, false));
  assert.deepEqual(M.wrongBefore(state), [e.ids[0]]);
  const seen = M.seenIds(state);
  assert.ok(seen[e.ids[0]] && seen[e.ids[1]] && !seen[e.ids[2]]);
  assert.equal(M.unseen(BANK, state).length, BANK.questions.length - 2);
});

test("a later right answer in a chapter quiz clears 'got wrong before'", () => {
  const e = sitting({}, (q, i) => (i === 0 ? wrongKey(q) : null));
  const state = P.empty();
  state.exams.push(M.score(e, byId, BP, 1_100_000, false));
  state.quiz[e.ids[0]] = { ok: true, at: 2_000_000, chosen: [0], attempts: 1 };
  assert.deepEqual(M.wrongBefore(state), []);
});

test("sittings are classified: only full exam-mode sittings are 'full'", () => {
  assert.equal(P.classify({ mode: "exam", lengthId: "full", scope: "all" }), "full");
  assert.equal(P.classify({ mode: "exam", lengthId: "full", scope: "unseen" }), "full");
  assert.equal(P.classify({ mode: "exam", lengthId: "quick", scope: "all" }), "short");
  assert.equal(P.classify({ mode: "exam", lengthId: "retake", scope: "retake" }), "retake");
  assert.equal(P.classify({ mode: "practice", lengthId: "full", scope: "all" }), "practice");
});

test("v1 records migrate: unanswered leave 'wrong', kind and id are derived", () => {
  const ids = ["a", "b", "c"];
  const v1 = { version: 1, quiz: { a: { ok: false, at: 5 } }, exam: null,
    exams: [{ at: 10, mode: "exam", lengthId: "retake", seed: 4, n: 3, right: 1, percent: 33.3, ids, wrong: ["b", "c"], answers: { a: [0], b: [1] }, order: {} }] };
  const { state, dropped } = P.migrate(v1);
  assert.deepEqual(dropped, []);
  const r = state.exams[0];
  assert.deepEqual(r.wrong, ["b"]);
  assert.deepEqual(r.unanswered, ["c"]);
  assert.equal(r.kind, "retake");
  assert.equal(r.id, "4-10");
  assert.equal(state.version, 2);
});

test("unreadable entries are reported, not silently kept or lost", () => {
  const { state, dropped } = P.migrate({ version: 2, quiz: { a: "junk" }, exams: [{ at: "x" }], exam: { ids: 3 } });
  assert.equal(dropped.length, 3);
  assert.deepEqual(state.exams, []);
  assert.equal(state.exam, null);
  assert.throws(() => P.migrate({ version: 99 }));
  assert.throws(() => P.migrate([1, 2]));
});

function exportOf(state) { return JSON.parse(JSON.stringify(P.exportFile(state, 0))); }

test("an import with one damaged exam entry is refused whole", () => {
  const e = sitting({}, (q) => q.answer);
  const good = P.empty();
  good.exams.push(M.score(e, byId, BP, 1_100_000, false));
  assert.ok(P.readImport(exportOf(good)).state);
  const bad = exportOf(good);
  bad.progress.exams.push({ percent: 50, ids: ["x"], answers: {} });  // no date: showed "Invalid Date"
  assert.match(P.readImport(bad).error, /damaged/);
  const bad2 = exportOf(good);
  bad2.progress.exams[0].n = undefined;
  assert.match(P.readImport(bad2).error, /damaged/);
  assert.match(P.readImport({ app: "other" }).error, /not a progress export/);
  assert.match(P.readImport({ app: P.APP, version: 7, progress: {} }).error, /unsupported/);
});

test("merge keeps both records: the later answer wins, exams are united by id", () => {
  const a = P.empty(), b = P.empty();
  a.quiz.q1 = { ok: false, at: 1 }; b.quiz.q1 = { ok: true, at: 2 };
  a.quiz.q2 = { ok: true, at: 9 }; b.quiz.q2 = { ok: false, at: 3 };
  const e1 = M.score(sitting({ seed: 1 }, (q) => q.answer), byId, BP, 1_100_000, false);
  const e2 = M.score(sitting({ seed: 2 }, () => null), byId, BP, 1_200_000, false);
  a.exams.push(e1); b.exams.push(e1, e2);
  const m = P.merge(a, b);
  assert.equal(m.quiz.q1.ok, true);
  assert.equal(m.quiz.q2.ok, true);
  assert.deepEqual(m.exams.map((x) => x.id), [e1.id, e2.id]);
});

test("the clock never shows 0:00 while time is left", () => {
  assert.equal(M.clock(400), "0:01");
  assert.equal(M.clock(0), "0:00");
  assert.equal(M.clock(-5000), "0:00");
  assert.equal(M.clock(130 * 60000), "2:10:00");
});

// Fixed forms, drills, unscored questions, pacing and readiness (#15) ------------------

// Four disjoint forms of 65 in the exam's weights, from the bank (the built one carries the real forms).
function formsOf(bank) {
  if (bank.forms && bank.forms.length) return bank.forms;
  const counts = M.apportion(65, BP.domains), forms = [];
  ["a", "b", "c", "final"].forEach((id, k) => {
    const qs = [];
    BP.domains.forEach((d) => { qs.push(...bank.questions.filter((q) => q.domain === d.id).slice(k * counts[d.id], (k + 1) * counts[d.id]).map((q) => q.id)); });
    forms.push({ id, label: "Form " + id.toUpperCase(), questions: qs });
  });
  return forms;
}
const FORMS = formsOf(BANK);
const FULL = { mode: "exam", lengthId: "full", questions: 65, scope: "form" };

test("a fixed form is the same exam at every sitting, whatever the seed", () => {
  const one = M.newExam(BANK, BP, { ...FULL, seed: 1, form: FORMS[0] }, 1_000_000);
  const two = M.newExam(BANK, BP, { ...FULL, seed: 99, form: FORMS[0] }, 2_000_000);
  assert.deepEqual(one.ids, FORMS[0].questions);
  assert.deepEqual(two.ids, one.ids);
  assert.deepEqual(two.order, one.order);
  assert.equal(one.form, FORMS[0].id);
  assert.equal(one.kind, "full");
  const other = M.newExam(BANK, BP, { ...FULL, seed: 1, form: FORMS[1] }, 1_000_000);
  assert.equal(other.ids.filter((id) => one.ids.includes(id)).length, 0, "forms share no question");
});

test("a drill draws only from questions matching every filter, and is not a full sitting", () => {
  const q0 = BANK.questions[0];
  const pool = M.drillPool(BANK.questions, { domain: q0.domain, chapter: q0.chapter });
  assert.ok(pool.includes(q0.id));
  assert.ok(pool.every((id) => byId[id].domain === q0.domain && byId[id].chapter === q0.chapter));
  assert.deepEqual(M.drillPool(BANK.questions, {}).length, BANK.questions.length);
  if (q0.services) {
    const svc = q0.services[0];
    assert.ok(M.drillPool(BANK.questions, { service: svc }).every((id) => byId[id].services.includes(svc)));
  }
  const e = M.newExam(BANK, BP, { mode: "exam", lengthId: "drill", questions: 65, scope: "drill", seed: 3, only: pool, drill: { domain: q0.domain } }, 1);
  assert.equal(e.kind, "drill");
  assert.ok(e.ids.every((id) => pool.includes(id)));
});

test("unscored questions count for nothing: the score is right answers of the scored ones", () => {
  const e = M.newExam(BANK, BP, { ...FULL, seed: 5, form: FORMS[0], unscored: 15 }, 1_000_000);
  assert.equal(e.unscored.length, 15);
  assert.ok(e.unscored.every((id) => e.ids.includes(id)));
  // Right on every unscored question, wrong on every scored one: 0%.
  e.ids.forEach((id) => { e.answers[id] = e.unscored.includes(id) ? byId[id].answer : wrongKey(byId[id]); });
  const r = M.score(e, byId, BP, 1_060_000, false);
  assert.equal(r.scored, 50);
  assert.equal(r.right, 0);
  assert.equal(r.percent, 0);
  assert.equal(r.unscoredRight, 15);
  assert.equal(Object.values(r.perDomain).reduce((s, d) => s + d.total, 0), 50);
  // And the other way round: 100% although 15 answers are wrong.
  e.ids.forEach((id) => { e.answers[id] = e.unscored.includes(id) ? wrongKey(byId[id]) : byId[id].answer; });
  const r2 = M.score(e, byId, BP, 1_060_000, false);
  assert.equal(r2.percent, 100);
  assert.equal(r2.wrong.length, 15, "unscored misses stay reviewable");
});

test("pacing warns only when the unanswered questions need more than the time left", () => {
  const e = M.newExam(BANK, BP, { ...FULL, seed: 5, form: FORMS[0] }, 0);  // 130 minutes for 65: 2 min each
  assert.equal(M.pace(e, 0).behind, false);
  assert.equal(M.pace(e, 10 * 60000).behind, true, "none answered after 10 minutes: 65 × 2 > 120 + 4");
  e.ids.slice(0, 10).forEach((id) => { e.answers[id] = [0]; });
  assert.equal(M.pace(e, 10 * 60000).behind, false, "10 answered in 10 minutes is ahead of pace");
  assert.equal(M.pace(e, 10 * 60000).todo, 55);
});

function formResult(form, percentRight, at, opts) {
  const e = M.newExam(BANK, BP, { ...FULL, seed: at, form, ...opts }, at);
  const n = Math.round(e.ids.length * percentRight / 100);
  // Spread the right answers over domains evenly, so no domain falls far below the total.
  const order = [...e.ids].sort((a, b) => (byId[a].domain < byId[b].domain ? -1 : 1));
  const right = new Set(order.filter((_, i) => (i * percentRight) % 100 < percentRight).slice(0, n));
  e.ids.forEach((id) => { e.answers[id] = right.has(id) ? byId[id].answer : wrongKey(byId[id]); });
  return M.score(e, byId, BP, at + 60_000, false);
}

test("readiness: two different forms' first exam-mode sittings at 80%+, no domain under 70%", () => {
  const state = P.empty();
  let r = M.readiness(state, FORMS, BP);
  assert.equal(r.ready, false);
  assert.deepEqual(r.steps.map((s) => s.query), ["?scope=form&form=a&mode=exam", "?scope=form&form=b&mode=exam"]);
  state.exams.push(formResult(FORMS[0], 90, 1_000_000));
  r = M.readiness(state, FORMS, BP);
  assert.equal(r.ready, false);
  assert.equal(r.sat[0].counts, true);
  state.exams.push(formResult(FORMS[0], 95, 2_000_000));  // a second sitting of A does not count
  assert.equal(M.readiness(state, FORMS, BP).ready, false);
  state.exams.push(formResult(FORMS[1], 60, 3_000_000));
  r = M.readiness(state, FORMS, BP);
  assert.equal(r.ready, false);
  assert.ok(r.steps.some((s) => /Form B scored 60%/.test(s.text)));
  assert.ok(r.steps.some((s) => s.query && s.query.startsWith("?scope=drill&domain=")), "weak domains get a drill link");
  state.exams.push(formResult(FORMS[2], 85, 4_000_000, { mode: "practice" }));  // practice does not count
  assert.equal(M.readiness(state, FORMS, BP).ready, false);
  state.exams.push(formResult(FORMS[3], 85, 5_000_000));
  r = M.readiness(state, FORMS, BP);
  assert.equal(r.ready, true);
  assert.deepEqual(r.sat.filter((s) => s.counts).map((s) => s.form.id), ["a", FORMS[3].id]);
});
