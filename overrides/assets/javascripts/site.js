// The Takedown Debate: timeline filters (progressive enhancement, no dependencies).
// Without JavaScript the full timeline shows; with it, the theme and actor selects
// narrow the list, and the choice is kept in the address (?theme=&actor=) to share.
(function () {
  "use strict";

  function setUp(timeline) {
    var form = timeline.querySelector(".timeline-filters");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var events = Array.prototype.slice.call(timeline.querySelectorAll(".timeline-event"));
    var years = Array.prototype.slice.call(timeline.querySelectorAll(".timeline-year"));
    var count = timeline.querySelector(".timeline-count");
    var theme = form.elements.theme;
    var actor = form.elements.actor;

    function apply(updateAddress) {
      var shown = 0;
      events.forEach(function (event) {
        var match = (!theme.value || event.dataset.themes.split(" ").indexOf(theme.value) >= 0) &&
          (!actor.value || event.dataset.actors.split(" ").indexOf(actor.value) >= 0);
        event.hidden = !match;
        if (match) shown += 1;
      });
      years.forEach(function (heading) {
        var list = heading.nextElementSibling;
        var visible = list && list.querySelector(".timeline-event:not([hidden])");
        heading.hidden = list.hidden = !visible;
      });
      if (count) {
        count.textContent = shown === events.length
          ? "Showing all " + events.length + " events."
          : "Showing " + shown + " of " + events.length + " events.";
      }
      if (updateAddress) {
        var params = new URLSearchParams(window.location.search);
        [["theme", theme.value], ["actor", actor.value]].forEach(function (pair) {
          if (pair[1]) params.set(pair[0], pair[1]); else params.delete(pair[0]);
        });
        var query = params.toString();
        history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") +
          window.location.hash);
      }
    }

    var params = new URLSearchParams(window.location.search);
    [[theme, "theme"], [actor, "actor"]].forEach(function (pair) {
      var wanted = params.get(pair[1]);
      if (wanted && pair[0].querySelector('option[value="' + CSS.escape(wanted) + '"]')) {
        pair[0].value = wanted;
      }
    });
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("reset", function () {
      setTimeout(function () { apply(true); }, 0);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply(false);
    // An #event link must show its event even when a filter would hide it.
    var target = window.location.hash && document.getElementById(window.location.hash.slice(1));
    if (target && target.hidden) {
      theme.value = actor.value = "";
      apply(true);
      target.scrollIntoView();
    }
  }

  function init() {
    document.querySelectorAll("[data-timeline-filters]").forEach(setUp);
  }

  // Material's instant loading swaps pages without a reload; document$ tells us when.
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
