/* Filter box for the Limits & numbers page. Without JavaScript the full table shows. */
(function () {
  "use strict";
  function setup() {
    var box = document.querySelector(".limits-filter");
    if (!box || box.getAttribute("data-ready")) return;
    box.setAttribute("data-ready", "1");
    box.hidden = false;
    var input = box.querySelector("input"), count = box.querySelector(".limits-count");
    var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-search]"));
    function apply() {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean), shown = 0;
      rows.forEach(function (tr) {
        var hit = words.every(function (w) { return tr.getAttribute("data-search").indexOf(w) >= 0; });
        tr.hidden = !hit;
        if (hit) shown++;
      });
      Array.prototype.forEach.call(document.querySelectorAll(".limits-section"), function (sec) {
        sec.hidden = !sec.querySelector("tr[data-search]:not([hidden])");
      });
      count.textContent = words.length ? shown + " of " + rows.length + " shown" : rows.length + " entries";
    }
    input.addEventListener("input", apply);
    apply();
  }
  window.SAAOnPage(setup);
})();
