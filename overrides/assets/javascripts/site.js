// The Takedown Debate: timeline filters and citation controls (progressive enhancement,
// no dependencies).
// Without JavaScript the full timeline shows; with it, the theme, actor and status selects
// narrow the list and its overview, and the choice is kept in the address
// (?theme=&actor=&status=) to share.
(function () {
  "use strict";

  // Each filter is a select whose name matches an event's data attribute: theme ->
  // data-themes, actor -> data-actors, status -> data-status (space-separated values).
  var FILTERS = { theme: "themes", actor: "actors", status: "status" };

  function setUp(timeline) {
    var form = timeline.querySelector(".timeline-filters");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var events = Array.prototype.slice.call(timeline.querySelectorAll(".timeline-event"));
    var years = Array.prototype.slice.call(timeline.querySelectorAll(".timeline-year"));
    var marks = Array.prototype.slice.call(timeline.querySelectorAll(".overview-marker"));
    var count = timeline.querySelector(".timeline-count");
    var names = Object.keys(FILTERS);

    function apply(updateAddress) {
      var shown = 0;
      var visible = {};
      events.forEach(function (event) {
        var match = names.every(function (name) {
          var wanted = form.elements[name].value;
          return !wanted || event.dataset[FILTERS[name]].split(" ").indexOf(wanted) >= 0;
        });
        event.hidden = !match;
        // On the full timeline the event's id is on its title heading.
        if (match) { shown += 1; visible[event.querySelector(".timeline-title").id] = true; }
      });
      // The overview and the year links follow the list (SVG has no hidden property).
      marks.forEach(function (mark) {
        mark.style.display = visible[mark.getAttribute("href").slice(1)] ? "" : "none";
      });
      years.forEach(function (heading) {
        var list = heading.nextElementSibling;
        var hide = !(list && list.querySelector(".timeline-event:not([hidden])"));
        heading.hidden = list.hidden = hide;
        var jump = timeline.querySelector('.timeline-years a[href="#' + heading.id + '"]');
        if (jump) jump.hidden = hide;
      });
      if (count) {
        count.textContent = shown === events.length
          ? "Showing all " + events.length + " events."
          : "Showing " + shown + " of " + events.length + " events.";
      }
      if (updateAddress) {
        var params = new URLSearchParams(window.location.search);
        names.forEach(function (name) {
          var value = form.elements[name].value;
          if (value) params.set(name, value); else params.delete(name);
        });
        var query = params.toString();
        history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") +
          window.location.hash);
      }
    }

    var params = new URLSearchParams(window.location.search);
    names.forEach(function (name) {
      var wanted = params.get(name);
      var select = form.elements[name];
      if (wanted && select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) {
        select.value = wanted;
      }
    });
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("reset", function () {
      setTimeout(function () { apply(true); }, 0);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply(false);
    // An #event link must show its event even when a filter would hide it, and filtering
    // (?theme=x#event, from an event's theme link) moves it, so it is scrolled to again.
    var anchor = window.location.hash && document.getElementById(window.location.hash.slice(1));
    var target = anchor && anchor.closest(".timeline-event");
    var filtered = names.some(function (name) { return form.elements[name].value; });
    if (target && target.hidden) {
      names.forEach(function (name) { form.elements[name].value = ""; });
      apply(true);
    }
    if (target && filtered) anchor.scrollIntoView();
  }

  function initTimelines() {
    document.querySelectorAll("[data-timeline-filters]").forEach(setUp);
  }

  // Citations: a copy button for each format of "Cite this page", and a "Cite" control on
  // each argument (#arg-… headings) and timeline event that offers the same four formats
  // for its own anchor. The formats mirror explainer/cite.py (a browser test compares
  // them); the page's facts come from the data attributes of its .page-footer box.

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  var MLA_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.",
    "Oct.", "Nov.", "Dec."];

  function sentence(text) { return /[.?!]$/.test(text) ? text : text + "."; }
  function slug(text) { return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, ""); }
  function bibtexEscape(text) { return text.replace(/([&%$#_{}])/g, "\\$1"); }
  function day(work) { return work.date ? work.date.split("-").map(Number) : null; }

  var FORMATS = {
    APA: function (work) {
      var d = day(work);
      var when = d ? d[0] + ", " + MONTHS[d[1] - 1] + " " + d[2] : "n.d.";
      var within = work.container ? " In " + sentence(work.container) : "";
      return (work.site + ". (" + when + "). " + sentence(work.title) + within + " (Revision " +
        work.revision + "). " + work.url).trim();
    },
    MLA: function (work) {
      var d = day(work);
      var when = d ? " " + d[2] + " " + MLA_MONTHS[d[1] - 1] + " " + d[0] + "," : "";
      var within = work.container ? " " + work.container + "," : "";
      return ("“" + sentence(work.title) + "”" + within + " " + work.site + ", revision " +
        work.revision + "," + when + " " + work.url).replace(/[ ,]+$/, "") + ".";
    },
    Chicago: function (work) {
      var d = day(work);
      var when = d ? " Last modified " + MONTHS[d[1] - 1] + " " + d[2] + ", " + d[0] + "." : "";
      var within = work.container ? " In " + sentence(work.container) : "";
      return (work.site + ". “" + sentence(work.title) + "”" + within + when + " Revision " +
        work.revision + ". " + work.url).trim();
    },
    BibTeX: function (work) {
      var d = day(work);
      var fields = [["author", "{" + bibtexEscape(work.site) + "}"], ["title", bibtexEscape(work.title)],
        ["howpublished", bibtexEscape(work.container || work.site)]];
      if (d) fields.push(["year", String(d[0])], ["month", String(d[1])]);
      if (work.url) fields.push(["url", work.url]);
      fields.push(["note", d ? "Last changed " + work.date + ", revision " + work.revision
        : "Revision " + work.revision]);
      return "@misc{" + slug(work.site) + "-" + (work.anchor || slug(work.title)) + ",\n" +
        fields.map(function (f) { return "  " + f[0] + " = {" + f[1] + "}"; }).join(",\n") + "\n}";
    }
  };

  function pageWork(footer) {
    var data = footer.dataset;
    return { title: data.citeTitle, site: data.citeSite, url: data.citeUrl,
      date: data.citeDate || null, revision: data.citeRevision, container: null, anchor: null };
  }

  function announce(footer, text) {
    var status = footer.querySelector(".cite-status");
    if (!status) {
      status = document.createElement("p");
      status.className = "cite-status";
      status.setAttribute("role", "status");
      footer.appendChild(status);
    }
    status.textContent = "";
    setTimeout(function () { status.textContent = text; }, 50);
  }

  function copy(text, done) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text, done); });
    } else {
      fallbackCopy(text, done);
    }
  }

  function fallbackCopy(text, done) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "cite-clipboard";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } finally { area.remove(); }
    done();
  }

  function copyButton(footer, name, label, text) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button cite-copy";
    button.textContent = "Copy " + name;
    button.setAttribute("aria-label", "Copy " + name + " citation of " + label);
    button.addEventListener("click", function () {
      copy(text(), function () { announce(footer, name + " citation copied."); });
    });
    return button;
  }

  function formatList(footer, work, label) {
    var list = document.createElement("dl");
    list.className = "cite-formats";
    Object.keys(FORMATS).forEach(function (name) {
      var term = document.createElement("dt");
      term.textContent = name;
      var entry = document.createElement("dd");
      var block = document.createElement(name === "BibTeX" ? "pre" : "p");
      block.className = "cite-text";
      block.textContent = FORMATS[name](work);
      entry.appendChild(block);
      entry.appendChild(copyButton(footer, name, label, function () { return block.textContent; }));
      list.appendChild(term);
      list.appendChild(entry);
    });
    return list;
  }

  var counter = 0;

  function citeControl(footer, work, kind) {
    counter += 1;
    var wrapper = document.createElement("div");
    wrapper.className = "cite-anchor";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cite-anchor__toggle";
    button.textContent = "Cite";
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-label", "Cite this " + kind + ": " + work.title);
    var panel = document.createElement("div");
    panel.className = "cite-anchor__panel";
    panel.id = "cite-panel-" + counter;
    panel.hidden = true;
    button.setAttribute("aria-controls", panel.id);
    button.addEventListener("click", function () {
      if (!panel.firstChild) panel.appendChild(formatList(footer, work, "this " + kind));
      panel.hidden = !panel.hidden;
      button.setAttribute("aria-expanded", String(!panel.hidden));
    });
    wrapper.appendChild(button);
    wrapper.appendChild(panel);
    return wrapper;
  }

  function partWork(page, anchor, title) {
    var base = page.url.split("#")[0];
    return { title: title, site: page.site, url: base ? base + "#" + anchor : "#" + anchor,
      date: page.date, revision: page.revision, container: page.title, anchor: anchor };
  }

  function headingText(heading) {
    var copy = heading.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach(function (link) { link.remove(); });
    return copy.textContent.trim();
  }

  function initCitations() {
    var footer = document.querySelector(".page-footer[data-cite-site]");
    if (!footer || footer.dataset.citeReady) return;
    footer.dataset.citeReady = "1";
    var page = pageWork(footer);
    footer.querySelectorAll(".cite-page .cite-formats dd").forEach(function (entry) {
      var name = entry.previousElementSibling.textContent;
      var block = entry.querySelector(".cite-text");
      entry.appendChild(copyButton(footer, name, "this page", function () { return block.textContent; }));
    });
    var places = [];
    document.querySelectorAll(".md-content h4[id^='arg-']").forEach(function (heading) {
      places.push(function () {
        heading.insertAdjacentElement("afterend",
          citeControl(footer, partWork(page, heading.id, headingText(heading)), "argument"));
      });
    });
    document.querySelectorAll(".md-content .timeline-event").forEach(function (event) {
      var title = event.querySelector(".timeline-title");
      var id = event.id || (title && title.id);
      if (!id) return;
      places.push(function () {
        event.appendChild(citeControl(footer, partWork(page, id, title.textContent.trim()), "event"));
      });
    });
    // A dozen at a time, one batch a frame: restyling 58 new controls at once was one long
    // task on the timeline.
    (function addSome() {
      places.splice(0, 12).forEach(function (add) { add(); });
      if (places.length) requestAnimationFrame(function () { setTimeout(addSome, 0); });
    })();
  }

  // The numbers chart: tapping or focusing a point shows its details (the point's <title>)
  // under the chart, with a link to its row in the data table (where it leads without JS).
  function initCharts() {
    document.querySelectorAll(".figure-chart .chart-details").forEach(function (box) {
      var chart = box.parentNode;
      if (chart.dataset.ready) return;
      chart.dataset.ready = "1";
      function show(event) {
        var point = event.target.closest && event.target.closest(".chart-point");
        if (!point) return;
        if (event.type === "click") event.preventDefault();
        chart.querySelectorAll(".chart-point[aria-current]").forEach(function (p) { p.removeAttribute("aria-current"); });
        point.setAttribute("aria-current", "true");
        var row = document.createElement("a");
        row.href = point.getAttribute("href");
        row.textContent = "See it in the table";
        box.textContent = point.querySelector("title").textContent + " ";
        box.appendChild(row);
        box.hidden = false;
      }
      chart.addEventListener("focusin", show);
      chart.addEventListener("click", show);
    });
  }

  // Argument map: the checkbox keeps only the arguments backed by independent evidence.
  function initArgumentMap() {
    var form = document.querySelector(".map-filter");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    form.hidden = false;
    var items = document.querySelectorAll(".map-argument");
    var count = form.querySelector(".map-count");
    form.addEventListener("change", function () {
      var only = form.elements.independent.checked, shown = 0;
      items.forEach(function (item) {
        item.hidden = only && item.dataset.independentEvidence !== "yes";
        if (!item.hidden) shown += 1;
      });
      count.textContent = "Showing " + (only ? shown + " of " : "all ") + items.length + " arguments.";
    });
  }

  // Sources page: the type select and the text box narrow the list (entries read on first use).
  function initSourceFilters() {
    var form = document.querySelector(".source-filters");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var parts = form.parentNode.children, texts = [], count = form.querySelector(".source-count");
    function apply() {
      var type = form.elements.type.value, words = form.elements.text.value.toLowerCase().split(/\s+/);
      var heading = null, entry = 0, shown = 0;
      Array.prototype.forEach.call(parts, function (part) {
        if (part.tagName === "H2") {
          heading = part;
          part.hidden = true;
        } else if (part.classList.contains("source-entry")) {
          var text = texts[entry] = texts[entry] || part.textContent.toLowerCase();
          entry += 1;
          part.hidden = !!type && heading.id !== type ||
            !words.every(function (word) { return text.indexOf(word) >= 0; });
          if (!part.hidden) { shown += 1; heading.hidden = false; }
        }
      });
      count.textContent = shown === entry ? "Showing all " + entry + " sources."
        : "Showing " + shown + " of " + entry + " sources.";
    }
    form.addEventListener("input", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    if (form.elements.type.value || form.elements.text.value) apply();  // values the browser kept
  }

  // Citation previews: hover, focus or a tap shows the citation's entry from the page's own
  // Sources list beside it; Esc, a second tap or moving away closes it. Listeners sit on the
  // document: nothing is set up per citation.
  var preview = document.createElement("span"), previewed = null, previewTimer = 0, pointer = "";
  preview.id = "cite-preview";
  preview.className = "cite-preview";
  preview.setAttribute("role", "dialog");

  function citationOf(node) { return node && node.closest ? node.closest("a.cite") : null; }
  function inPreview(node) { return !!previewed && preview.contains(node); }

  function closePreview() {
    clearTimeout(previewTimer);
    if (!previewed) return;
    previewed.setAttribute("aria-expanded", "false");
    preview.remove();
    previewed = null;
  }

  function openPreview(link) {
    clearTimeout(previewTimer);
    var entry = document.getElementById(link.hash.slice(1));
    if (previewed === link || !entry) return;
    closePreview();
    preview.replaceChildren.apply(preview, Array.prototype.map.call(entry.childNodes, function (node) {
      return node.cloneNode(true);
    }));
    preview.querySelectorAll(".source-backlinks").forEach(function (back) { back.remove(); });
    preview.querySelectorAll("[hidden]").forEach(function (note) { note.hidden = false; });
    preview.setAttribute("aria-label", "Source " + link.textContent);
    link.setAttribute("aria-controls", preview.id);
    link.setAttribute("aria-expanded", "true");
    link.after(preview);  // next in the reading and Tab order
    previewed = link;
    placeBeside(preview, link);
  }

  // Below the host, or above it near the window's bottom; never off the side.
  function placeBeside(popup, host) {
    var at = host.getBoundingClientRect(), box = popup.offsetParent.getBoundingClientRect();
    var high = popup.offsetHeight, wide = document.documentElement.clientWidth;
    popup.style.top = (at.bottom + high > innerHeight && at.top > high ? at.top - high : at.bottom) - box.top + "px";
    popup.style.left = Math.max(8, Math.min(at.left, wide - popup.offsetWidth - 8)) - box.left + "px";
  }

  function later(action) { clearTimeout(previewTimer); previewTimer = setTimeout(action, 250); }

  document.addEventListener("pointerdown", function (event) {
    pointer = event.pointerType;
    if (previewed && !inPreview(event.target) && citationOf(event.target) !== previewed) closePreview();
  });
  document.addEventListener("keydown", function (event) {
    pointer = "";
    if (event.key !== "Escape" || !previewed) return;
    var link = previewed;
    closePreview();
    pointer = "escape";  // focus returns to the citation without reopening the preview
    link.focus();
  });
  document.addEventListener("focusin", function (event) {
    var link = citationOf(event.target);
    if (link && !pointer) openPreview(link);
    else if (link !== previewed && !inPreview(event.target)) closePreview();
  });
  document.addEventListener("pointerover", function (event) {
    if (event.pointerType !== "mouse") return;
    var link = citationOf(event.target);
    if (link) later(function () { openPreview(link); });
    else if (inPreview(event.target)) clearTimeout(previewTimer);
  });
  document.addEventListener("pointerout", function (event) {
    var to = event.relatedTarget;
    if (event.pointerType !== "mouse" || !previewed || inPreview(to) || citationOf(to) === previewed) return;
    if (inPreview(event.target) || citationOf(event.target) === previewed) {
      later(function () { if (!inPreview(document.activeElement)) closePreview(); });
    }
  });
  // A tap toggles the preview; a click or Enter goes to the entry in the list.
  document.addEventListener("click", function (event) {
    var link = citationOf(event.target);
    if (!link) return;
    if (pointer === "touch" || pointer === "pen") {
      event.preventDefault();
      if (previewed === link) closePreview(); else openPreview(link);
    } else {
      closePreview();
    }
  });

  // Glossary terms (<abbr title>, docs/includes/abbreviations.md): the mouse resting on one,
  // or a tap, shows its definition beside it; Esc, moving away or a tap elsewhere hides it.
  // Listeners sit on the document: Material's tooltips (content.tooltips, off in mkdocs.yml)
  // set one up per term as the page loaded, the largest part of its start-up task.
  var tip = document.createElement("span"), tipped = null, tipTimer = 0;
  tip.id = "glossary-tip";
  tip.className = "glossary-tip";
  tip.setAttribute("role", "tooltip");

  function termOf(node) { return node && node.closest ? node.closest(".md-content abbr") : null; }

  function closeTip() {
    clearTimeout(tipTimer);
    if (!tipped) return;
    tipped.title = tip.textContent;  // back, for screen readers and without JavaScript
    tipped.removeAttribute("aria-describedby");
    tip.remove();
    tipped = null;
  }

  function openTip(term) {
    clearTimeout(tipTimer);
    if (tipped === term || !term.title) return;
    closeTip();
    tip.textContent = term.title;
    term.removeAttribute("title");  // or the browser shows its own tooltip as well
    term.setAttribute("aria-describedby", tip.id);
    term.after(tip);
    tipped = term;
    placeBeside(tip, term);
  }

  document.addEventListener("pointerover", function (event) {
    if (event.pointerType !== "mouse") return;
    var term = termOf(event.target);
    clearTimeout(tipTimer);
    if (term) tipTimer = setTimeout(function () { openTip(term); }, 250);
    else if (tipped && event.target !== tip) tipTimer = setTimeout(closeTip, 250);
  });
  document.addEventListener("click", function (event) {
    var term = termOf(event.target);
    if (pointer === "mouse" && term) return;  // hovering already showed it
    if (term && term !== tipped) openTip(term); else closeTip();
  });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") closeTip(); });

  // The light/dark switch (overrides/partials/palette.html). The header's inline script
  // applied the scheme as the page loaded; a flip applies the next one and saves it where
  // Material keeps it. Transitions are off meanwhile, as Material does, so nothing fades.
  function initPalette() {
    var form = document.querySelector("form[data-palette]");
    if (!form || form.dataset.ready || !window.__tdPalette) return;
    form.dataset.ready = "1";
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input"));
    form.addEventListener("change", function (event) {
      var index = inputs.indexOf(event.target);
      document.body.setAttribute("data-md-color-switching", "");
      __md_set("__palette", { index: index, color: window.__tdPalette(index) });
      requestAnimationFrame(function () { document.body.removeAttribute("data-md-color-switching"); });
    });
    form.addEventListener("keydown", function (event) {  // Enter on the focused switch flips it
      var index = inputs.indexOf(event.target);
      if (event.key !== "Enter" || index < 0) return;
      event.preventDefault();
      inputs[(index + 1) % inputs.length].click();
      inputs[(index + 1) % inputs.length].focus();
    });
  }

  // Each part sets up in its own task, after Material's start-up task ends, so no single
  // long task holds up the reader's first tap (Lighthouse's Total Blocking Time).
  function init() {
    initPalette();  // at once: the switch is in the header, the first thing a reader may use
    [initCharts, initTimelines, initSourceFilters, initCitations, initArgumentMap].forEach(function (part) {
      setTimeout(part, 0);
    });
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
