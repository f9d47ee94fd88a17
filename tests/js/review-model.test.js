// Spaced repetition's pure logic (review-model.js), with the vendored ts-fsrs, in Node.
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const JS = path.join(__dirname, "..", "..", "docs", "javascripts");
const R = require(path.join(JS, "review-model.js"));
const P = require(path.join(JS, "progress.js"));

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 1, 9);  // 1 Dec 2026, 09:00 UTC

function stateWith(quiz, exams) {
  const s = P.empty();
  Object.assign(s.quiz, quiz || {});
  (exams || []).forEach((e) => s.exams.push(e));
  return s;
}

test("every question answered wrong gets one card, due at once; right answers do not", () => {
  const s = stateWith({ a: { ok: false, at: T0 }, b: { ok: true, at: T0 } }, [{ wrong: ["c", "a"], at: T0 + 5 }]);
  assert.equal(R.collectWrong(s, { a: 1, b: 1, c: 1 }, T0 + 10), 2);
  assert.deepEqual(Object.keys(s.review.cards).sort(), ["q:a", "q:c"]);
  assert.equal(R.collectWrong(s, { a: 1, b: 1, c: 1 }, T0 + 20), 0, "only once");
  const q = R.queue(s.review, { "q:a": "05-s3", "q:b": "05-s3", "q:c": "06-vpc" }, T0 + 20);
  assert.deepEqual(q.due, ["q:a", "q:c"]);
});

test("rating Good pushes a card out of today's queue and brings it back when due", () => {
  const review = R.empty();
  const catalog = { "n:x": "05-s3" };
  let now = T0;
  assert.deepEqual(R.queue(review, catalog, now).fresh, ["n:x"]);
  // Good through the two learning steps, then the card graduates to days.
  R.rate(review, "n:x", 3, now);
  now = review.cards["n:x"].due;
  R.rate(review, "n:x", 3, now);
  const due = review.cards["n:x"].due;
  assert.ok(due - now >= DAY, "graduated to at least a day");
  assert.deepEqual(R.queue(review, catalog, due - 1).due, []);
  assert.deepEqual(R.queue(review, catalog, due).due, ["n:x"]);
  assert.equal(review.log.length, 2);
});

test("the buttons' intervals grow from Again to Easy", () => {
  const review = R.empty();
  const when = R.preview(review, "c:y", T0).map((d) => d - T0);
  assert.equal(when.length, 4);
  assert.ok(when[0] < when[1] && when[1] < when[2] && when[2] < when[3], when.join(" "));
  assert.equal(R.span(60_000), "1m");
  assert.equal(R.span(3 * DAY), "3d");
  assert.equal(R.span(400 * DAY), "1.1y");
});

test("new number and correction cards come a few a day; decks and chapters can be turned off", () => {
  const review = R.empty();
  review.newPerDay = 2;
  const catalog = { "n:1": "05-s3", "n:2": "05-s3", "c:3": "06-vpc", "q:z": "06-vpc" };
  assert.deepEqual(R.queue(review, catalog, T0).fresh, ["n:1", "n:2"]);
  R.rate(review, "n:1", 3, T0);
  assert.deepEqual(R.queue(review, catalog, T0 + 1000).fresh, ["n:2"], "one of today's two is taken");
  review.decks.numbers = false;
  assert.deepEqual(R.queue(review, catalog, T0 + 2000).fresh, ["c:3"]);
  review.decks.numbers = true;
  review.chaptersOff = ["05-s3"];
  assert.deepEqual(R.queue(review, catalog, T0 + 2000).fresh, ["c:3"]);
  review.chaptersOff = ["05-s3", "06-vpc"];
  assert.deepEqual(R.queue(review, catalog, T0 + 2000).fresh, []);
  review.chaptersOff = [];
  assert.deepEqual(R.queue(review, catalog, T0 + DAY).fresh, ["n:2", "c:3"], "the next day brings new ones");
});

test("bad cards and log lines are dropped one by one and reported; the rest is kept", () => {
  const good = R.empty();
  R.rate(good, "n:ok", 3, T0);
  const raw = JSON.parse(JSON.stringify(good));
  raw.cards["n:bad"] = { due: "soon" };
  raw.cards["x:odd"] = raw.cards["n:ok"];
  raw.log.push({ id: "n:ok", rating: 9, at: T0 });
  const { review, dropped } = R.migrate(raw);
  assert.deepEqual(Object.keys(review.cards), ["n:ok"]);
  assert.equal(review.log.length, 1);
  assert.equal(dropped.length, 3);
  assert.equal(R.migrate("garbage").dropped.length, 1);
  assert.equal(R.migrate({ cards: {}, log: "nope" }).dropped.length, 1, "a log that is not a list is reported too");
  assert.deepEqual(R.migrate(undefined), { review: R.empty(), dropped: [] });
});

test("export, import and merge carry cards and the review log", () => {
  const mine = P.empty();
  R.rate(mine.review, "n:a", 3, T0);
  const file = JSON.parse(JSON.stringify(P.exportFile(mine, T0)));
  const back = P.readImport(file);
  assert.deepEqual(back.state.review.cards, mine.review.cards);
  const theirs = P.empty();
  R.rate(theirs.review, "n:a", 1, T0 + DAY);  // reviewed later elsewhere: theirs wins
  R.rate(theirs.review, "c:b", 3, T0);
  const merged = P.merge(mine, theirs);
  assert.equal(merged.review.cards["n:a"].last_review, T0 + DAY);
  assert.ok(merged.review.cards["c:b"]);
  assert.equal(merged.review.log.length, 3);
  const damaged = JSON.parse(JSON.stringify(file));
  damaged.progress.review.cards["n:zz"] = { due: null };
  assert.match(P.readImport(damaged).error, /damaged/);
});

test("the dashboard's outlook counts wrong answers that have no card yet, and writes nothing", () => {
  const s = stateWith({ a: { ok: false, at: T0 } });
  const before = JSON.stringify(s);
  const o = R.outlook(s, null, T0 + 1000);
  assert.equal(o.dueToday, 1);
  assert.equal(JSON.stringify(s), before);
});

test("what is due counts only the decks and chapters that are on", () => {
  const s = stateWith({ a: { ok: false, at: T0, chapter: "05-s3" }, b: { ok: false, at: T0, chapter: "06-vpc" } });
  R.addCard(s.review, "n:gp2-max", T0, "new");
  const chapterOf = { "q:a": "05-s3", "q:b": "06-vpc" };
  assert.equal(R.outlook(s, null, T0 + 1000, chapterOf).dueToday, 3);
  s.review.decks.numbers = false;
  assert.equal(R.outlook(s, null, T0 + 1000, chapterOf).dueToday, 2, "a deck turned off");
  s.review.chaptersOff = ["06-vpc"];
  assert.equal(R.outlook(s, null, T0 + 1000, chapterOf).dueToday, 1, "a chapter turned off");
  assert.equal(R.outlook(s, null, T0 + 1000).dueToday, 2, "a card whose chapter is unknown counts by its deck");
});
