/* The practice exam widget: setup, questions, review before submitting, and the
   scored result. Facts (length, time, weights, pass mark) come from data/exam.yml
   via data-blueprint; the first screen and the draw from the bank's index in the page
   (data-index), the questions themselves from the bank's chapter files the build writes,
   each fetched when a question of its chapter is about to show; the logic from
   exam-model.js. Everything it starts is owned by its life (core.js), so
   leaving the page stops it; the exam itself lives on in storage, keyed by id. */
(function () {
  "use strict";
  var S = window.SAA, P = window.SAAProgress, M = window.SAAExam, Q = window.SAAQuestion, el = S.el;

  S.widget("exam", function (root, life) {
    app(root, life, JSON.parse(root.getAttribute("data-blueprint")), JSON.parse(root.getAttribute("data-index")));
  });

  function app(root, life, bp, index) {
    var siteRoot = root.getAttribute("data-root");
    var byId = {};  // the index's entries, each replaced by the bank's question once its chapter is here
    var starting = false;  // Start was pressed and the first question is still on its way
    index.questions.forEach(function (q) { byId[q.id] = q; });
    var live = el("div", { class: "saa-live", role: "status", "aria-live": "polite" });
    var view = el("div", { class: "saa-view" });
    root.textContent = "";
    root.appendChild(view);
    root.appendChild(live);

    var memory = null;      // this mount's copy of the exam in progress (also when storage is off)
    var screen = "";        // which view shows: setup, question, review, result
    var timer = { id: null, handle: null, label: null, warned: {} };

    /* Every step that shows or scores questions runs once their chapters of the bank are here
       (one small script per chapter). A failed load is tried again by the next step; only a
       step the learner asked for reports it. */
    function withQuestions(ids, step) {
      var chapters = ids.filter(function (id) { return byId[id]; }).map(function (id) { return byId[id].chapter; });
      M.loadQuestions(root.getAttribute("data-bank"), chapters).then(function (qs) {
        qs.forEach(function (q) { byId[q.id] = q; });
        if (step && !life.dead) step();
      }, function (err) {
        starting = false;
        if (!step || life.dead) return;
        view.textContent = "";
        view.appendChild(el("p", { class: "saa-message admonition failure", role: "alert",
          text: "The practice exam could not load its questions (" + err.message + "). Reload the page to try again." }));
      });
    }

    function say(text) { S.announce(live, text); }
    function setURL(query) { if (history.replaceState) history.replaceState(history.state, "", location.pathname + query); }
    /* The exam in progress. A question removed from the bank since it began is left out (the
       learner is told once), rather than the whole exam being lost. */
    function stored() {
      var e = P.read().exam;
      if (!e) return null;
      var kept = e.ids.filter(function (id) { return byId[id]; });
      if (kept.length === e.ids.length) return e;
      if (!kept.length) return null;
      var gone = e.ids.length - kept.length;
      var at = kept.indexOf(e.ids[e.index]);  // the question on screen, if it stayed
      e.index = Math.min(at >= 0 ? at : e.index, kept.length - 1);
      e.ids = kept;
      if (e.unscored) e.unscored = e.unscored.filter(function (id) { return byId[id]; });
      P.update(function (st) { st.exam = e; });  // pruned once, told once
      S.afterPaint(life, function () { say(gone + (gone === 1 ? " question of your exam was" : " questions of your exam were") + " removed from the bank since you began; the exam goes on without them."); });
      return e;
    }
    function exam() { return memory || stored(); }
    function store(e) { memory = e; return P.update(function (s) { s.exam = e; }); }
    function resultById(id) { return P.read().exams.filter(function (r) { return r.id === id; })[0] || null; }
    /* Focus the screen's heading; if the new screen starts above the window (the setup form
       was long), bring its top into view first. */
    function heading() {
      if (view.getBoundingClientRect().top < 0) view.scrollIntoView({ block: "start" });
      S.focus(view.querySelector("h2"));
    }
    function lengthOf(id) { return bp.lengths.filter(function (l) { return l.id === id; })[0]; }

    /* ---------- the timer: one per exam, and only that exam's timer can submit it ---------- */
    function startTimer(e, label) {
      timer.label = label;
      if (e.mode !== "exam") return;
      if (timer.id !== e.id) {
        stopTimer();
        timer.id = e.id;
        timer.deadline = e.deadline;
        timer.warned = {};
        timer.handle = life.interval(tick, 1000);
      }
      tick();
    }
    function stopTimer() {
      if (timer.handle) clearInterval(timer.handle);
      timer.handle = timer.id = null;
    }
    function tick() {
      var left = timer.deadline - Date.now();
      if (timer.label && timer.label.isConnected) timer.label.textContent = M.clock(left);
      if (timer.pace && timer.pace.isConnected) showPace(timer.pace);
      [10, 5, 1].forEach(function (m) {
        if (left <= m * 60000 && left > 0 && !timer.warned[m]) {
          timer.warned[m] = true;
          if (left > m * 60000 - 2000) say(m + (m === 1 ? " minute" : " minutes") + " left.");
        }
      });
      if (left <= 0) finish(timer.id, true);
    }
    /* A gentle note, shown only when the unanswered questions need more time than is left at
       the exam's pace; said aloud once per exam. */
    function showPace(node) {
      var e = exam();
      if (!e || e.mode !== "exam") return;
      var p = M.pace(e, Date.now());
      node.hidden = !p.behind;
      if (!p.behind) return;
      node.textContent = "A little behind the exam's pace: " + p.todo + " unanswered and " + M.clock(p.leftMs) + " left, about " +
        M.clock(p.leftMs / p.todo) + " each (the exam allows " + M.clock(p.perQuestionMs) + "). Flag hard ones and come back.";
      if (!timer.warned.pace) { timer.warned.pace = true; say("You are a little behind the exam's pace."); }
    }
    function timerLabel() { return el("span", { class: "saa-timer", role: "timer", "aria-label": "Time left" }); }

    /* Every sitting of each fixed form, oldest first. */
    function formSittings(state) {
      var out = {};
      state.exams.forEach(function (r) { if (r.form) (out[r.form] = out[r.form] || []).push(r); });
      Object.keys(out).forEach(function (k) { out[k].sort(function (a, b) { return a.at - b.at; }); });
      return out;
    }

    /* The drill's filters (any of domain, chapter, service, difficulty), how many questions
       match, and how many to sit. */
    function drillControls(params) {
      var node = el("fieldset", { class: "saa-choice saa-drill" }, [el("legend", { text: "Drill" })]);
      function select(name, label, choices) {
        var id = "saa-drill-" + name;
        var sel = el("select", { id: id, name: "drill-" + name }, [el("option", { value: "", text: "Any" })].concat(choices.map(function (c) {
          return el("option", { value: c[0], text: c[1], selected: params.get(name) === c[0] });
        })));
        node.appendChild(el("div", { class: "saa-field" }, [el("label", { for: id, text: label }), sel]));
        return sel;
      }
      var sel = {
        domain: select("domain", "Domain", bp.domains.map(function (d) { return [d.id, d.name]; })),
        chapter: select("chapter", "Chapter", index.chapters.map(function (c) { return [c.id, c.title]; })),
        service: select("service", "Service", (index.services || []).map(function (x) { return [x.id, x.name]; })),
        difficulty: select("difficulty", "Difficulty", [["easy", "Easy"], ["medium", "Medium"], ["hard", "Hard"]])
      };
      var countId = "saa-drill-n";
      var count = el("input", { id: countId, name: "drill-n", type: "number", min: "1", inputmode: "numeric", value: params.get("n") || "10", "aria-describedby": "saa-drill-match" });
      node.appendChild(el("div", { class: "saa-field" }, [el("label", { for: countId, text: "Number of questions" }), count]));
      var match = el("p", { class: "saa-drill-match", id: "saa-drill-match", "aria-live": "polite" });
      node.appendChild(match);
      function filters() {
        var f = {};
        Object.keys(sel).forEach(function (k) { if (sel[k].value) f[k] = sel[k].value; });
        return f;
      }
      function pool() { return M.drillPool(index.questions, filters()); }
      function update() {
        var n = pool().length;
        count.max = String(Math.max(1, n));
        match.textContent = n ? n + (n === 1 ? " question matches." : " questions match.") : "No question matches these filters; choose Any for one of them.";
      }
      return {
        node: node,
        update: update,
        read: function () {
          var ids = pool(), n = Math.floor(Number(count.value));
          if (!ids.length) { sel.domain.focus(); update(); return null; }
          if (!(n >= 1)) { count.setAttribute("aria-invalid", "true"); match.textContent = "Enter how many questions, 1 to " + ids.length + "."; count.focus(); return null; }
          count.removeAttribute("aria-invalid");
          return { pool: ids, n: Math.min(n, ids.length), filters: filters() };
        }
      };
    }

    /* ---------- setup ---------- */
    function showSetup(message) {
      screen = "setup";
      timer.label = timer.pace = null;
      view.textContent = "";
      var params = new URLSearchParams(location.search);
      var state = P.read();
      var wrong = M.wrongBefore(state).filter(function (id) { return byId[id]; });
      var fresh = M.unseen(index, state);
      var saved = stored();
      var box = el("div", { class: "saa-setup" });
      box.appendChild(el("h2", { text: "Start a practice exam" }));
      if (message) box.appendChild(el("p", { class: "saa-message admonition info", text: message }));
      if (saved) {
        var left = saved.mode === "exam" ? timerLabel() : null;
        box.appendChild(el("div", { class: "saa-resume admonition note" }, [
          el("p", {}, ["You have " + (P.KIND_LABELS[saved.kind] || "an exam").toLowerCase() + " in progress: question " + (saved.index + 1) + " of " + saved.ids.length + ", " +
            Object.keys(saved.answers).length + " answered" + (left ? ", time left " : "."), left, left ? "." : null]),
          el("button", { class: "md-button md-button--primary saa-resume-btn", type: "button", text: "Resume exam", onclick: function () {
            var e = stored();
            if (!e) return showSetup("That exam is no longer in progress.");
            withQuestions([e.ids[e.index]], function () {
              memory = stored();
              if (memory) showQuestion(memory.index, true); else showSetup("That exam is no longer in progress.");
              if (memory) withQuestions(memory.ids, null);  // the rest of the exam, behind it
            });
          } }),
          " ",
          el("button", { class: "md-button saa-discard-btn", type: "button", text: "Discard it", onclick: function () {
            stopTimer(); memory = null; P.update(function (s) { s.exam = null; }); showSetup(); heading(); say("Exam discarded.");
          } })
        ]));
        if (left) startTimer(saved, left);
      }
      var form = el("form", { class: "saa-setup-form", novalidate: true });
      function group(legend, name, choices) {
        var fs = el("fieldset", { class: "saa-choice" }, [el("legend", { text: legend })]);
        var any = choices.some(function (c) { return c.checked && !c.disabled; });
        choices.forEach(function (c, i) {
          var id = "saa-" + name + "-" + c.value;
          fs.appendChild(el("div", { class: "saa-radio" }, [
            el("input", { type: "radio", name: name, id: id, value: c.value, checked: (c.checked && !c.disabled) || (i === 0 && !any), disabled: c.disabled }),
            el("label", { for: id, text: c.label })
          ]));
        });
        return fs;
      }
      var pace = bp.minutes + " minutes for " + bp.questions + " questions";
      form.appendChild(group("Mode", "mode", [
        { value: "exam", label: "Exam mode: timed at the real exam's pace (" + pace + "), no feedback until you submit", checked: params.get("mode") !== "practice" },
        { value: "practice", label: "Practice mode: no timer, check each answer as you go", checked: params.get("mode") === "practice" }
      ]));
      var sizeBox = group("Length", "size", bp.lengths.map(function (l) {
        return { value: l.id, label: l.label + " (" + l.questions + " questions, " + M.minutesFor(bp, l.questions) + " min in exam mode)", checked: params.get("length") === l.id };
      }));
      form.appendChild(sizeBox);
      var forms = index.forms || [];
      var sittings = formSittings(state);
      var want = params.get("scope");
      form.appendChild(group("Questions from", "scope", [
        { value: "all", label: "The whole bank (" + index.questions.length + " questions), drawn in the exam's domain weights", checked: true },
        { value: "form", label: "A fixed mock exam: the same " + bp.questions + " questions at every sitting, so you can compare attempts", disabled: !forms.length, checked: want === "form" },
        { value: "drill", label: "A drill: one domain, chapter, service or difficulty", checked: want === "drill" },
        { value: "unseen", label: "Questions I have not seen yet (" + fresh.length + ")", disabled: !fresh.length, checked: want === "unseen" },
        { value: "wrong", label: "Only questions I got wrong before (" + wrong.length + ")", disabled: !wrong.length, checked: want === "wrong" }
      ].map(function (c, i, all) {
        // the URL's scope wins over the default
        if (i === 0) c.checked = !all.some(function (x) { return x.value !== "all" && x.checked && !x.disabled; });
        return c;
      })));
      var formBox = group("Mock exam", "form", forms.map(function (f) {
        var mine = sittings[f.id] || [];
        var last = mine[mine.length - 1];
        return { value: f.id, label: f.label + (mine.length ? " · sat " + mine.length + "×, last " + last.percent + "%" : " · not sat yet"), checked: params.get("form") === f.id };
      }));
      formBox.classList.add("saa-form-choice");
      form.appendChild(formBox);
      var drillBox = drillControls(params);
      form.appendChild(drillBox.node);
      var unscoredId = "saa-unscored";
      var unscored = el("div", { class: "saa-radio saa-unscored" }, [
        el("input", { type: "checkbox", id: unscoredId, name: "unscored", checked: params.get("unscored") === "1" }),
        el("label", { for: unscoredId, text: "Mark " + bp.unscored + " of the " + bp.questions + " questions unscored, as the real exam does (full-length exams in exam mode; you learn which ones in the result)" })
      ]);
      form.appendChild(unscored);
      function sync() {
        var f = form.elements, scope = f.scope.value, full = scope === "form" || f.size.value === "full";
        formBox.hidden = scope !== "form";
        drillBox.node.hidden = scope !== "drill";
        sizeBox.hidden = scope === "form" || scope === "drill";
        f.unscored.disabled = !(full && f.mode.value === "exam" && scope !== "drill");
        drillBox.update();
      }
      form.addEventListener("change", sync);
      var seedId = "saa-seed";
      form.appendChild(el("div", { class: "saa-seed" }, [
        el("label", { for: seedId, text: "Seed (optional: the same seed replays the same exam)" }),
        el("input", { id: seedId, name: "seed", inputmode: "numeric", autocomplete: "off", value: params.get("seed") || "", "aria-describedby": seedId + "-err" }),
        el("span", { class: "saa-field-error", id: seedId + "-err", "aria-live": "polite" })
      ]));
      form.appendChild(el("button", { class: "md-button md-button--primary saa-start", type: "submit", text: saved ? "Start a new exam (discards the one in progress)" : "Start" }));
      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        var f = form.elements, seedText = f.seed.value.trim();
        if (seedText && !/^\d{1,9}$/.test(seedText)) {
          form.querySelector("#" + seedId + "-err").textContent = "A seed is a whole number of up to 9 digits, e.g. 42.";
          f.seed.setAttribute("aria-invalid", "true");
          f.seed.focus();
          return;
        }
        var length = lengthOf(f.size.value), scope = f.scope.value;
        var seed = seedText ? Number(seedText) : Math.floor(Math.random() * 1e9);
        var extra = !f.unscored.disabled && f.unscored.checked ? bp.unscored : 0;
        if (scope === "form") {
          var chosen = forms.filter(function (x) { return x.id === f.form.value; })[0];
          begin({ mode: f.mode.value, lengthId: "full", questions: chosen.questions.length, scope: scope, seed: seed, form: chosen, unscored: extra });
          return;
        }
        if (scope === "drill") {
          var drill = drillBox.read();
          if (!drill) return;
          begin({ mode: f.mode.value, lengthId: "drill", questions: drill.n, scope: scope, seed: seed, only: drill.pool, drill: drill.filters });
          return;
        }
        begin({
          mode: f.mode.value, lengthId: length.id, questions: length.questions, scope: scope, seed: seed, unscored: extra,
          only: scope === "wrong" ? wrong : scope === "unseen" ? fresh : null
        });
      });
      box.appendChild(form);
      sync();
      box.appendChild(el("p", { class: "saa-note", text: "Questions are drawn without repeats in the exam's domain weights: " +
        bp.domains.map(function (d) { return d.name + " " + d.weight + "%"; }).join(", ") + "." }));
      view.appendChild(box);
    }

    function begin(opts) {
      stopTimer();
      if (starting) return;
      starting = true;
      // The draw needs only the page's index; the first question's chapter comes next, the
      // rest of the exam's chapters behind it.
      var e = M.newExam(index, bp, opts, Date.now());
      withQuestions([e.ids[0]], function () {
        starting = false;
        if (!store(e)) say("Your browser is not saving progress, so this exam cannot survive a reload.");
        setURL("");  // a stale seed or review in the URL must not replay or reopen anything
        showQuestion(0, true);
        withQuestions(e.ids, null);
      });
    }

    /* ---------- one question ---------- */
    function showQuestion(i, focus) {
      var e = exam();
      if (!e) return showSetup("That exam is no longer in progress.");
      screen = "question";
      e.index = Math.max(0, Math.min(i, e.ids.length - 1));
      var q = byId[e.ids[e.index]], order = e.order[q.id], chosen = e.answers[q.id] || [];
      if (!q.html) {  // its chapter of the bank is still on its way
        say("Loading question " + (e.index + 1) + "…");
        return withQuestions([q.id], function () { showQuestion(e.index, focus); });
      }
      e.visited[q.id] = 1;
      store(e);
      var checked = e.mode === "practice" && e.checked[q.id];
      view.textContent = "";
      var timerEl = timerLabel();
      var flagBtn = el("button", { type: "button", class: "md-button saa-flag", "aria-pressed": e.flags[q.id] ? "true" : "false",
        text: e.flags[q.id] ? "⚑ Flagged" : "⚐ Flag for review", onclick: function () { toggleFlag(q.id, flagBtn); } });
      view.appendChild(el("div", { class: "saa-head" }, [
        el("h2", { class: "saa-qnum", text: "Question " + (e.index + 1) + " of " + e.ids.length }),
        e.mode === "exam" ? timerEl : el("span", { class: "saa-mode", text: "Practice mode" }),
        flagBtn
      ]));
      if (e.mode === "exam") {
        timer.pace = view.appendChild(el("p", { class: "saa-pace admonition note", hidden: true }));
      }
      var li = question(q, order, "Question " + (e.index + 1));
      var checkBtn = Q.enhance(li, e.mode === "practice" && !checked);
      Q.choose(li, chosen);
      li.addEventListener("change", function () {
        var x = exam();
        var keys = Q.chosenKeys(li);
        if (keys.length) x.answers[q.id] = keys; else delete x.answers[q.id];
        store(x);
        var old = view.querySelector(".saa-map");
        if (old) old.replaceWith(questionMap(x, true));
        Q.updateCheck(li);
      });
      if (checkBtn) checkBtn.addEventListener("click", function () {
        var x = exam(); x.checked[q.id] = true; store(x);
        Q.showFeedback(li, Q.chosenKeys(li));
        var result = li.querySelector(".quiz-result");
        S.focus(result);
        say(result.querySelector(".quiz-result-head").textContent);
      });
      if (checked) Q.showFeedback(li, chosen);
      view.appendChild(el("ol", { class: "saa-question", role: "presentation" }, [li]));
      view.appendChild(el("div", { class: "saa-nav" }, [
        el("button", { type: "button", class: "md-button saa-prev", text: "← Previous", disabled: e.index === 0, onclick: function () { go(-1); } }),
        el("button", { type: "button", class: "md-button saa-next", text: "Next →", disabled: e.index === e.ids.length - 1, onclick: function () { go(1); } }),
        el("button", { type: "button", class: "md-button md-button--primary saa-review", text: "Review & submit", onclick: showReview })
      ]));
      view.appendChild(el("p", { class: "saa-keys", id: "saa-keys" }, ["Keyboard: ", el("kbd", { text: "A" }), "–", el("kbd", { text: "E" }), " or ",
        el("kbd", { text: "1" }), "–", el("kbd", { text: "5" }), " choose · ", el("kbd", { text: "N" }), " or ", el("kbd", { text: "→" }), " next · ",
        el("kbd", { text: "P" }), " or ", el("kbd", { text: "←" }), " previous · ", el("kbd", { text: "F" }), " flag"]));
      view.appendChild(questionMap(e, true));
      startTimer(e, timerEl);
      if (focus) heading();
    }

    function go(step) {
      var e = exam();
      var i = e.index + step;
      if (i < 0 || i >= e.ids.length) return;
      showQuestion(i, true);
    }

    function toggleFlag(id, btn) {
      var x = exam();
      if (x.flags[id]) delete x.flags[id]; else x.flags[id] = true;
      store(x);
      btn.setAttribute("aria-pressed", x.flags[id] ? "true" : "false");
      btn.textContent = x.flags[id] ? "⚑ Flagged" : "⚐ Flag for review";
      var old = view.querySelector(".saa-map");
      if (old) old.replaceWith(questionMap(x, true));
      say(x.flags[id] ? "Flagged for review." : "Flag removed.");
    }

    function choose(pos) {
      var li = view.querySelector(".saa-question .quiz-q");
      if (li) Q.pickAt(li, pos);
    }

    S.keys(root, life, function (ev, key) {
      if (screen !== "question") return false;
      var pos = "abcde".indexOf(key);
      if (pos < 0) pos = "12345".indexOf(key);
      if (key.length === 1 && pos >= 0) { choose(pos); return true; }
      var onRadio = ev.target.type === "radio";  // arrows move between radios natively
      if (key === "n" || (key === "ArrowRight" && !onRadio)) { go(1); return true; }
      if (key === "p" || (key === "ArrowLeft" && !onRadio)) { go(-1); return true; }
      if (key === "f") { var b = view.querySelector(".saa-flag"); if (b) b.click(); return true; }
      return false;
    });

    /* The question as the chapter quiz shows it (the bank carries the same markup), its options
       in this exam's order. Links in the bank are relative to the site root. */
    function question(q, order, label) {
      var li = Q.fromBank(q, siteRoot);
      li.querySelector(".quiz-num").textContent = label;
      Q.arrange(li, order);
      return li;
    }

    function questionMap(e, compact) {
      var nav = el("nav", { class: "saa-map", "aria-label": "Question map" });
      if (!compact) nav.appendChild(el("p", { class: "saa-legend", text: "✓ answered · ○ unanswered · ⚑ flagged" }));
      var grid = el("ol", { class: "saa-map-grid" });
      e.ids.forEach(function (id, i) {
        var answered = !!e.answers[id], flagged = !!e.flags[id];
        var label = "Question " + (i + 1) + ": " + (answered ? "answered" : "unanswered") + (flagged ? ", flagged" : "") + (i === e.index ? ", current" : "");
        grid.appendChild(el("li", {}, [el("button", {
          type: "button", class: "saa-map-btn" + (answered ? " is-answered" : "") + (flagged ? " is-flagged" : "") + (i === e.index ? " is-current" : ""),
          "aria-label": label, "aria-current": i === e.index ? "step" : null, text: (i + 1) + (flagged ? "⚑" : answered ? "✓" : "○"),
          onclick: function () { showQuestion(i, true); }
        })]));
      });
      nav.appendChild(grid);
      return nav;
    }

    /* ---------- review before submitting ---------- */
    function showReview() {
      var e = exam();
      if (!e) return showSetup("That exam is no longer in progress.");
      screen = "review";
      view.textContent = "";
      var unanswered = e.ids.filter(function (id) { return !e.answers[id]; }).length;
      var flagged = Object.keys(e.flags).length;
      var timerEl = timerLabel();
      view.appendChild(el("div", { class: "saa-head" }, [el("h2", { text: "Review before you submit" }), e.mode === "exam" ? timerEl : null]));
      view.appendChild(el("p", { text: (e.ids.length - unanswered) + " of " + e.ids.length + " answered, " + unanswered + " unanswered, " + flagged + " flagged. Choose a question to go back to it." }));
      view.appendChild(questionMap(e, false));
      var warn = el("div", { class: "saa-warning admonition warning", role: "alertdialog", "aria-labelledby": "saa-warn-title", "aria-describedby": "saa-warn-text", hidden: true }, [
        el("p", { id: "saa-warn-title", class: "admonition-title", text: "You have " + unanswered + " unanswered question" + (unanswered === 1 ? "" : "s") }),
        el("p", { id: "saa-warn-text", text: "An unanswered question scores zero, as in the real exam. Submit anyway?" }),
        el("button", { type: "button", class: "md-button md-button--primary saa-confirm-submit", text: "Submit anyway", onclick: function () { finish(e.id, false); } }),
        " ",
        el("button", { type: "button", class: "md-button saa-cancel-submit", text: "Keep working", onclick: function () { warn.hidden = true; submit.focus(); } })
      ]);
      var submit = el("button", { type: "button", class: "md-button md-button--primary saa-submit", text: "Submit exam", onclick: function () {
        if (unanswered) { warn.hidden = false; warn.querySelector(".saa-confirm-submit").focus(); } else finish(e.id, false);
      } });
      view.appendChild(el("div", { class: "saa-nav" }, [
        el("button", { type: "button", class: "md-button saa-back", text: "← Back to question " + (e.index + 1), onclick: function () { showQuestion(exam().index, true); } }),
        submit
      ]));
      view.appendChild(warn);
      startTimer(e, timerEl);
      heading();
    }

    /* ---------- the result: recorded once, by exam id ---------- */
    function finish(id, timedOut) {
      stopTimer();
      var e = exam();
      withQuestions(e ? e.ids : [], function () { submit(id, timedOut); });
    }

    function submit(id, timedOut) {
      var done = resultById(id);
      if (!done) {
        var saved = P.read().exam;
        var e = memory && memory.id === id ? memory : saved && saved.id === id ? saved : null;
        if (!e) return showSetup("That exam is no longer in progress.");
        done = P.record(M.score(e, byId, bp, timedOut ? Math.min(Date.now(), e.deadline) : Date.now(), timedOut));
      }
      memory = null;
      showResult(done);
      say((done.timedOut ? "Time is up. Your exam was submitted. " : "Exam submitted. ") + "You scored " + done.percent + " percent.");
    }

    function kindText(r) {
      var what = r.formLabel ? r.formLabel + " (" + P.KIND_LABELS[r.kind].toLowerCase() + ")" : P.KIND_LABELS[r.kind];
      var base = what + " · " + r.n + " questions · " + (r.mode === "exam" ? "exam mode" : "practice mode");
      return base + " · " + new Date(r.at).toLocaleString();
    }

    function drillText(d) {
      var names = { domain: {}, chapter: {}, service: {} };
      bp.domains.forEach(function (x) { names.domain[x.id] = x.name; });
      index.chapters.forEach(function (x) { names.chapter[x.id] = x.title; });
      (index.services || []).forEach(function (x) { names.service[x.id] = x.name; });
      return ["domain", "chapter", "service", "difficulty"].filter(function (k) { return d[k]; }).map(function (k) {
        return (names[k] && names[k][d[k]]) || d[k];
      }).join(" · ") || "every question";
    }

    function showResult(r) {
      if (r.ids.some(function (id) { return byId[id] && !byId[id].html; })) return withQuestions(r.ids, function () { showResult(r); });
      screen = "result";
      timer.label = timer.pace = null;
      setURL("?review=" + encodeURIComponent(r.id));
      view.textContent = "";
      var s = bp.score, full = r.kind === "full";
      view.appendChild(el("h2", { text: r.timedOut ? "Time is up: your result" : "Your result" }));
      view.appendChild(el("p", { class: "saa-kind", text: kindText(r) }));
      if (r.drill) view.appendChild(el("p", { class: "saa-kind", text: "Drill: " + drillText(r.drill) }));
      var extra = r.unscored && r.unscored.length ? r.unscored.length : 0;
      var score = el("div", { class: "saa-score" }, [
        el("p", { class: "saa-raw" }, [el("strong", { text: r.percent + "%" }), extra ?
          " (" + r.right + " of " + r.scored + " scored questions correct)" :
          " (" + r.right + " of " + r.n + " correct, " + r.wrong.length + " wrong, " + r.unanswered.length + " unanswered)"])
      ]);
      if (extra) {
        score.appendChild(el("p", { class: "saa-unscored-note admonition info", text: extra + " of the " + r.n + " questions were unscored, as on the real exam, where AWS tries out new questions without telling you which. " +
          "Your score counts the other " + r.scored + ". You got " + r.unscoredRight + " of the " + extra + " unscored ones right; the review below marks them." }));
      }
      if (r.form) score.appendChild(formHistory(r));
      if (full) {
        score.appendChild(el("p", { class: "saa-scaled " + (r.passed ? "is-pass" : "is-fail") }, [
          "Estimated scaled score: ", el("strong", { text: String(r.scaled) }), " / " + s.max + " → ",
          el("strong", { text: r.passed ? "PASS (estimate)" : "FAIL (estimate)" }), " against the pass mark of " + s.pass + "."
        ]));
        score.appendChild(el("p", { class: "saa-note", text: "This is an estimate. AWS reports a scaled score from " + s.min + " to " + s.max + " and does not publish how raw answers map to it. The site assumes a cut score of " +
          Math.round(s.assumed_pass_fraction * 100) + "% correct = " + s.pass + ", and scales linearly from 0% = " + s.min + " and to 100% = " + s.max + "." }));
      } else {
        score.appendChild(el("p", { class: "saa-note", text: "Only a full exam-mode sitting (" + bp.questions + " questions, timed) gets a scaled-score estimate and counts towards your score trend. " +
          "This " + P.KIND_LABELS[r.kind].toLowerCase() + " counts towards your chapter and domain scores." }));
      }
      score.appendChild(el("p", { class: "saa-time", text: "Time used: " + M.clock(r.timeUsedMs) + (r.mode === "exam" ? " of " + M.clock(r.minutes * 60000) : "") + "." }));
      view.appendChild(score);
      view.appendChild(el("h3", { text: "By domain" }));
      var chart = el("div", { class: "saa-bars", role: "img", "aria-label": "Score by domain: " + bp.domains.map(function (d) {
        var p = r.perDomain[d.id]; return d.name + " " + (p.total ? Math.round(100 * p.right / p.total) : 0) + "%"; }).join(", ") });
      bp.domains.forEach(function (d) {
        var p = r.perDomain[d.id], pct = p.total ? Math.round(100 * p.right / p.total) : 0;
        chart.appendChild(el("div", { class: "saa-bar-row" }, [
          el("span", { class: "saa-bar-label", text: d.name + " (" + d.weight + "%)" }),
          el("span", { class: "saa-bar" }, [el("span", { class: "saa-bar-fill" + (pct >= s.assumed_pass_fraction * 100 ? " is-good" : ""), style: "width:" + pct + "%" })]),
          el("span", { class: "saa-bar-value", text: p.right + "/" + p.total + " · " + pct + "%" })
        ]));
      });
      view.appendChild(chart);
      var missed = r.wrong.concat(r.unanswered).filter(function (id) { return byId[id]; });
      var replay = r.form ? "?scope=form&form=" + r.form + "&mode=" + r.mode :
        r.scope === "all" ? "?seed=" + r.seed + "&mode=" + r.mode + "&length=" + r.lengthId : "";
      view.appendChild(el("div", { class: "saa-nav" }, [
        missed.length ? el("button", { type: "button", class: "md-button md-button--primary saa-retake", text: "Retake the ones you missed (" + missed.length + ")", onclick: function () {
          begin({ mode: r.mode, lengthId: "retake", questions: missed.length, seed: Math.floor(Math.random() * 1e9), only: missed, scope: "retake" });
        } }) : null,
        el("button", { type: "button", class: "md-button saa-new", text: "New exam", onclick: function () { setURL(""); showSetup(); heading(); } }),
        el("a", { class: "md-button", href: siteRoot + M.pagePath(root, "progress"), text: "See your progress" })
      ]));
      if (replay) view.appendChild(el("p", { class: "saa-note" }, ["To sit this same exam again, or share it: ", el("a", { class: "saa-replay", href: replay, text: r.form ? "sit " + r.formLabel + " again" : "replay seed " + r.seed }), "."]));
      view.appendChild(reviewList(r));
      heading();
    }

    /* This form's sittings, so a learner sees whether they improved on the same questions. */
    function formHistory(r) {
      var mine = formSittings(P.read())[r.form] || [r];
      var list = el("ol", { class: "saa-form-history" });
      mine.forEach(function (x) {
        list.appendChild(el("li", { "aria-current": x.id === r.id ? "true" : null, text: x.percent + "% · " + (x.mode === "exam" ? "exam mode" : "practice mode") + " · " +
          new Date(x.at).toLocaleDateString() + (x.id === r.id ? " (this sitting)" : "") }));
      });
      return el("div", { class: "saa-form-sittings" }, [el("p", { text: "Your sittings of " + r.formLabel + ":" }), list]);
    }

    /* Every question with its options, verdicts and explanations, and filters. */
    function reviewList(r) {
      var wrap = el("section", { class: "saa-review-all", "aria-labelledby": "saa-review-title" });
      wrap.appendChild(el("h3", { id: "saa-review-title", text: "Review every question" }));
      var status = {};
      r.ids.forEach(function (id) { status[id] = r.unanswered.indexOf(id) >= 0 ? "unanswered" : r.wrong.indexOf(id) >= 0 ? "wrong" : "right"; });
      var filters = [
        ["all", "All", r.ids.length],
        ["wrong", "Wrong", r.wrong.length],
        ["unanswered", "Unanswered", r.unanswered.length],
        ["flagged", "Flagged", Object.keys(r.flags).length]
      ];
      var list = el("ol", { class: "saa-review-list" });
      var count = el("p", { class: "saa-filter-count", role: "status", "aria-live": "polite" });
      var bar = el("div", { class: "saa-filters", role: "group", "aria-label": "Show questions" });
      function apply(which) {
        var shown = 0;
        Array.prototype.forEach.call(list.children, function (li) {
          var id = li.getAttribute("data-qid");
          li.hidden = !(which === "all" || (which === "flagged" ? !!r.flags[id] : status[id] === which));
          if (!li.hidden) shown++;
        });
        Array.prototype.forEach.call(bar.children, function (b) {
          var on = b.getAttribute("data-filter") === which;
          b.setAttribute("aria-pressed", on ? "true" : "false");
          b.classList.toggle("md-button--primary", on);
        });
        count.textContent = shown ? "Showing " + shown + " of " + r.ids.length + " questions." : "No questions match this filter.";
      }
      filters.forEach(function (f) {
        bar.appendChild(el("button", { type: "button", class: "md-button saa-filter", "data-filter": f[0], "aria-pressed": "false",
          text: f[1] + " (" + f[2] + ")", onclick: function () { apply(f[0]); } }));
      });
      wrap.appendChild(bar);
      wrap.appendChild(count);
      r.ids.forEach(function (id, i) {
        var q = byId[id];
        if (!q) return;  // a question removed from the bank since
        var off = r.unscored && r.unscored.indexOf(id) >= 0;
        var li = question(q, r.order[id], "Question " + (i + 1) + (off ? " · unscored" : "") + (r.flags[id] ? " · ⚑ flagged" : ""));
        li.classList.add("saa-review-item");
        li.setAttribute("data-status", status[id]);
        li.setAttribute("value", i + 1);
        Q.enhance(li, false);
        Q.showFeedback(li, r.answers[id] || []);
        list.appendChild(li);
      });
      wrap.appendChild(list);
      apply("all");
      return wrap;
    }

    /* ---------- where a learner lands ---------- */
    var saved = stored(), review = new URLSearchParams(location.search).get("review");
    if (saved && saved.mode === "exam" && saved.deadline <= Date.now()) {
      memory = saved;  // its time ran out while the learner was elsewhere
      finish(saved.id, true);
    } else if (review) {
      var r = resultById(review);
      if (r) showResult(r); else { setURL(""); showSetup("That exam result is not stored in this browser."); }
    } else {
      showSetup();
    }
  }
})();
