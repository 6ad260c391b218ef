/*
 * Community Playbooks: the interactive parts of the pages.
 *
 * Every page works without this script; it adds ticking with memory, progress, reset
 * and print buttons, the filters of the playbook index, the symptom finder, the
 * comparison and the checklist builder. Data is placed with textContent, never as HTML.
 * Choices that a reader may want to share live in the URL's query string.
 *
 * The controls it brings to life are laid out from the first paint (data-cp-needs-script;
 * a <noscript> style hides them when scripts are off), so nothing moves when it runs.
 */
(function () {
  "use strict";

  var STORE_PREFIX = "cp:ticks:";

  /* --- small helpers ---------------------------------------------------------------- */

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  // On Chinese pages a count keeps its unit on the same line ("300 人"), as the engine does
  // for the text it renders: the units come from the page ("人|天|分钟"), so both use one list.
  var units = document.querySelector('meta[name="cp-units"]');
  var UNIT_GAP = units && units.content
    ? new RegExp("(\\d) (?=(?:" + units.content.split("|").map(function (unit) {
      return unit.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }).join("|") + "))", "g") : null;

  function typeset(text) {
    return UNIT_GAP ? String(text).replace(UNIT_GAP, "$1\u00a0") : text;
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = typeset(attrs[key]);
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) {
      if (child) node.appendChild(typeof child === "string" ? document.createTextNode(typeset(child)) : child);
    });
    return node;
  }

  function siteRoot() {
    var config = document.getElementById("__config");
    var base = ".";
    try {
      base = JSON.parse(config.textContent).base || ".";
    } catch (e) { /* no theme config: assume the page is at the root */ }
    return new URL(base.replace(/\/?$/, "/"), location.href);
  }

  function strings(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : {};
  }

  function format(template, values) {
    return typeset(template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; }));
  }

  function setQuery(params) {
    var url = new URL(location.href);
    url.search = params.toString();
    history.replaceState(null, "", url);
    syncLanguageLinks();
  }

  /* --- the language switch keeps what the reader chose: the query and the place ------- */

  function syncLanguageLinks() {
    all("a[data-cp-language]").forEach(function (link) {
      var target = new URL(link.getAttribute("href"), location.href);
      target.search = location.search;
      target.hash = location.hash;
      link.href = target.href;
    });
  }

  /* --- copying a text with one tap ----------------------------------------------------- */

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    // in-app browsers without the clipboard API (some WeChat versions): select and copy
    return new Promise(function (resolve, reject) {
      var area = el("textarea", { readonly: "", "aria-hidden": "true" });
      area.value = text;
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      area.setSelectionRange(0, text.length);
      var done = false;
      try { done = document.execCommand("copy"); } catch (e) { done = false; }
      document.body.removeChild(area);
      if (done) resolve(); else reject(new Error("copy"));
    });
  }

  function confirmDone(button, text) {
    var label = button.dataset.cpLabel || button.textContent;
    button.dataset.cpLabel = label;
    button.textContent = text;
    button.classList.add("cp-done");
    setTimeout(function () {
      button.textContent = label;
      button.classList.remove("cp-done");
    }, 2000);
  }

  /* --- texts for the group: one family of platforms at a time, the reader's choice ---- */

  var FLAVOUR_KEY = "cp:paste-into";

  function initTexts() {
    var blocks = all("[data-cp-texts]");
    var chooser = document.querySelector(".cp-texts__choose");
    if (!blocks.length || !chooser) return;
    var stored = null;
    try { stored = localStorage.getItem(FLAVOUR_KEY); } catch (e) { stored = null; }

    function show(flavour, remember) {
      blocks.forEach(function (block) {
        all(".cp-text", block).forEach(function (text) { text.hidden = text.dataset.cpFlavour !== flavour; });
      });
      all(".cp-texts__flavour", chooser).forEach(function (button) {
        button.setAttribute("aria-pressed", String(button.dataset.cpFlavour === flavour));
      });
      if (remember) {
        try { localStorage.setItem(FLAVOUR_KEY, flavour); } catch (e) { /* the choice lasts this page */ }
      }
    }

    var known = all(".cp-text", blocks[0]).map(function (text) { return text.dataset.cpFlavour; });
    show(known.indexOf(stored) !== -1 ? stored : chooser.dataset.cpDefault, false);
    document.addEventListener("click", function (event) {
      var choice = event.target.closest && event.target.closest(".cp-texts__flavour");
      if (choice) { show(choice.dataset.cpFlavour, true); return; }
      var copy = event.target.closest && event.target.closest(".cp-copy");
      if (!copy) return;
      var body = document.getElementById(copy.dataset.cpCopy);
      copyText(body.textContent).then(function () { confirmDone(copy, copy.dataset.cpCopied + " ✓"); },
        function () {  // let the reader copy it by hand
          var range = document.createRange();
          range.selectNodeContents(body);
          var selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
        });
    });
  }

  /* --- share: the system's share sheet, or the link copied ---------------------------- */

  function initShare() {
    all("button.cp-share").forEach(function (button) {
      button.addEventListener("click", function () {
        var data = { title: document.title, url: location.href.split("#")[0] };
        if (navigator.share) {
          navigator.share(data).catch(function () { /* the reader closed the sheet */ });
        } else {
          copyText(data.url).then(function () { confirmDone(button, button.dataset.cpCopied + " ✓"); });
        }
      });
    });
  }

  /* --- ticks, remembered per playbook and item (the same in every language) ----------- */

  function ticked(playbook) {
    // the origin's storage is shared with other sites on it: trust nothing but a list of strings
    try {
      var ids = JSON.parse(localStorage.getItem(STORE_PREFIX + playbook) || "[]");
      return Array.isArray(ids) ? ids.filter(function (id) { return typeof id === "string"; }) : [];
    } catch (e) {
      return [];
    }
  }

  function members(value) {
    // a group size as the forms and the command line take it: a whole number, at least 2
    var n = Number(value);
    return value !== "" && value !== null && Number.isInteger(n) && n >= 2 ? n : null;
  }

  function saveTicks(playbook, ids) {
    try {
      if (ids.length) localStorage.setItem(STORE_PREFIX + playbook, JSON.stringify(ids));
      else localStorage.removeItem(STORE_PREFIX + playbook);
    } catch (e) { /* storage full or blocked: ticks last until the page closes */ }
  }

  function refreshChecklists(root) {
    var boxes = all("input.cp-check[data-cp-playbook]", root);
    var memory = {};
    boxes.forEach(function (box) {
      var playbook = box.dataset.cpPlaybook;
      if (!memory[playbook]) memory[playbook] = ticked(playbook);
      box.checked = memory[playbook].indexOf(box.dataset.cpItem) !== -1;
    });
    all("p.cp-progress", root).forEach(function (progress) {
      var mine = boxes.filter(function (box) {
        return box.dataset.cpPlaybook === progress.dataset.cpPlaybook && box.dataset.cpPhase === progress.dataset.cpPhase;
      });
      var done = mine.filter(function (box) { return box.checked; }).length;
      progress.textContent = done + " / " + mine.length;
      progress.classList.toggle("cp-progress--done", mine.length > 0 && done === mine.length);
      progress.hidden = mine.length === 0;
    });
  }

  function initChecklists() {
    document.addEventListener("change", function (event) {
      var box = event.target;
      if (!box.matches || !box.matches("input.cp-check[data-cp-playbook]")) return;
      var ids = ticked(box.dataset.cpPlaybook).filter(function (id) { return id !== box.dataset.cpItem; });
      if (box.checked) ids.push(box.dataset.cpItem);
      saveTicks(box.dataset.cpPlaybook, ids);
      refreshChecklists();
    });
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("button.cp-reset");
      if (!button) return;
      var playbook = button.dataset.cpPlaybook;
      var before = ticked(playbook);
      if (!before.length) return;
      saveTicks(playbook, []);
      refreshChecklists();
      // ticks are shared by both languages, the kit and the builder: one tap must be undoable
      var note = button.parentNode.querySelector(".cp-reset-note");
      if (!note) return;
      note.textContent = button.dataset.cpCleared + " ";
      var undo = el("button", { type: "button", "class": "cp-undo", text: button.dataset.cpUndo });
      undo.addEventListener("click", function () {
        saveTicks(playbook, before);
        refreshChecklists();
        note.textContent = "";
      });
      note.appendChild(undo);
      setTimeout(function () { if (note.contains(undo)) note.textContent = ""; }, 15000);
    });
    window.addEventListener("storage", function (event) {
      if (event.key && event.key.indexOf(STORE_PREFIX) === 0) refreshChecklists();
    });
    refreshChecklists();
  }

  function initPrintButtons() {
    all("button.cp-print").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
  }

  /* --- the home page's front door: the best-fitting playbook, one tap away ------------- */

  function initDoor() {
    var form = document.querySelector("form[data-cp-door]");
    if (!form) return;
    var data = strings("cp-door-data");
    var labels = data.strings;
    var open = form.querySelector(".cp-door__open");
    var tailor = form.querySelector(".cp-door__tailor");
    var note = form.querySelector(".cp-door__note");
    var indexLabel = open.textContent;
    var picked = null;

    function fit(pb, platform, size) {
      // a playbook for the reader's platform beats one of the right size: platforms change texts and limits
      return (platform && pb.platforms.indexOf(platform) === -1 ? 2 : 0) +
        (size !== null && (size < pb.min || size > pb.max) ? 1 : 0);
    }

    function choose() {
      var type = form.elements.type.value;
      var platform = form.elements.platform.value;
      var size = members(form.elements.size.value);
      note.textContent = "";
      var ofType = data.playbooks.filter(function (pb) { return pb.type === type; });
      picked = null;
      if (!ofType.length) {
        open.textContent = indexLabel;
        tailor.hidden = true;
        return;
      }
      var best = ofType.slice().sort(function (a, b) { return fit(a, platform, size) - fit(b, platform, size); })[0];
      var misfit = fit(best, platform, size);
      picked = best;
      open.textContent = format(labels.door_open, { title: best.title });
      var builder = new URL(data.builder, location.href);
      var params = new URLSearchParams({ playbook: best.id });
      if (platform) params.set("platform", platform);
      if (size !== null) params.set("size", String(size));
      builder.search = params.toString();
      tailor.href = builder.href;
      tailor.hidden = false;
      var options = form.elements.platform.options;
      var names = best.platforms.map(function (value) {
        for (var i = 0; i < options.length; i += 1) if (options[i].value === value) return options[i].textContent;
        return value;
      });
      var says = !platform && size === null ? "" : misfit >= 2 ? format(labels.door_not_platform, { platforms: names.join(labels.list_separator) })
        : misfit === 1 ? format(labels.door_not_size, { min: best.min, max: best.max }) : labels.door_fits;
      if (says) note.appendChild(document.createTextNode(says + " "));
      if (ofType.length > 1) {
        var index = new URL(data.index, location.href);
        index.search = new URLSearchParams({ type: type }).toString();
        note.appendChild(el("a", { href: index.href, text: format(labels.door_others, { n: ofType.length }) }));
      }
    }

    form.addEventListener("change", choose);
    form.addEventListener("input", function (event) { if (event.target.name === "size") choose(); });
    form.addEventListener("submit", function (event) {
      if (!picked) return; // no kind chosen: the browser opens the index filtered by the form
      event.preventDefault();
      location.href = new URL(picked.url, location.href).href;
    });
    choose();
  }

  /* --- the playbook index: filters kept in the URL ------------------------------------ */

  function initIndexFilter() {
    var form = document.querySelector("form[data-cp-filter=playbooks]");
    var table = document.querySelector("table[data-cp-filtered=playbooks]");
    if (!form || !table) return;
    var rows = all("tbody tr", table);
    var count = form.querySelector("output");
    var empty = document.querySelector(".cp-filter-empty");
    var fields = all("select, input", form);
    var params = new URLSearchParams(location.search);
    fields.forEach(function (field) {
      if (params.has(field.name)) field.value = params.get(field.name);
    });

    function matches(row, chosen) {
      var d = row.dataset;
      var size = members(chosen.get("size"));
      return (!chosen.get("type") || d.type === chosen.get("type")) &&
        (!chosen.get("threshold") || d.threshold === chosen.get("threshold")) &&
        (!chosen.get("platform") || d.platforms.split(" ").indexOf(chosen.get("platform")) !== -1) &&
        (size === null || (size >= Number(d.sizeMin) && size <= Number(d.sizeMax)));
    }

    function described(field) {
      return field.tagName === "SELECT" ? field.options[field.selectedIndex].textContent : field.value;
    }

    function showWayOut(chosen) {
      // which single choice to drop, and what each would bring back
      var list = empty.querySelector("ul");
      list.textContent = "";
      fields.forEach(function (field) {
        if (!chosen.has(field.name)) return;
        var fewer = new URLSearchParams(chosen);
        fewer.delete(field.name);
        var n = rows.filter(function (row) { return matches(row, fewer); }).length;
        if (!n) return;
        var what = (field.labels && field.labels[0] ? field.labels[0].textContent + ": " : "") + described(field);
        var button = el("button", { type: "button", "class": "md-button", text: format(empty.dataset.cpWithout, { what: what, n: n }) });
        button.addEventListener("click", function () { field.value = ""; apply(); });
        list.appendChild(el("li", {}, [button]));
      });
    }

    function apply() {
      var chosen = new URLSearchParams();
      fields.forEach(function (field) {
        if (field.value) chosen.set(field.name, field.value);
      });
      var shown = 0;
      rows.forEach(function (row) {
        var match = matches(row, chosen);
        row.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = shown + " / " + rows.length;
      table.hidden = !shown;
      empty.hidden = Boolean(shown);
      if (!shown) showWayOut(chosen);
      setQuery(chosen);
    }

    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }

  /* --- symptom finder ------------------------------------------------------------------ */

  var SEVERITY = { high: 0, medium: 1, low: 2 };

  function initSymptomFinder() {
    var form = document.querySelector("form[data-cp-tool=symptoms]");
    if (!form) return;
    var results = document.querySelector(".cp-finder-results");
    var list = results.querySelector("ol.cp-ranked");
    var none = results.querySelector(".cp-finder-none");
    var template = strings("cp-finder-strings").signs_matched || "{n} / {total}";
    var tallyTemplate = strings("cp-finder-strings").n_ticked || "{n}";
    var tally = form.querySelector(".cp-finder-ticked");
    var chosen = (new URLSearchParams(location.search).get("signs") || "").split(",");
    all("input[name=sign]", form).forEach(function (box) { box.checked = chosen.indexOf(box.value) !== -1; });
    // a shared link opens the groups whose signs it ticked
    all("details.cp-signs-group", form).forEach(function (group) {
      if (group.querySelector("input:checked")) group.open = true;
    });

    function countGroups() {
      all("details.cp-signs-group", form).forEach(function (group) {
        var badge = group.querySelector(".cp-signs-count");
        var ticked = group.querySelectorAll("input:checked").length;
        badge.textContent = ticked ? ticked + " / " + badge.dataset.total : badge.dataset.total;
        badge.classList.toggle("cp-some", ticked > 0);
      });
    }

    function apply() {
      var hits = {};
      var signs = [];
      all("input[name=sign]:checked", form).forEach(function (box) {
        var pitfall = box.value.split(".")[0];
        hits[pitfall] = (hits[pitfall] || 0) + 1;
        signs.push(box.value);
      });
      var items = all("li[data-pitfall]", list);
      items.sort(function (a, b) {
        var ha = hits[a.dataset.pitfall] || 0, hb = hits[b.dataset.pitfall] || 0;
        if (hb !== ha) return hb - ha;
        var ra = ha / a.dataset.signs, rb = hb / b.dataset.signs;
        if (rb !== ra) return rb - ra;
        return SEVERITY[a.dataset.severity] - SEVERITY[b.dataset.severity];
      });
      items.forEach(function (item) {
        var n = hits[item.dataset.pitfall] || 0;
        item.hidden = n === 0;
        item.querySelector(".cp-score").textContent = n ? "(" + format(template, { n: n, total: item.dataset.signs }) + ")" : "";
        list.appendChild(item);
      });
      none.hidden = signs.length > 0;
      tally.textContent = format(tallyTemplate, { n: signs.length });
      countGroups();
      var params = new URLSearchParams();
      if (signs.length) params.set("signs", signs.join(","));
      setQuery(params);
    }

    form.querySelector(".cp-finder-bar a").addEventListener("click", function (event) {
      event.preventDefault();
      var heading = results.querySelector("h2");
      heading.scrollIntoView({ block: "start" });
      heading.focus({ preventScroll: true });
    });
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    apply();
  }

  /* --- playbook data for compare and the builder ------------------------------------- */

  var views = {};

  function playbookView(id) {
    if (!views[id]) {
      views[id] = fetch(new URL("api/playbooks/" + encodeURIComponent(id) + ".json", siteRoot()))
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (data) {
          // each site's API carries the view in that site's language
          var lang = document.documentElement.lang || "en";
          return data.view[lang] || data.view[Object.keys(data.view)[0]];
        })
        .catch(function (error) {
          delete views[id]; // try again next time, not the failure
          throw error;
        });
    }
    return views[id];
  }

  function link(text, url) {
    var target = new URL(url, siteRoot());
    if (target.protocol !== "http:" && target.protocol !== "https:") return document.createTextNode(text);
    return el("a", { href: target.href, text: text });
  }

  function failure(out, message) {
    out.textContent = "";
    out.appendChild(el("p", { "class": "cp-error", role: "alert", text: message }));
  }

  // Only the newest of overlapping renders may write: a slow answer must not overwrite a newer choice.
  function latest() {
    var turn = 0;
    return function () {
      var mine = ++turn;
      return function () { return mine === turn; };
    };
  }

  function list(items) {
    return el("ul", {}, items.map(function (item) { return el("li", {}, [item]); }));
  }

  /* --- compare ----------------------------------------------------------------------- */

  function initCompare() {
    var form = document.querySelector("form[data-cp-tool=compare]");
    if (!form) return;
    var out = document.querySelector(".cp-compare");
    var labels = strings("cp-compare-strings");
    var selects = all("select[name=p]", form);
    var chosen = new URLSearchParams(location.search).getAll("p");
    selects.forEach(function (select, i) { if (chosen[i]) select.value = chosen[i]; });

    var ROWS = [
      ["group_type", function (v) { return v.group_type; }],
      ["size", function (v) { return v.size; }],
      ["platforms", function (v) { return v.platforms.join(labels.list_separator); }],
      ["purpose", function (v) { return v.purpose; }],
      ["for_others", function (v) { return v.for_others; }],
      ["for_ourselves", function (v) { return v.for_ourselves; }],
      ["threshold", function (v) { return el("div", {}, [el("strong", { text: v.threshold }), list(v.criteria)]); }],
      ["rituals", function (v) {
        return list(v.rituals.map(function (r) { return el("span", {}, [link(r.title, r.url), " — " + r.cadence]); }));
      }],
      ["levels", function (v) { return v.levels.join(" → "); }],
      ["roles", function (v) { return v.roles.join(labels.list_separator); }],
      ["governance", function (v) {
        return list(v.governance.map(function (g) { return el("span", {}, [link(g.stage, g.url), ": " + g.lead]); }));
      }],
      ["pitfalls", function (v) { return list(v.pitfalls.map(function (p) { return link(p.title, p.url); })); }],
      ["items_total", function (v) {
        return String(v.checklist.reduce(function (n, phase) { return n + phase.items.length; }, 0));
      }]
    ];

    var next = latest();

    function render() {
      var current = next();
      var ids = selects.map(function (s) { return s.value; }).filter(Boolean);
      var params = new URLSearchParams();
      ids.forEach(function (id) { params.append("p", id); });
      setQuery(params);
      out.textContent = "";
      if (!ids.length) return;
      out.setAttribute("aria-busy", "true");  // until the playbooks it compares have arrived
      Promise.all(ids.map(playbookView)).then(function (chosenViews) {
        if (!current()) return;
        out.removeAttribute("aria-busy");
        var head = el("tr", {}, [el("th", { scope: "col", text: labels.playbook })].concat(chosenViews.map(function (v) {
          return el("th", { scope: "col" }, [link(v.title, v.url)]);
        })));
        var body = ROWS.map(function (row) {
          return el("tr", {}, [el("th", { scope: "row", text: labels[row[0]] })].concat(chosenViews.map(function (v) {
            var value = row[1](v);
            // on a phone each row is a card, each value under its playbook's name
            return el("td", { "data-label": v.title }, [value]);
          })));
        });
        out.textContent = "";
        out.appendChild(el("div", { "class": "cp-table-wrap" }, [
          el("table", { "class": "cp-compare-table" }, [el("thead", {}, [head]), el("tbody", {}, body)])
        ]));
      }).catch(function () {
        if (!current()) return;
        out.removeAttribute("aria-busy");
        failure(out, labels.load_failed);
      });
    }

    form.addEventListener("change", render);
    render();
  }

  /* --- checklist builder --------------------------------------------------------------- */

  function applies(condition, situation) {
    if (!condition) return true;
    if (condition.platforms && situation.platform && condition.platforms.indexOf(situation.platform) === -1) return false;
    if (condition.stages && situation.stage && condition.stages.indexOf(situation.stage) === -1) return false;
    if (situation.size !== null) {
      if (condition.min_size != null && situation.size < condition.min_size) return false;
      if (condition.max_size != null && situation.size > condition.max_size) return false;
    }
    return true;
  }

  function initBuilder() {
    var form = document.querySelector("form[data-cp-tool=builder]");
    if (!form) return;
    var out = document.querySelector(".cp-builder");
    var labels = strings("cp-builder-strings");
    var params = new URLSearchParams(location.search);
    all("select, input", form).forEach(function (field) {
      if (params.has(field.name)) field.value = params.get(field.name);
    });

    function field(name) { return form.elements[name]; }

    var next = latest();

    function render() {
      var current = next();
      var chosen = new URLSearchParams();
      all("select, input", form).forEach(function (f) { if (f.value) chosen.set(f.name, f.value); });
      setQuery(chosen);
      var id = chosen.get("playbook");
      out.textContent = "";
      if (!id) return;
      var situation = { platform: chosen.get("platform"), stage: chosen.get("stage"), size: members(chosen.get("size")) };
      var described = [];
      [["platform", "platform"], ["size", "size"], ["stage", "stage"]].forEach(function (pair) {
        var f = field(pair[0]);
        if (!f.value || (pair[0] === "size" && situation.size === null)) return;
        described.push(f.tagName === "SELECT" ? f.options[f.selectedIndex].textContent : format(labels.size_n, { n: f.value }));
      });
      out.setAttribute("aria-busy", "true");  // until the playbook's checklist has arrived
      playbookView(id).then(function (view) {
        if (!current()) return;
        out.removeAttribute("aria-busy");
        out.textContent = "";
        out.appendChild(el("h2", {}, [link(view.title, view.url), " — " + labels.checklists]));
        if (described.length) out.appendChild(el("p", { "class": "cp-tailoring", text: format(labels.tailored_for, { situation: described.join(labels.list_separator) }) }));
        // a group the playbook was not written for still gets its checklist, with a warning
        var covers = view.covers;
        if (situation.platform && covers.platforms.indexOf(situation.platform) === -1) {
          out.appendChild(el("p", { "class": "cp-warning", role: "note", text: format(labels.not_for_platform, {
            platforms: view.platforms.join(labels.list_separator),
            platform: field("platform").options[field("platform").selectedIndex].textContent }) }));
        }
        if (situation.size !== null && (situation.size < covers.min || situation.size > covers.max)) {
          out.appendChild(el("p", { "class": "cp-warning", role: "note", text: format(labels.not_for_size, {
            min: covers.min, max: covers.max, size: situation.size }) }));
        }
        var any = false;
        view.checklist.forEach(function (phase) {
          var items = phase.items.filter(function (item) { return applies(item["if"], situation); });
          if (!items.length) return;
          any = true;
          out.appendChild(el("h3", { id: view.id + "--" + phase.phase, text: phase.label }));
          out.appendChild(el("p", { "class": "cp-progress", "data-cp-playbook": view.id, "data-cp-phase": phase.phase, "aria-live": "polite", hidden: "" }));
          out.appendChild(el("ul", { "class": "cp-list" }, items.map(function (item) {
            var meta = labels.when + labels.separator + item.when + " · " + labels.owner + labels.separator + item.owner +
              (item.only_for ? " · " + item.only_for : "");
            return el("li", { "data-cp-item": item.id }, [
              el("label", { "class": "cp-item", id: view.id + "--" + item.id }, [
                el("input", { type: "checkbox", "class": "cp-check", "data-cp-playbook": view.id, "data-cp-item": item.id, "data-cp-phase": phase.phase }),
                " ",
                el("span", { "class": "cp-text", text: item.text })
              ]),
              el("br"),
              el("small", { "class": "cp-meta", text: meta })
            ]);
          })));
        });
        if (!any) out.appendChild(el("p", { text: labels.no_items }));
        refreshChecklists(out);
      }).catch(function () {
        if (!current()) return;
        out.removeAttribute("aria-busy");
        failure(out, labels.load_failed);
      });
    }

    form.addEventListener("change", render);
    form.addEventListener("input", function (event) { if (event.target.name === "size") render(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    render();
  }

  /* --- search: the Pagefind index of this language, loaded when the reader opens search --- */

  function excerptNodes(html) {
    // Pagefind's excerpts are escaped text with <mark> around the words found: keep exactly that
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html").body.firstChild;
    var out = document.createDocumentFragment();
    Array.prototype.forEach.call(parsed ? parsed.childNodes : [], function (node) {
      if (node.nodeName === "MARK") out.appendChild(el("mark", { text: node.textContent }));
      else out.appendChild(document.createTextNode(node.textContent));
    });
    return out;
  }

  function initSearch() {
    var dialog = document.getElementById("cp-search");
    var opener = document.querySelector(".cp-search-open");
    if (!dialog || !opener) return;
    var input = dialog.querySelector("input");
    var status = dialog.querySelector(".cp-search__status");
    var list = dialog.querySelector(".cp-search__results");
    var texts = dialog.dataset;
    var index = null;
    var next = latest();

    function load() {
      if (!index) {
        index = import(new URL(texts.cpIndex, location.href).href).then(function (pagefind) {
          // results link from this language's root, wherever the site is served
          return pagefind.options({ baseUrl: siteRoot().pathname, excerptLength: 22 }).then(function () { return pagefind; });
        });
        index.catch(function () { index = null; }); // try again next time, not the failure
      }
      return index;
    }

    function open(event) {
      if (event) event.preventDefault();
      if (typeof dialog.showModal === "function") { if (!dialog.open) dialog.showModal(); }
      else dialog.setAttribute("open", "");
      input.focus();
      input.select();
      load().catch(function () { status.textContent = texts.cpFailed; });
    }

    function result(data) {
      var item = el("li", { "class": "cp-search__result" });
      var link = el("a", { href: data.url }, [el("strong", { text: (data.meta && data.meta.title) || data.url })]);
      link.appendChild(el("span", { "class": "cp-search__excerpt" }, [excerptNodes(data.excerpt || "")]));
      item.appendChild(link);
      var title = (data.meta && data.meta.title) || "";
      var subs = (data.sub_results || []).filter(function (sub) { return sub.url !== data.url && sub.title !== title; }).slice(0, 3);
      if (subs.length) {
        item.appendChild(el("ul", { "class": "cp-search__subs" }, subs.map(function (sub) {
          return el("li", {}, [el("a", { href: sub.url }, [el("span", { text: sub.title }), " ",
            el("span", { "class": "cp-search__excerpt" }, [excerptNodes(sub.excerpt || "")])])]);
        })));
      }
      return item;
    }

    // Pagefind ranks a page that holds any of the words; a reader who types two words means
    // both. Each word is looked up on its own (ids and scores only: no page is fetched), and
    // the pages holding every word come first; only when none does are the others shown.
    function everyWord(pagefind, query, search) {
      var words = query.split(/\s+/).filter(function (word, i, all) { return word && all.indexOf(word) === i; });
      if (words.length < 2 || /["“”]/.test(query)) return Promise.resolve({ results: search.results, partial: false });
      return Promise.all(words.map(function (word) { return pagefind.search(word); })).then(function (each) {
        var holds = each.map(function (found) { return new Set(found.results.map(function (r) { return r.id; })); });
        var all = search.results.filter(function (r) { return holds.every(function (ids) { return ids.has(r.id); }); });
        return all.length ? { results: all, partial: false } : { results: search.results, partial: true };
      });
    }

    function run() {
      var current = next();
      var query = input.value.trim();
      if (!query) { list.textContent = ""; status.textContent = ""; return; }
      status.textContent = texts.cpLoading;
      load().then(function (pagefind) {
        return pagefind.search(query).then(function (search) { return everyWord(pagefind, query, search); });
      }).then(function (found) {
        return Promise.all(found.results.slice(0, 10).map(function (r) { return r.data(); })).then(function (pages) {
          if (!current()) return;
          list.textContent = "";
          pages.forEach(function (page) { list.appendChild(result(page)); });
          list.setAttribute("data-cp-query", query);  // which query the list answers (tests wait for it)
          status.textContent = !found.results.length ? texts.cpNone
            : (found.partial ? texts.cpSome + " " : "") + format(texts.cpCount, { n: found.results.length });
        });
      }).catch(function () {
        if (current()) status.textContent = texts.cpFailed;
      });
    }

    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 120);
    });
    opener.addEventListener("click", open);
    list.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("a") && typeof dialog.close === "function") dialog.close();
    });
    dialog.addEventListener("click", function (event) {  // a tap outside the panel closes it
      if (event.target === dialog && typeof dialog.close === "function") dialog.close();
    });
    document.addEventListener("keydown", function (event) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName) || event.target.isContentEditable;
      if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === "/" || event.key === "s")) open(event);
    });
    var wanted = new URLSearchParams(location.search).get("q");
    if (wanted) { input.value = wanted; open(); run(); }
  }

  function init() {
    syncLanguageLinks();
    window.addEventListener("hashchange", syncLanguageLinks);
    initSearch();
    initTexts();
    initShare();
    initChecklists();
    initPrintButtons();
    initDoor();
    initIndexFilter();
    initSymptomFinder();
    initCompare();
    initBuilder();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
