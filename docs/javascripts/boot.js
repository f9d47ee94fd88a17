/* Runs once, at the end of <body>, just before Material's bundle. It does three things
   the bundle would otherwise do later, each of which made the browser restyle the whole
   page on load (14-serverless, 4x CPU throttling: five full restyles became one or two):
   - resolve relative links to absolute ones, by the rule instant navigation uses on load,
     so that it finds nothing left to rewrite;
   - run the colour palette toggle (overrides/partials/palette.html keeps Material's own
     palette code from mounting);
   - hold the search index (half a megabyte) back until the learner opens search.
   It never runs again: instant navigation keeps the header and this script. */
(function (global) {
  "use strict";
  var document = global.document;

  /* Material's instant navigation self-assigns every relative href/src on load. Done here,
     before the first full style pass, it restyles nothing more (the walk over every link
     remains, 0.1-0.2 s on a long page under Lighthouse's throttling); the stylesheets are
     @imports (overrides/main.html), as a re-assigned stylesheet <link> would reload. */
  function resolveLinks() {
    if (location.protocol === "file:") return;  // no instant navigation offline
    var els = document.querySelectorAll("[href], [src]");
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      if (el.tagName === "LINK" && /stylesheet/i.test(el.rel)) continue;
      for (var k = 0; k < 2; k++) {
        var key = k ? "src" : "href", value = el.getAttribute(key);
        if (value && !/^(?:[a-z]+:)?\/\//i.test(value)) {
          el.setAttribute(key, el[key]);  // the property is the absolute URL
          break;
        }
      }
    }
  }

  /* ---------- colour palette ----------
     Same markup, storage key and format as Material's, so Material's inline script at
     the top of <body> applies the learner's choice on the next load before first paint. */
  function stored() {
    try { return global.__md_get("__palette"); } catch (e) { return null; }  // corrupt storage: fall back to the system's choice
  }

  function palette() {
    var form = document.querySelector("[data-saa-palette]");
    if (!form) return;
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input"));
    function meta(name) {
      var m = document.head.querySelector("meta[name='" + name + "']");
      if (!m) {
        m = document.head.appendChild(document.createElement("meta"));
        m.name = name;
      }
      return m;
    }

    function colors(input) {
      var c = {};
      ["media", "scheme", "primary", "accent"].forEach(function (k) { c[k] = input.getAttribute("data-md-color-" + k); });
      return c;
    }

    // The browser's own colours follow the header: its colour (address bar) is read from the
    // palette sheet's rule, as computed style would restyle a page that is still settling;
    // color-scheme (scrollbars, canvas) is set in <head> on load (overrides/main.html) and
    // from computed style on a switch, which restyles the page anyway.
    function headerColor(primary) {
      var want = '[data-md-color-primary="' + primary + '"]', found = null;
      function scan(rules) {
        for (var i = rules.length - 1; i >= 0 && !found; i--) {  // last first: the palette follows Material's main sheet
          var rule = rules[i];
          if (rule.styleSheet) scan(rule.styleSheet.cssRules);  // our <style> of @imports
          else if (rule.selectorText === want) found = rule.style.getPropertyValue("--md-primary-fg-color").trim() || null;
        }
      }
      Array.prototype.forEach.call(document.styleSheets, function (sheet) {
        try { scan(sheet.cssRules); } catch (e) { /* a sheet that cannot be read */ }
      });
      return found;
    }

    function browserColors(c, switching) {
      if (switching) meta("color-scheme").content = global.getComputedStyle(document.body).colorScheme;
      var color = headerColor(c.primary);
      if (color) meta("theme-color").content = color;
    }

    function apply(index, switching) {
      var c = colors(inputs[index]), body = document.body;
      if (switching) body.setAttribute("data-md-color-switching", "");  // no colour transitions mid-switch
      Object.keys(c).forEach(function (k) { body.setAttribute("data-md-color-" + k, c[k]); });
      inputs.forEach(function (input, i) {
        input.checked = i === index;
        var label = input.nextElementSibling;
        if (label && label.tagName === "LABEL") label.hidden = i !== index;
      });
      try { global.__md_set("__palette", { index: index, color: c }); } catch (e) { /* storage full or blocked: the choice lasts this page */ }
      browserColors(c, switching);
      if (switching) {
        setTimeout(function () { body.removeAttribute("data-md-color-switching"); });
      }
    }

    var saved = stored(), index = -1;
    if (saved && typeof saved.index === "number" && inputs[saved.index]) index = saved.index;
    if (index < 0) {
      inputs.some(function (input, i) {
        if (global.matchMedia(input.getAttribute("data-md-color-media")).matches) { index = i; return true; }
        return false;
      });
    }
    apply(Math.max(0, index), false);

    form.addEventListener("change", function (ev) {
      var i = inputs.indexOf(ev.target);
      if (i >= 0) apply(i, true);
    });
    // Enter on the focused toggle switches, as it does in Material (Space selects a radio).
    form.addEventListener("keydown", function (ev) {
      if (ev.key !== "Enter") return;
      ev.preventDefault();
      var current = inputs.filter(function (input) { return input.checked; })[0];
      var next = inputs[(inputs.indexOf(current) + 1) % inputs.length];
      next.click();
      next.focus();
    });
  }

  /* ---------- search index on demand ----------
     Material requests search/search_index.json (XMLHttpRequest) as soon as it starts. The
     request is sent when the learner first opens search, or at once when the address asks
     for highlighted search terms (?h=). Offline, Material loads search_index.js instead. */
  function searchOnDemand() {
    var XHR = global.XMLHttpRequest;
    if (!XHR || location.protocol === "file:") return;
    var open = XHR.prototype.open, send = XHR.prototype.send, held = [], wanted = /[?&]h=/.test(location.search);
    XHR.prototype.open = function (method, url) {
      this.saaSearchIndex = /\/search\/search_index\.json$/.test(String(url));
      return open.apply(this, arguments);
    };
    XHR.prototype.send = function () {
      if (this.saaSearchIndex && !wanted) { held.push([this, arguments]); return; }
      return send.apply(this, arguments);
    };
    function want() {
      if (wanted) return;
      wanted = true;
      held.splice(0).forEach(function (h) { send.apply(h[0], h[1]); });
    }
    document.addEventListener("focusin", function (ev) {
      if (ev.target.closest && ev.target.closest("[data-md-component=search]")) want();
    });
    document.addEventListener("change", function (ev) {
      if (ev.target.id === "__search" && ev.target.checked) want();
    });
    // A pointer on its way to the search box: start loading before the click lands.
    document.addEventListener("pointerover", function (ev) {
      if (ev.target.closest && ev.target.closest("[data-md-component=search], label[for=__search]")) want();
    });
  }

  searchOnDemand();
  palette();
  resolveLinks();
})(this);
