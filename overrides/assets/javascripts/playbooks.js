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

  // Pagefind splits Chinese into words when it indexes, with its own dictionary; the browser would
  // split a query with another (团购 becomes 团 and 购, which the index does not hold). So a query is
  // read here the way the index was made, with the index's own words (pagefind/cp/, written by the
  // build in small files by how the words start, fetched for what is typed), and Pagefind is handed
  // the words found, to look up as they are.
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var SEARCH_SPLIT = /[\s\u0021-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u007e\u00a0-\u00bf\u2000-\u206f\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+/;
  var ENTRY_KINDS = ["playbook", "pitfall", "ritual", "stage", "guide", "platform"];
  var KIND_ORDER = ENTRY_KINDS.concat(["help", "project"]);
  var LONGEST_WORD = 8;  // characters of a Chinese word: longer ones in the index are titles
  var SHOWN = 10;

  function excerptNodes(html) {
    // Pagefind's excerpts are escaped text with <mark> around the words found: keep exactly that,
    // less the zero-width spaces it puts between the Chinese words it split
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html").body.firstChild;
    var out = document.createDocumentFragment();
    var chinese = /^zh/.test(document.documentElement.lang);
    var before = "";  // the last character of the text so far
    Array.prototype.forEach.call(parsed ? parsed.childNodes : [], function (node) {
      var text = node.textContent.replace(/\u200b/g, "");
      // an excerpt that starts where two blocks were joined (". "), or just after a comma ("、拼团")
      if (!before) text = text.replace(/^\s*(?:\.\s+|[,;、，；：。]\s*)/, "");
      if (chinese) text = chineseStops(text, before);
      before = text ? text.slice(-1) : before;
      // Pagefind marks a word with the punctuation around it ("book;"): the mark keeps the word only
      var word = node.nodeName === "MARK" ? /^([\s"'“‘(（]*)(.*?)([\s.,;:!?"'”’)）。，、；：！？]*)$/.exec(text) : null;
      if (word && word[2]) {
        if (word[1]) out.appendChild(document.createTextNode(word[1]));
        out.appendChild(el("mark", { text: word[2] }));
        if (word[3]) out.appendChild(document.createTextNode(word[3]));
      }
      else out.appendChild(document.createTextNode(text));
    });
    return out;
  }

  // Pagefind joins a page's blocks (a heading and its text, the items of a list) with ". "; on a
  // Chinese page that full stop is "。", with no space after it, after Chinese and after a word in
  // Latin letters alike ("Discord。入群门槛"). A number that starts a block ("2. 数一数", a step of a
  // guide) and a full stop inside a word ("v1.5", "zsxq.com") are left as written.
  var ENDS_SENTENCE = /[。！？；：]/;
  var NO_SPACE_AFTER = /[。！？；：，、”）」』]/;
  function chineseStops(text, before) {
    return text.replace(/\.(?:[ \u00a0]+|$)(?!\.)/g, function (stop, offset) {
      var previous = offset ? text[offset - 1] : before;
      if (!previous || /[\s.?!,;:]/.test(previous)) return stop;
      if (ENDS_SENTENCE.test(previous)) return "";
      var rest = text.slice(offset + stop.length);
      var head = (offset ? "" : before) + text.slice(0, offset);
      if (rest && /(?:^|[\s。！？；：])\d{1,3}$/.test(head)) return stop;  // a numbered step
      return "。";
    }).replace(/([。！？；：，、”）」』])[ \u00a0]+/g, "$1")  // and no space after Chinese punctuation
      .replace(/^[ \u00a0]+/, function (space) { return NO_SPACE_AFTER.test(before) ? "" : space; });
  }

  // Sentences one after the other: a space between them, none after Chinese punctuation.
  function sentences(parts) {
    return parts.filter(Boolean).reduce(function (text, part) {
      return !text ? part : text + (NO_SPACE_AFTER.test(text.slice(-1)) ? "" : " ") + part;
    }, "");
  }

  function fetchJSON(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  // The index's words: what the build wrote about them (search.json), the words starting with given
  // characters, each with the number of pages that hold it, and the entries' titles.
  function indexWords(base) {
    var about = null;
    var files = {};

    function info() {
      if (!about) {
        about = fetchJSON(base + "search.json").then(function (data) {
          var traditional = {};
          var pairs = Array.from(data.traditional);
          for (var i = 0; i + 1 < pairs.length; i += 2) traditional[pairs[i]] = pairs[i + 1];
          var phrases = Object.keys(data.phrases || {}).sort(function (a, b) { return b.length - a.length; });
          var regional = Object.keys(data.regional || {}).sort(function (a, b) { return b.length - a.length; });
          return { pages: data.pages, buckets: data.buckets, fillers: data.fillers, traditional: traditional,
                   phrases: phrases.map(function (p) { return [p, data.phrases[p]]; }),
                   regional: regional.map(function (p) { return [p].concat(data.regional[p]); }) };
        });
        about.catch(function () { about = null; });
      }
      return about;
    }

    // the words starting with any of ``starts`` (a Chinese character, or two other characters)
    function startingWith(starts) {
      return info().then(function (data) {
        var wanted = [];
        starts.forEach(function (start) {
          var n = Array.from(start).reduce(function (h, c) { return (h * 31 + c.codePointAt(0)) % data.buckets; }, 0);
          if (wanted.indexOf(n) === -1) wanted.push(n);
        });
        return Promise.all(wanted.map(function (n) {
          if (!files[n]) {
            files[n] = fetchJSON(base + "words-" + n + ".json");
            files[n].catch(function () { delete files[n]; });
          }
          return files[n];
        })).then(function (parts) {
          var words = {};
          parts.forEach(function (part) { Object.keys(part).forEach(function (w) { words[w] = part[w]; }); });
          return words;
        });
      });
    }

    var titles = null;
    function entryTitles() {  // [url, title, other names] of every entry: only when nothing is found
      if (!titles) {
        titles = fetchJSON(base + "titles.json");
        titles.catch(function () { titles = null; });
      }
      return titles;
    }

    return { info: info, startingWith: startingWith, titles: entryTitles };
  }

  // The query's characters as the index writes them: compatibility forms folded (ＱＱ, full-width
  // letters), lower case, and simplified characters for the traditional ones of the table; written in
  // traditional characters, Taiwan's and Hong Kong's words read as the index's (訊息, 消息).
  function folded(query, info) {
    var plain = query.normalize("NFKC").toLowerCase();
    var text = Array.from(plain).map(function (char) { return info.traditional[char] || char; }).join("");
    if (text !== plain) {
      info.phrases.forEach(function (pair) { text = text.split(pair[0]).join(pair[1]); });
    }
    // a chat group's words in Taiwan and Hong Kong (洗版 for 刷屏, 群組 for 群): those the index does not
    // hold in any query, the others in a query in traditional characters
    var traditionalQuery = text !== plain;
    info.regional.forEach(function (word) {
      if (word[2] || traditionalQuery) text = text.split(word[0]).join(word[1]);
    });
    return text;
  }

  // A run of Chinese characters split into the index's words: the fewest pieces, then the commonest;
  // a character of no word stands alone.
  function splitHan(run, words) {
    var chars = Array.from(run);
    var best = [{ cost: 0, weight: 0, pieces: [] }];
    for (var end = 1; end <= chars.length; end++) {
      for (var start = Math.max(0, end - LONGEST_WORD); start < end; start++) {
        var from = best[start];
        if (!from) continue;
        var piece = chars.slice(start, end).join("");
        var pages = words[piece] || 0;
        if (!pages && end - start > 1) continue;
        var cost = from.cost + (pages ? 1 : 3);
        var weight = from.weight + Math.log(pages + 1);
        var here = best[end];
        if (!here || cost < here.cost || (cost === here.cost && weight > here.weight)) {
          best[end] = { cost: cost, weight: weight, pieces: from.pieces.concat([piece]) };
        }
      }
    }
    return best[chars.length].pieces;
  }

  // What Pagefind does with a word of letters: it finds the indexed words (stems, in English) that
  // start with it, or else the longest indexed word it starts with.
  function wordsStarting(prefix, words) {
    return Object.keys(words).filter(function (w) { return w.lastIndexOf(prefix, 0) === 0; });
  }

  function stemOf(word, words) {
    var stem = "";
    Object.keys(words).forEach(function (w) {
      if (w.length > stem.length && word.lastIndexOf(w, 0) === 0) stem = w;
    });
    return stem;
  }

  // An indexed word, or one of its forms: a stem of the index and the endings English stemming takes
  // off (club, clubs; read, reading; volunteer, volunt-eers; ban, ban-ned; harass, harass-ment; ad,
  // ads, unless ``strict``), not a misspelling (burn, burnuot; telegram, telegramm).
  var ENDINGS = "(?:s|es|ed|d|e|y|ly|er|ers|eer|eers|ing|ings|ies|ied|al|als|ally|ion|ions|ive|ity|ous|ful|est|ist|" +
    "ists|ism|ate|ates|ated|ise|ize|ment|ments|ent|ents|ence|ances?|ants?|ness|able|ible|ic|ical|ation|ations|ator|" +
    "ators|li|less|iti)";
  var ENDING = new RegExp("^" + ENDINGS + "{1,3}$");
  function isWord(piece, words, strict) {
    if (piece.length < 3) return false;
    if (words[piece] || words[piece.replace(/y$/, "i")]) return true;
    var stem = stemOf(piece, words);
    if (stem.length < (strict ? 3 : Math.min(3, piece.length - 1))) return false;
    var rest = piece.slice(stem.length);
    // a consonant doubled before its ending (ban, banned; plan, planning)
    if (rest.length > 2 && rest[0] === stem[stem.length - 1] && !/[aeiou]/.test(rest[0])) rest = rest.slice(1);
    return ENDING.test(rest);
  }

  // The British spellings of an American one (organize, organise; neighbor, neighbour): the content
  // is written in British English, and a reader may write either.
  function britishSpellings(word) {
    var forms = [];
    [[/iz(e|es|ed|ing|ation|ations|er|ers)$/, "is$1"], [/yz(e|es|ed|ing)$/, "ys$1"], [/or(s|hood|ed|ing|ful)?$/, "our$1"],
      [/ter(s)?$/, "tre$1"], [/og(s)?$/, "ogue$1"], [/ense(s)?$/, "ence$1"]].forEach(function (rule) {
      var form = word.replace(rule[0], rule[1]);
      if (form !== word && word.length > 4) forms.push(form);
    });
    return forms;
  }

  // Two words run together ("bookclub"): the split into indexed words with the fewest pieces.
  function splitLetters(token, words) {
    var best = [[]];
    for (var end = 3; end <= token.length; end++) {
      for (var start = 0; start <= end - 3; start++) {
        if (!best[start] || end - start === token.length || !isWord(token.slice(start, end), words, true)) continue;
        var pieces = best[start].concat([token.slice(start, end)]);
        if (!best[end] || pieces.length < best[end].length) best[end] = pieces;
      }
    }
    var found = best[token.length];
    return found && found.length > 1 ? found : null;
  }

  // A word the index lacks, spelt one letter off (two, in a long word) from one it holds: that one;
  // or its stem, for a word with an ending (harrassment, harass).
  // { word, shown }: the word to look up, and as the reader is shown it (the stem with its ending).
  function respelt(token, words) {
    var found = respeltWord(token, words);
    if (found) return { word: found, shown: found };
    var ending = /(ments?|ings?|ations?|ions?|ness|ers?|ed|es|s|ly)$/.exec(token);
    found = ending && token.length - ending[0].length >= 4 ? respeltWord(token.slice(0, -ending[0].length), words) : null;
    return found ? { word: found, shown: found + ending[0] } : null;
  }

  function respeltWord(token, words) {
    if (token.length < 4) return null;
    var most = token.length >= 8 ? 2 : 1;
    var found = null;
    Object.keys(words).forEach(function (w) {
      if (Math.abs(w.length - token.length) > most || w[0] !== token[0]) return;
      var d = distance(token, w, most);
      // the nearest; of two as near, the one the word starts with (a key pressed once too often), or the commoner
      var start = token.lastIndexOf(w, 0) === 0;
      if (d <= most && (!found || d < found.d || (d === found.d && (start > found.start ||
          (start === found.start && words[w] > words[found.w]))))) found = { w: w, d: d, start: start };
    });
    return found ? found.w : null;
  }

  function distance(a, b, most) {  // Damerau-Levenshtein (adjacent swaps), given up past ``most``
    var rows = [];
    for (var i = 0; i <= a.length; i++) {
      rows[i] = [i];
      var low = i;
      for (var j = 1; j <= b.length; j++) {
        if (i === 0) { rows[0][j] = j; continue; }
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
        rows[i][j] = d;
        if (d < low) low = d;
      }
      if (i > 0 && low > most) return most + 1;
    }
    return rows[a.length][b.length];
  }

  // The query read as the index's words: { text, terms, phrases, missing, spellings, respelt, common,
  // apart }: the query folded; the words to look up; the runs of them typed together; the words the
  // index holds nothing like (Pagefind would look up the longest word they start with, "x" for
  // "xyzzy"); the spellings each word of letters is looked up in (neighbor, neighbour); the words
  // looked up when one typed was read as another or as two ("discord" for "discrod"); whether it held
  // nothing to look up ("common": filler words only, or a Chinese character found on most pages;
  // "short": one letter); and whether it may
  // be read again ``apart``, its long words taken apart where they are two run together ("bookclub"
  // is a word of a project page too, so a first reading finds no entry).
  function readQuery(query, index, apart) {
    return index.info().then(function (info) {
      var text = folded(query, info);
      var tokens = [];
      text.split(SEARCH_SPLIT).forEach(function (token) {
        (token.match(/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g) || [])
          .forEach(function (run) { tokens.push(run); });
      });
      // how the words a query needs start: each Chinese character (a word may start at any), the
      // first two letters of any other word (the index files words by them: see adapters/search.py)
      var first = [];
      var add = function (list, start) { if (list.indexOf(start) === -1) list.push(start); };
      tokens.forEach(function (token) {
        if (HAN.test(token)) Array.from(token).forEach(function (char) { add(first, char); });
        else if (token.length > 1) add(first, token.slice(0, 2));
      });
      return index.startingWith(first).then(function (words) {
        // a word of letters the index does not hold, or, read ``apart``, any word that may be two run together
        var unknown = tokens.filter(function (token) {
          if (HAN.test(token) || /^\d+$/.test(token) || token.length < 2) return false;
          return apart ? token.length >= 6 : !wordsStarting(token, words).length && !isWord(token, words);
        });
        var more = [];  // for those, the words starting anywhere in them: two words run together
        unknown.forEach(function (token) {
          for (var i = 0; i + 1 < token.length; i++) add(more, token.slice(i, i + 2));
        });
        return (more.length ? index.startingWith(first.concat(more)) : Promise.resolve(words)).then(function (all) {
          var pieces = [];
          var phrases = [];  // words the reader typed together, split here
          var missing = [];  // words the index holds nothing like
          var respelling = false;  // a word read as another, or as two
          var spellings = {};  // a word and its other spellings, each looked up
          var shownAs = {};  // a respelt stem as the reader is shown it
          tokens.forEach(function (token) {
            var split = HAN.test(token) ? splitHan(token, all) : apart ? splitLetters(token, all) : null;
            if (split && !HAN.test(token)) respelling = true;
            if (split && HAN.test(token)) {  // a character no word of the index starts with is found nowhere
              split = split.filter(function (piece) {
                var found = all[piece] || wordsStarting(piece, all).length;
                if (!found) missing.push(piece);
                return found;
              });
            }
            if (!split) {
              // a word of the index; or an American spelling of one (organize, organise): looked up in
              // both spellings below, and not a misspelling to tell the reader about
              if (/^\d+$/.test(token) || token.length < 2 || wordsStarting(token, all).length || isWord(token, all) ||
                  britishSpellings(token).some(function (form) { return isWord(form, all); })) {
                split = [token];
              }
              else {
                // two words run together; else one letter off (two in a long word) a word of the
                // index; else a word the index holds the start of, which Pagefind finds by its stem
                // (monetization, monetis-); else nothing like it
                var near = respelt(token, all);
                var start = token.length >= 6 ? token.slice(0, Math.max(5, Math.ceil(token.length * 0.4))) : "";
                split = splitLetters(token, all) || (near ? [near.word] : start && wordsStarting(start, all).length ? [token] : []);
                if (!split.length) missing.push(token);
                else if (split[0] !== token) respelling = true;
                if (near && split[0] === near.word) shownAs[near.word] = near.shown;
              }
            }
            pieces = pieces.concat(split);
            if (split.length > 1) phrases.push(split);
            if (split.length === 1 && !HAN.test(token)) spellings[split[0]] = [split[0]].concat(britishSpellings(split[0]));
          });
          var terms = pieces.filter(function (piece, i) {
            return info.fillers.indexOf(piece) === -1 && pieces.indexOf(piece) === i;
          });
          // beside a word found nowhere, words on most pages ("群" of "囧群") find nothing worth listing
          if (missing.length && terms.every(function (term) { return (all[term] || 0) * 2 >= info.pages; })) terms = [];
          var bare = text.replace(/\s+/g, "");
          var alone = Array.from(bare).length === 1 &&
            (!HAN.test(bare) || (all[bare] || 0) * 2 >= info.pages);
          // what the reader is told the query was read as, when that is not what they typed
          var said = respelling && !alone ? terms.map(function (term) { return shownAs[term] || term; }).join(" ") : "";
          var typed = tokens.filter(function (token) { return info.fillers.indexOf(token) === -1; }).join(" ");
          return { text: text, terms: alone ? [] : terms, phrases: phrases, missing: missing, spellings: spellings,
                   respelt: said !== typed ? said : "",
                   common: alone && !HAN.test(bare) ? "short" : alone || (!terms.length && !missing.length) ? "common" : "",
                   apart: !apart && tokens.some(function (token) { return !HAN.test(token) && token.length >= 6; }) };
        });
      });
    });
  }

  function initSearch() {
    var dialog = document.getElementById("cp-search");
    var opener = document.querySelector(".cp-search-open");
    if (!dialog || !opener) return;
    var input = dialog.querySelector("input");
    var status = dialog.querySelector(".cp-search__status");
    var kindsBox = dialog.querySelector(".cp-search__kinds");
    var list = dialog.querySelector(".cp-search__results");
    var help = dialog.querySelector(".cp-search__help");
    var closestBox = dialog.querySelector(".cp-search__closest");
    var texts = strings("cp-search-words");
    var base = new URL(dialog.dataset.cpIndex, location.href);
    var words = indexWords(new URL("cp/", base).href);
    var index = null;
    var kindNames = null;  // the kinds pages are filed under
    var kindsByWord = {};  // a word -> the ids of the pages holding it, by kind
    var next = latest();
    var shown = null;  // what the list shows: { query, results, partial, respelt, kindOf }
    var chosenKind = "";

    function load() {
      if (!index) {
        index = Promise.all([import(base.href), words.info()]).then(function (loaded) {
          var pagefind = loaded[0];
          // Pagefind takes the page's language from <html lang>, and with Chinese it would split the
          // words it is given again: it is started without one, and given the words found here.
          var root = document.documentElement;
          var lang = root.getAttribute("lang");
          root.setAttribute("lang", "und");
          try { pagefind.init(); } finally { root.setAttribute("lang", lang); }
          // results link from this language's root, wherever the site is served
          return pagefind.options({ baseUrl: siteRoot().pathname, excerptLength: 22 }).then(function () { return pagefind; });
        });
        index.catch(function () { index = null; }); // try again next time, not the failure
      }
      return index;
    }

    // The kind of every page a reading can find (the filter the build gave each page): each word
    // looked up again for each kind, in the index fragments its first lookup fetched. (A search by
    // the filter alone would fetch the whole index: 230 KB at 24 playbooks, a megabyte at 1,000.)
    function kindsFor(pagefind, reading) {
      if (!kindNames) {
        kindNames = pagefind.filters().then(function (filters) { return Object.keys((filters && filters.kind) || {}); });
        kindNames.catch(function () { kindNames = null; });
      }
      var forms = [];
      reading.terms.forEach(function (term) {
        ((reading.spellings && reading.spellings[term]) || [term]).forEach(function (form) {
          if (forms.indexOf(form) === -1) forms.push(form);
        });
      });
      return kindNames.then(function (names) {
        return Promise.all(forms.map(function (form) {
          if (!kindsByWord[form]) {
            kindsByWord[form] = Promise.all(names.map(function (kind) {
              return pagefind.search(form, { filters: { kind: kind } }).then(function (found) {
                return [kind, found.results.map(function (r) { return r.id; })];
              });
            }));
            kindsByWord[form].catch(function () { delete kindsByWord[form]; });
          }
          return kindsByWord[form];
        }));
      }).then(function (byWord) {
        var map = {};
        byWord.forEach(function (lists) {
          lists.forEach(function (pair) { pair[1].forEach(function (id) { map[id] = pair[0]; }); });
        });
        return map;
      });
    }

    function open(event) {
      if (event) event.preventDefault();
      if (typeof dialog.showModal === "function") { if (!dialog.open) dialog.showModal(); }
      else dialog.setAttribute("open", "");
      input.focus();
      input.select();
      load().catch(function () { status.textContent = texts.failed; });
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

    // A reader who types two words means both, and in a longer query all of them but one: the pages
    // holding that many, best first; only when no page does, the pages holding the most words. Each
    // word is looked up on its own (ids and scores only: no page is fetched), and a page's score is
    // the sum of its words' scores. Characters typed together ("建群", which the index holds as 建
    // and 群) rank the pages holding them together first.
    function find(pagefind, reading) {
      var terms = reading.terms;
      if (!terms.length) return Promise.resolve({ results: [], partial: true });
      var phrases = reading.phrases.filter(function (phrase) { return phrase.length > 1; });
      function lookUp(term) {  // a word in each of its spellings: the pages holding any, at their best score
        var forms = (reading.spellings && reading.spellings[term]) || [term];
        if (forms.length === 1) return pagefind.search(term);
        return Promise.all(forms.map(function (form) { return pagefind.search(form); })).then(function (each) {
          var best = {};
          each.forEach(function (found) {
            found.results.forEach(function (r) { if (!best[r.id] || best[r.id].score < r.score) best[r.id] = r; });
          });
          return { results: Object.keys(best).map(function (id) { return best[id]; }) };
        });
      }
      // characters typed together: the pages holding the words together, and those whose title or
      // other name starts with those characters (a title is one word of the index: 活动没人来)
      var runs = phrases.filter(function (phrase) { return HAN.test(phrase[0]); }).map(function (phrase) {
        return pagefind.search(phrase.join("")).then(function (found) {
          return { results: found.results.filter(function (r) { return r.matchedMetaFields && r.matchedMetaFields.length; }) };
        });
      });
      return Promise.all(terms.map(lookUp).concat(phrases.map(function (phrase) {
        return pagefind.search("\"" + phrase.join(" ") + "\"");
      }), runs)).then(function (each) {
        var pages = {};
        each.slice(0, terms.length).forEach(function (found) {
          found.results.forEach(function (r) {
            var page = pages[r.id] || (pages[r.id] = { result: r, terms: 0, score: 0, together: 0 });
            page.terms += 1;
            page.score += r.score;
          });
        });
        each.slice(terms.length).forEach(function (found) {
          found.results.forEach(function (r) { if (pages[r.id]) pages[r.id].together += 1; });
        });
        var all = Object.keys(pages).map(function (id) { return pages[id]; });
        var most = all.reduce(function (m, page) { return Math.max(m, page.terms); }, 0);
        var enough = terms.length > 2 ? terms.length - 1 : terms.length;
        var kept = all.filter(function (page) { return page.terms >= Math.min(enough, most); });
        kept.sort(function (a, b) {
          return b.together - a.together || b.score - a.score;
        });
        return { results: kept.map(function (page) { return page.result; }),
                 partial: most < terms.length || reading.missing.length > 0 };
      });
    }

    // Entries first (playbooks, pitfalls, rituals, stages, guides, platforms), then the pages that
    // help readers use the site; pages about the project only when nothing else matches, or asked for.
    function arranged(results, kindOf, kind) {
      var counts = {};
      results.forEach(function (r) {
        var k = kindOf[r.id] || "help";
        counts[k] = (counts[k] || 0) + 1;
      });
      var pick = function (wanted) { return results.filter(function (r) { return wanted.indexOf(kindOf[r.id] || "help") !== -1; }); };
      var order = kind && counts[kind] ? pick([kind]) : pick(ENTRY_KINDS).concat(pick(["help"]));
      if (!order.length) order = pick(["project"]);
      return { list: order, counts: counts, kind: kind && counts[kind] ? kind : "" };
    }

    function showKinds(counts, kind) {
      kindsBox.textContent = "";
      var present = KIND_ORDER.filter(function (k) { return counts[k]; });
      var everything = ENTRY_KINDS.concat(["help"]).reduce(function (n, k) { return n + (counts[k] || 0); }, 0) ||
        counts.project || 0;
      kindsBox.hidden = present.length < 2;
      if (kindsBox.hidden) return;
      kindsBox.appendChild(el("legend", { "class": "cp-visually-hidden", text: texts.kinds }));
      [""].concat(present).forEach(function (k) {
        var choice = el("input", { type: "radio", name: "cp-search-kind", value: k, "class": "cp-visually-hidden" });
        choice.checked = k === kind;
        kindsBox.appendChild(el("label", { "class": "cp-search__kind" + (k === kind ? " cp-search__kind--chosen" : "") }, [choice,
          el("span", { text: k ? texts["kind_" + k] : texts.all }), " ",
          el("span", { "class": "cp-search__n", text: String(k ? counts[k] : everything) })]));
      });
    }

    function render(current) {
      var view = arranged(shown.results, shown.kindOf, chosenKind);
      showKinds(view.counts, view.kind);
      return Promise.all(view.list.slice(0, SHOWN).map(function (r) { return r.data(); })).then(function (pages) {
        if (!current()) return;
        list.textContent = "";
        pages.forEach(function (page) { list.appendChild(result(page)); });
        status.textContent = sentences([shown.respelt ? format(texts.respelt, { query: shown.respelt }) : "",
          shown.partial ? texts.some : "", format(view.list.length === 1 ? texts.count_one : texts.count,
            { n: view.list.length })]);
        list.setAttribute("data-cp-query", shown.query);  // which query the list answers (tests wait for it)
      });
    }

    // Nothing found: the entries whose title, or another name, holds most of the query, leaving out
    // what a fifth of the entries hold (群, "ro"), which tells none apart.
    function closest(query) {
      return words.titles().then(function (titles) {
        var entries = titles.map(function (entry) {
          var names = [entry[1]].concat(entry[2] ? entry[2].split(" ") : []).map(grams);
          var all = {};
          names.forEach(function (name) { Object.keys(name).forEach(function (g) { all[g] = true; }); });
          return { url: new URL(entry[0].replace(/^\//, ""), siteRoot()).href, title: entry[1], names: names, all: all };
        });
        var asked = grams(query);
        var telling = {};
        Object.keys(asked).forEach(function (g) {
          var holding = entries.filter(function (entry) { return entry.all[g]; }).length;
          if (holding * 5 <= entries.length) telling[g] = true;
        });
        return entries.map(function (entry) {
          var best = entry.names.reduce(function (m, name) { return Math.max(m, likeness(telling, name)); }, 0);
          return { url: entry.url, title: entry.title, likeness: best };
        }).filter(function (c) { return c.likeness >= 0.5; }).sort(function (a, b) {
          return b.likeness - a.likeness;
        }).slice(0, 5);
      });
    }

    // What a name and a query are compared by: each Chinese character and pair of characters, and
    // each pair and three of letters, as search reads them (spaces and punctuation left out).
    function grams(text) {
      var chars = Array.from(text.normalize("NFKC").toLowerCase()).filter(function (c) { return !SEARCH_SPLIT.test(c); });
      var out = {};
      chars.forEach(function (c, i) {
        if (HAN.test(c)) out[c] = true;
        if (i) out[chars[i - 1] + c] = true;
        if (i > 1 && !HAN.test(c)) out[chars[i - 2] + chars[i - 1] + c] = true;
      });
      return out;
    }

    function likeness(query, name) {  // how much of the query the name holds
      var keys = Object.keys(query);
      return keys.length ? keys.filter(function (k) { return name[k]; }).length / keys.length : 0;
    }

    function nothing(query, message, candidates) {
      list.textContent = "";
      kindsBox.hidden = true;
      kindsBox.textContent = "";
      closestBox.textContent = "";
      (candidates || []).forEach(function (c) {
        closestBox.appendChild(el("li", {}, [el("a", { href: c.url, text: c.title })]));
      });
      closestBox.hidden = !closestBox.children.length;
      closestBox.previousElementSibling.hidden = closestBox.hidden;
      help.hidden = false;
      status.textContent = message;
      list.setAttribute("data-cp-query", query);
    }

    function withEntries(found, kindOf) {
      return found.results.some(function (r) { return ENTRY_KINDS.indexOf(kindOf[r.id]) !== -1; });
    }

    // What a query comes to: nothing to look up ({ common }: "common" or "short", the words to say so),
    // nothing found ({ closest }: the closest entries by title), or the pages found ({ found, kindOf }:
    // with every page's kind).
    function answer(pagefind, query) {
      return readQuery(query, words).then(function (reading) {
        if (reading.common) return { common: reading.common };
        return find(pagefind, reading).then(function (found) {
          found.respelt = reading.respelt;
          return kindsFor(pagefind, reading).then(function (kindOf) {
            if (withEntries(found, kindOf) || !reading.apart) return { found: found, kindOf: kindOf };
            return readQuery(query, words, true).then(function (apart) {
              return find(pagefind, apart).then(function (other) {
                other.respelt = apart.respelt;
                return kindsFor(pagefind, apart).then(function (otherKinds) {
                  return withEntries(other, otherKinds) ? { found: other, kindOf: otherKinds } : { found: found, kindOf: kindOf };
                });
              });
            });
          });
        }).then(function (answered) {
          if (answered.found.results.length) return answered;
          return closest(reading.text).then(function (candidates) { return { closest: candidates }; });
        });
      });
    }

    function run() {
      var current = next();
      var query = input.value.trim();
      help.hidden = true;
      closestBox.textContent = "";
      if (!query) {
        list.textContent = "";
        status.textContent = "";
        kindsBox.hidden = true;
        shown = null;
        return;
      }
      status.textContent = texts.loading;
      load().then(function (pagefind) { return answer(pagefind, query); }).then(function (answered) {
        if (!current()) return null;
        if (answered.common) return nothing(query, format(texts[answered.common], { query: query }));
        if (answered.closest) return nothing(query, format(texts.none, { query: query }), answered.closest);
        var found = answered.found;
        shown = { query: query, results: found.results, partial: found.partial, respelt: found.respelt,
                  kindOf: answered.kindOf };
        return render(current);
      }).catch(function () {
        if (current()) status.textContent = texts.failed;
      });
    }

    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 120);
    });
    kindsBox.addEventListener("change", function (event) {
      chosenKind = event.target.value;
      if (shown) render(next()).catch(function () { status.textContent = texts.failed; });
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
    dialog.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest(".cp-search__results a, .cp-search__help a")) hide();
      else if (event.target === dialog) hide();  // a tap outside the panel closes it
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
