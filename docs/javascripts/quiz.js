/* Chapter quizzes: check answers, explain every option, keep score, retry the wrong
   ones, shuffle options, and save progress by question id. The HTML works without
   this file; it only enhances it. Re-runs on every Material instant navigation. */
(function () {
  "use strict";
  var S = window.SAA, P = window.SAAProgress;

  function answerKeys(q) {
    return q.getAttribute("data-answer").split(",").map(Number);
  }

  function chosenKeys(q) {
    return Array.prototype.map.call(q.querySelectorAll(".quiz-input:checked"), function (i) { return Number(i.value); });
  }

  function el(tag, cls, text) {
    return S.el(tag, { class: cls, text: text });
  }

  function shuffleOptions(q) {
    var list = q.querySelector(".quiz-options");
    S.shuffled(Array.prototype.slice.call(list.children)).forEach(function (li, pos) {
      list.appendChild(li);
      li.querySelector(".quiz-letter").textContent = S.LETTERS[pos];
    });
  }

  function letterOf(q, key) {
    return q.querySelector('.quiz-opt[data-key="' + key + '"] .quiz-letter').textContent;
  }

  function showFeedback(q, chosen) {
    var key = answerKeys(q);
    var ok = S.sameSet(chosen, key);
    q.classList.add("is-answered");
    q.classList.toggle("is-right", ok);
    q.classList.toggle("is-wrong", !ok);
    Array.prototype.forEach.call(q.querySelectorAll(".quiz-opt"), function (li) {
      var k = Number(li.getAttribute("data-key"));
      var right = key.indexOf(k) >= 0, picked = chosen.indexOf(k) >= 0;
      var input = li.querySelector(".quiz-input");
      input.checked = picked;
      input.disabled = true;
      li.classList.toggle("opt-correct", right);
      li.classList.toggle("opt-picked", picked);
      li.querySelector(".quiz-verdict").textContent = S.optionVerdict(right, picked);
      li.querySelector(".quiz-why").hidden = false;
    });
    var result = q.querySelector(".quiz-result");
    result.hidden = false;
    result.querySelector(".quiz-result-head").textContent = S.verdictText(ok, key.map(function (k) { return letterOf(q, k); }));
    q.querySelector(".quiz-check").hidden = true;
    return ok;
  }

  function resetQuestion(q) {
    q.classList.remove("is-answered", "is-right", "is-wrong");
    Array.prototype.forEach.call(q.querySelectorAll(".quiz-opt"), function (li) {
      li.classList.remove("opt-correct", "opt-picked");
      var input = li.querySelector(".quiz-input");
      input.checked = false;
      input.disabled = false;
      li.querySelector(".quiz-why").hidden = true;
    });
    q.querySelector(".quiz-result").hidden = true;
    var check = q.querySelector(".quiz-check");
    check.hidden = false;
    shuffleOptions(q);
    updateCheck(q);
  }

  function needed(q) {
    return q.getAttribute("data-type") === "multiple" ? answerKeys(q).length : 1;
  }

  function updateCheck(q) {
    var n = chosenKeys(q).length, want = needed(q);
    var check = q.querySelector(".quiz-check");
    check.disabled = n !== want;
    check.textContent = n === want || want === 1 ? "Check answer" : "Select " + want + " (" + n + " chosen)";
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

    questions.forEach(function (q, index) {
      // Each option's explanation lives once in the HTML, in the no-JS answer block; show it under the option.
      var whys = q.querySelectorAll(".quiz-explain-why");
      Array.prototype.forEach.call(q.querySelectorAll(".quiz-opt"), function (li) {
        var box = el("div", "quiz-why");
        box.hidden = true;
        box.appendChild(el("span", "quiz-verdict"));
        box.appendChild(document.createTextNode(" "));
        var why = whys[Number(li.getAttribute("data-key"))];
        if (why) Array.prototype.forEach.call(why.childNodes, function (n) { box.appendChild(n.cloneNode(true)); });
        li.appendChild(box);
      });
      var actions = el("div", "quiz-actions");
      var check = el("button", "md-button md-button--primary quiz-check", "Check answer");
      check.type = "button";
      actions.appendChild(check);
      var result = el("div", "quiz-result");
      result.hidden = true;
      result.appendChild(el("p", "quiz-result-head"));
      var source = q.querySelector(".quiz-source");
      if (source) result.appendChild(source.cloneNode(true));
      q.querySelector(".quiz-fieldset").appendChild(actions);
      q.querySelector(".quiz-fieldset").appendChild(result);
      shuffleOptions(q);
      updateCheck(q);

      var entry = saved[q.getAttribute("data-qid")];
      if (entry && entry.rev === q.getAttribute("data-rev") && Array.isArray(entry.chosen) &&
          entry.chosen.length && entry.chosen.every(function (k) { return q.querySelector('.quiz-opt[data-key="' + k + '"]'); })) {
        showFeedback(q, entry.chosen.map(Number));
      }

      q.addEventListener("change", function () { updateCheck(q); });
      check.addEventListener("click", function () {
        var chosen = chosenKeys(q);
        if (chosen.length !== needed(q)) return;
        var ok = showFeedback(q, chosen);
        var id = q.getAttribute("data-qid"), rev = q.getAttribute("data-rev");
        save(function (state) {
          var prev = state.quiz[id] || {};
          state.quiz[id] = {
            rev: rev, chosen: chosen, ok: ok, at: Date.now(), chapter: section.getAttribute("data-quiz"),
            attempts: (prev.attempts || 0) + 1, wrong: (prev.wrong || 0) + (ok ? 0 : 1)
          };
        });
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
      if (key.length === 1 && pos >= 0) {
        var input = q.querySelectorAll(".quiz-opt .quiz-input")[pos];
        if (!input || input.disabled) return true;
        input.checked = input.type === "radio" ? true : !input.checked;
        input.dispatchEvent(new Event("change", { bubbles: true }));
        input.focus();
        return true;
      }
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
      list.forEach(resetQuestion);
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
