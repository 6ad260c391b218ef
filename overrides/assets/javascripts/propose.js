/*
 * Community Playbooks: the Propose page's form (loaded on that page only).
 *
 * The form is drawn from the fields the build made of the JSON Schemas (api/form.json, named
 * by the form's data-cp-propose): names, help, examples, limits, choices. It checks what the reader writes
 * as they type, with the schema's limits and the rule book's text lengths, and shows each
 * problem beside its field. A draft is kept in the browser until the reader starts over; where
 * the browser refuses storage, the page says so. Sending opens a GitHub issue form with the
 * proposal in its fields (or, when that would make the link too long, copies the proposal and
 * opens the empty form). Text is placed with textContent and values, never as HTML.
 *
 * The syntax stays within what Chromium 78 and Safari 13 read (tests/site/test_in_app.py).
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-cp-propose]");
  if (!root) return;
  // the form's fields and choices, made from the schemas by the build (api/form.json)
  fetch(root.getAttribute("data-cp-propose")).then(function (response) {
    if (!response.ok) throw new Error(response.status);
    return response.json();
  }).then(run, function () {
    root.textContent = "";
    var failed = root.appendChild(document.createElement("p"));
    failed.className = "cp-note";
    failed.setAttribute("role", "alert");
    failed.textContent = root.getAttribute("data-cp-failed") || "";
    root.removeAttribute("aria-busy");
  });

  function run(spec) {
    var S = spec.strings;
    var LANGS = spec.languages.map(function (l) { return l.code; });
    var LANG_NAMES = {};
    spec.languages.forEach(function (l) { LANG_NAMES[l.code] = l.name; });
    var IN_APP = /MicroMessenger|wxwork|\bQQ\/\d|DingTalk|Weibo|AlipayClient|Lark\/|Feishu/i.test(navigator.userAgent);
    var EDITABLE = /^(playbooks|pitfalls|rituals|guides)\/[a-z0-9]+(-[a-z0-9]+)*$/;
    var PREFIX = "cp:propose:";

    /* --- small helpers ---------------------------------------------------------------- */

    function el(tag, attrs, children) {
      var node = document.createElement(tag);
      Object.keys(attrs || {}).forEach(function (key) {
        var value = attrs[key];
        if (value === null || value === undefined || value === false) return;
        if (key === "text") node.textContent = value;
        else if (key === "value") node.value = value;
        else node.setAttribute(key, value === true ? "" : value);
      });
      (children || []).forEach(function (child) {
        if (child) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      });
      return node;
    }

    function fmt(key, values) {
      return String(S[key] || key).replace(/\{(\w+)\}/g, function (_, name) {
        return values && values[name] !== undefined ? values[name] : "";
      });
    }

    function chars(text) { return Array.from(text).length; }

    function kindOf(section) {
      return Object.keys(spec.kinds).filter(function (k) { return spec.kinds[k].section === section; })[0];
    }

    /* --- storage that may be refused ------------------------------------------------------ */

    var storage = (function () {
      try {
        window.localStorage.setItem(PREFIX + "probe", "1");
        window.localStorage.removeItem(PREFIX + "probe");
        return window.localStorage;
      } catch (e) { return null; }
    }());

    function loadDraft(key) {
      if (!storage) return null;
      try {
        var draft = JSON.parse(storage.getItem(PREFIX + key) || "null");
        return draft && draft.v === 1 && typeof draft.values === "object" ? draft : null;
      } catch (e) { return null; }
    }

    function saveDraft(key, draft) {
      if (!storage) return false;
      try {
        if (draft === null) storage.removeItem(PREFIX + key);
        else storage.setItem(PREFIX + key, JSON.stringify(draft));
        return true;
      } catch (e) { storage = null; return false; }
    }

    /* --- values: the form's own shape, and the file's --------------------------------- */

    // The form keeps every field it shows, empty or not; the file holds only what was written.
    function empty(node) {
      switch (node.type) {
        case "text": return node.single ? { en: "", zh: "" } : { en: "", zh: "" };
        case "words": return { en: "", zh: "" };
        case "choices": return [];
        case "list": {
          var items = [];
          for (var i = 0; i < (node.min || 0); i++) items.push(empty(node.item));
          return items;
        }
        case "map": return [];
        case "object": {
          var value = {};
          node.fields.forEach(function (f) { value[f.name] = fieldStart(f); });
          return value;
        }
        default: return "";
      }
    }

    // an optional group of fields starts closed (null): "Add ..." opens it
    function fieldStart(field) {
      return field.type === "object" && !field.required ? null : empty(field);
    }

    function fromFile(node, data) {
      if (data === undefined || data === null) return node.type === "object" ? null : empty(node);
      switch (node.type) {
        case "text": {
          if (typeof data === "string") return { "": data };
          var text = { en: "", zh: "" };
          Object.keys(data).forEach(function (lang) { text[lang] = String(data[lang]); });
          return text;
        }
        case "words": {
          var words = { en: "", zh: "" };
          Object.keys(data).forEach(function (lang) { words[lang] = data[lang].join(lang === "zh" ? "、" : ", "); });
          return words;
        }
        case "choices": return data.slice();
        case "list": return data.map(function (item) { return fromFile(node.item, item); });
        case "map": return Object.keys(data).map(function (key) {
          return { key: key, value: fromFile(node.value, data[key]) };
        });
        case "object": {
          if (node.short && typeof data === "string") data = (function () { var o = {}; o[node.short] = data; return o; }());
          var value = {};
          node.fields.forEach(function (f) {
            value[f.name] = data[f.name] === undefined ? fieldStart(f) : fromFile(f, data[f.name]);
          });
          return value;
        }
        case "number": return String(data);
        default: return String(data);
      }
    }

    function splitWords(text, lang) {
      return text.split(lang === "zh" ? /[,，、;；\n]/ : /[,;\n]/).map(function (w) { return w.trim(); })
        .filter(function (w) { return w; });
    }

    function slug(text) {
      return (text || "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").split("-")
        .slice(0, 5).join("-");
    }

    // The file's data from the form's values; undefined for what is left empty.
    function toFile(node, value, ctx) {
      if (value === null || value === undefined) return undefined;
      switch (node.type) {
        case "text": {
          if (Object.prototype.hasOwnProperty.call(value, "")) {
            var one = value[""].trim();
            return one ? one : undefined;
          }
          var out = {};
          LANGS.forEach(function (lang) {
            var written = (value[lang] || "").trim();
            if (written) out[lang] = written;
          });
          return Object.keys(out).length ? out : undefined;
        }
        case "words": {
          var words = {};
          LANGS.forEach(function (lang) {
            var list = splitWords(value[lang] || "", lang);
            if (list.length) words[lang] = list;
          });
          return Object.keys(words).length ? words : undefined;
        }
        case "choices": return value.length ? value.slice() : undefined;
        case "list": {
          var items = value.map(function (item) { return toFile(node.item, item, ctx); })
            .filter(function (item) { return item !== undefined; });
          return items.length ? items : undefined;
        }
        case "map": {
          var map = {};
          value.forEach(function (pair) {
            var written = toFile(node.value, pair.value, ctx);
            if (pair.key && written !== undefined) map[pair.key] = written;
          });
          return Object.keys(map).length ? map : undefined;
        }
        case "object": {
          var data = {};
          node.fields.forEach(function (f) {
            var written = toFile(f, value[f.name], ctx);
            if (f.auto && written === undefined && ctx) written = ctx.autoId(value);
            if (written !== undefined) data[f.name] = written;
          });
          var keys = Object.keys(data);
          if (!keys.length) return undefined;
          if (node.short && keys.length === 1 && keys[0] === node.short) return data[node.short];
          return data;
        }
        case "number": {
          var number = value.trim();
          return number === "" || isNaN(Number(number)) ? (number || undefined) : Number(number);
        }
        default: {
          var text2 = String(value).trim();
          return text2 || undefined;
        }
      }
    }

    // the ids the form makes for checklist items left without one: from the English text, unique
    function idMaker(taken) {
      var used = {};
      taken.forEach(function (id) { used[id] = true; });
      return function (item) {
        var base = slug(item.text && (item.text.en || item.text[""])) || "item";
        var id = base;
        for (var n = 2; used[id]; n++) id = base + "-" + n;
        used[id] = true;
        return id;
      };
    }

    function writtenIds(fields, value, found) {
      fields.forEach(function (f) {
        var v = value ? value[f.name] : null;
        if (!v) return;
        if (f.auto && typeof v === "string" && v.trim()) found.push(v.trim());
        if (f.type === "object") writtenIds(f.fields, v, found);
        if (f.type === "list" && f.item.type === "object") v.forEach(function (item) { writtenIds(f.item.fields, item, found); });
      });
      return found;
    }

    /* --- YAML, as the entries' files are written ---------------------------------------- */

    var PLAIN = /^(?:[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)?|\d{4}-\d{2}-\d{2})$/;
    var YAML_WORDS = /^(?:y|n|yes|no|on|off|true|false|null)$/;
    var UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/;

    function quote(text) {
      return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, function (c) {
        return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4);
      });
    }

    function scalar(value) {
      if (typeof value === "number") return String(value);
      if (PLAIN.test(value) && !YAML_WORDS.test(value)) return value;
      return quote(value);
    }

    function block(text) {  // a literal block for texts of several lines, kept exactly
      return text.indexOf("\n") > 0 && !UNSAFE.test(text) && !/\r|^[ \t]|[ \t]\n|\n\n*[ \t]|\s$/.test(text);
    }

    function emit(value, indent, lines) {
      var pad = new Array(indent + 1).join(" ");
      Object.keys(value).forEach(function (key) {
        var v = value[key];
        if (Array.isArray(v)) {
          lines.push(pad + key + ":");
          v.forEach(function (item) {
            if (item !== null && typeof item === "object") {
              var inner = [];
              emit(item, indent + 4, inner);
              inner[0] = pad + "  - " + inner[0].slice(indent + 4);
              Array.prototype.push.apply(lines, inner);
            } else if (typeof item === "string" && block(item)) {
              lines.push(pad + "  - |-");
              item.split("\n").forEach(function (line) { lines.push(line ? pad + "      " + line : ""); });
            } else {
              lines.push(pad + "  - " + scalar(item));
            }
          });
        } else if (v !== null && typeof v === "object") {
          lines.push(pad + key + ":");
          emit(v, indent + 2, lines);
        } else if (typeof v === "string" && block(v)) {
          lines.push(pad + key + ": |-");
          v.split("\n").forEach(function (line) { lines.push(line ? pad + "  " + line : ""); });
        } else {
          lines.push(pad + key + ": " + scalar(v));
        }
      });
      return lines;
    }

    function yamlFile(kind, data) {
      return spec.kinds[kind].schema_line + "\n" + emit(data, 0, []).join("\n") + "\n";
    }

    /* --- checks, with the schema's limits ---------------------------------------------- */

    function isBlank(node, value) {
      if (value === null || value === undefined) return true;
      return toFile(node, value, null) === undefined;
    }

    function check(node, value, path, out, state, label) {
      switch (node.type) {
        case "text": {
          if (Object.prototype.hasOwnProperty.call(value, "")) return;
          var missing = [];
          LANGS.forEach(function (lang) {
            var text = (value[lang] || "").trim();
            if (!text) { missing.push(lang); return; }
            var bounds = node.bounds[lang];
            var n = chars(text);
            if (bounds && n < bounds[0]) out.push([path.concat(lang), label, fmt("too_short", { n: n, min: bounds[0] })]);
            if (bounds && n > bounds[1]) out.push([path.concat(lang), label, fmt("too_long", { n: n, max: bounds[1] })]);
          });
          if (missing.length === LANGS.length) return;  // an empty text: its field says whether it is needed
          if (node.single || !missing.length) return;
          state.counts.texts += 1;
          missing.forEach(function (lang) {
            state.counts[lang] = (state.counts[lang] || 0) + 1;
            state.untranslated.push([path.concat(lang), label, lang]);
          });
          return;
        }
        case "words": {
          LANGS.forEach(function (lang) {
            splitWords(value[lang] || "", lang).forEach(function (word) {
              var n = chars(word), bounds = node.bounds[lang];
              if (n < bounds[0]) out.push([path.concat(lang), label, fmt("too_short", { n: n, min: bounds[0] })]);
              if (n > bounds[1]) out.push([path.concat(lang), label, fmt("too_long", { n: n, max: bounds[1] })]);
            });
          });
          return;
        }
        case "list": case "choices": {
          var written = node.type === "list" ? value.filter(function (item) { return !isBlank(node.item, item); }) : value;
          if (written.length && written.length < node.min) out.push([path, label, fmt("too_few", { min: node.min })]);
          if (node.unique) {
            var seen = {};
            written.forEach(function (item) {
              var key = JSON.stringify(toFile(node.item || { type: "string" }, item, null));
              if (seen[key]) out.push([path, label, fmt("twice")]);
              seen[key] = true;
            });
          }
          if (node.type === "list") {
            value.forEach(function (item, i) {
              if (isBlank(node.item, item)) return;
              var itemLabel = fmt("item", { label: label, n: i + 1 });
              checkValue(node.item, item, path.concat(i), out, state, itemLabel, true);
            });
          }
          return;
        }
        case "map": {
          var keys = {};
          value.forEach(function (pair, i) {
            if (!pair.key && isBlank(node.value, pair.value)) return;
            if (!pair.key) out.push([path.concat(i, "key"), label, fmt("bad_choice")]);
            if (keys[pair.key]) out.push([path.concat(i, "key"), label, fmt("twice")]);
            keys[pair.key] = true;
            checkValue(node.value, pair.value, path.concat(i, "value"), out, state, label, true);
          });
          return;
        }
        case "object": {
          node.fields.forEach(function (f) {
            var v = value[f.name];
            if (v === null) return;
            var blank = isBlank(f, v);
            if (blank && f.required && !f.auto) {
              out.push([path.concat(f.name), fieldLabel(label, f), fmt("required")]);
            } else if (!blank || f.type === "object") {
              check(f, v, path.concat(f.name), out, state, fieldLabel(label, f));
            }
          });
          return;
        }
        case "number": {
          var number = Number(value.trim());
          if (value.trim() === "" ) return;
          if (isNaN(number)) out.push([path, label, fmt("not_number")]);
          else if (node.integer && Math.floor(number) !== number) out.push([path, label, fmt("not_integer")]);
          else if (node.min !== null && node.min !== undefined && number < node.min) out.push([path, label, fmt("too_small", { min: node.min })]);
          else if (node.max !== null && node.max !== undefined && number > node.max) out.push([path, label, fmt("too_large", { max: node.max })]);
          return;
        }
        case "ref": case "string": {
          var text = String(value).trim();
          if (!text) return;
          if (node.pattern && !new RegExp(node.pattern).test(text)) out.push([path, label, fmt(node.message)]);
          else if (node.format === "date" && isNaN(Date.parse(text + "T00:00:00Z"))) out.push([path, label, fmt("bad_date")]);
          else if (node.max_length && chars(text) > node.max_length) out.push([path, label, fmt("too_long", { n: chars(text), max: node.max_length })]);
          if (node.type === "ref" && !(choiceOf(node.to, text))) out.push([path, label, fmt("bad_choice")]);
          return;
        }
        default: return;
      }
    }

    function checkValue(node, value, path, out, state, label, required) {
      if (isBlank(node, value)) {
        if (required) out.push([path, label, fmt("required")]);
        return;
      }
      check(node, value, path, out, state, label);
    }

    function fieldLabel(parent, field) { return parent ? parent + " › " + field.label : field.label; }

    function choiceOf(to, value) {
      return (spec.choices[to] || []).some(function (c) { return c[0] === value; });
    }

    /* --- the state of the page ------------------------------------------------------------- */

    // what the page's address asks for: a new entry, or a change to ?edit=<section>/<id>
    function target() {
      var edit = new URLSearchParams(location.search).get("edit");
      return edit && EDITABLE.test(edit) ? edit : null;
    }

    var state, draftKey;
    function fresh(editing) {
      state = {
        mode: editing ? "edit" : "new",
        target: editing,
        kind: editing ? kindOf(editing.split("/")[0]) : "playbook",
        id: editing ? editing.split("/")[1] : "",
        langs: [spec.lang],
        values: {},
        touched: {},
        open: {},  // optional picks the reader opened while still empty
        showAll: false,
        dirty: false
      };
      draftKey = editing ? "edit:" + editing : "new";
    }
    var refs = {};  // path key -> the field's problem element
    var form = el("form", { "class": "cp-propose__form", novalidate: true, "aria-label": S.title });
    var status = el("p", { "class": "cp-note cp-propose__status", role: "status" });
    var sendArea = el("section", { "class": "cp-propose__send", "aria-labelledby": "cp-propose-check" });

    function kindSpec() { return spec.kinds[state.kind]; }
    function values() {
      if (!state.values[state.kind]) state.values[state.kind] = emptyEntry(state.kind);
      return state.values[state.kind];
    }
    function emptyEntry(kind) {
      var value = empty({ type: "object", fields: spec.kinds[kind].fields });
      if (value.reviewed === "") value.reviewed = spec.today;
      return value;
    }
    function keyOf(path) { return path.join("."); }

    /* --- drawing the form ------------------------------------------------------------------- */

    function problemNode(path) {
      var node = el("p", { "class": "cp-pf__problem", id: "cp-pf-" + keyOf(path).replace(/[^a-z0-9_-]/gi, "-") + "-problem", hidden: true });
      refs[keyOf(path)] = node;
      return node;
    }

    function controlId(path) { return "cp-pf-" + keyOf(path).replace(/[^a-z0-9_-]/gi, "-"); }

    function touch(path) {
      state.touched[keyOf(path)] = true;
      changed();
    }

    function input(path, value, attrs, onValue) {
      var multiline = attrs.rows > 1;
      var node = el(multiline ? "textarea" : "input", Object.assign({
        id: controlId(path), name: keyOf(path), value: value,
        "aria-describedby": controlId(path) + "-problem"
      }, multiline ? {} : { type: attrs.type || "text" }, attrs));
      node.addEventListener("input", function () { onValue(node.value); state.touched[keyOf(path)] = true; changed(); });
      node.addEventListener("change", function () { touch(path); });
      return node;
    }

    function help(field) {
      var parts = [];
      if (field.help) parts.push(el("p", { "class": "cp-pf__help", text: field.help }));
      // an example of a group of fields would be code: its fields give their own
      var example = Array.isArray(field.example) ? field.example.join(spec.lang === "zh" ? "、" : ", ") : field.example;
      if (example !== undefined && example !== "" && typeof example !== "object") {
        parts.push(el("p", { "class": "cp-pf__example", text: fmt("example", { example: example }) }));
      }
      if (field.min > 1) parts.push(el("p", { "class": "cp-pf__help", text: fmt("too_few", { min: field.min }) }));
      return parts;
    }

    function heading(field, path, required) {
      return el("span", { "class": "cp-pf__label" }, [field.label, " ",
        el("span", { "class": "cp-pf__mark", text: required ? S.required_mark : S.optional })]);
    }

    function drawField(field, holder, path, required) {
      var value = holder[field.name];
      var wrap = el("div", { "class": "cp-pf cp-pf--" + field.type, "data-path": keyOf(path) });
      var grouped = ["object", "list", "map", "choices", "words"].indexOf(field.type) >= 0 ||
        (field.type === "text" && shownLangs(value).length > 1);
      if (field.type === "ref" && !required && !value && !state.open[keyOf(path)]) {  // an optional pick, closed
        var pick = el("button", { type: "button", "class": "md-button cp-pf__add", text: fmt("add_field", { label: field.label }) });
        pick.addEventListener("click", function () { state.open[keyOf(path)] = true; redraw(path, path); });
        wrap.appendChild(el("p", {}, [pick]));
        return wrap;
      }
      if (field.type === "object" && value === null) {  // optional group, closed
        var add = el("button", { type: "button", "class": "md-button cp-pf__add", text: fmt("add_field", { label: field.label }) });
        add.addEventListener("click", function () {
          holder[field.name] = empty(field);
          redraw(path);
        });
        wrap.appendChild(el("p", {}, [add]));
        help(field).forEach(function (p) { wrap.appendChild(p); });
        return wrap;
      }
      var title = grouped ? el("legend", {}, [heading(field, path, required)])
        : el("label", { "for": controlId(path) }, [heading(field, path, required)]);
      var box = grouped ? el("fieldset", { "class": "cp-pf__group" }, [title]) : wrap;
      if (!grouped) wrap.appendChild(title);
      // in a list, the first item says what each field is for; the others only name it
      if (!laterItem(path)) help(field).forEach(function (p) { box.appendChild(p); });
      drawValue(field, value, function (v) { holder[field.name] = v; }, box, path);
      box.appendChild(problemNode(path));
      if (field.type === "object" && !required) {
        var remove = el("button", { type: "button", "class": "md-button cp-pf__remove", text: fmt("remove_field", { label: field.label }) });
        remove.addEventListener("click", function () { holder[field.name] = null; redraw(path.slice(0, -1)); });
        box.appendChild(remove);
      }
      if (grouped) wrap.appendChild(box);
      return wrap;
    }

    function laterItem(path) {
      return path.some(function (part) { return typeof part === "number" && part > 0; });
    }

    function shownLangs(value) {
      if (value && Object.prototype.hasOwnProperty.call(value, "")) return [""];
      return state.langs;
    }

    function drawValue(node, value, set, box, path) {
      switch (node.type) {
        case "text": return drawText(node, value, set, box, path);
        case "words":
          LANGS.forEach(function (lang) {
            if (state.langs.indexOf(lang) < 0 && !value[lang]) return;
            var p = path.concat(lang);
            var label = el("label", { "for": controlId(p), "class": "cp-pf__lang", text: LANG_NAMES[lang] });
            box.appendChild(label);
            box.appendChild(input(p, value[lang] || "", { autocomplete: "off" }, function (v) { value[lang] = v; }));
            box.appendChild(problemNode(p));
          });
          return;
        case "choice": case "ref": {
          var choices = node.type === "ref" ? spec.choices[node.to] || [] : node.choices;
          var select = el("select", { id: controlId(path), name: keyOf(path), "aria-describedby": controlId(path) + "-problem" },
            [el("option", { value: "", text: S.choose })].concat(choices.map(function (c) {
              return el("option", { value: c[0], text: c[1] });
            })));
          if (value && !choices.some(function (c) { return c[0] === value; })) {
            select.appendChild(el("option", { value: value, text: value }));
          }
          select.value = value || "";
          select.addEventListener("change", function () { set(select.value); touch(path); });
          box.appendChild(select);
          return;
        }
        case "choices": {
          var list = el("div", { "class": "cp-pf__choices" });
          node.choices.forEach(function (c) {
            var id = controlId(path.concat(c[0]));
            var box2 = el("input", { type: "checkbox", id: id, value: c[0] });
            box2.checked = value.indexOf(c[0]) >= 0;
            box2.addEventListener("change", function () {
              var at = value.indexOf(c[0]);
              if (box2.checked && at < 0) value.push(c[0]);
              if (!box2.checked && at >= 0) value.splice(at, 1);
              touch(path);
            });
            list.appendChild(el("label", { "for": id, "class": "cp-pf__choice" }, [box2, " ", c[1]]));
          });
          box.appendChild(list);
          return;
        }
        case "number":
          box.appendChild(input(path, value, {
            type: "text", inputmode: node.integer ? "numeric" : "decimal", autocomplete: "off",
            placeholder: node.min !== null && node.max !== null && node.max !== undefined ? node.min + "–" + node.max : null
          }, set));
          return;
        case "string":
          box.appendChild(input(path, value, {
            type: node.format === "date" ? "date" : (/https/.test(node.pattern) ? "url" : "text"),
            inputmode: /https/.test(node.pattern) ? "url" : null, autocomplete: "off",
            placeholder: node.format === "date" ? "YYYY-MM-DD" : (/\[01\]\[0-9\]/.test(node.pattern) ? "20:30" : null)
          }, set));
          return;
        case "object":
          node.fields.forEach(function (f) {
            box.appendChild(drawField(f, value, path.concat(f.name), f.required));
          });
          return;
        case "list": return drawList(node, value, box, path);
        case "map": return drawMap(node, value, box, path);
        default: return;
      }
    }

    function drawText(node, value, set, box, path) {
      var bounds = node.bounds || {};
      var langs = shownLangs(value);
      LANGS.concat([""]).forEach(function (lang) {
        if (langs.indexOf(lang) < 0) return;
        var p = lang ? path.concat(lang) : path;
        var b = bounds[lang] || [0, 0];
        if (langs.length > 1) box.appendChild(el("label", { "for": controlId(p), "class": "cp-pf__lang", text: LANG_NAMES[lang] }));
        var rows = b[1] > 600 ? 8 : b[1] > 220 ? 4 : b[1] > 60 ? 2 : 1;
        var count = el("span", { "class": "cp-pf__count", "aria-live": "off" });
        function counted() {
          var n = chars((value[lang] || "").trim());
          count.textContent = b[1] ? fmt("length", { n: n, min: b[0], max: b[1] }) : "";
        }
        box.appendChild(input(p, value[lang] || "", { rows: rows, lang: lang || null, autocomplete: "off" }, function (v) {
          value[lang] = v;
          counted();
        }));
        counted();
        box.appendChild(count);
        if (p !== path) box.appendChild(problemNode(p));
      });
      if (node.single) {
        var id = controlId(path.concat("single"));
        var same = el("input", { type: "checkbox", id: id });
        same.checked = langs[0] === "";
        same.addEventListener("change", function () {
          var next;
          if (same.checked) next = { "": value[spec.lang] || value.en || value.zh || "" };
          else { next = { en: "", zh: "" }; next[spec.lang] = value[""] || ""; }
          set(next);
          redraw(path.slice(0, -1));
        });
        box.appendChild(el("label", { "for": id, "class": "cp-pf__same" }, [same, " ", S.same_text]));
      }
    }

    function drawList(node, value, box, path) {
      var label = box.querySelector(".cp-pf__label") ? box.querySelector(".cp-pf__label").firstChild.textContent : "";
      var items = el("ol", { "class": "cp-pf__items" });
      value.forEach(function (item, i) {
        var p = path.concat(i);
        var li = el("li", { "class": "cp-pf__item", "aria-label": fmt("item", { label: label, n: i + 1 }) });
        var holder = { v: item };
        if (node.item.type === "object") {
          drawValue(node.item, item, function (v) { value[i] = v; }, li, p);
        } else {
          var inner = el("div", { "class": "cp-pf" });
          drawValue(node.item, item, function (v) { value[i] = v; holder.v = v; }, inner, p);
          li.appendChild(inner);
        }
        li.appendChild(problemNode(p));
        var tools = el("p", { "class": "cp-pf__tools" });
        if (i > 0) {
          var up = el("button", { type: "button", "class": "md-button cp-pf__up", text: S.move_up });
          up.addEventListener("click", function () { value.splice(i - 1, 0, value.splice(i, 1)[0]); redraw(path, path.concat(i - 1)); });
          tools.appendChild(up);
        }
        var remove = el("button", { type: "button", "class": "md-button cp-pf__remove", text: S.remove,
          "aria-label": S.remove + " " + fmt("item", { label: label, n: i + 1 }) });
        remove.addEventListener("click", function () { value.splice(i, 1); redraw(path); });
        tools.appendChild(remove);
        li.appendChild(tools);
        items.appendChild(li);
      });
      box.appendChild(items);
      var add = el("button", { type: "button", "class": "md-button cp-pf__add", text: fmt("add_field", { label: label }) });
      add.addEventListener("click", function () {
        value.push(empty(node.item));
        redraw(path, path.concat(value.length - 1));
      });
      box.appendChild(add);
    }

    function drawMap(node, value, box, path) {
      var items = el("ol", { "class": "cp-pf__items" });
      value.forEach(function (pair, i) {
        var li = el("li", { "class": "cp-pf__item" });
        var p = path.concat(i, "key");
        var select = el("select", { id: controlId(p), "aria-label": node.key_label },
          [el("option", { value: "", text: S.choose })].concat(node.keys.map(function (c) {
            return el("option", { value: c[0], text: c[1] });
          })));
        select.value = pair.key || "";
        select.addEventListener("change", function () { pair.key = select.value; touch(p); });
        li.appendChild(select);
        li.appendChild(problemNode(p));
        var inner = el("div", { "class": "cp-pf" });
        drawValue(node.value, pair.value, function (v) { pair.value = v; }, inner, path.concat(i, "value"));
        inner.appendChild(problemNode(path.concat(i, "value")));
        li.appendChild(inner);
        var remove = el("button", { type: "button", "class": "md-button cp-pf__remove", text: S.remove });
        remove.addEventListener("click", function () { value.splice(i, 1); redraw(path); });
        li.appendChild(el("p", { "class": "cp-pf__tools" }, [remove]));
        items.appendChild(li);
      });
      box.appendChild(items);
      var add = el("button", { type: "button", "class": "md-button cp-pf__add", text: S.add });
      add.addEventListener("click", function () {
        value.push({ key: "", value: empty(node.value) });
        redraw(path, path.concat(value.length - 1, "key"));
      });
      box.appendChild(add);
    }

    function drawHead() {
      var head = el("div", { "class": "cp-propose__head" });
      if (state.mode === "edit") {
        var data = toFile({ type: "object", fields: kindSpec().fields }, values(), null) || {};
        var title = data.title ? (typeof data.title === "string" ? data.title : data.title[spec.lang] || data.title.en || data.title.zh) : state.id;
        head.appendChild(el("p", { "class": "cp-propose__editing", text: fmt("editing", { kind: kindSpec().noun, title: title }) }));
        head.appendChild(el("p", {}, [el("a", { href: location.pathname, text: S.new_instead })]));
      } else {
        var kinds = el("fieldset", { "class": "cp-pf__group cp-propose__kinds" }, [el("legend", {}, [el("span", { "class": "cp-pf__label", text: S.kind_legend })])]);
        Object.keys(spec.kinds).forEach(function (kind) {
          var id = "cp-propose-kind-" + kind;
          var radio = el("input", { type: "radio", name: "cp-propose-kind", id: id, value: kind });
          radio.checked = kind === state.kind;
          radio.addEventListener("change", function () { state.kind = kind; redraw(); });
          kinds.appendChild(el("label", { "for": id, "class": "cp-propose__kind" }, [radio, " ",
            el("strong", { text: spec.kinds[kind].label }), el("span", { text: spec.kinds[kind].help })]));
        });
        head.appendChild(kinds);
        var idPath = ["id"];
        var idBox = el("div", { "class": "cp-pf cp-pf--string" }, [
          el("label", { "for": controlId(["@id"]) }, [el("span", { "class": "cp-pf__label" }, [S.id_label, " ",
            el("span", { "class": "cp-pf__mark", text: S.required_mark })])]),
          el("p", { "class": "cp-pf__help", text: fmt("id_help", { folder: kindSpec().section }) })]);
        var idInput = input(["@id"], state.id, { autocomplete: "off", autocapitalize: "none", spellcheck: "false" },
          function (v) { state.id = v.trim(); });
        idBox.appendChild(idInput);
        idBox.appendChild(problemNode(["@id"]));
        head.appendChild(idBox);
        void idPath;
      }
      var langs = el("fieldset", { "class": "cp-pf__group cp-propose__langs" }, [el("legend", {}, [el("span", { "class": "cp-pf__label", text: S.write_in })])]);
      var options = LANGS.map(function (code) { return [[code], LANG_NAMES[code]]; }).concat([[LANGS.slice(), S.both]]);
      options.forEach(function (option, i) {
        var id = "cp-propose-lang-" + i;
        var radio = el("input", { type: "radio", name: "cp-propose-langs", id: id });
        radio.checked = option[0].join() === state.langs.join();
        radio.addEventListener("change", function () { state.langs = option[0]; redraw(); });
        langs.appendChild(el("label", { "for": id, "class": "cp-propose__lang" }, [radio, " ", option[1]]));
      });
      langs.appendChild(el("p", { "class": "cp-pf__help", text: S.one_language }));
      head.appendChild(langs);
      return head;
    }

    function redraw(scope, focusPath, scroll) {
      if (scroll === undefined) scroll = window.pageYOffset;
      refs = {};
      form.textContent = "";
      form.appendChild(drawHead());
      kindSpec().fields.forEach(function (f) {
        form.appendChild(drawField(f, values(), [f.name], f.required));
      });
      if (scroll) window.scrollTo(0, scroll);  // at the top, asking would lay the whole form out at once
      if (focusPath) {
        var target = document.getElementById(controlId(focusPath)) ||
          form.querySelector('[data-path="' + keyOf(focusPath) + '"] input, [data-path="' + keyOf(focusPath) + '"] textarea, [data-path="' + keyOf(focusPath) + '"] select');
        if (!target) {
          var holder = form.querySelector('[name^="' + keyOf(focusPath) + '."], [name="' + keyOf(focusPath) + '"]');
          target = holder;
        }
        if (target) target.focus();
      }
      void scope;
      state.dirty = true;
      update();
    }

    /* --- what the proposal is, and where it goes ------------------------------------------ */

    // an entry's id as the loader takes it (content/loader.py: the pattern, and the names kept for the site)
    function validId(id) {
      return new RegExp("^(?:" + spec.ids.pattern + ")$").test(id) && spec.ids.reserved.indexOf(id) < 0;
    }

    function proposal() {
      var kind = state.kind;
      var fields = kindSpec().fields;
      var made = idMaker(writtenIds(fields, values(), []));
      var data = toFile({ type: "object", fields: fields }, values(), { autoId: made }) || {};
      var problems = [];
      var counts = { texts: 0 };
      var checkState = { counts: counts, untranslated: [] };
      check({ type: "object", fields: fields }, values(), [], problems, checkState, "");
      if (state.mode === "new") {
        if (!state.id) problems.unshift([["@id"], S.id_label, fmt("required")]);
        else if (!validId(state.id)) problems.unshift([["@id"], S.id_label, fmt("bad_id")]);
        else if (kindSpec().ids.indexOf(state.id) >= 0) problems.unshift([["@id"], S.id_label, fmt("id_taken", { kind: kindSpec().noun })]);
      }
      // a text in one language is marked for a translator; texts cannot lack both languages' halves apart
      var missing = LANGS.filter(function (lang) { return counts[lang]; });
      missing.sort(function (a, b) { return counts[b] - counts[a]; });
      var marker = missing[0];
      checkState.untranslated.forEach(function (u) {
        if (u[2] !== marker) problems.push([u[0], u[1], fmt("required")]);
      });
      var ordered = {};
      Object.keys(data).forEach(function (key) {
        ordered[key] = data[key];
        if (key === "reviewed" && marker) ordered.needs_translation = [marker];
      });
      if (marker && !ordered.needs_translation) ordered.needs_translation = [marker];
      return {
        kind: kind, id: state.mode === "edit" ? state.id : state.id, data: ordered, problems: problems,
        untranslated: marker ? counts[marker] : 0, marker: marker,
        // where the file goes, once it has an id it may have
        path: kindSpec().folder + "/" + (validId(state.id) ? state.id : "<id>") + ".yaml"
      };
    }

    function issueUrl(p, entryText) {
      var query = [["template", spec.issue.template],
        ["title", (state.mode === "edit" ? "Change " : "New ") + p.kind + ": " + p.id],
        ["kind", p.kind], ["id", p.id], ["change", state.mode], ["entry", entryText]];
      return spec.issue.url + "?" + query.map(function (pair) {
        return pair[0] + "=" + encodeURIComponent(pair[1]);
      }).join("&");
    }

    /* --- the check and the send area -------------------------------------------------------- */

    var timer = null;
    function changed() {
      state.dirty = true;
      if (timer) clearTimeout(timer);
      timer = setTimeout(update, 120);
    }

    function update() {
      if (timer) clearTimeout(timer);
      timer = null;
      var p = proposal();
      var shown = {};
      p.problems.forEach(function (problem) {
        var key = keyOf(problem[0]);
        if (!shown[key] && (state.showAll || touchedNear(key))) shown[key] = problem[2];
      });
      Object.keys(refs).forEach(function (key) {
        var node = refs[key];
        var text = shown[key] || "";
        if (node.textContent !== text) node.textContent = text;
        node.hidden = !text;
        var control = document.getElementById(node.id.replace(/-problem$/, ""));
        if (control) { if (text) control.setAttribute("aria-invalid", "true"); else control.removeAttribute("aria-invalid"); }
      });
      drawSend(p);
      keepDraft();
    }

    function touchedNear(key) {
      if (state.touched[key]) return true;
      return Object.keys(state.touched).some(function (t) { return t.indexOf(key + ".") === 0 || key.indexOf(t + ".") === 0; });
    }

    function drawSend(p) {
      sendArea.textContent = "";
      sendArea.setAttribute("data-cp-for", state.target || "new");
      sendArea.appendChild(el("h2", { id: "cp-propose-check", text: S.check_title }));
      if (p.problems.length) {
        sendArea.appendChild(el("p", { "class": "cp-propose__count", text: fmt("problems", { n: p.problems.length }) }));
        var list = el("ul", { "class": "cp-propose__problems" });
        p.problems.slice(0, 8).forEach(function (problem) {
          var link = el("a", { href: "#" + controlId(problem[0]), text: problem[1] + ": " + problem[2] });
          link.addEventListener("click", function (event) { event.preventDefault(); reveal(problem[0]); });
          list.appendChild(el("li", {}, [link]));
        });
        if (p.problems.length > 8) list.appendChild(el("li", { text: "…" }));
        sendArea.appendChild(list);
      } else {
        sendArea.appendChild(el("p", { "class": "cp-propose__count", text: S.ready }));
      }
      if (p.untranslated) {
        sendArea.appendChild(el("p", { text: fmt("untranslated", { n: p.untranslated, lang: LANG_NAMES[LANGS.filter(function (l) { return l !== p.marker; })[0]] }) }));
      }
      var text = yamlFile(p.kind, p.data);
      var actions = el("p", { "class": "cp-propose__actions" });
      if (p.problems.length) {
        var blocked = el("button", { type: "button", "class": "md-button md-button--primary cp-propose__send-button", text: S.send_blocked });
        blocked.addEventListener("click", function () { state.showAll = true; update(); reveal(p.problems[0][0]); });
        actions.appendChild(blocked);
      } else {
        var url = issueUrl(p, text);
        if (url.length <= spec.issue.max_bytes) {
          actions.appendChild(el("a", { "class": "md-button md-button--primary cp-propose__send-button", href: url,
            target: "_blank", rel: "noopener", text: S.send }));
          sendArea.appendChild(actions);
          sendArea.appendChild(el("p", { "class": "cp-pf__help", text: S.send_help }));
          actions = el("p", { "class": "cp-propose__actions" });
        } else {
          sendArea.appendChild(el("p", { "class": "cp-propose__long", text: S.long }));
          var copy = el("textarea", { "class": "cp-propose__yaml", readonly: true, rows: 6, "aria-label": S.copy, value: text, lang: "en" });
          sendArea.appendChild(copy);
          var copyButton = el("button", { type: "button", "class": "md-button md-button--primary cp-propose__copy", text: S.copy });
          copyButton.addEventListener("click", function () { copyText(copy, copyButton); });
          var open = el("a", { "class": "md-button md-button--primary cp-propose__open", href: issueUrl(p, spec.issue.paste_line),
            target: "_blank", rel: "noopener", text: S.open_form });
          sendArea.appendChild(el("p", { "class": "cp-propose__actions" }, [copyButton, " ", open]));
          sendArea.appendChild(el("p", { "class": "cp-pf__help", text: S.send_help }));
        }
      }
      var download = el("button", { type: "button", "class": "md-button cp-propose__download", text: S.download });
      download.addEventListener("click", function () { downloadFile(download, p, text); });
      actions.appendChild(download);
      sendArea.appendChild(actions);
      sendArea.appendChild(el("p", { "class": "cp-pf__help", text: fmt("download_help", { path: p.path }) }));
      var over = el("button", { type: "button", "class": "md-button cp-propose__over", text: S.start_over });
      over.addEventListener("click", function () {
        if (!over.dataset.armed) { over.dataset.armed = "1"; over.textContent = S.start_over_again; return; }
        saveDraft(draftKey, null);
        location.reload();
      });
      sendArea.appendChild(el("p", {}, [over]));
    }

    function reveal(path) {
      var target = document.getElementById(controlId(path)) || document.getElementById(controlId(path) + "-problem");
      if (!target) {
        var near = refs[keyOf(path)];
        target = near;
      }
      if (target) {
        if (target.focus) target.focus({ preventScroll: true });
        into(target, "center");
      }
    }

    function note(after, text) {
      var next = after.nextElementSibling;
      var node = next && next.classList.contains("cp-note") ? next : el("p", { "class": "cp-note", role: "status" });
      node.textContent = text;
      if (node !== next) after.parentNode.insertBefore(node, after.nextSibling);
      into(node, "nearest");
    }

    // into view, and again once the parts of the form that came near have been laid out
    function into(node, where) {
      if (!node.scrollIntoView) return;
      node.scrollIntoView({ block: where });
      requestAnimationFrame(function () {
        requestAnimationFrame(function () { node.scrollIntoView({ block: where }); });
      });
    }

    function copyText(area, button) {
      var done = function () { button.textContent = S.copied; };
      var select = function () {
        area.focus();
        area.select();
        area.setSelectionRange(0, area.value.length);
        var copied = false;
        try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
        if (copied) done(); else note(button.parentNode, S.copy_select);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(area.value).then(done, select);
      } else {
        select();
      }
    }

    function downloadFile(button, p, text) {
      if (IN_APP) { note(button.parentNode, S.in_app); return; }
      var blob = new Blob([text], { type: "application/yaml;charset=utf-8" });
      var link = el("a", { href: URL.createObjectURL(blob), download: (validId(p.id) ? p.id : p.kind) + ".yaml" });
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    }

    /* --- the draft --------------------------------------------------------------------------- */

    var saveTimer = null;
    function keepDraft() {
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = setTimeout(function () {
        saveTimer = null;
        // a page only opened keeps nothing: its next visit starts from the entry as it is then
        if (!state.dirty) return;
        var kept = saveDraft(draftKey, { v: 1, kind: state.kind, id: state.id, langs: state.langs, values: state.values, touched: state.touched });
        if (!kept) showStatus(S.no_storage);
        else if (!status.textContent) showStatus(S.draft_kept);
      }, 300);
    }

    function showStatus(text) {
      status.textContent = text;
      status.hidden = !text;
    }

    function restore(draft) {
      if (!draft) return false;
      try {
        if (state.mode === "new" && spec.kinds[draft.kind]) state.kind = draft.kind;
        if (state.mode === "new" && typeof draft.id === "string") state.id = draft.id;
        if (Array.isArray(draft.langs) && draft.langs.every(function (l) { return LANGS.indexOf(l) >= 0; }) && draft.langs.length) state.langs = draft.langs;
        Object.keys(draft.values).forEach(function (kind) {
          if (spec.kinds[kind]) state.values[kind] = draft.values[kind];
        });
        if (draft.touched && typeof draft.touched === "object") state.touched = draft.touched;
        return true;
      } catch (e) { return false; }
    }

    // languages an entry is written in: both when any text has both
    function languagesOf(data) {
      var found = {};
      (function walk(value) {
        if (Array.isArray(value)) value.forEach(walk);
        else if (value && typeof value === "object") {
          var keys = Object.keys(value);
          if (keys.length && keys.every(function (k) { return LANGS.indexOf(k) >= 0; }) && typeof value[keys[0]] === "string") {
            found[keys.join()] = keys;
          } else keys.forEach(function (k) { walk(value[k]); });
        }
      }(data));
      var sets = Object.keys(found);
      if (sets.some(function (s) { return found[s].length > 1; })) return LANGS.slice();
      return sets.length ? found[sets[0]] : [spec.lang];
    }

    function start(data) {
      var scroll = window.pageYOffset;  // asked before the form leaves the page: after, it lays the page out again
      root.textContent = "";
      root.appendChild(status);
      showStatus("");
      if (data) {
        state.values[state.kind] = fromFile({ type: "object", fields: kindSpec().fields }, data);
        state.langs = languagesOf(data);
      }
      if (restore(loadDraft(draftKey))) showStatus(S.draft_back);
      else if (!storage) showStatus(S.no_storage);
      root.appendChild(form);
      root.appendChild(sendArea);
      redraw(null, null, scroll);
      root.setAttribute("data-cp-entry", state.target || "");
      root.removeAttribute("aria-busy");
      state.dirty = false;
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    window.addEventListener("beforeunload", function (event) {
      if (!storage && state.dirty) { event.preventDefault(); event.returnValue = ""; }
    });

    // the entry the address names, fetched as its file writes it (api/source/), or an empty form
    function begin() {
      var editing = target();
      fresh(editing);
      root.setAttribute("aria-busy", "true");
      if (!editing) { start(null); return; }
      fetch(spec.source + "/" + editing + ".json").then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      }).then(function (data) {
        if (target() === editing) start(data);
      }, function () {
        root.textContent = "";
        root.appendChild(el("p", { "class": "cp-note", role: "alert", text: S.load_failed }));
        root.removeAttribute("aria-busy");
      });
    }

    // back and forward between the entries a reader opened here load each again
    window.addEventListener("popstate", function () {
      if (target() !== state.target) begin();
    });
    begin();
  }
}());
