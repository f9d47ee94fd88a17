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
  const built = process.env.SAA_BANK_FILE;
  if (built && fs.existsSync(built)) {
    const box = {};
    vm.runInNewContext(fs.readFileSync(built, "utf8"), { window: box });
    return box.SAA_BANK;
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
