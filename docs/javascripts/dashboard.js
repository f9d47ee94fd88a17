/* Progress dashboard: chapter quiz scores, exam history with a trend chart, the
   weakest chapters and domains first, and export / import / reset of progress. */
(function () {
  "use strict";
  var P = window.SAAProgress, X = window.SAAExam, el = X.el;
  var APP = "saa-c03-study-site";

  function pct(right, total) { return total ? Math.round(100 * right / total) : 0; }

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
      (x.ids || []).forEach(function (id) { tally(id, (x.wrong || []).indexOf(id) < 0); });
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
    svg.setAttribute("aria-label", "Exam scores over time: " + exams.map(function (e) { return e.percent + "%"; }).join(", "));
    function x(i) { return n === 1 ? w / 2 : pad + i * (w - 2 * pad) / (n - 1); }
    function y(p) { return h - pad / 2 - p * (h - pad) / 100; }
    function line(x1, y1, x2, y2, cls) {
      var l = document.createElementNS(ns, "line");
      [["x1", x1], ["y1", y1], ["x2", x2], ["y2", y2], ["class", cls]].forEach(function (a) { l.setAttribute(a[0], a[1]); });
      svg.appendChild(l);
    }
    line(pad, y(0), w - pad, y(0), "saa-axis");
    line(pad, y(passPct), w - pad, y(passPct), "saa-passline");
    var pts = exams.map(function (e, i) { return x(i) + "," + y(e.percent); }).join(" ");
    var poly = document.createElementNS(ns, "polyline");
    poly.setAttribute("points", pts);
    poly.setAttribute("class", "saa-trendline");
    svg.appendChild(poly);
    exams.forEach(function (e, i) {
      var c = document.createElementNS(ns, "circle");
      c.setAttribute("cx", x(i)); c.setAttribute("cy", y(e.percent)); c.setAttribute("r", 3.5);
      c.setAttribute("class", e.passed ? "saa-dot is-pass" : "saa-dot");
      svg.appendChild(c);
    });
    return svg;
  }

  function validImport(data) {
    if (!data || typeof data !== "object" || data.app !== APP) return "This file is not a progress export from this site.";
    var p = data.progress;
    if (data.version !== 1 || !p || typeof p !== "object" || p.version !== 1) return "This export is from an unsupported version.";
    if (typeof p.quiz !== "object" || Array.isArray(p.quiz) || p.quiz === null || !Array.isArray(p.exams)) return "This export is damaged: it has no quiz answers or exam list.";
    var badQuiz = Object.keys(p.quiz).some(function (k) { var e = p.quiz[k]; return !e || typeof e !== "object" || (e.ok !== null && e.ok !== undefined && typeof e.ok !== "boolean"); });
    var badExam = p.exams.some(function (e) { return !e || typeof e.percent !== "number" || !Array.isArray(e.ids); });
    if (badQuiz || badExam) return "This export is damaged: some entries are not valid.";
    return "";
  }

  function setup(root) {
    if (root.getAttribute("data-ready")) return;
    root.setAttribute("data-ready", "1");
    var bp = JSON.parse(root.getAttribute("data-blueprint"));
    var siteRoot = root.getAttribute("data-root");
    X.loadBank(root.getAttribute("data-bank")).then(function (bank) { render(root, bp, bank, siteRoot); }, function (err) {
      root.textContent = "The dashboard could not load the question bank (" + err.message + ").";
    });
  }

  function render(root, bp, bank, siteRoot) {
    var state = P.read(), s = stats(state, bank);
    var passPct = Math.round(bp.score.assumed_pass_fraction * 100);
    var domainName = {}, titleOf = {};
    bp.domains.forEach(function (d) { domainName[d.id] = d.name; });
    bank.chapters.forEach(function (c) { titleOf[c.id] = c.title; });
    root.textContent = "";
    var live = el("div", { class: "saa-live", role: "status", "aria-live": "polite" });

    // Weakest first
    root.appendChild(el("h2", { text: "Study next" }));
    var weak = s.chapters.filter(function (c) { return c.answered; })
      .map(function (c) { return { label: c.title, score: pct(c.right, c.answered), href: siteRoot + X.pagePath(root, c.id) + "#quiz", note: c.right + "/" + c.answered + " right" }; });
    Object.keys(s.domains).forEach(function (d) {
      var v = s.domains[d];
      // Study the chapter where this domain's questions went wrong most often.
      var worst = Object.keys(v.wrongIn).sort(function (a, b) { return v.wrongIn[b] - v.wrongIn[a]; })[0];
      weak.push({ label: domainName[d] + " (domain)", score: pct(v.right, v.total), href: siteRoot + X.pagePath(root, worst || "exam"),
        note: v.right + "/" + v.total + " right across quizzes and exams" + (worst ? "; most misses in " + titleOf[worst] : "") });
    });
    weak.sort(function (a, b) { return a.score - b.score; });
    if (!weak.length) {
      root.appendChild(el("p", { class: "saa-empty", text: "Nothing yet. Answer a chapter quiz or sit a practice exam, and your weakest areas will show here." }));
    } else {
      var ul = el("ol", { class: "saa-weak" });
      weak.slice(0, 6).forEach(function (w) {
        ul.appendChild(el("li", {}, [el("a", { href: w.href, text: w.label }), " — " + w.score + "% (" + w.note + ")"]));
      });
      root.appendChild(ul);
    }

    // Chapters
    root.appendChild(el("h2", { text: "Chapter quizzes" }));
    var table = el("table", {}, [el("thead", {}, [el("tr", {}, ["Chapter", "Answered", "Right", "Score", "Status"].map(function (t) { return el("th", { scope: "col", text: t }); }))])]);
    var tbody = el("tbody");
    s.chapters.forEach(function (c) {
      var status = !c.answered ? "not started" : c.answered < c.total ? "in progress" : "complete";
      tbody.appendChild(el("tr", { "data-chapter": c.id }, [
        el("td", {}, [el("a", { href: siteRoot + X.pagePath(root, c.id) + "#quiz", text: c.title })]),
        el("td", { text: c.answered + " / " + c.total }), el("td", { text: String(c.right) }),
        el("td", { text: c.answered ? pct(c.right, c.answered) + "%" : "–" }), el("td", { text: status })
      ]));
    });
    table.appendChild(tbody);
    root.appendChild(el("div", { class: "md-typeset__table saa-chapters" }, [table]));

    // Exams
    root.appendChild(el("h2", { text: "Practice exams" }));
    if (!state.exams.length) {
      root.appendChild(el("p", { class: "saa-empty" }, ["No exams yet. ", el("a", { href: siteRoot + X.pagePath(root, "exam"), text: "Sit a practice exam" }), "."]));
    } else {
      root.appendChild(trendChart(state.exams, passPct));
      root.appendChild(el("p", { class: "saa-note", text: "The dashed line marks " + passPct + "%, the site's estimate of the pass mark (" + bp.score.pass + " scaled)." }));
      var et = el("table", {}, [el("thead", {}, [el("tr", {}, ["Date", "Mode", "Questions", "Score", "Estimate"].map(function (t) { return el("th", { scope: "col", text: t }); }))])]);
      var eb = el("tbody");
      state.exams.slice().reverse().forEach(function (x) {
        eb.appendChild(el("tr", {}, [el("td", { text: new Date(x.at).toLocaleString() }), el("td", { text: x.mode }), el("td", { text: String(x.n) }),
          el("td", { text: x.percent + "%" }), el("td", { text: x.scaled + (x.passed ? " pass" : " fail") })]));
      });
      et.appendChild(eb);
      root.appendChild(el("div", { class: "md-typeset__table saa-exams" }, [et]));
    }

    // Export / import / reset
    root.appendChild(el("h2", { text: "Move or reset your progress" }));
    root.appendChild(el("p", { text: "Progress lives in this browser only. Export it to a file to move it to another device, then import it there." }));
    var msg = el("p", { class: "saa-io-msg", role: "status", "aria-live": "polite" });
    var exportBtn = el("button", { type: "button", class: "md-button saa-export", text: "Export progress", onclick: function () {
      var blob = new Blob([JSON.stringify({ app: APP, version: 1, exported_at: new Date().toISOString(), progress: P.read() }, null, 1)], { type: "application/json" });
      var a = el("a", { href: URL.createObjectURL(blob), download: "saa-c03-progress.json" });
      document.body.appendChild(a); a.click(); a.remove();
      msg.textContent = "Exported " + Object.keys(P.read().quiz).length + " answers and " + P.read().exams.length + " exams.";
    } });
    var fileId = "saa-import-file";
    var file = el("input", { type: "file", id: fileId, accept: "application/json,.json", class: "saa-import" });
    file.addEventListener("change", function () {
      var f = file.files && file.files[0];
      if (!f) return;
      var reader = new FileReader();
      reader.onload = function () {
        var data;
        try { data = JSON.parse(reader.result); } catch (e) { msg.textContent = "Import failed: this file is not JSON. Your progress is unchanged."; msg.className = "saa-io-msg is-error"; return; }
        var problem = validImport(data);
        if (problem) { msg.textContent = "Import failed: " + problem + " Your progress is unchanged."; msg.className = "saa-io-msg is-error"; return; }
        var incoming = data.progress;
        if (!P.write({ version: 1, quiz: incoming.quiz, exams: incoming.exams, exam: incoming.exam || null })) {
          msg.textContent = "Import failed: this browser is not saving data. Your progress is unchanged."; msg.className = "saa-io-msg is-error"; return;
        }
        render(root, bp, bank, siteRoot);
        root.querySelector(".saa-io-msg").textContent = "Imported " + Object.keys(incoming.quiz).length + " answers and " + incoming.exams.length + " exams.";
      };
      reader.readAsText(f);
    });
    var confirmBox = el("div", { class: "saa-confirm admonition danger", hidden: true, role: "alertdialog", "aria-labelledby": "saa-reset-title" }, [
      el("p", { class: "admonition-title", id: "saa-reset-title", text: "Delete all progress?" }),
      el("p", { text: "This deletes " + Object.keys(state.quiz).length + " quiz answers and " + state.exams.length + " exams from this browser. Export first if you want a copy." }),
      el("button", { type: "button", class: "md-button md-button--primary saa-reset-confirm", text: "Yes, delete everything", onclick: function () {
        P.write(P.empty()); render(root, bp, bank, siteRoot); root.querySelector(".saa-io-msg").textContent = "All progress was deleted.";
      } }),
      " ",
      el("button", { type: "button", class: "md-button saa-reset-cancel", text: "Cancel", onclick: function () { confirmBox.hidden = true; resetBtn.focus(); } })
    ]);
    var resetBtn = el("button", { type: "button", class: "md-button saa-reset", text: "Reset progress…", onclick: function () { confirmBox.hidden = false; confirmBox.querySelector(".saa-reset-cancel").focus(); } });
    root.appendChild(el("div", { class: "saa-io" }, [exportBtn, el("label", { for: fileId, class: "saa-import-label", text: "Import progress from a file:" }), file, resetBtn]));
    root.appendChild(confirmBox);
    root.appendChild(msg);
    root.appendChild(live);
  }

  window.SAADashboard = { validImport: validImport };
  function init() { Array.prototype.forEach.call(document.querySelectorAll('.saa-app[data-app="progress"]'), setup); }
  window.SAAOnPage(init);
})();
