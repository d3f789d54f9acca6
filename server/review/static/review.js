// The review screen: keyboard first (j/k move, c confirm, e correct, x reject, a add,
// u undo). Every decision is sent at once; the server answers when it is on disk.
(function () {
  "use strict";
  const slug = window.REVIEW.slug;
  const $ = (id) => document.getElementById(id);
  let state = JSON.parse($("state").textContent);
  let index = 0;
  const form = window.ReviewForm(slug);

  function announce(message) { $("status").textContent = message; }
  function current() { return state.items[index]; }
  function label(it) {
    const who = it.addressee.join("、") || "—";
    const sure = it.confidence === null ? "" : ` · 把握 ${it.confidence.toFixed(2)}`;
    return `${it.at} ${it.class_zh}（${it.cue || "—"}）${who} · ${it.status_zh}${sure}`;
  }

  // scroll a panel (never the page: the header and progress bars stay in view)
  function centre(panel, element) {
    if (!panel || !element) return;
    const top = element.getBoundingClientRect().top - panel.getBoundingClientRect().top;
    panel.scrollTop += top - panel.clientHeight / 2;
  }

  function renderQueue() {
    const list = $("queue");
    list.textContent = "";
    state.items.forEach((it, i) => {
      const li = document.createElement("li");
      li.id = `q-${i}`;
      li.className = `st-${it.status}` + (i === index ? " current" : "");
      if (i === index) li.setAttribute("aria-current", "true");
      li.textContent = label(it);
      li.addEventListener("click", () => { index = i; render(); });
      list.appendChild(li);
    });
    centre(list, $(`q-${index}`));
  }

  function row(dl, term, value) {
    const dt = document.createElement("dt");
    const dd = document.createElement("dd");
    dt.textContent = term;
    dd.textContent = value || "—";
    dl.append(dt, dd);
  }

  function renderCurrent() {
    const box = $("current");
    box.textContent = "";
    const it = current();
    if (!it) { box.textContent = "这部法规没有草稿。"; return; }
    const dl = document.createElement("dl");
    row(dl, "状态", it.status_zh);
    row(dl, "条款", it.at);
    row(dl, "类别", `${it.class_zh} (${it.class})`);
    row(dl, "提示词", it.cue);
    row(dl, "义务主体", it.addressee.join("、"));
    row(dl, "行为", it.action);
    row(dl, "机制", it.establishes.join("；"));
    row(dl, "载体", it.concerns.join("；"));
    if (it.class === "Liability") {
      row(dl, "执法主体", it.enforced_by.join("；"));
      row(dl, "责任主体", it.liable.join("；"));
      row(dl, "所制裁条款", it.enforces.join("；"));
      row(dl, "后果", it.penalties.map((p) => `${p.kind_zh}：${p.quote}`).join("；"));
    }
    row(dl, "原文", it.quote);
    if (it.rule) row(dl, "规则 · 把握", `${it.rule} · ${it.confidence.toFixed(2)}`);
    box.appendChild(dl);
  }

  function renderMarks() {
    const byUnit = {};
    state.items.forEach((it, i) => {
      if (it.status !== "Rejected") (byUnit[it.at] = byUnit[it.at] || []).push([it, i]);
    });
    document.querySelectorAll("#units .t").forEach((span) => {
      const text = span.dataset.text;
      const at = span.parentElement.dataset.at;
      const spans = (byUnit[at] || []).sort((a, b) => (b[1] === index) - (a[1] === index)
        || a[0].start - b[0].start);
      const kept = [];
      spans.forEach(([it, i]) => {
        if (!kept.some(([k]) => it.start < k.end && k.start < it.end)) kept.push([it, i]);
      });
      kept.sort((a, b) => a[0].start - b[0].start);
      span.textContent = "";
      let at0 = 0;
      kept.forEach(([it, i]) => {
        span.append(text.slice(at0, it.start));
        const mark = document.createElement("mark");
        mark.className = `st-${it.status}` + (i === index ? " current" : "");
        mark.textContent = text.slice(it.start, it.end);
        if (i === index) mark.id = "current-mark";
        span.append(mark);
        at0 = it.end;
      });
      span.append(text.slice(at0));
    });
    centre(document.querySelector("section.text"), $("current-mark"));
  }

  function renderProgress() {
    $("reg-progress").max = state.total || 1;
    $("reg-progress").value = state.reviewed;
    $("corpus-progress").max = state.corpus_total || 1;
    $("corpus-progress").value = state.corpus_reviewed;
    document.querySelector("[data-count=reg]").textContent = `${state.reviewed} / ${state.total}`;
    document.querySelector("[data-count=corpus]").textContent =
      `${state.corpus_reviewed} / ${state.corpus_total}`;
  }

  function render() { renderQueue(); renderCurrent(); renderMarks(); renderProgress(); }

  async function send(path, body) {
    const response = await fetch(`/r/${encodeURIComponent(slug)}/${path}`, {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body || {}),
    });
    const answer = await response.json();
    if (!answer.ok) { announce(`未保存：${answer.error}`); return null; }
    state = answer;
    return answer;
  }

  function select(key) {
    const i = state.items.findIndex((it) => it.key === key);
    if (i >= 0) index = i;
  }

  async function decide(verdict, fields, extra) {
    const it = current();
    const sent = index;
    const answer = await send("decide", { verdict, key: it && it.key, fields, ...extra });
    if (!answer) return;
    const done = state.items.find((item) => item.key === answer.key);
    if (!done) { // an added norm withdrawn
      index = Math.max(0, Math.min(index, state.items.length - 1));
      announce(`已保存：撤回新增 ${answer.key}`);
      render();
      return;
    }
    announce(`已保存：${done.status_zh} ${label(done)}`);
    if (index === sent) { // the reviewer did not move on meanwhile
      select(answer.key);
      if (verdict !== "add") moveToNextPending();
    }
    render();
  }

  function moveToNextPending() {
    const n = state.items.length;
    for (let step = 1; step <= n; step++) {
      const i = (index + step) % n;
      if (state.items[i].status === "Draft") { index = i; return; }
    }
  }

  $("editor").addEventListener("submit", (event) => {
    event.preventDefault();
    const kind = form.mode();
    const fields = form.fields(current() && current().class === "Liability");
    const where = form.where();
    form.close();
    if (kind === "add") decide("add", fields, where);
    else decide("correct", fields);
  });

  const actions = {
    next: () => { index = Math.min(index + 1, state.items.length - 1); render(); announce(label(current())); },
    prev: () => { index = Math.max(index - 1, 0); render(); announce(label(current())); },
    confirm: () => current() && current().draft && decide("confirm"),
    reject: () => current() && decide("reject"), // on an added norm: withdraws it
    edit: () => current() && current().draft && form.open("correct", current()),
    add: () => form.openAdd(current() && current().at),
    undo: async () => {
      const answer = await send("undo", { key: current() && current().key });
      if (!answer) return;
      select(answer.key); // an undone addition is gone: stay near where it was
      index = Math.max(0, Math.min(index, state.items.length - 1));
      render();
      announce(`已撤销对 ${answer.key} 的决定`);
    },
  };
  const keys = { j: "next", k: "prev", c: "confirm", x: "reject", e: "edit", a: "add", u: "undo" };

  document.addEventListener("keydown", (event) => {
    if (form.mode()) {
      if (event.key === "Escape") { event.preventDefault(); form.close(); }
      if (event.key === "Enter" && event.target.tagName === "SELECT") {
        event.preventDefault(); // Enter saves from every field, the class list too
        $("editor").requestSubmit();
      }
      if (event.altKey && event.key.toLowerCase() === "s") {
        event.preventDefault();
        const sel = form.selection();
        if (sel) $("f-action").value = sel.quote;
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const name = keys[event.key];
    if (name && !/^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName)) {
      event.preventDefault();
      actions[name]();
    }
  });
  document.querySelectorAll("[data-act]").forEach((button) => {
    button.addEventListener("click", () => actions[button.dataset.act]());
  });
  render();
})();
