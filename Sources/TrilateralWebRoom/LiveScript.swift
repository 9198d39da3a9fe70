/// The live page's one script (served inline, allowed by its hash in the CSP): it opens
/// `/live`, marks the presenter's place (`aria-current="true"`, the `live-here` outline) and
/// scrolls to it, shows the tour caption in the bar's live region, puts a scenario's figures in
/// place, reloads on a new briefing, and says "browsing · Follow" once the reader scrolls away
/// by wheel, touch or keys (told upstream as browsing) until Follow is pressed. After a
/// scenario change the what-if section, written for the page's scenario, says it is out of
/// date; a follower whose presenter is on it loads the page again.
/// Text goes in only by `textContent`.
enum LiveScript {
    static let source = #"""
(function () {
  "use strict";
  var bar = document.getElementById("live-bar"), said = document.getElementById("live-caption"),
      mode = document.getElementById("live-mode"), follow = document.getElementById("live-follow");
  bar.hidden = false;
  var browsing = false, last = null, here = null, ws = null, ended = false;
  function send() { if (ws && ws.readyState === 1) ws.send(JSON.stringify({ browsing: browsing })); }
  function setBrowsing(b) {
    if (b === browsing) return;
    browsing = b;
    mode.textContent = b ? "browsing" : "following";
    follow.hidden = !b;
    send();
    if (!b && last) show(last);
  }
  function find(m) {
    var el = document.getElementById(m.anchor || m.section) || document.getElementById(m.section);
    if (el && m.list && typeof m.n === "number") {
      var all = el.querySelectorAll(m.list);
      if (m.n < all.length) el = all[m.n];
    }
    return el;
  }
  // The place at the top of the window, just below the bar (which stays over the page).
  function reveal() { window.scrollTo(0, Math.max(0, here.getBoundingClientRect().top + window.scrollY - bar.offsetHeight - 12)); }
  function show(m) {
    if (here) { here.removeAttribute("aria-current"); here.classList.remove("live-here"); }
    here = find(m);
    if (!here) return;
    here.setAttribute("aria-current", "true");
    here.classList.add("live-here");
    reveal();
  }
  function figures(m) {
    var name = document.querySelector(".scenario strong");
    if (name) name.textContent = m.name;
    (m.outlooks || []).forEach(function (o) {
      var a = document.getElementById("pillar-" + o[0]);
      var p = a && a.querySelector(".outlook");
      if (!p) return;
      var g = p.querySelector(".gauge"), s = p.querySelector("strong"), c = p.querySelector(".change");
      g.textContent = o[4]; s.textContent = o[1]; c.textContent = o[2];
      g.style.color = s.style.color = "var(--" + o[3] + ")";
    });
    staleWhatIf(m.scenario);
  }
  // The what-if section (factors chosen, rules that fire) is written for the page's scenario;
  // after a change it says so, with a way to load the presenter's, and a follower whose
  // presenter is on it loads it at once.
  var stale = false, pageScenario = bar.getAttribute("data-scenario");
  function staleWhatIf(key) {
    var section = document.getElementById("what-if");
    if (stale || !section || key === pageScenario) return;
    stale = true;
    var note = document.createElement("p");
    note.setAttribute("role", "note");
    note.className = "live-stale";
    note.appendChild(document.createTextNode("The presenter has changed the scenario: the factors and rules below are for the one before. "));
    var again = document.createElement("button");
    again.type = "button";
    again.textContent = "Load the presenter's scenario";
    again.addEventListener("click", function () { location.reload(); });
    note.appendChild(again);
    var heading = section.querySelector("h2");
    section.insertBefore(note, heading ? heading.nextSibling : section.firstChild);
  }
  function caption(m) {
    said.textContent = m.step ? m.step + " · " + m.caption : "";
  }
  function open() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    ws = new WebSocket(scheme + location.host + "/live");
    ws.onopen = function () { mode.textContent = "following"; send(); };
    ws.onmessage = function (e) {
      var m;
      try { m = JSON.parse(e.data); } catch (x) { return; }
      if (m.t === "view") {
        last = m; caption(m);
        if (!browsing && m.section === "what-if" && m.scenario !== pageScenario) { location.reload(); return; }
        if (!browsing) show(m);
      }
      else if (m.t === "scenario") figures(m);
      else if (m.t === "reload") location.reload();
      else if (m.t === "end") { ended = true; mode.textContent = m.caption; follow.hidden = true; said.textContent = ""; ws.close(); }
    };
    ws.onclose = function () { if (mode.textContent === "following" || mode.textContent === "browsing") mode.textContent = "disconnected"; };
  }
  // The reader's own scrolling (wheel, touch, keys) is browsing. A scroll event alone is not:
  // the page's own scrollIntoView fires them, and so does the browser keeping the text in place
  // when the bar above it grows or shrinks a line.
  function away() { if (last && !ended) setBrowsing(true); }
  window.addEventListener("wheel", away, { passive: true });
  window.addEventListener("touchmove", away, { passive: true });
  window.addEventListener("keydown", function (e) {
    if (/^(INPUT|BUTTON|TEXTAREA|SELECT|A)$/.test(e.target.tagName)) return;
    if (["PageDown", "PageUp", "ArrowDown", "ArrowUp", "Home", "End", " "].indexOf(e.key) >= 0) away();
  });
  // A turned phone or a resized window lays the page out again: a follower stays on the place.
  window.addEventListener("resize", function () { if (!browsing && !ended && here) reveal(); });
  follow.addEventListener("click", function () { setBrowsing(false); });
  open();
})();
"""#
}
