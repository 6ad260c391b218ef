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

  /* --- storage that may be refused, and browsers inside apps -------------------------- */

  // Some browsers refuse the site's storage (privacy settings, private modes, some in-app
  // browsers): reading it throws, or writing does. Then what the reader chose lasts while the
  // page is open, kept here, and the page says so once.
  var memory = {};
  var storage = (function () {
    try {
      var probe = "cp:probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (e) { return null; }
  }());

  function load(key) {
    if (storage) {
      try { return storage.getItem(key); } catch (e) { storage = null; }
    }
    return Object.prototype.hasOwnProperty.call(memory, key) ? memory[key] : null;
  }

  function save(key, value) {
    if (storage) {
      try {
        if (value === null) storage.removeItem(key); else storage.setItem(key, value);
        return true;
      } catch (e) { storage = null; }
    }
    if (value === null) delete memory[key]; else memory[key] = value;
    return false;
  }

  var UI = strings("cp-ui");
  // The browsers inside chat and payment apps (WeChat, WeCom, QQ, DingTalk, Weibo, Alipay,
  // Feishu/Lark) open no downloads and cannot print: say how to open the page elsewhere.
  var IN_APP = /MicroMessenger|wxwork|\bQQ\/\d|DingTalk|Weibo|AlipayClient|Lark\/|Feishu/i.test(navigator.userAgent);
  var WECHAT = /MicroMessenger|wxwork/i.test(navigator.userAgent);

  // A note beside what the reader tapped, read out by screen readers; one per place.
  function tell(near, text) {
    var holder = near.closest(".cp-actions, .cp-toolbar, .cp-text, form, p") || near.parentNode;
    var note = holder.nextElementSibling && holder.nextElementSibling.classList.contains("cp-note")
      ? holder.nextElementSibling : null;
    if (!note) {
      note = el("p", { "class": "cp-note", role: "status" });
      holder.parentNode.insertBefore(note, holder.nextSibling);
    }
    note.textContent = "";
    note.appendChild(document.createTextNode(typeset(text)));
    return note;
  }

  function initInApp() {
    if (!IN_APP) return;
    document.addEventListener("click", function (event) {
      var action = event.target.closest &&
        event.target.closest("a[download], a[href$='.ics'], a[href$='.pdf'], button.cp-print");
      if (!action) return;
      event.preventDefault();
      event.stopPropagation();  // caught on its way down: the print button's own handler never runs
      tell(action, WECHAT ? UI.open_in_browser_wechat : UI.open_in_browser);
    }, true);
  }

  function setQuery(params, owns) {
    // the reader's group stays in the address for the next page, unless this form asks for it
    readerContext().forEach(function (value, key) {
      if ((owns || []).indexOf(key) === -1 && !params.has(key)) params.set(key, value);
    });
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

  function select(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
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
    var stored = load(FLAVOUR_KEY);

    function show(flavour, remember) {
      blocks.forEach(function (block) {
        all(".cp-text", block).forEach(function (text) { text.hidden = text.dataset.cpFlavour !== flavour; });
      });
      all(".cp-texts__flavour", chooser).forEach(function (button) {
        button.setAttribute("aria-pressed", String(button.dataset.cpFlavour === flavour));
      });
      if (remember) save(FLAVOUR_KEY, flavour);
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
        function () {  // the text is selected: the reader copies it by hand
          select(body);
          tell(copy, UI.copy_select);
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
          copyText(data.url).then(function () { confirmDone(button, button.dataset.cpCopied + " ✓"); },
            function () {  // no clipboard: the address, selected, to copy by hand
              var note = tell(button, UI.copy_link_select + " ");
              var address = el("span", { "class": "cp-address", text: data.url });
              note.appendChild(address);
              select(address);
            });
        }
      });
    });
  }

  /* --- ticks, remembered per playbook and item (the same in every language) ----------- */

  function ticked(playbook) {
    // the origin's storage is shared with other sites on it: trust nothing but a list of strings
    try {
      var ids = JSON.parse(load(STORE_PREFIX + playbook) || "[]");
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

  var warnedVolatile = false;

  function saveTicks(playbook, ids, near) {
    var kept = save(STORE_PREFIX + playbook, ids.length ? JSON.stringify(ids) : null);
    // refused or full: the ticks last until the page closes, and the reader is told once
    if (!kept && !warnedVolatile && near) {
      warnedVolatile = true;
      tell(near, UI.ticks_volatile);
    }
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
      // items hidden because they are not for the reader's group do not count
      var mine = boxes.filter(function (box) {
        return box.dataset.cpPlaybook === progress.dataset.cpPlaybook && box.dataset.cpPhase === progress.dataset.cpPhase &&
          !box.closest("[hidden]");
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
      saveTicks(box.dataset.cpPlaybook, ids, document.querySelector(
        ".cp-toolbar[data-cp-playbook='" + box.dataset.cpPlaybook + "'], p.cp-progress") || box);
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

  /* --- the reader's group, carried from page to page in the address ------------------ */

  // What a reader said about their group lives in the address only (no storage, nothing sent
  // anywhere): a link pasted into a chat opens the same tailored page, and it goes with every
  // link to another page of the site.
  // The playbook goes too: a remedy added from a pitfall lands in that playbook's checklist.
  var CONTEXT_KEYS = ["playbook", "platform", "size", "stage", "age"];

  function remedies(params) {
    var ids = [];
    (params.get("add") || "").split(",").forEach(function (id) {
      if (/^[a-z0-9][a-z0-9-]*$/.test(id) && ids.indexOf(id) === -1) ids.push(id);
    });
    return ids;
  }

  function readerContext() {
    var params = new URLSearchParams(location.search);
    var found = new URLSearchParams();
    CONTEXT_KEYS.forEach(function (key) { if (params.get(key)) found.set(key, params.get(key)); });
    if (remedies(params).length) found.set("add", remedies(params).join(","));
    // on a playbook's page or kit, once the reader has said what their group is, this playbook
    // is theirs too (a plain visit leaves the addresses it links to as they are)
    var own = strings("cp-context").playbook;
    if (own && found.toString()) found.set("playbook", own);
    return found;
  }

  function withContext(url, context) {
    // what the link says itself wins; the remedies a reader added add up
    context.forEach(function (value, key) {
      if (key === "add") {
        var both = remedies(context).concat(remedies(url.searchParams)); // in the order they were added
        url.searchParams.set("add", remedies(new URLSearchParams({ add: both.join(",") })).join(","));
      } else if (!url.searchParams.has(key)) {
        url.searchParams.set(key, value);
      }
    });
    return url;
  }

  function initContextTravel() {
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[href]");
      if (!link || link.hasAttribute("download")) return;
      var context = readerContext();
      if (!context.toString()) return;
      var url = new URL(link.href, location.href);
      var root = siteRoot();
      if (url.origin !== location.origin || url.pathname.indexOf(root.pathname) !== 0) return;
      if (url.pathname === location.pathname && url.search === location.search) return; // a place on this page
      if (/\.[a-z0-9]+$/i.test(url.pathname) && !/\.html$/i.test(url.pathname)) return; // a file, not a page
      link.href = withContext(url, context).href;
    }, true);
  }

  function conditionOf(node) {
    var d = node.dataset;
    return {
      platforms: d.cpPlatforms ? d.cpPlatforms.split(" ") : null,
      stages: d.cpStages ? d.cpStages.split(" ") : null,
      min_size: d.cpMin ? Number(d.cpMin) : null,
      max_size: d.cpMax ? Number(d.cpMax) : null
    };
  }

  function known(map, value) {
    return value && Object.prototype.hasOwnProperty.call(map, value) ? value : null;
  }

  // A playbook's page and its kit show only what applies to the reader's group, and say so,
  // with a way back to every item; printing prints what is shown.
  function initTailoring() {
    var phases = all(".cp-phase[data-cp-phase]");
    var data = strings("cp-context");
    if (!phases.length || !data.strings) return;
    var labels = data.strings;
    var context = readerContext();
    // a value the site does not know (a link typed by hand) is left out, not matched against
    var situation = {
      platform: known(data.platform, context.get("platform")), stage: known(data.stage, context.get("stage")),
      size: members(context.get("size")), age: known(data.age, context.get("age"))
    };
    var words = [];
    if (situation.platform) words.push(data.platform[situation.platform]);
    if (situation.size !== null) words.push(format(labels.size_n, { n: situation.size }));
    if (situation.stage) words.push(data.stage[situation.stage]);
    if (situation.age) words.push(data.age[situation.age]);
    if (!words.length) return;
    var hidden = [];
    phases.forEach(function (phase) {
      var serves = (phase.dataset.cpServes || "").split(" ").filter(Boolean);
      var off = Boolean(situation.age && serves.length && serves.indexOf(situation.age) === -1);
      var shown = 0;
      all("label.cp-item", phase).forEach(function (label) {
        if (!off && applies(conditionOf(label), situation)) {
          shown += 1;
          return;
        }
        var row = label.closest("li") || label;
        row.hidden = true;
        hidden.push(row);
      });
      if (!shown) {
        phase.hidden = true;
        hidden.push(phase);
      }
    });
    var note = el("div", { "class": "cp-context", role: "note" }, [
      el("p", { text: format(labels.context_note, { situation: words.join(labels.list_separator) }) })
    ]);
    if (situation.age === "running") {
      var builder = withContext(new URL(data.builder, location.href), context);
      note.appendChild(el("p", {}, [el("a", { href: builder.href, text: labels.context_builder })]));
    }
    if (hidden.length) {
      var all_ = el("button", { type: "button", "class": "md-button", text: labels.context_show_all });
      all_.addEventListener("click", function () {
        hidden.forEach(function (node) { node.hidden = false; });
        note.parentNode.removeChild(note);
        refreshChecklists();
      });
      note.appendChild(el("p", {}, [all_]));
    }
    phases[0].parentNode.insertBefore(note, phases[0]);
    refreshChecklists();
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

    // what the reader said about their group, for the playbook and the builder to tailor to
    function group() {
      var params = new URLSearchParams();
      ["platform", "age"].forEach(function (name) { if (form.elements[name].value) params.set(name, form.elements[name].value); });
      var size = members(form.elements.size.value);
      if (size !== null) params.set("size", String(size));
      return params;
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
      builder.search = new URLSearchParams({ playbook: best.id }).toString();
      tailor.href = withContext(builder, group()).href;
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
      location.href = withContext(new URL(picked.url, location.href), group()).href;
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
      setQuery(chosen, fields.map(function (field) { return field.name; }));
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
    // a shared link's ticks are set, and their groups opened, by the page's own inline script

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

  /* --- entries' data for compare and the builder ------------------------------------- */

  var views = {};

  // an entry's view, in the API of this language's site: "playbooks" or "pitfalls", and its id
  function view(kind, id) {
    var key = kind + "/" + id;
    if (!views[key]) {
      views[key] = fetch(new URL("api/" + kind + "/" + encodeURIComponent(id) + ".json", siteRoot()))
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
          delete views[key]; // try again next time, not the failure
          throw error;
        });
    }
    return views[key];
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
      Promise.all(ids.map(function (id) { return view("playbooks", id); })).then(function (chosenViews) {
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

  var REMEDY_TICKS = "~remedies"; // one list for every remedy: no playbook id has a "~"

  function initBuilder() {
    var form = document.querySelector("form[data-cp-tool=builder]");
    if (!form) return;
    var out = document.querySelector(".cp-builder");
    var labels = strings("cp-builder-strings");
    var params = new URLSearchParams(location.search);
    var fields = all("select, input", form);
    fields.forEach(function (field) {
      if (params.has(field.name)) field.value = params.get(field.name);
    });
    var added = remedies(params);

    function field(name) { return form.elements[name]; }

    function described(f) {
      return f.tagName === "SELECT" ? f.options[f.selectedIndex].textContent : format(labels.size_n, { n: f.value });
    }

    function items(list, playbook, phase) {
      return el("ul", { "class": "cp-list" }, list.map(function (item) {
        var meta = labels.when + labels.separator + item.when + " · " + labels.owner + labels.separator + item.owner +
          (item.only_for ? " · " + item.only_for : "");
        return el("li", { "data-cp-item": item.id }, [
          el("label", { "class": "cp-item", id: playbook + "--" + item.id }, [
            el("input", { type: "checkbox", "class": "cp-check", "data-cp-playbook": playbook, "data-cp-item": item.id, "data-cp-phase": phase }),
            " ",
            el("span", { "class": "cp-text", text: item.text })
          ]),
          el("br"),
          el("small", { "class": "cp-meta", text: meta })
        ]);
      }));
    }

    function phaseBlock(playbook, phase, list, heading) {
      return [
        el("h3", { id: playbook + "--" + phase.phase }, heading || [phase.label]),
        el("p", { "class": "cp-progress", "data-cp-playbook": playbook, "data-cp-phase": phase.phase, "aria-live": "polite", hidden: "" }),
        items(list, playbook, phase.phase)
      ];
    }

    function append(nodes) { nodes.forEach(function (node) { out.appendChild(node); }); }

    function playbookPart(view, situation) {
      var running = situation.age === "running";
      append([el("h2", {}, [link(view.title, view.url), " — " + (running ? labels.running_checklist : labels.checklists)])]);
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
        // a phase serves groups of some ages: a running group's checklist has no launch day
        if (situation.age && phase.serves.length && phase.serves.indexOf(situation.age) === -1) return;
        var list = phase.items.filter(function (item) { return applies(item["if"], situation); });
        if (!list.length) return;
        any = true;
        append(phaseBlock(view.id, phase, list));
      });
      if (running) {
        var moving = situation.stage && view.move_on[situation.stage];
        if (moving) {
          any = true;
          append(phaseBlock(view.id, moving, moving.items));
        } else if (!situation.stage) {
          out.appendChild(el("p", { "class": "cp-hint", text: labels.choose_stage_to_move_on }));
        }
      }
      if (!any) out.appendChild(el("p", { text: labels.no_items }));
    }

    function remedyPart(view) {
      var remove = el("button", { type: "button", "class": "md-button cp-remove", "data-cp-remove": view.id,
        text: labels.remove_remedy, "aria-label": labels.remove_remedy + labels.separator + view.title });
      var phase = view.remedy;
      var part = phaseBlock(REMEDY_TICKS, phase, phase.items, [link(phase.label, view.url)]);
      part.splice(1, 0, el("p", { "class": "cp-remove-bar" }, [remove]));
      append(part);
    }

    var next = latest();

    function render() {
      var current = next();
      var chosen = new URLSearchParams();
      fields.forEach(function (f) { if (f.value) chosen.set(f.name, f.value); });
      if (added.length) chosen.set("add", added.join(","));
      setQuery(chosen, fields.map(function (f) { return f.name; }).concat("add"));
      var id = chosen.get("playbook");
      out.textContent = "";
      if (!id && !added.length) {
        out.appendChild(el("p", { "class": "cp-empty", text: labels.builder_empty }));
        return;
      }
      var situation = { platform: chosen.get("platform"), stage: chosen.get("stage"), size: members(chosen.get("size")),
        age: chosen.get("age") };
      var words = ["platform", "size", "age", "stage"].filter(function (name) {
        return field(name).value && !(name === "size" && situation.size === null);
      }).map(function (name) { return described(field(name)); });
      out.setAttribute("aria-busy", "true");  // until the checklist and the remedies have arrived
      Promise.all([id ? view("playbooks", id) : null].concat(added.map(function (pitfall) {
        // a remedy that is gone from the site (an old link) is left out, not a failure
        return view("pitfalls", pitfall).catch(function () { return null; });
      }))).then(function (answers) {
        if (!current()) return;
        out.removeAttribute("aria-busy");
        out.textContent = "";
        if (answers[0]) playbookPart(answers[0], situation);
        else out.appendChild(el("p", { "class": "cp-hint", text: labels.remedies_only }));
        if (words.length) out.insertBefore(el("p", { "class": "cp-tailoring", text: format(labels.tailored_for, { situation: words.join(labels.list_separator) }) }), out.children[1] || null);
        var found = answers.slice(1).filter(Boolean);
        if (found.length !== added.length) {
          added = found.map(function (remedy) { return remedy.id; });
          if (added.length) chosen.set("add", added.join(","));
          else chosen.delete("add");
          setQuery(chosen, fields.map(function (f) { return f.name; }).concat("add"));
        }
        found.forEach(remedyPart);
        var finder = withContext(new URL(labels.finder, location.href), readerContext());
        out.appendChild(el("p", { "class": "cp-find-remedy" }, [el("a", { href: finder.href, text: labels.find_remedy })]));
        refreshChecklists(out);
      }).catch(function () {
        if (!current()) return;
        out.removeAttribute("aria-busy");
        failure(out, labels.load_failed);
      });
    }

    out.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("button[data-cp-remove]");
      if (!button) return;
      added = added.filter(function (id) { return id !== button.dataset.cpRemove; });
      render();
    });
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
    function hide() {
      if (typeof dialog.close === "function") dialog.close();
      else dialog.removeAttribute("open");
    }

    opener.addEventListener("click", open);
    // Enter, or a phone keyboard's Search key, runs the search now and keeps the results
    dialog.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      run();
    });
    dialog.querySelector(".cp-search__close").addEventListener("click", hide);
    list.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("a")) hide();
    });
    dialog.addEventListener("click", function (event) {  // a tap outside the panel closes it
      if (event.target === dialog) hide();
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
    initInApp();
    initSearch();
    initTexts();
    initShare();
    initContextTravel();
    initChecklists();
    initTailoring();
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
