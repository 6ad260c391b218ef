/*
 * Community Playbooks: the interactive parts of the pages.
 *
 * Every page works without this script; it adds ticking with memory, progress, reset
 * and print buttons, the filters of the playbook index, the symptom finder, the
 * comparison and the checklist builder. Data is placed with textContent, never as HTML.
 * Choices that a reader may want to share live in the URL's query string.
 */
(function () {
  "use strict";

  var STORE_PREFIX = "cp:ticks:";

  /* --- small helpers ---------------------------------------------------------------- */

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) {
      if (child) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
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
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  function setQuery(params) {
    var url = new URL(location.href);
    url.search = params.toString();
    history.replaceState(null, "", url);
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
      saveTicks(button.dataset.cpPlaybook, []);
      refreshChecklists();
    });
    all("button.cp-reset").forEach(function (button) { button.hidden = false; });
    window.addEventListener("storage", function (event) {
      if (event.key && event.key.indexOf(STORE_PREFIX) === 0) refreshChecklists();
    });
    refreshChecklists();
  }

  function initPrintButtons() {
    all("button.cp-print").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  /* --- the playbook index: filters kept in the URL ------------------------------------ */

  function initIndexFilter() {
    var form = document.querySelector("form[data-cp-filter=playbooks]");
    var table = document.querySelector("table[data-cp-filtered=playbooks]");
    if (!form || !table) return;
    var rows = all("tbody tr", table);
    var count = form.querySelector("output");
    var params = new URLSearchParams(location.search);
    all("select, input", form).forEach(function (field) {
      if (params.has(field.name)) field.value = params.get(field.name);
    });

    function apply() {
      var chosen = new URLSearchParams();
      all("select, input", form).forEach(function (field) {
        if (field.value) chosen.set(field.name, field.value);
      });
      var size = members(chosen.get("size"));
      var shown = 0;
      rows.forEach(function (row) {
        var d = row.dataset;
        var match = (!chosen.get("type") || d.type === chosen.get("type")) &&
          (!chosen.get("threshold") || d.threshold === chosen.get("threshold")) &&
          (!chosen.get("platform") || d.platforms.split(" ").indexOf(chosen.get("platform")) !== -1) &&
          (!chosen.get("stage") || d.stages.split(" ").indexOf(chosen.get("stage")) !== -1) &&
          (size === null || (size >= Number(d.sizeMin) && size <= Number(d.sizeMax)));
        row.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = shown + " / " + rows.length;
      setQuery(chosen);
    }

    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
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
    var chosen = (new URLSearchParams(location.search).get("signs") || "").split(",");
    all("input[name=sign]", form).forEach(function (box) { box.checked = chosen.indexOf(box.value) !== -1; });

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
      var params = new URLSearchParams();
      if (signs.length) params.set("signs", signs.join(","));
      setQuery(params);
    }

    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.hidden = false;
    results.hidden = false;
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
      ["platforms", function (v) { return v.platforms.join(", "); }],
      ["purpose", function (v) { return v.purpose; }],
      ["for_others", function (v) { return v.for_others; }],
      ["for_ourselves", function (v) { return v.for_ourselves; }],
      ["threshold", function (v) { return el("div", {}, [el("strong", { text: v.threshold }), list(v.criteria)]); }],
      ["rituals", function (v) {
        return list(v.rituals.map(function (r) { return el("span", {}, [link(r.title, r.url), " — " + r.cadence]); }));
      }],
      ["levels", function (v) { return v.levels.join(" → "); }],
      ["roles", function (v) { return v.roles.join(", "); }],
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
      Promise.all(ids.map(playbookView)).then(function (chosenViews) {
        if (!current()) return;
        var head = el("tr", {}, [el("th", { scope: "col", text: labels.playbook })].concat(chosenViews.map(function (v) {
          return el("th", { scope: "col" }, [link(v.title, v.url)]);
        })));
        var body = ROWS.map(function (row) {
          return el("tr", {}, [el("th", { scope: "row", text: labels[row[0]] })].concat(chosenViews.map(function (v) {
            var value = row[1](v);
            return el("td", {}, [value]);
          })));
        });
        out.textContent = "";
        out.appendChild(el("div", { "class": "cp-table-wrap" }, [
          el("table", { "class": "cp-compare-table" }, [el("thead", {}, [head]), el("tbody", {}, body)])
        ]));
      }).catch(function () {
        if (current()) failure(out, labels.load_failed);
      });
    }

    form.addEventListener("change", render);
    form.hidden = false;
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
      playbookView(id).then(function (view) {
        if (!current()) return;
        out.textContent = "";
        out.appendChild(el("h2", {}, [link(view.title, view.url), " — " + labels.checklists]));
        if (described.length) out.appendChild(el("p", { "class": "cp-tailoring", text: format(labels.tailored_for, { situation: described.join(labels.list_separator) }) }));
        var any = false;
        view.checklist.forEach(function (phase) {
          var items = phase.items.filter(function (item) { return applies(item["if"], situation); });
          if (!items.length) return;
          any = true;
          out.appendChild(el("h3", { id: view.id + "--" + phase.phase, text: phase.label }));
          out.appendChild(el("p", { "class": "cp-progress", "data-cp-playbook": view.id, "data-cp-phase": phase.phase, "aria-live": "polite", hidden: "" }));
          out.appendChild(el("ul", { "class": "cp-list" }, items.map(function (item) {
            var meta = labels.when + labels.separator + item.when + " · " + labels.owner + labels.separator + item.owner +
              (item.only_for ? " · " + labels.only_for + " " + item.only_for : "");
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
        if (current()) failure(out, labels.load_failed);
      });
    }

    form.addEventListener("change", render);
    form.addEventListener("input", function (event) { if (event.target.name === "size") render(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
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

    function run() {
      var current = next();
      var query = input.value.trim();
      if (!query) { list.textContent = ""; status.textContent = ""; return; }
      status.textContent = texts.cpLoading;
      load().then(function (pagefind) { return pagefind.search(query); }).then(function (search) {
        return Promise.all(search.results.slice(0, 10).map(function (r) { return r.data(); })).then(function (pages) {
          if (!current()) return;
          list.textContent = "";
          pages.forEach(function (page) { list.appendChild(result(page)); });
          status.textContent = search.results.length ? format(texts.cpCount, { n: search.results.length }) : texts.cpNone;
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
    initSearch();
    initChecklists();
    initPrintButtons();
    initIndexFilter();
    initSymptomFinder();
    initCompare();
    initBuilder();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
