/* "Continue where you left off", on the home page and the dashboard: the exam in
   progress (with its time left), else the chapter quiz to carry on with, and the
   last exam to review. The build's HTML ("start with chapter 1") shows without
   JavaScript; this replaces it once progress is known. */
(function () {
  "use strict";
  var S = window.SAA, P = window.SAAProgress, M = window.SAAExam, el = S.el;

  /* What to offer, from the stored state alone (no bank needed): a list of
     {text, link, page, query, hash, deadline} lines. */
  function plan(state, chapters, now) {
    var lines = [], e = state.exam;
    if (e) {
      if (e.mode === "exam" && e.deadline <= now) {
        lines.push({ text: "The time of your exam ran out while you were away.", link: "See your result", page: "exam" });
      } else {
        lines.push({ text: "Exam in progress: question " + (e.index + 1) + " of " + e.ids.length + ", " + Object.keys(e.answers).length + " answered" +
          (e.mode === "exam" ? ", time left " : "."), link: "Resume the exam", page: "exam", deadline: e.mode === "exam" ? e.deadline : null });
      }
    }
    var latest = null;
    Object.keys(state.quiz).forEach(function (id) {
      var q = state.quiz[id];
      if (q && typeof q.ok === "boolean" && q.chapter && (!latest || (q.at || 0) > (latest.at || 0))) latest = q;
    });
    var done = {};
    Object.keys(state.quiz).forEach(function (id) {
      var q = state.quiz[id];
      if (q && typeof q.ok === "boolean") done[q.chapter] = (done[q.chapter] || 0) + 1;
    });
    var at = latest ? chapters.map(function (c) { return c.id; }).indexOf(latest.chapter) : -1;
    var next = chapters.slice(Math.max(at, 0)).filter(function (c) { return (done[c.id] || 0) < c.count; })[0];
    if (next) {
      var started = done[next.id] || 0;
      lines.push(started ? { text: "Chapter quiz: " + started + " of " + next.count + " answered in " + next.title + ".", link: "Continue the quiz", page: next.id, hash: "#quiz" }
                         : { text: (latest ? "Next chapter: " : "Start with the first chapter: ") + next.title + ".", link: "Read it", page: next.id });
    }
    var chapterOf = {};  // the chapters this page knows: those of the questions answered in quizzes
    Object.keys(state.quiz).forEach(function (id) { if (state.quiz[id]) chapterOf["q:" + id] = state.quiz[id].chapter; });
    var due = window.SAAReview.outlook(state, null, now, chapterOf).dueToday;
    if (due) lines.push({ text: due + " card" + (due === 1 ? " is" : "s are") + " due for review.", link: "Review now", page: "review" });
    var last = state.exams[state.exams.length - 1];
    if (last) lines.push({ text: "Last exam: " + last.percent + "% on " + new Date(last.at).toLocaleDateString() + ".", link: "Review it", page: "exam", query: "?review=" + encodeURIComponent(last.id) });
    return lines;
  }

  S.widget("continue", function (root, life) {
    var chapters = JSON.parse(root.getAttribute("data-chapters"));
    var list = root.querySelector(".saa-continue-list");
    var lines = plan(P.read(), chapters, Date.now());
    if (!lines.length) return;
    list.textContent = "";
    lines.forEach(function (l) {
      var left = l.deadline ? el("span", { class: "saa-continue-time" }) : null;
      list.appendChild(el("li", {}, [l.text, left, left ? ". " : " ",
        el("a", { href: root.getAttribute("data-root") + M.pagePath(root, l.page, l.query) + (l.hash || ""), text: l.link })]));
      if (left) {
        var tick = function () { left.textContent = M.clock(l.deadline - Date.now()); };
        tick();
        life.interval(tick, 1000);
      }
    });
  });
})();
