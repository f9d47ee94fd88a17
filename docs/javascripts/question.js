/* One question, wherever it shows: the chapter quiz, the practice exam and its review. The
   markup is one template (studysite/render/templates/question.html), readable without
   script; this file only enhances it. The widgets own the rest: what a check records, the
   score, the keys. */
(function () {
  "use strict";
  var S = window.SAA;

  function all(root, sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)); }

  var Q = {
    answerKeys: function (li) { return li.getAttribute("data-answer").split(",").map(Number); },

    chosenKeys: function (li) { return all(li, ".quiz-input:checked").map(function (i) { return Number(i.value); }); },

    /* How many options to pick: one, or as many as the key has for multiple response. */
    needed: function (li) { return li.getAttribute("data-type") === "multiple" ? Q.answerKeys(li).length : 1; },

    /* The question's element from its HTML (the exam's bank carries it as a string). */
    fromHTML: function (html) {
      var t = document.createElement("template");
      t.innerHTML = html.trim();
      return t.content.firstElementChild;
    },

    /* A question of the bank (its markup is the chapter quiz's, with links from the site root)
       as an element whose links work from this page. */
    fromBank: function (q, siteRoot) {
      var li = Q.fromHTML(q.html);
      all(li, ".quiz-source a").forEach(function (a) { a.setAttribute("href", siteRoot + a.getAttribute("href")); });
      return li;
    },

    /* Options in the given order of keys, lettered A, B, C… as they now stand. */
    arrange: function (li, order) {
      var list = li.querySelector(".quiz-options");
      order.forEach(function (key, pos) {
        var opt = list.querySelector('.quiz-opt[data-key="' + key + '"]');
        list.appendChild(opt);
        opt.querySelector(".quiz-letter").textContent = S.LETTERS[pos];
      });
    },

    shuffle: function (li) {
      Q.arrange(li, S.shuffled(all(li, ".quiz-opt").map(function (o) { return Number(o.getAttribute("data-key")); })));
    },

    choose: function (li, keys) {
      all(li, ".quiz-input").forEach(function (input) { input.checked = keys.indexOf(Number(input.value)) >= 0; });
      Q.updateCheck(li);
    },

    /* The option at display position pos, as if clicked: A–E and 1–5 on the keyboard. */
    pickAt: function (li, pos) {
      var input = li.querySelectorAll(".quiz-opt .quiz-input")[pos];
      if (!input || input.disabled) return;
      input.checked = input.type === "radio" ? true : !input.checked;
      input.dispatchEvent(new Event("change", { bubbles: true }));
      input.focus();
    },

    letterOf: function (li, key) { return li.querySelector('.quiz-opt[data-key="' + key + '"] .quiz-letter').textContent; },

    /* Each option's explanation (it lives once in the markup, in the no-script answer block)
       under the option, hidden until answered; a result area; and, unless check is false, a
       Check button, which the caller wires. Returns that button (or null). */
    enhance: function (li, check) {
      if (li.hasAttribute("data-enhanced")) return li.querySelector(".quiz-check");
      li.setAttribute("data-enhanced", "");
      var whys = li.querySelectorAll(".quiz-explain-why");
      all(li, ".quiz-opt").forEach(function (opt) {
        var box = S.el("div", { class: "quiz-why", hidden: true }, [S.el("span", { class: "quiz-verdict" }), " "]);
        var why = whys[Number(opt.getAttribute("data-key"))];
        if (why) Array.prototype.forEach.call(why.childNodes, function (n) { box.appendChild(n.cloneNode(true)); });
        opt.appendChild(box);
      });
      var fs = li.querySelector(".quiz-fieldset");
      var button = null;
      if (check !== false) {
        button = S.el("button", { type: "button", class: "md-button md-button--primary quiz-check", text: "Check answer" });
        fs.appendChild(S.el("div", { class: "quiz-actions" }, [button]));
      }
      var result = S.el("div", { class: "quiz-result", hidden: true }, [S.el("p", { class: "quiz-result-head" })]);
      all(li, ".quiz-source, .quiz-docs").forEach(function (p) { result.appendChild(p.cloneNode(true)); });
      fs.appendChild(result);
      Q.updateCheck(li);
      return button;
    },

    updateCheck: function (li) {
      var check = li.querySelector(".quiz-check");
      if (!check) return;
      var n = Q.chosenKeys(li).length, want = Q.needed(li);
      check.disabled = n !== want;
      check.textContent = n === want || want === 1 ? "Check answer" : "Select " + want + " (" + n + " chosen)";
    },

    /* Verdict, the key, and every option's explanation; the options lock. Returns right or not. */
    showFeedback: function (li, chosen) {
      var key = Q.answerKeys(li);
      var ok = S.sameSet(chosen, key);
      li.classList.add("is-answered");
      li.classList.toggle("is-right", ok);
      li.classList.toggle("is-wrong", !ok);
      all(li, ".quiz-opt").forEach(function (opt) {
        var k = Number(opt.getAttribute("data-key"));
        var right = key.indexOf(k) >= 0, picked = chosen.indexOf(k) >= 0;
        var input = opt.querySelector(".quiz-input");
        input.checked = picked;
        input.disabled = true;
        opt.classList.toggle("opt-correct", right);
        opt.classList.toggle("opt-picked", picked);
        opt.querySelector(".quiz-verdict").textContent = S.optionVerdict(right, picked);
        opt.querySelector(".quiz-why").hidden = false;
      });
      var result = li.querySelector(".quiz-result");
      result.hidden = false;
      var letters = key.map(function (k) { return Q.letterOf(li, k); });
      result.querySelector(".quiz-result-head").textContent = chosen.length ? S.verdictText(ok, letters)
        : "Not answered. The answer is " + letters.sort().join(" and ") + ".";
      var check = li.querySelector(".quiz-check");
      if (check) check.hidden = true;
      return ok;
    },

    /* Back to unanswered, for another try. */
    reset: function (li) {
      li.classList.remove("is-answered", "is-right", "is-wrong");
      all(li, ".quiz-opt").forEach(function (opt) {
        opt.classList.remove("opt-correct", "opt-picked");
        var input = opt.querySelector(".quiz-input");
        input.checked = false;
        input.disabled = false;
        opt.querySelector(".quiz-why").hidden = true;
      });
      li.querySelector(".quiz-result").hidden = true;
      var check = li.querySelector(".quiz-check");
      if (check) check.hidden = false;
      Q.updateCheck(li);
    }
  };

  window.SAAQuestion = Q;
})();
