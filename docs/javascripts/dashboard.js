/* Progress dashboard: the weakest areas first, chapter quiz scores, every exam
   sitting (reviewable) with a trend of the full sittings, and export / import
   (merge or replace, asked first) / reset of progress. */
(function () {
  "use strict";
  var S = window.SAA, P = window.SAAProgress, M = window.SAAExam, el = S.el;

  function pct(right, total) { return total ? Math.round(100 * right / total) : 0; }

  /* Chapter scores from the latest quiz answers; domain scores from every answered
     question, in quizzes and exams. Unanswered exam questions count nowhere. */
  function stats(state, bank) {
    var byId = {}, chapters = {}, domains = {};
    bank.questions.forEach(function (q) { byId[q.id] = q; });
    bank.chapters.forEach(function (c) { chapters[c.id] = { id: c.id, title: c.title, total: c.count, answered: 0, right: 0 }; });
    function tally(id, ok) {
      var q = byId[id];
      if (!q) return;
      var d = domains[q.domain] = domains[q.domain] || { right: 0, total: 0, wrongIn: {} };
      d.total++;
      if (ok) d.right++; else d.wrongIn[q.chapter] = (d.wrongIn[q.chapter] || 0) + 1;
    }
    Object.keys(state.quiz).forEach(function (id) {
      var e = state.quiz[id], q = byId[id];
      if (!q || !e || typeof e.ok !== "boolean") return;
      chapters[q.chapter].answered++;
      if (e.ok) chapters[q.chapter].right++;
      tally(id, e.ok);
    });
    state.exams.forEach(function (x) {
      x.ids.forEach(function (id) { if ((x.answers[id] || []).length) tally(id, x.wrong.indexOf(id) < 0); });
    });
    return { chapters: bank.chapters.map(function (c) { return chapters[c.id]; }), domains: domains };
  }

  function trendChart(exams, passPct) {
    var w = 320, h = 120, pad = 24, n = exams.length;
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + w + " " + h);
    svg.setAttribute("class", "saa-trend");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "Full exam scores over time: " + exams.map(function (e) { return e.percent + "%"; }).join(", "));
    function x(i) { return n === 1 ? w / 2 : pad + i * (w - 2 * pad) / (n - 1); }
    function y(p) { return h - pad / 2 - p * (h - pad) / 100; }
    function add(tag, attrs) {
      var node = document.createElementNS(ns, tag);
      Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
      svg.appendChild(node);
    }
    add("line", { x1: pad, y1: y(0), x2: w - pad, y2: y(0), class: "saa-axis" });
    add("line", { x1: pad, y1: y(passPct), x2: w - pad, y2: y(passPct), class: "saa-passline" });
    add("polyline", { points: exams.map(function (e, i) { return x(i) + "," + y(e.percent); }).join(" "), class: "saa-trendline" });
    exams.forEach(function (e, i) { add("circle", { cx: x(i), cy: y(e.percent), r: 3.5, class: e.passed ? "saa-dot is-pass" : "saa-dot" }); });
    return svg;
  }

  /* Material wraps the tables of the page's Markdown so they scroll on a phone; ours are
     made later, so they get the same wrappers here. */
  function scrollTable(table, cls) {
    return el("div", { class: "md-typeset__scrollwrap" }, [el("div", { class: "md-typeset__table " + cls }, [table])]);
  }

  /* head: column titles; a title's class (after "|") lets a phone hide that column. */
  function table(head, rows) {
    var cls = head.map(function (h) { return h.split("|")[1] || null; });
    rows.forEach(function (tr) { Array.prototype.forEach.call(tr.children, function (td, i) { if (cls[i]) td.classList.add(cls[i]); }); });
    return el("table", {}, [
      el("thead", {}, [el("tr", {}, head.map(function (t, i) { return el("th", { scope: "col", class: cls[i], text: t.split("|")[0] }); }))]),
      el("tbody", {}, rows)
    ]);
  }

  /* Spaced repetition: what is due, and how well the learner keeps what they review. */
  function reviewPanel(root, state, bank, href) {
    var known = {}, chapterOf = {};
    bank.questions.forEach(function (q) { known[q.id] = true; chapterOf["q:" + q.id] = q.chapter; });
    var s = window.SAAReview.outlook(state, known, Date.now(), chapterOf);
    root.appendChild(el("h2", { text: "Review" }));
    root.appendChild(el("p", { class: "saa-review-stats" }, [
      el("strong", { text: s.dueToday + " card" + (s.dueToday === 1 ? "" : "s") + " due today" }), ", " + s.dueWeek + " more in the next 7 days · " +
        s.reviews + " review" + (s.reviews === 1 ? "" : "s") + " done" + (s.retention === null ? "" : " · retention " + s.retention + "% over the last 30 days") + ". ",
      el("a", { href: href("review"), text: s.dueToday ? "Review now" : "Open the review" })
    ]));
  }

  /* Ready for the exam? The rule is exam-model.js's READY, stated as it is applied. */
  function readinessPanel(root, r, href) {
    var rule = r.rule;
    root.appendChild(el("h2", { text: "Ready for the exam?" }));
    root.appendChild(el("p", { class: "saa-readiness " + (r.ready ? "is-ready" : "is-not-ready") }, [el("strong", {
      text: r.ready ? "Ready, by this site's rule." : "Not yet." })]));
    root.appendChild(el("p", { class: "saa-note", text: "The rule: the first exam-mode sitting of " + rule.forms + " different fixed mock exams each scores at least " +
      rule.percent + "%, with no domain below " + rule.domainPercent + "%. Second sittings of a form, drills, retakes, practice runs and random exams do not count, " +
      "because they overrate you. It is a rule of thumb, not a promise: AWS does not publish how its scaled score is computed." }));
    if (r.sat.length) {
      root.appendChild(scrollTable(table(["Mock exam", "First sitting", "Counts?"], r.sat.map(function (x) {
        return el("tr", { "data-form": x.form.id }, [
          el("td", { text: x.form.label }), el("td", { text: x.result.percent + "% · " + new Date(x.result.at).toLocaleDateString() }),
          el("td", { text: x.counts ? "yes" : "no" })
        ]);
      })), "saa-forms"));
    }
    if (r.steps.length) {
      root.appendChild(el("p", { text: r.ready ? "To stay sharp:" : "What is missing:" }));
      root.appendChild(el("ul", { class: "saa-steps" }, r.steps.map(function (st) {
        return el("li", {}, st.query ? [el("a", { href: href("exam", st.query), text: st.text })] : [st.text]);
      })));
    }
  }

  /* The page carries the bank's index (ids, chapters, domains): all the dashboard needs, so
     it draws at once, without the bank's question text. */
  S.widget("progress", function (root) {
    render(root, JSON.parse(root.getAttribute("data-blueprint")), JSON.parse(root.getAttribute("data-index")));
  });

  function render(root, bp, bank, message) {
    var siteRoot = root.getAttribute("data-root");
    var state = P.read(), s = stats(state, bank);
    var passPct = Math.round(bp.score.assumed_pass_fraction * 100);
    var domainName = {}, titleOf = {};
    bp.domains.forEach(function (d) { domainName[d.id] = d.name; });
    bank.chapters.forEach(function (c) { titleOf[c.id] = c.title; });
    function href(page, query) { return siteRoot + M.pagePath(root, page, query); }
    root.textContent = "";

    // Weakest first
    root.appendChild(el("h2", { text: "Study next" }));
    var weak = s.chapters.filter(function (c) { return c.answered; })
      .map(function (c) { return { label: c.title, score: pct(c.right, c.answered), href: href(c.id) + "#quiz", note: c.right + "/" + c.answered + " right" }; });
    Object.keys(s.domains).forEach(function (d) {
      var v = s.domains[d];
      // Study the chapter where this domain's questions went wrong most often.
      var worst = Object.keys(v.wrongIn).sort(function (a, b) { return v.wrongIn[b] - v.wrongIn[a]; })[0];
      weak.push({ label: domainName[d] + " (domain)", score: pct(v.right, v.total), href: href(worst || "exam"),
        note: v.right + "/" + v.total + " right across quizzes and exams" + (worst ? "; most misses in " + titleOf[worst] : "") });
    });
    weak.sort(function (a, b) { return a.score - b.score; });
    if (!weak.length) {
      root.appendChild(el("p", { class: "saa-empty", text: "Nothing yet. Answer a chapter quiz or sit a practice exam, and your weakest areas will show here." }));
    } else {
      root.appendChild(el("ol", { class: "saa-weak" }, weak.slice(0, 6).map(function (w) {
        return el("li", {}, [el("a", { href: w.href, text: w.label }), " — " + w.score + "% (" + w.note + ")"]);
      })));
    }

    readinessPanel(root, M.readiness(state, bank.forms || [], bp), href);
    reviewPanel(root, state, bank, href);

    // Chapters
    root.appendChild(el("h2", { text: "Chapter quizzes" }));
    root.appendChild(scrollTable(table(["Chapter", "Answered", "Right|saa-narrow-hide", "Score", "Status|saa-narrow-hide"], s.chapters.map(function (c) {
      var status = !c.answered ? "not started" : c.answered < c.total ? "in progress" : "complete";
      return el("tr", { "data-chapter": c.id }, [
        el("td", {}, [el("a", { href: href(c.id) + "#quiz", text: c.title })]),
        el("td", { text: c.answered + " / " + c.total }), el("td", { text: String(c.right) }),
        el("td", { text: c.answered ? pct(c.right, c.answered) + "%" : "–" }), el("td", { text: status })
      ]);
    })), "saa-chapters"));

    // Exams: every sitting is listed and reviewable; only full exam-mode sittings are scored as sittings.
    root.appendChild(el("h2", { text: "Practice exams" }));
    if (!state.exams.length) {
      root.appendChild(el("p", { class: "saa-empty" }, ["No exams yet. ", el("a", { href: href("exam"), text: "Sit a practice exam" }), "."]));
    } else {
      var full = state.exams.filter(function (x) { return x.kind === "full"; });
      if (full.length) {
        var last = full[full.length - 1];
        root.appendChild(el("p", { class: "saa-estimate" }, ["Latest full exam: ", el("strong", { text: last.percent + "%" }),
          ", an estimated " + last.scaled + " of " + bp.score.max + " (" + (last.passed ? "pass" : "fail") + " against " + bp.score.pass + ")."]));
        root.appendChild(trendChart(full, passPct));
        root.appendChild(el("p", { class: "saa-note", text: "The chart shows your full exam-mode sittings (" + bp.questions + " questions, timed). The dashed line marks " +
          passPct + "%, the site's estimate of the pass mark (" + bp.score.pass + " scaled). Shorter exams, retakes and practice runs are listed below but do not count towards the trend or the estimate." }));
      } else {
        root.appendChild(el("p", { class: "saa-note", text: "Sit a full exam in exam mode (" + bp.questions + " questions, timed) to get a score trend and a pass estimate. Shorter exams, retakes and practice runs do not count towards them." }));
      }
      root.appendChild(scrollTable(table(["Date", "Kind", "Questions|saa-narrow-hide", "Score", "Estimate", ""], state.exams.slice().reverse().map(function (x) {
        return el("tr", { "data-kind": x.kind }, [
          el("td", { text: new Date(x.at).toLocaleString() }),
          el("td", { text: (x.formLabel ? x.formLabel + ": " : "") + P.KIND_LABELS[x.kind] + (x.mode === "practice" || x.kind === "practice" ? "" : ", exam mode") + (x.timedOut ? ", timed out" : "") }),
          el("td", { text: String(x.n) }),
          el("td", { text: x.percent + "% (" + x.right + "/" + x.n + ")" }),
          el("td", { text: x.kind === "full" ? x.scaled + (x.passed ? " pass" : " fail") : "—" }),
          el("td", {}, [el("a", { class: "saa-review-link", href: href("exam", "?review=" + encodeURIComponent(x.id)), text: "Review", "aria-label": "Review the exam of " + new Date(x.at).toLocaleString() })])
        ]);
      })), "saa-exams"));
    }

    // Export / import / reset
    root.appendChild(el("h2", { text: "Move or reset your progress" }));
    root.appendChild(el("p", { text: "Progress lives in this browser only. Export it to a file to move it to another device, then import it there." }));
    var msg = el("p", { class: "saa-io-msg", role: "status", "aria-live": "polite", text: message || "" });
    function fail(text) { msg.textContent = "Import failed: " + text + " Your progress is unchanged."; msg.className = "saa-io-msg is-error"; }
    function replaceWith(next, done) {
      if (!P.write(next)) return fail("this browser is not saving data.");
      render(root, bp, bank, done);
      S.focus(root.querySelector(".saa-io-msg"));
    }
    var exportBtn = el("button", { type: "button", class: "md-button saa-export", text: "Export progress", onclick: function () {
      var now = P.read();
      var blob = new Blob([JSON.stringify(P.exportFile(now, Date.now()), null, 1)], { type: "application/json" });
      var a = el("a", { href: URL.createObjectURL(blob), download: "saa-c03-progress.json" });
      document.body.appendChild(a); a.click(); a.remove();
      var c = P.counts(now);
      msg.className = "saa-io-msg";
      msg.textContent = "Exported " + c.answers + " answers and " + c.exams + " exams.";
    } });
    var fileId = "saa-import-file";
    var file = el("input", { type: "file", id: fileId, accept: "application/json,.json", class: "saa-import" });
    var ask = el("div", { class: "saa-import-ask admonition question", hidden: true, role: "alertdialog", "aria-labelledby": "saa-import-title", "aria-describedby": "saa-import-text" });
    file.addEventListener("change", function () {
      var f = file.files && file.files[0];
      if (!f) return;
      var reader = new FileReader();
      reader.onload = function () {
        var data;
        try { data = JSON.parse(reader.result); } catch (e) { return fail("this file is not JSON."); }
        var got = P.readImport(data);
        if (got.error) return fail(got.error);
        var mine = P.read(), theirs = got.state, a = P.counts(theirs), b = P.counts(mine);
        var done = "Imported " + a.answers + " answers and " + a.exams + " exams.";
        if (!b.answers && !b.exams && !mine.exam) return replaceWith(theirs, done);
        // Something would be replaced: ask, and offer to keep both.
        ask.textContent = "";
        ask.appendChild(el("p", { class: "admonition-title", id: "saa-import-title", text: "Replace or merge your progress?" }));
        ask.appendChild(el("p", { id: "saa-import-text", text: "The file holds " + a.answers + " quiz answers and " + a.exams + " exams. This browser holds " +
          b.answers + " quiz answers and " + b.exams + " exams. Merging keeps both (the later answer to a question wins); replacing deletes what is here." }));
        ask.appendChild(el("button", { type: "button", class: "md-button md-button--primary saa-import-merge", text: "Merge both", onclick: function () {
          var merged = P.merge(mine, theirs), c = P.counts(merged);
          replaceWith(merged, "Merged: you now have " + c.answers + " answers and " + c.exams + " exams.");
        } }));
        ask.appendChild(document.createTextNode(" "));
        ask.appendChild(el("button", { type: "button", class: "md-button saa-import-replace", text: "Replace mine with the file", onclick: function () { replaceWith(theirs, done); } }));
        ask.appendChild(document.createTextNode(" "));
        ask.appendChild(el("button", { type: "button", class: "md-button saa-import-cancel", text: "Cancel", onclick: function () {
          ask.hidden = true; file.value = ""; msg.className = "saa-io-msg"; msg.textContent = "Import cancelled. Your progress is unchanged."; file.focus();
        } }));
        ask.hidden = false;
        ask.querySelector(".saa-import-merge").focus();
      };
      reader.readAsText(f);
    });
    var c = P.counts(state);
    var confirmBox = el("div", { class: "saa-confirm admonition danger", hidden: true, role: "alertdialog", "aria-labelledby": "saa-reset-title" }, [
      el("p", { class: "admonition-title", id: "saa-reset-title", text: "Delete all progress?" }),
      el("p", { text: "This deletes " + c.answers + " quiz answers and " + c.exams + " exams from this browser. Export first if you want a copy." }),
      el("button", { type: "button", class: "md-button md-button--primary saa-reset-confirm", text: "Yes, delete everything", onclick: function () {
        P.write(P.empty()); render(root, bp, bank, "All progress was deleted."); S.focus(root.querySelector(".saa-io-msg"));
      } }),
      " ",
      el("button", { type: "button", class: "md-button saa-reset-cancel", text: "Cancel", onclick: function () { confirmBox.hidden = true; resetBtn.focus(); } })
    ]);
    var resetBtn = el("button", { type: "button", class: "md-button saa-reset", text: "Reset progress…", onclick: function () { confirmBox.hidden = false; confirmBox.querySelector(".saa-reset-cancel").focus(); } });
    root.appendChild(el("div", { class: "saa-io" }, [exportBtn, el("label", { for: fileId, class: "saa-import-label", text: "Import progress from a file:" }), file, resetBtn]));
    root.appendChild(ask);
    root.appendChild(confirmBox);
    root.appendChild(msg);
  }
})();
