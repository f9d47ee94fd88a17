/* Chapter quizzes: check answers, explain every option, keep score, retry the wrong
   ones, shuffle options, and save progress by question id. The HTML works without
   this file; it only enhances it. Re-runs on every Material instant navigation. */
(function () {
  "use strict";
  var S = window.SAA, P = window.SAAProgress, Q = window.SAAQuestion, R = window.SAAReview;

  function el(tag, cls, text) {
    return S.el(tag, { class: cls, text: text });
  }

  /* Move to another question: focus its first option (or its result once answered). */
  function moveTo(q) {
    if (!q) return;
    q.scrollIntoView({ block: "start" });
    var target = q.querySelector(".quiz-input:not([disabled])") || q.querySelector(".quiz-result");
    S.focus(target, false);
  }

  function mount(section, life) {
    section.classList.add("js-quiz");
    var status = section.querySelector(".quiz-status");
    var questions = Array.prototype.slice.call(section.querySelectorAll(".quiz-q"));
    var saved = P.read().quiz;

    var bar = el("div", "quiz-bar");
    var score = el("p", "quiz-score");
    var retry = el("button", "md-button quiz-retry", "Retry wrong answers");
    var reset = el("button", "md-button quiz-reset", "Start over");
    var note = el("p", "quiz-note");
    retry.type = reset.type = "button";
    note.hidden = true;
    bar.appendChild(score); bar.appendChild(retry); bar.appendChild(reset); bar.appendChild(note);
    section.insertBefore(bar, section.querySelector(".quiz-questions"));

    function refreshScore() {
      var answered = questions.filter(function (q) { return q.classList.contains("is-answered"); });
      var right = answered.filter(function (q) { return q.classList.contains("is-right"); }).length;
      var wrong = answered.length - right;
      score.textContent = "Score: " + right + " of " + answered.length + " answered correct · " +
        (questions.length - answered.length) + " of " + questions.length + " still to answer";
      retry.hidden = wrong === 0;
      retry.textContent = "Retry wrong answers (" + wrong + ")";
      reset.hidden = answered.length === 0;
      return { right: right, answered: answered.length };
    }

    function save(fn) {
      if (!P.update(fn)) {
        note.hidden = false;
        note.textContent = "Your progress could not be saved in this browser (storage is full or disabled). The quiz still works.";
      }
    }

    /* "Add to review": any question can join the spaced-repetition review; a wrong answer joins
       it by itself. */
    function reviewButton(q) {
      var id = "q:" + q.getAttribute("data-qid");
      var b = S.el("button", { type: "button", class: "md-button quiz-add-review" });
      function label() {
        var inReview = !!P.read().review.cards[id];
        b.textContent = inReview ? "In your review" : "Add to review";
        b.disabled = inReview;
      }
      b.addEventListener("click", function () {
        save(function (state) { R.addCard(state.review, id, Date.now()); });
        label();
        status.textContent = "Added to your review.";
      });
      label();
      q.querySelector(".quiz-result").appendChild(b);
      return label;
    }

    questions.forEach(function (q, index) {
      var check = Q.enhance(q);
      Q.shuffle(q);
      var reviewLabel = reviewButton(q);

      var entry = saved[q.getAttribute("data-qid")];
      if (entry && entry.rev === q.getAttribute("data-rev") && Array.isArray(entry.chosen) &&
          entry.chosen.length && entry.chosen.every(function (k) { return q.querySelector('.quiz-opt[data-key="' + k + '"]'); })) {
        Q.showFeedback(q, entry.chosen.map(Number));
      }

      q.addEventListener("change", function () { Q.updateCheck(q); });
      check.addEventListener("click", function () {
        var chosen = Q.chosenKeys(q);
        if (chosen.length !== Q.needed(q)) return;
        var ok = Q.showFeedback(q, chosen);
        var id = q.getAttribute("data-qid"), rev = q.getAttribute("data-rev");
        save(function (state) {
          var prev = state.quiz[id] || {};
          state.quiz[id] = {
            rev: rev, chosen: chosen, ok: ok, at: Date.now(), chapter: section.getAttribute("data-quiz"),
            attempts: (prev.attempts || 0) + 1, wrong: (prev.wrong || 0) + (ok ? 0 : 1)
          };
          if (!ok) R.addCard(state.review, "q:" + id, Date.now(), "wrong");
        });
        reviewLabel();
        var s = refreshScore();
        status.textContent = "Question " + (index + 1) + ": " + q.querySelector(".quiz-result-head").textContent +
          " Score " + s.right + " of " + s.answered + ".";
        q.querySelector(".quiz-result").setAttribute("tabindex", "-1");
        q.querySelector(".quiz-result").focus({ preventScroll: true });
      });
    });

    // Our keys while focus is in a question; Material's single-key shortcuts never see them.
    S.keys(section, life, function (ev, key) {
      var q = ev.target.closest && ev.target.closest(".quiz-q");
      if (!q) return false;
      var pos = "abcde".indexOf(key);
      if (pos < 0) pos = "12345".indexOf(key);
      if (key.length === 1 && pos >= 0) { Q.pickAt(q, pos); return true; }
      var i = questions.indexOf(q);
      if (key === "n") { moveTo(questions[i + 1]); return true; }
      if (key === "p") { moveTo(questions[i - 1]); return true; }
      return false;
    });
    var keysHelp = section.querySelector(".quiz-keys");
    if (keysHelp) keysHelp.hidden = false;

    function clear(list) {
      save(function (state) {
        list.forEach(function (q) {
          var e = state.quiz[q.getAttribute("data-qid")];
          if (e) { e.chosen = null; e.ok = null; }
        });
      });
      list.forEach(function (q) { Q.reset(q); Q.shuffle(q); });
      refreshScore();
      if (list.length) moveTo(list[0]);
    }
    retry.addEventListener("click", function () {
      var wrong = questions.filter(function (q) { return q.classList.contains("is-wrong"); });
      clear(wrong);
      status.textContent = wrong.length + " question(s) reset for another try, with the options shuffled.";
    });
    reset.addEventListener("click", function () {
      clear(questions.filter(function (q) { return q.classList.contains("is-answered"); }));
      status.textContent = "Quiz reset.";
    });
    refreshScore();
  }

  S.widget("quiz", mount);
})();
