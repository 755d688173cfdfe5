// newslint's page: sends the text to the API, lists the findings, marks their spans
// (UTF-16 offsets from the API, which is how JavaScript counts), applies fixes.
"use strict";

// An invented article in the shape of a plain-text CMS export: a section tag, the
// headline, the date line, a dek, the body, the photo credit, and a stray "a" at the end.
const SAMPLE = `#Local

Wrenfield council agrees to "rebuild the old pier before the winter storms"

2025.05.09

And promises residents a say on how the repairs are paid for, after months of closures

On Thursday, the mayor of Wrenfield, Talia Okonkwo, told a packed meeting at the town hall that the pier would be "safe for families again by November," and that the council had set aside money for the first stage of the work, writes the Wrenfield Courier. Councillors presented the plan as the most ambitious repair in the town's history.

The plan, drawn up by the harbour engineer Marcus Delacroix, replaces the rotten timber decking with concrete and adds a new railing along the eastern side.

According to the council's own survey, most residents want the pier reopened before the summer season. "The pier belongs to everyone who lives here, not only to the fishermen," said Okonkwo.

Local traders welcomed the decision. "We lose half our visitors when the pier is shut," said Ines Varga, who runs a café on the harbour front.

Not everyone is convinced. "a promise made in May is easy to forget by October."

The council will publish the full cost of the work next month, and residents will be able to comment on it until the end of June.

The pier was closed in February after a storm tore away a section of the railing.

Photo: Wrenfield Courier/Ana Ribeiro

a
`;

const $ = (id) => document.getElementById(id);
const text = $("text");
const highlights = $("highlights");
const list = $("findings");
const statusLine = $("status");

let findings = [];
let checkedText = null;
let fileName = "article";
let undoStack = [];
let timer = null;
let generation = 0;
let selected = -1;

function format() {
  return document.querySelector('input[name="format"]:checked').value;
}

function filename() {
  return `${fileName}.${format()}`;
}

function say(message, trouble = false) {
  statusLine.textContent = message;
  statusLine.classList.toggle("trouble", trouble);
}

async function api(path, body) {
  const headers = { "Content-Type": "application/json" };
  const token = sessionStorage.getItem("newslint-token");
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(path, body === undefined
    ? { headers }
    : { method: "POST", headers, body: JSON.stringify(body) });
  let data = null;
  try { data = await response.json(); } catch (_) { data = null; }
  if (response.status === 401) {
    $("token-box").hidden = false;
    $("token").focus();
  }
  if (!response.ok) {
    const why = data && data.message ? data.message : `the server answered ${response.status}`;
    throw new Error(why);
  }
  return data;
}

// ---- checking -------------------------------------------------------------------------

function scheduleCheck() {
  clearTimeout(timer);
  timer = setTimeout(check, 500);
}

async function check() {
  clearTimeout(timer);
  const current = text.value;
  const mine = ++generation;
  if (current.trim() === "") {
    show(current, []);
    say("Paste an article to begin.");
    return;
  }
  say("Checking…");
  try {
    const report = await api("/api/v1/check", { text: current, filename: filename() });
    if (mine !== generation || text.value !== current) return; // typed since: a newer check follows
    show(current, report.diagnostics);
    const n = report.diagnostics.length;
    say(n === 0 ? "No findings: the article passes every check." : `${plural(n, "finding")}. Click one to go to it.`);
  } catch (err) {
    if (mine === generation) say(`Could not check the article: ${err.message}`, true);
  }
}

function plural(n, word, many = `${word}s`) {
  return `${n} ${n === 1 ? word : many}`;
}

function show(source, diagnostics) {
  checkedText = source;
  findings = diagnostics.map((d, index) => ({ ...d, index }));
  selected = -1;
  drawHighlights(source);
  drawList();
}

// ---- the marked copy of the text --------------------------------------------------------

function drawHighlights(source) {
  const points = new Set([0, source.length]);
  for (const f of findings) { points.add(f.utf16_start); points.add(f.utf16_end); }
  const cuts = [...points].filter((p) => p >= 0 && p <= source.length).sort((a, b) => a - b);
  const pieces = document.createDocumentFragment();
  const rank = { error: 3, warning: 2, info: 1 };
  for (let i = 0; i < cuts.length; i++) {
    const at = cuts[i];
    for (const f of findings) {
      if (f.utf16_start === at && f.utf16_end === at) pieces.append(marker(f, "point", ""));
    }
    if (i + 1 === cuts.length) break;
    const next = cuts[i + 1];
    const covering = findings.filter((f) => f.utf16_start <= at && f.utf16_end >= next && f.utf16_end > f.utf16_start);
    const piece = source.slice(at, next);
    if (covering.length === 0) {
      pieces.append(document.createTextNode(piece));
    } else {
      const worst = covering.reduce((a, b) => (rank[b.severity] > rank[a.severity] ? b : a));
      const mark = marker(worst, worst.severity, piece);
      mark.dataset.rules = covering.map((f) => f.rule).join(" ");
      mark.dataset.findings = covering.map((f) => f.index).join(" ");
      pieces.append(mark);
    }
  }
  // A final newline needs something after it to take up its line, as in the textarea.
  pieces.append(document.createTextNode("\n "));
  highlights.replaceChildren(pieces);
  syncScroll();
}

function marker(f, kind, piece) {
  const mark = document.createElement("mark");
  mark.className = kind;
  mark.dataset.rules = f.rule;
  mark.dataset.findings = String(f.index);
  mark.textContent = piece;
  return mark;
}

function syncScroll() {
  highlights.parentElement.scrollTop = text.scrollTop;
  highlights.parentElement.scrollLeft = text.scrollLeft;
}

// ---- the list -------------------------------------------------------------------------

function drawList() {
  const counts = { error: 0, warning: 0, info: 0 };
  findings.forEach((f) => counts[f.severity]++);
  $("counts").textContent = findings.length === 0 ? "" :
    `(${[plural(counts.error, "error"), plural(counts.warning, "warning"), plural(counts.info, "info")]
      .filter((part) => !part.startsWith("0 ")).join(", ")})`;
  const items = findings.map((f) => {
    const item = document.createElement("li");
    item.className = `finding ${f.severity}`;
    item.dataset.rule = f.rule;
    item.dataset.index = String(f.index);
    const jump = document.createElement("button");
    jump.type = "button";
    jump.className = "jump";
    jump.innerHTML = `<span class="severity"></span> <span class="where"></span><span class="message"></span>`;
    jump.querySelector(".severity").textContent = f.severity;
    jump.querySelector(".where").textContent = `line ${f.line}, column ${f.column} · ${f.rule}`;
    jump.querySelector(".message").textContent = f.message;
    jump.addEventListener("click", () => goTo(f.index));
    item.append(jump);
    if (f.help) {
      const advice = document.createElement("p");
      advice.className = "advice";
      advice.textContent = f.help;
      item.append(advice);
    }
    const actions = document.createElement("div");
    actions.className = "actions";
    if (f.fix) {
      const fix = document.createElement("button");
      fix.type = "button";
      fix.className = "fix-one";
      fix.textContent = f.fix.replacement === "" ? "Fix: remove it" : `Fix: change to “${shorten(f.fix.replacement)}”`;
      if (!f.fix.safe) fix.textContent += " (check the result)";
      fix.addEventListener("click", () => applyOne(f));
      actions.append(fix);
    }
    const why = document.createElement("button");
    why.type = "button";
    why.className = "why";
    why.textContent = "What is this rule?";
    why.setAttribute("aria-expanded", "false");
    why.addEventListener("click", () => explain(item, why, f.rule));
    actions.append(why);
    item.append(actions);
    return item;
  });
  if (items.length === 0 && checkedText && checkedText.trim() !== "") {
    const none = document.createElement("li");
    none.className = "empty";
    none.textContent = "Nothing to report.";
    items.push(none);
  }
  list.replaceChildren(...items);
}

function shorten(s) {
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

function goTo(index) {
  const f = findings[index];
  if (!f) return;
  selected = index;
  for (const item of list.children) item.classList.toggle("selected", item.dataset.index === String(index));
  for (const mark of highlights.querySelectorAll("mark.current")) mark.classList.remove("current");
  const mark = [...highlights.querySelectorAll("mark")].find((m) => m.dataset.findings.split(" ").includes(String(index)));
  text.focus();
  text.setSelectionRange(f.utf16_start, Math.max(f.utf16_start, f.utf16_end));
  if (mark) {
    mark.classList.add("current");
    text.scrollTop = Math.max(0, mark.offsetTop - text.clientHeight / 3);
    syncScroll();
  }
  say(`Line ${f.line}: ${f.message}`);
}

async function explain(item, button, rule) {
  const open = item.querySelector(".explanation");
  if (open) {
    open.remove();
    button.setAttribute("aria-expanded", "false");
    return;
  }
  try {
    const detail = await api(`/api/v1/rules/${encodeURIComponent(rule)}`);
    const box = document.createElement("div");
    box.className = "explanation";
    const about = document.createElement("p");
    about.textContent = detail.description || "This rule has no description.";
    box.append(about);
    for (const example of detail.examples.slice(0, 4)) {
      const label = document.createElement("div");
      label.textContent = example.kind === "bad" ? "Flagged:" : "Fine:";
      const pre = document.createElement("pre");
      pre.textContent = example.text;
      box.append(label, pre);
      if (example.fixed) {
        const fixedLabel = document.createElement("div");
        fixedLabel.textContent = "After the fix:";
        const fixed = document.createElement("pre");
        fixed.textContent = example.fixed;
        box.append(fixedLabel, fixed);
      }
    }
    if (detail.link) {
      const link = document.createElement("a");
      link.href = detail.link;
      link.textContent = "The style guide on this";
      link.rel = "noopener";
      box.append(link);
    }
    item.append(box);
    button.setAttribute("aria-expanded", "true");
  } catch (err) {
    say(`Could not load the rule's explanation: ${err.message}`, true);
  }
}

// ---- fixing ---------------------------------------------------------------------------

function replaceText(next, message) {
  undoStack.push(text.value);
  $("undo").disabled = false;
  text.value = next;
  say(message);
}

function applyOne(f) {
  if (checkedText !== text.value) {
    say("The text changed since the last check: checking again first.");
    check();
    return;
  }
  const source = text.value;
  const next = source.slice(0, f.fix.utf16_start) + f.fix.replacement + source.slice(f.fix.utf16_end);
  replaceText(next, "Fixed. Checking again…");
  check();
}

async function fixAll() {
  const current = text.value;
  if (current.trim() === "") return;
  say("Applying the safe fixes…");
  try {
    const result = await api("/api/v1/fix", { text: current, filename: filename() });
    if (text.value !== current) return;
    if (!result.changed) {
      say("There is no safe fix to apply.");
      return;
    }
    ++generation;
    replaceText(result.text, "");
    show(result.text, result.report.diagnostics);
    const left = result.report.diagnostics.length;
    say(`${plural(result.applied, "fix", "fixes")} applied. ${left === 0 ? "Nothing left to report." : `${plural(left, "finding")} left for you to look at.`}`);
  } catch (err) {
    say(`Could not apply the fixes: ${err.message}`, true);
  }
}

function undo() {
  if (undoStack.length === 0) return;
  text.value = undoStack.pop();
  $("undo").disabled = undoStack.length === 0;
  check();
}

function download() {
  const blob = new Blob([text.value], { type: format() === "md" ? "text/markdown" : "text/plain" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = filename();
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  say(`Downloaded ${filename()}.`);
}

// ---- wiring ---------------------------------------------------------------------------

function nextFinding() {
  if (findings.length === 0) return;
  const caret = text.selectionEnd;
  const after = findings.find((f) => f.utf16_start > caret || (f.utf16_start === caret && f.index !== selected));
  goTo((after || findings[0]).index);
}

function selectAtCaret() {
  if (checkedText !== text.value) return;
  const caret = text.selectionStart;
  const here = findings.find((f) => f.utf16_start <= caret && caret <= f.utf16_end);
  for (const item of list.children) item.classList.toggle("selected", !!here && item.dataset.index === String(here.index));
}

text.addEventListener("input", () => {
  if (checkedText !== null) { findings = []; drawHighlights(text.value); }
  scheduleCheck();
});
text.addEventListener("scroll", syncScroll);
text.addEventListener("click", selectAtCaret);
text.addEventListener("keyup", selectAtCaret);
text.addEventListener("keydown", (event) => {
  if (event.key === "F8") { event.preventDefault(); nextFinding(); }
});
document.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); check(); }
});
$("check").addEventListener("click", check);
$("fix-all").addEventListener("click", fixAll);
$("undo").addEventListener("click", undo);
$("download").addEventListener("click", download);
$("load-sample").addEventListener("click", () => {
  fileName = "sample";
  document.querySelector('input[name="format"][value="txt"]').checked = true;
  replaceText(SAMPLE, "");
  check();
});
for (const radio of document.querySelectorAll('input[name="format"]')) radio.addEventListener("change", check);
$("open-file").addEventListener("change", async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  const name = file.name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  fileName = dot > 0 ? name.slice(0, dot) : name;
  const md = extension === "md" || extension === "markdown";
  document.querySelector(`input[name="format"][value="${md ? "md" : "txt"}"]`).checked = true;
  replaceText(await file.text(), `Opened ${name}.`);
  event.target.value = "";
  check();
});
$("token-save").addEventListener("click", () => {
  sessionStorage.setItem("newslint-token", $("token").value.trim());
  $("token-box").hidden = true;
  check();
});
window.addEventListener("resize", syncScroll);
