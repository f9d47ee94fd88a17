/* Filter box for the Limits & numbers page. Without JavaScript the full tables show.
   A service whose rows all miss is hidden with its heading; the query lives in the
   URL (?filter=; Material owns ?q= for its search), so a filtered view can be reloaded, shared and come back to. */
(function () {
  "use strict";
  window.SAA.widget("limits-filter", function (box, life) {
    box.hidden = false;
    var input = box.querySelector("input"), count = box.querySelector(".limits-count");
    var empty = window.SAA.el("p", { class: "limits-empty", hidden: true, text: "No limit matches that filter. Try fewer or shorter words, such as “s3 size”." });
    box.parentNode.insertBefore(empty, box.nextSibling);
    // A section is a service heading with the table that follows it.
    var sections = Array.prototype.map.call(document.querySelectorAll(".limits-table"), function (table) {
      var heading = table.previousElementSibling;
      while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
      return { heading: heading, table: table, rows: Array.prototype.slice.call(table.querySelectorAll("tr[data-search]")) };
    });
    var total = sections.reduce(function (n, s) { return n + s.rows.length; }, 0);

    function apply() {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean), shown = 0;
      sections.forEach(function (s) {
        var hits = 0;
        s.rows.forEach(function (tr) {
          var hit = words.every(function (w) { return tr.getAttribute("data-search").indexOf(w) >= 0; });
          tr.hidden = !hit;
          if (hit) hits++;
        });
        s.table.hidden = !hits;
        if (s.heading) s.heading.hidden = !hits;
        shown += hits;
      });
      empty.hidden = shown > 0;
      count.textContent = words.length ? shown + " of " + total + " shown" : total + " entries";
      if (history.replaceState) {
        var q = input.value.trim();
        history.replaceState(history.state, "", location.pathname + (q ? "?filter=" + encodeURIComponent(q) : "") + location.hash);
      }
    }
    input.value = new URLSearchParams(location.search).get("filter") || "";
    life.on(input, "input", apply);
    apply();
  });
})();
