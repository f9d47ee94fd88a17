/* The review page: today's due cards, one at a time. The front shows; Space (or the button)
   reveals the back; 1-4 (or the buttons, each with when the card would come back) rate it
   Again, Hard, Good or Easy, and the next card shows. Question cards are the bank's own
   questions (question.js), number and correction cards come from assets/saa-cards.js.
   Scheduling and the card rules are review-model.js's; the state lives in progress.js. */
(function () {
  "use strict";
  var S = window.SAA, P = window.SAAProgress, M = window.SAAExam, R = window.SAAReview, Q = window.SAAQuestion, el = S.el;

  S.widget("review", function (root, life) {
    app(root, life, JSON.parse(root.getAttribute("data-index")));
  });

  function app(root, life, index) {
    var siteRoot = root.getAttribute("data-root");
    var catalog = {}, extra = {}, chapterTitle = {}, byId = {};
    index.chapters.forEach(function (c) { chapterTitle[c.id] = c.title; });
    index.questions.forEach(function (q) { catalog["q:" + q.id] = q.chapter; });
    var live = el("div", { class: "saa-live", role: "status", "aria-live": "polite" });
    var view = el("div", { class: "saa-view" });
    var printList = el("ol", { class: "saa-print-cards" });
    root.textContent = "";
    root.appendChild(view);
    root.appendChild(printList);
    root.appendChild(live);
    var current = null;  // {id, revealed, li (a question card's view)}
    var keep = { open: false, focus: null };  // the settings' state across a redraw

    function say(text) { S.announce(live, text); }
    function fail(err) {
      view.textContent = "";
      view.appendChild(el("p", { class: "saa-message admonition failure", role: "alert", text: "The review could not load its cards (" + err.message + "). Reload the page to try again." }));
    }
    /* The bank's questions among these card ids (their chapters' files). */
    function withQuestions(ids) {
      var chapters = ids.filter(function (id) { return R.deckOf(id) === "questions"; }).map(function (id) { return catalog[id]; });
      return M.loadQuestions(root.getAttribute("data-bank"), chapters).then(function (qs) {
        qs.forEach(function (q) { byId[q.id] = q; });
      });
    }

    M.loadCards(root.getAttribute("data-cards")).then(function (data) {
      data.cards.forEach(function (c) { catalog[c.id] = c.chapter; extra[c.id] = c; });
      if (life.dead) return;
      var state = P.read(), now = Date.now();
      var known = {};
      index.questions.forEach(function (q) { known[q.id] = true; });
      if (R.collectWrong(state, known, now)) P.write(state);
      var notice = P.setAside() ? "Some saved progress in this browser could not be read. It was kept aside as a backup, and the review goes on with what could be read." : "";
      show(notice);
    }, fail);

    function todays(state) { return R.queue(state.review, catalog, Date.now()); }

    /* ---------- one card ---------- */
    function show(message) {
      var state = P.read(), q = todays(state), ids = q.due.concat(q.fresh);
      view.textContent = "";
      if (message) view.appendChild(el("p", { class: "saa-message admonition warning", role: "alert", text: message }));
      view.appendChild(summary(state, q));
      printCards(ids);
      if (!ids.length) {
        current = null;
        view.appendChild(doneNote(state));
        view.appendChild(settings(state));
        return;
      }
      var id = ids[0];
      if (R.deckOf(id) === "questions") {
        withQuestions([id]).then(function () { if (!life.dead) card(id, state); }, fail);
      } else {
        card(id, state);
      }
    }

    function count(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

    function summary(state, q) {
      var byDeck = { questions: 0, numbers: 0, corrections: 0 };
      q.due.forEach(function (id) { byDeck[R.deckOf(id)]++; });
      return el("p", { class: "saa-review-summary" }, [
        el("strong", { text: q.due.length + " due" }), " (" + count(byDeck.questions, "question") + ", " + count(byDeck.numbers, "number") + ", " +
          count(byDeck.corrections, "correction") + ")",
        " · " + q.fresh.length + " new today"
      ]);
    }

    function card(id, state) {
      var deck = R.deckOf(id), box = el("section", { class: "saa-card", "aria-labelledby": "saa-card-title", "data-card": id });
      box.appendChild(el("h2", { id: "saa-card-title", class: "saa-card-title", text: deck === "questions" ? "Question" : deck === "numbers" ? "Number" : "Correction" }));
      current = { id: id, revealed: false, li: null };
      if (deck === "questions") {
        var q = byId[id.slice(2)];
        var li = Q.fromBank(q, siteRoot);
        li.querySelector(".quiz-num").textContent = chapterTitle[q.chapter] || "";
        Q.shuffle(li);
        Q.enhance(li, false);
        current.li = li;
        box.appendChild(el("ol", { class: "saa-question", role: "presentation" }, [li]));
      } else {
        var front = el("div", { class: "saa-card-front" });
        front.innerHTML = relink(extra[id].front);
        box.appendChild(front);
      }
      var reveal = el("button", { type: "button", class: "md-button md-button--primary saa-reveal", text: "Show answer", onclick: revealBack });
      box.appendChild(el("div", { class: "saa-nav saa-reveal-bar" }, [reveal, el("span", { class: "saa-keys", text: " Space" })]));
      view.appendChild(box);
      view.appendChild(settings(state));
      S.focus(box.querySelector("h2"));
    }

    /* Links in the cards file are relative to the site root, as in the bank. Its HTML is the
       build's: contributor text was made safe there (safe_markdown). */
    function relink(html) {
      var t = document.createElement("template");
      t.innerHTML = html;
      t.content.querySelectorAll("a[href]").forEach(function (a) {
        var h = a.getAttribute("href");
        if (!/^[a-z]+:/i.test(h)) a.setAttribute("href", siteRoot + h);
      });
      var d = document.createElement("div");
      d.appendChild(t.content);
      return d.innerHTML;
    }

    function revealBack() {
      if (!current || current.revealed) return;
      current.revealed = true;
      var box = view.querySelector(".saa-card"), bar = box.querySelector(".saa-reveal-bar");
      if (current.li) {
        Q.showFeedback(current.li, Q.chosenKeys(current.li));
      } else {
        var back = el("div", { class: "saa-card-back", tabindex: "-1" });
        back.innerHTML = relink(extra[current.id].back);
        box.insertBefore(back, bar);
      }
      var state = P.read(), now = Date.now(), when = R.preview(state.review, current.id, now);
      var rates = el("div", { class: "saa-rates", role: "group", "aria-label": "How well did you know it?" });
      R.RATINGS.forEach(function (name, i) {
        var span = R.span(when[i] - now);
        rates.appendChild(el("button", { type: "button", class: "md-button saa-rate" + (i === 2 ? " md-button--primary" : ""), "data-rating": String(i + 1),
          "aria-label": name + ", next in " + span, onclick: function () { rate(i + 1); } }, [
          el("span", { class: "saa-rate-name", text: (i + 1) + " " + name }), el("span", { class: "saa-rate-when", text: span })
        ]));
      });
      bar.replaceWith(rates);
      var target = box.querySelector(".saa-card-back") || box.querySelector(".quiz-result");
      S.focus(target || rates.querySelector(".saa-rate"));
      say("Answer shown. Rate it: 1 Again, 2 Hard, 3 Good, 4 Easy.");
    }

    function rate(rating) {
      if (!current || !current.revealed) return;
      var id = current.id, now = Date.now(), due = null;
      var saved = P.update(function (s) { due = R.rate(s.review, id, rating, now).due; });
      current = null;
      show(saved ? "" : "This browser is not saving progress, so the review cannot keep its schedule.");
      say(R.RATINGS[rating - 1] + ". Back in " + R.span(due - now) + ".");
    }

    S.keys(root, life, function (ev, key) {
      if (!current) return false;
      if (key === " " && !current.revealed && !(ev.target.closest && ev.target.closest("button, a, input, select, label"))) { revealBack(); return true; }
      if (current.revealed && "1234".indexOf(key) >= 0 && key.length === 1) { rate(Number(key)); return true; }
      return false;
    });

    function doneNote(state) {
      var next = null;
      Object.keys(state.review.cards).forEach(function (id) {
        var c = state.review.cards[id];
        if (catalog[id] !== undefined && R.isOn(state.review, id, catalog) && (!next || c.due < next)) next = c.due;
      });
      var s = R.stats(state.review, Date.now(), catalog);
      var box = el("div", { class: "saa-review-done admonition success" }, [
        el("p", { class: "admonition-title", text: "Nothing due right now" }),
        el("p", { text: next ? "Your next card is due " + new Date(next).toLocaleString() + "." :
          "You have no cards yet. Answer a chapter quiz or sit a practice exam: every question you get wrong comes back here." }),
        el("p", { text: s.reviews + " reviews done" + (s.retention === null ? "." : "; you knew " + s.retention + "% of the cards you reviewed in the last 30 days.") })
      ]);
      return box;
    }

    /* ---------- decks, chapters and new cards a day ---------- */
    function settings(state) {
      var r = state.review;
      var det = el("details", { class: "saa-review-settings", open: keep.open, ontoggle: function () { keep.open = det.open; } },
        [el("summary", { text: "Decks and chapters" })]);
      var decks = el("fieldset", { class: "saa-choice" }, [el("legend", { text: "Decks" })]);
      Object.keys(R.DECK_LABELS).forEach(function (d) {
        var id = "saa-deck-" + d;
        decks.appendChild(el("div", { class: "saa-radio" }, [
          el("input", { type: "checkbox", id: id, checked: r.decks[d], onchange: function (ev) { save(function (rv) { rv.decks[d] = ev.target.checked; }); } }),
          el("label", { for: id, text: R.DECK_LABELS[d] })
        ]));
      });
      det.appendChild(decks);
      var chapters = el("fieldset", { class: "saa-choice saa-review-chapters" }, [el("legend", { text: "Chapters" })]);
      index.chapters.forEach(function (c) {
        var id = "saa-chapter-" + c.id;
        chapters.appendChild(el("div", { class: "saa-radio" }, [
          el("input", { type: "checkbox", id: id, checked: r.chaptersOff.indexOf(c.id) < 0, onchange: function (ev) {
            save(function (rv) {
              rv.chaptersOff = rv.chaptersOff.filter(function (x) { return x !== c.id; });
              if (!ev.target.checked) rv.chaptersOff.push(c.id);
            });
          } }),
          el("label", { for: id, text: c.title })
        ]));
      });
      det.appendChild(chapters);
      var nId = "saa-new-per-day";
      det.appendChild(el("div", { class: "saa-field" }, [
        el("label", { for: nId, text: "New number and correction cards a day" }),
        el("input", { id: nId, type: "number", min: "0", max: "200", inputmode: "numeric", value: String(r.newPerDay), onchange: function (ev) {
          var n = Math.floor(Number(ev.target.value));
          if (n >= 0 && n <= 200) save(function (rv) { rv.newPerDay = n; });
        } })
      ]));
      // A redraw after a change puts focus back on the control that made it.
      if (keep.focus) {
        var again = keep.focus;
        keep.focus = null;
        setTimeout(function () { var f = document.getElementById(again); if (f && !life.dead) f.focus(); }, 0);
      }
      return det;
    }

    function save(fn) {
      P.update(function (s) { fn(s.review); });
      if (current && current.revealed) return;  // a revealed card stays; the queue updates on the next one
      keep.focus = document.activeElement && document.activeElement.id;
      current = null;
      show();
    }

    /* What printing the page shows: today's cards, front and back, not the controls. */
    function printCards(ids) {
      printList.textContent = "";
      ids.forEach(function (id) {
        var li = el("li", { class: "saa-print-card" });
        if (R.deckOf(id) === "questions") {
          var q = byId[id.slice(2)];
          if (!q) return;
          var view = Q.fromHTML(q.html);
          li.appendChild(el("div", { class: "saa-card-front", text: view.querySelector(".quiz-stem").textContent.trim() }));
        } else {
          var f = el("div", { class: "saa-card-front" }), b = el("div", { class: "saa-card-back" });
          f.innerHTML = relink(extra[id].front);
          b.innerHTML = relink(extra[id].back);
          li.appendChild(f);
          li.appendChild(b);
        }
        printList.appendChild(li);
      });
      if (ids.some(function (id) { return R.deckOf(id) === "questions" && !byId[id.slice(2)]; })) {
        withQuestions(ids).then(function () { if (!life.dead) printCards(ids); }, function () { /* the screen reports it */ });
      }
    }
  }
})();
