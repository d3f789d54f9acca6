// The review screen's form: correcting a draft or adding a norm (review.js drives it).
window.ReviewForm = function (slug) {
  "use strict";
  const $ = (id) => document.getElementById(id);
  let mode = null; // "correct" | "add" while the form is open
  let picked = null; // the text selection an addition starts from

  function addresseeInput(value) {
    const input = document.createElement("input");
    input.setAttribute("list", "names");
    input.autocomplete = "off";
    input.className = "addressee";
    input.value = value || "";
    const n = $("f-addressees").children.length + 1;
    input.setAttribute("aria-label", `义务主体 ${n}`);
    input.addEventListener("input", () => suggest(input.value));
    $("f-addressees").appendChild(input);
    return input;
  }

  async function suggest(q) {
    if (!q) return;
    const response = await fetch(`/r/${encodeURIComponent(slug)}/names.json?q=${encodeURIComponent(q)}`);
    const names = await response.json();
    const list = $("names");
    list.textContent = "";
    names.forEach((name) => { const o = document.createElement("option"); o.value = name; list.appendChild(o); });
  }

  function openEditor(kind, values) {
    mode = kind;
    $("editor-h").textContent = kind === "add" ? "新增规范" : "更正";
    $("f-where").hidden = kind !== "add";
    $("f-class").value = values.class;
    $("f-addressees").textContent = "";
    values.addressee.forEach((name) => addresseeInput(name));
    addresseeInput("");
    $("f-cue").value = values.cue;
    $("f-action").value = values.action;
    $("f-establishes").value = values.establishes.join("；");
    $("f-concerns").value = values.concerns.join("；");
    $("f-liability").hidden = values.class !== "Liability";
    $("f-enforced-by").value = (values.enforced_by || []).join("；");
    $("f-liable").value = (values.liable || []).join("；");
    $("f-enforces").value = (values.enforces || []).join("；");
    $("f-penalties").textContent = "";
    (values.penalties || []).forEach((p) => penaltyRow(p));
    $("editor").hidden = false;
    (kind === "add" ? $("f-at") : $("f-class")).focus();
  }

  const KINDS = { Warning: "警告", Fine: "罚款", Confiscation: "没收", Rectification: "责令改正",
    Suspension: "责令停产停业", Revocation: "吊销", Discipline: "处分", Compensation: "赔偿",
    Criminal: "刑事责任", Other: "其他" };

  function penaltyRow(p) {
    const n = $("f-penalties").children.length + 1;
    const row = document.createElement("div");
    row.className = "penalty";
    const labelled = (text, control) => {
      const label = document.createElement("label");
      label.append(text, control);
      row.appendChild(label);
    };
    const kind = document.createElement("select");
    Object.entries(KINDS).forEach(([value, zh]) => {
      const o = document.createElement("option"); o.value = value; o.textContent = zh; kind.appendChild(o);
    });
    kind.value = p.kind || "Fine";
    labelled(`后果 ${n} `, kind);
    [["quote", "原文", 28], ["min", "下限（元）", 8], ["max", "上限（元）", 8]].forEach(([key, name, size]) => {
      const input = document.createElement("input");
      input.dataset.key = key; input.size = size; input.autocomplete = "off";
      input.value = p[key] || "";
      labelled(`${name} `, input);
    });
    $("f-penalties").appendChild(row);
    return row;
  }

  function penalties() {
    return [...document.querySelectorAll("#f-penalties .penalty")].map((row) => {
      const value = (key) => row.querySelector(`[data-key=${key}]`).value.trim();
      return { kind: row.querySelector("select").value, quote: value("quote"),
               min: value("min"), max: value("max") };
    });
  }

  function closeEditor() { mode = null; $("editor").hidden = true; document.body.focus(); }

  function split(value) { return value.split(/[;；]/).map((s) => s.trim()).filter(Boolean); }

  function formFields(liability) {
    return {
      class: $("f-class").value,
      addressee: [...document.querySelectorAll("#f-addressees input")].map((i) => i.value.trim()).filter(Boolean),
      cue: $("f-cue").value, action: $("f-action").value,
      establishes: split($("f-establishes").value), concerns: split($("f-concerns").value),
      ...(mode === "correct" && liability ? {
        enforced_by: split($("f-enforced-by").value), liable: split($("f-liable").value),
        enforces: split($("f-enforces").value), penalties: penalties() } : {}),
    };
  }

  function selection() {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    const span = range.startContainer.parentElement && range.startContainer.parentElement.closest(".t");
    if (!span || !span.contains(range.endContainer)) return null;
    const before = document.createRange();
    before.setStart(span, 0);
    before.setEnd(range.startContainer, range.startOffset);
    return { at: span.parentElement.dataset.at, start: before.toString().length, quote: sel.toString() };
  }

  // an addition: from a text selection, or (without a mouse) a unit and a typed quote
  function openAdd(at) {
    picked = selection();
    openEditor("add", { class: "Obligation", addressee: [], cue: "", action: "", establishes: [], concerns: [] });
    $("f-at").value = picked ? picked.at : at || "";
    $("f-quote").value = picked ? picked.quote : "";
  }

  function where() {
    const at = $("f-at").value.trim();
    const quote = $("f-quote").value;
    const same = picked && picked.at === at && picked.quote === quote;
    return same ? picked : { at, quote };
  }


  $("f-cancel").addEventListener("click", closeEditor);
  $("f-add-addressee").addEventListener("click", () => addresseeInput("").focus());
  $("f-add-penalty").addEventListener("click", () => penaltyRow({}).querySelector("select").focus());

  return {
    mode: () => mode, open: openEditor, openAdd, close: closeEditor, fields: formFields,
    where, selection,
  };
};
