/* Spaced repetition's pure logic: which cards exist, which are due, and what a rating does
   to a card, scheduled by FSRS (the vendored ts-fsrs, fuzz off so that due dates are
   reproducible; tests/test_fsrs_parity.py compares them with Python's fsrs).
   No DOM here: the review page, the dashboard, the home page's card and the Node tests share
   it. Only rate() and preview() need ts-fsrs, which loads on the review page alone.

   A card's id says what it is: q:<question id>, n:<limit id>, c:<correction id>. Its state
   lives in progress.review.cards under that id, so an edited question keeps its card. */
(function (global) {
  "use strict";
  var node = typeof module === "object" && module.exports;
  var DAY = 86400000;
  var DECKS = { q: "questions", n: "numbers", c: "corrections" };
  var DECK_LABELS = { questions: "Questions you got wrong or added", numbers: "Numbers to know", corrections: "Corrections of the notes" };
  var RATINGS = ["Again", "Hard", "Good", "Easy"];

  function F() { return node ? require("./vendor/ts-fsrs.umd.js") : global.FSRS; }
  var scheduler = null;
  function fsrs() {
    if (!scheduler) scheduler = F().fsrs(F().generatorParameters({ enable_fuzz: false }));
    return scheduler;
  }

  function empty() {
    return { cards: {}, log: [], decks: { questions: true, numbers: true, corrections: true }, chaptersOff: [], newPerDay: 10 };
  }

  function deckOf(id) { return DECKS[id.charAt(0)]; }
  function startOfDay(now) { var d = new Date(now); d.setHours(0, 0, 0, 0); return d.getTime(); }

  /* ts-fsrs's card, stored as plain numbers (dates as ms). */
  function toStored(card, extra) {
    var out = {
      due: +card.due, stability: card.stability, difficulty: card.difficulty, elapsed_days: card.elapsed_days,
      scheduled_days: card.scheduled_days, learning_steps: card.learning_steps, reps: card.reps, lapses: card.lapses,
      state: card.state, last_review: card.last_review ? +card.last_review : null
    };
    Object.keys(extra || {}).forEach(function (k) { out[k] = extra[k]; });
    return out;
  }
  function fromStored(c) {
    return {
      due: new Date(c.due), stability: c.stability, difficulty: c.difficulty, elapsed_days: c.elapsed_days,
      scheduled_days: c.scheduled_days, learning_steps: c.learning_steps || 0, reps: c.reps, lapses: c.lapses,
      state: c.state, last_review: c.last_review ? new Date(c.last_review) : undefined
    };
  }
  /* A card never reviewed: due at once. */
  function fresh(now, source) {
    return { due: now, stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0,
      state: 0, last_review: null, added: now, source: source };
  }

  function isCard(c) {
    return !!c && typeof c === "object" && typeof c.due === "number" && isFinite(c.due) && typeof c.reps === "number" &&
      typeof c.state === "number" && typeof c.stability === "number" && typeof c.difficulty === "number";
  }

  /* A stored review record, checked: {review, dropped}. Bad cards and log entries are
     dropped one by one (the caller keeps them aside), never the whole record. */
  function migrate(r) {
    var out = empty(), dropped = [];
    if (r === undefined || r === null) return { review: out, dropped: dropped };
    if (typeof r !== "object" || Array.isArray(r)) return { review: out, dropped: [{ review: r }] };
    if (r.cards && typeof r.cards === "object") {
      Object.keys(r.cards).forEach(function (id) {
        if (deckOf(id) && isCard(r.cards[id])) out.cards[id] = r.cards[id]; else dropped.push({ card: id, value: r.cards[id] });
      });
    }
    if (r.log !== undefined && !Array.isArray(r.log)) dropped.push({ log: r.log });
    (Array.isArray(r.log) ? r.log : []).forEach(function (e) {
      if (e && typeof e.id === "string" && typeof e.at === "number" && [1, 2, 3, 4].indexOf(e.rating) >= 0) out.log.push(e); else dropped.push({ log: e });
    });
    if (r.decks && typeof r.decks === "object") Object.keys(out.decks).forEach(function (k) { if (typeof r.decks[k] === "boolean") out.decks[k] = r.decks[k]; });
    if (Array.isArray(r.chaptersOff)) out.chaptersOff = r.chaptersOff.filter(function (c) { return typeof c === "string"; });
    if (typeof r.newPerDay === "number" && r.newPerDay >= 0 && r.newPerDay <= 200) out.newPerDay = Math.floor(r.newPerDay);
    return { review: out, dropped: dropped };
  }

  /* Both records kept: per card the one reviewed last wins; logs are united. */
  function merge(mine, theirs) {
    var out = empty();
    out.decks = mine.decks; out.chaptersOff = mine.chaptersOff; out.newPerDay = mine.newPerDay;
    [mine.cards, theirs.cards].forEach(function (cards) {
      Object.keys(cards).forEach(function (id) {
        var a = out.cards[id], b = cards[id];
        if (!a || (b.last_review || 0) > (a.last_review || 0) || ((b.last_review || 0) === (a.last_review || 0) && b.reps > a.reps)) out.cards[id] = b;
      });
    });
    var seen = {};
    mine.log.concat(theirs.log).forEach(function (e) {
      var k = e.id + "@" + e.at;
      if (!seen[k]) { seen[k] = true; out.log.push(e); }
    });
    out.log.sort(function (a, b) { return a.at - b.at; });
    return out;
  }

  /* Every question answered wrong, in a chapter quiz or an exam, gets a card (once).
     known: the bank's ids, or null to take every id. */
  function collectWrong(state, known, now) {
    var added = 0;
    function add(id, at) {
      if ((!known || known[id]) && addCard(state.review, "q:" + id, Math.min(at || now, now), "wrong")) added++;
    }
    Object.keys(state.quiz).forEach(function (id) { var q = state.quiz[id]; if (q && q.ok === false) add(id, q.at); });
    state.exams.forEach(function (r) { r.wrong.forEach(function (id) { add(id, r.at); }); });
    return added;
  }

  /* A card for id unless it has one. source: "wrong" (answered wrong) or "added" (asked for). */
  function addCard(review, id, now, source) {
    if (review.cards[id]) return false;
    review.cards[id] = fresh(now, source || "added");
    return true;
  }

  /* Whether a card is in a deck and a chapter the learner has on. chapterOf: {id: chapter} for
     the cards whose chapter is known; a card not in it is judged by its deck alone. */
  function isOn(review, id, chapterOf) {
    var chapter = chapterOf ? chapterOf[id] : undefined;
    return !!review.decks[deckOf(id)] && (chapter === undefined || review.chaptersOff.indexOf(chapter) < 0);
  }

  /* What is on today. catalog: {id: chapter} of every card that can exist (the bank's
     questions, the numbers and the corrections). Due cards first, earliest first; then new
     numbers and corrections, up to newPerDay a day, in the catalog's order. */
  function queue(review, catalog, now) {
    var on = function (id) { return catalog[id] !== undefined && isOn(review, id, catalog); };
    var due = Object.keys(review.cards).filter(function (id) { return on(id) && review.cards[id].due <= now; })
      .sort(function (a, b) { return review.cards[a].due - review.cards[b].due || (a < b ? -1 : 1); });
    var today = startOfDay(now);
    var introduced = Object.keys(review.cards).filter(function (id) {
      var c = review.cards[id];
      return c.source === "new" && c.added >= today;
    }).length;
    var room = Math.max(0, review.newPerDay - introduced);
    var unseen = Object.keys(catalog).filter(function (id) { return deckOf(id) !== "questions" && !review.cards[id] && on(id); }).slice(0, room);
    return { due: due, fresh: unseen };
  }

  /* Rate a card 1 (Again) to 4 (Easy): its next state and a log line. */
  function rate(review, id, rating, now) {
    var had = review.cards[id] || fresh(now, "new");
    var next = fsrs().next(fromStored(had), new Date(now), rating).card;
    review.cards[id] = toStored(next, { added: had.added, source: had.source });
    review.log.push({ id: id, rating: rating, at: now });
    return review.cards[id];
  }

  /* When each rating would bring the card back: [again, hard, good, easy] in ms. */
  function preview(review, id, now) {
    var card = fromStored(review.cards[id] || fresh(now, "new"));
    var rec = fsrs().repeat(card, new Date(now));
    return [1, 2, 3, 4].map(function (g) { return +rec[g].card.due; });
  }

  /* "<1m", "10m", "3h", "4d", "2mo", "1.5y": how far away a due date is. */
  function span(ms) {
    var m = ms / 60000;
    if (m < 1) return "<1m";
    if (m < 60) return Math.round(m) + "m";
    if (m < 1440) return Math.round(m / 60) + "h";
    var d = m / 1440;
    if (d < 30) return Math.round(d) + "d";
    if (d < 365) return Math.round(d / 30) + "mo";
    return Math.round(d / 36.5) / 10 + "y";
  }

  /* For the dashboard: cards due by the end of today and in the next 7 days (in the decks and
     chapters that are on; chapterOf as for isOn), reviews done, and retention (reviews in the
     last 30 days not rated Again). */
  function stats(review, now, chapterOf) {
    var end = startOfDay(now) + DAY, week = end + 7 * DAY, today = 0, soon = 0;
    Object.keys(review.cards).forEach(function (id) {
      if (!isOn(review, id, chapterOf)) return;
      var due = review.cards[id].due;
      if (due < end) today++; else if (due < week) soon++;
    });
    var recent = review.log.filter(function (e) { return e.at > now - 30 * DAY; });
    var kept = recent.filter(function (e) { return e.rating > 1; }).length;
    return { cards: Object.keys(review.cards).length, dueToday: today, dueWeek: soon, reviews: review.log.length,
      recent: recent.length, retention: recent.length ? Math.round(100 * kept / recent.length) : null };
  }

  /* The stats as they will be once the review page has added the cards for wrong answers
     (the dashboard and the home page count them without writing anything). */
  function outlook(state, known, now, chapterOf) {
    // collectWrong only adds cards: a copy of the card map is all it may touch.
    var review = Object.assign({}, state.review, { cards: Object.assign({}, state.review.cards) });
    var copy = { quiz: state.quiz, exams: state.exams, review: review };
    collectWrong(copy, known, now);
    return stats(copy.review, now, chapterOf);
  }

  var api = { DAY: DAY, DECKS: DECKS, DECK_LABELS: DECK_LABELS, RATINGS: RATINGS, empty: empty, deckOf: deckOf, migrate: migrate, merge: merge,
    collectWrong: collectWrong, addCard: addCard, isOn: isOn, queue: queue, rate: rate, preview: preview, span: span, stats: stats, outlook: outlook, startOfDay: startOfDay };
  if (node) { module.exports = api; return; }
  global.SAAReview = api;
})(this);
