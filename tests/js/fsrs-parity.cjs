// Replays review sequences that Python's fsrs scheduled (a JSON fixture, path in argv[2]) through
// the site's scheduler (review-model.js on the vendored ts-fsrs) and prints what differs as JSON.
const path = require("node:path");
const fs = require("node:fs");
const R = require(path.join(__dirname, "..", "..", "docs", "javascripts", "review-model.js"));

const DAY = 86_400_000;
const seqs = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const out = { reviews: 0, memory: [], due: [], explained: 0 };
seqs.forEach((steps, s) => {
  const review = R.empty();
  steps.forEach((st, i) => {
    const when = R.preview(review, "n:x", st.at);  // [again, hard, good, easy] before rating
    const card = R.rate(review, "n:x", st.rating, st.at);
    out.reviews++;
    // ts-fsrs keeps 8 decimals of each; agreement to a millionth is the same memory state.
    const off = (a, b) => Math.abs(a - b) > 1e-6 * Math.max(1, Math.abs(b));
    if (off(card.stability, st.s) || off(card.difficulty, st.d)) out.memory.push({ s, i, js: [card.stability, card.difficulty], py: [st.s, st.d] });
    if (card.due === st.due) return;
    // ts-fsrs, like Anki, keeps Good at least a day longer than Hard once a card is in review;
    // Python's fsrs does not. That is the one difference allowed.
    if (st.rating === 3 && card.due - st.at === when[1] - st.at + DAY && card.due > st.due) out.explained++;
    else out.due.push({ s, i, rating: st.rating, js: card.due, py: st.due });
  });
});
process.stdout.write(JSON.stringify(out));
