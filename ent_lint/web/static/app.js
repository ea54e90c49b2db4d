// ent-lint page: drop documents (or a zip), see each one's result as it is checked, a table of
// them all, and a document's findings with its page (evidence framed), the text read and the
// fields read.  Plain JavaScript, no framework, nothing fetched from outside this server.
"use strict";

const STRINGS = {
  fr: {
    tagline: "Vérifiez une délibération et sa convention avant la transmission au contrôle de légalité.",
    drop: "Déposez un ou plusieurs PDF, fichiers texte ou une archive zip ici, ou cliquez pour les choisir.",
    findings: "Constats", fields: "Champs lus", text: "Texte lu", pageTab: "Page", close: "Fermer",
    documents: "Documents", file: "Fichier", kind: "Type", errors: "Erreurs", warnings: "Avertissements", state: "État",
    downloadHtml: "Télécharger le rapport HTML", downloadJson: "Télécharger le rapport JSON",
    downloadSarif: "Télécharger le rapport SARIF",
    privacy: "Les documents sont vérifiés sur ce serveur puis oubliés\u00a0: rien n'est conservé.",
    sending: "Envoi de {n} fichier(s)…", progress: "{done} / {total} documents vérifiés",
    finished: "{total} documents vérifiés.", finished1: "1 document vérifié.",
    checked: "vérifié", waiting: "en attente…", clean: "Aucun problème détecté.",
    notChecked: "Non vérifié\u00a0: {reason}",
    error: "erreurs", warning: "avertissements", info: "informations", page: "page", line: "ligne",
    error1: "erreur", warning1: "avertissement", info1: "information", fix: "Correction\u00a0:", ocr: "lu par OCR",
    source: "Source", switchTo: "English", colon: "\u00a0: ", pageOf: "Page {page} de «\u00a0{name}\u00a0», le constat encadré",
    noPage: "Pas d'image de page pour ce constat (document texte, ou constat sans emplacement sur la page).",
    columns: ["Type", "UAI", "Nom", "Adresse", "Courriel"], openDoc: "Ouvrir les constats de {name}",
  },
  en: {
    tagline: "Check a deliberation and its convention before it goes to the prefecture.",
    drop: "Drop one or more PDFs, text files or a zip archive here, or click to choose them.",
    findings: "Findings", fields: "Fields read", text: "Text read", pageTab: "Page", close: "Close",
    documents: "Documents", file: "File", kind: "Kind", errors: "Errors", warnings: "Warnings", state: "Status",
    downloadHtml: "Download the HTML report", downloadJson: "Download the JSON report",
    downloadSarif: "Download the SARIF report",
    privacy: "The documents are checked on this server, then forgotten: nothing is kept.",
    sending: "Sending {n} file(s)…", progress: "{done} / {total} documents checked",
    finished: "{total} documents checked.", finished1: "1 document checked.",
    checked: "checked", waiting: "waiting…", clean: "No problem found.",
    notChecked: "Not checked: {reason}",
    error: "errors", warning: "warnings", info: "notes", page: "page", line: "line",
    error1: "error", warning1: "warning", info1: "note", fix: "Fix:", ocr: "read by OCR",
    source: "Source", switchTo: "Français", colon: ": ", pageOf: "Page {page} of “{name}”, the finding framed",
    noPage: "No page image for this finding (a text document, or a finding without a place on the page).",
    columns: ["Type", "UAI", "Name", "Address", "Email"], openDoc: "Open the findings of {name}",
  },
};
const LEVELS = ["error", "warning", "info"];
// French unless the server was started with --lang en; the switch changes it, and the documents
// are checked again in the new language (the server renders the findings and explanations).
let lang = document.documentElement.lang === "en" ? "en" : "fr";
let lastFiles = null;   // the File objects of the last drop
let entries = [];       // one per document, in the order of the batch
let current = null;     // the document shown
let chosen = false;     // the reader opened a document: results still coming do not take its place
let pageUrl = null;

const $ = (id) => document.getElementById(id);
const t = (key, values = {}) => STRINGS[lang][key].replace(/\{(\w+)\}/g, (_, k) => values[k] ?? "");

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function translate() {
  document.documentElement.lang = lang;
  document.querySelectorAll("[data-i18n]").forEach((node) => { node.textContent = t(node.dataset.i18n); });
  $("lang").textContent = lang === "fr" ? "EN" : "FR";
  $("lang").setAttribute("aria-label", t("switchTo"));
  if (lastFiles) checkAll(lastFiles);
}

function failed(message) {
  const status = $("status");
  status.className = "failed";
  status.textContent = message;
}

// Every file in one request; the server answers one JSON line per document as each is checked.
async function checkAll(files) {
  lastFiles = files;
  entries = [];
  current = null;
  chosen = false;
  $("report").hidden = true;
  $("batch").hidden = true;
  $("summary-table").tBodies[0].replaceChildren();
  $("status").className = "";
  $("status").textContent = t("sending", { n: files.length });
  const body = new FormData();
  for (const file of files) body.append("file", file);
  let response;
  try {
    response = await fetch(`/api/batch?lang=${lang}`, { method: "POST", body });
  } catch (err) {
    failed(String(err));
    return;
  }
  if (!response.ok) {
    const data = await response.json().catch(() => ({ error: response.statusText }));
    failed(data.error || response.statusText);
    return;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += decoder.decode(value, { stream: true });
    let cut;
    while ((cut = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 1);
      if (line.trim()) onLine(JSON.parse(line));
    }
    if (done) break;
  }
}

function onLine(message) {
  if (message.type === "start") {
    entries = new Array(message.total).fill(null);
    $("progress").hidden = false;
    $("bar").max = Math.max(1, message.total);
    $("batch").hidden = false;
    $("status").textContent = "";
    const rows = [];
    for (let i = 0; i < message.total; i++) rows.push(el("tr", { id: `row-${i}`, class: "waiting" }, el("td", { colspan: "5" }, t("waiting"))));
    $("summary-table").tBodies[0].replaceChildren(...rows);
    showProgress();
  } else if (message.type === "document") {
    entries[message.index] = message;
    $(`row-${message.index}`).replaceWith(summaryRow(message));
    showProgress();
    if (!chosen) open(first());
  } else if (message.type === "end") {
    const done = entries.filter(Boolean).length;
    $("progress").hidden = true;
    $("status").textContent = done === 1 ? t("finished1") : t("finished", { total: done });
  }
}

// Until the reader chooses: the first document checked in the batch's order, else the first one.
function first() {
  const done = entries.filter(Boolean);
  return (done.find((e) => !e.error) || done[0]).index;
}

function showProgress() {
  const done = entries.filter(Boolean).length;
  $("bar").value = done;
  $("progress-text").textContent = t("progress", { done, total: entries.length });
}

function summaryRow(entry) {
  const status = entry.error ? entry.error : t("checked");
  const link = el("a", { href: `#doc-${entry.index}`, "aria-label": t("openDoc", { name: entry.name }),
    onclick: (e) => { e.preventDefault(); chosen = true; open(entry.index); } }, entry.name);
  return el("tr", { id: `row-${entry.index}`, class: entry.error ? "unreadable" : "" },
    el("td", { class: "name" }, link), el("td", {}, entry.kind_name || "—"),
    el("td", { class: "n" }, entry.counts.error), el("td", { class: "n" }, entry.counts.warning),
    el("td", { class: entry.error ? "reason" : "" }, status));
}

function open(index) {
  const entry = entries[index];
  if (!entry || index === current) return;
  current = index;
  document.querySelectorAll("#summary-table tr.open").forEach((n) => n.classList.remove("open"));
  $(`row-${index}`).classList.add("open");
  $("doc-title").textContent = entry.name;
  const findings = entry.findings;
  let summary;
  if (entry.error) {
    summary = el("p", { class: "unreadable" }, t("notChecked", { reason: entry.error }));
  } else if (!findings.length) {
    summary = el("p", { class: "clean" }, t("clean"));
  } else {
    summary = el("div", { class: "counts" }, LEVELS.map((level) =>
      el("span", { class: `count ${level}` }, count(findings.filter((f) => f.severity === level).length, level))));
  }
  $("summary").replaceChildren(summary);
  renderText(entry.lines || [], findings);
  renderFindings(findings);
  renderFields(entry.fields || []);
  hidePage();
  $("report").hidden = false;
}

function lineId(page, line) { return `l-${page || 0}-${line}`; }

function renderText(lines, findings) {
  const byLine = new Map();
  for (const f of findings) {
    if (f.line === null || f.line === undefined) continue;
    const key = lineId(f.page, f.line);
    if (!byLine.has(key)) byLine.set(key, []);
    byLine.get(key).push(f);
  }
  let page = null;
  const rows = lines.map((line) => {
    const id = lineId(line.page, line.line);
    const hits = byLine.get(id) || [];
    const classes = ["l"];
    if (hits.length) classes.push("hit");
    if (line.page !== page && page !== null) classes.push("page");
    page = line.page;
    const label = line.page ? `${line.page}:${line.line}` : `${line.line}`;
    return el("div", { class: classes.join(" "), id },
      el("span", { class: "n", title: line.ocr ? t("ocr") : "" }, label), el("span", {}, highlight(line.text, hits)));
  });
  $("text").replaceChildren(...rows);
}

// The evidence of each finding, marked in the line: at its column, else where the text is found.
function highlight(text, hits) {
  const spans = [];
  for (const f of hits) {
    const evidence = (f.evidence || "").split("\n")[0];
    if (!evidence) continue;
    let start = f.column ? f.column - 1 : -1;
    if (start < 0 || text.substr(start, evidence.length) !== evidence) start = text.indexOf(evidence);
    if (start < 0) continue;
    spans.push({ start, end: start + evidence.length, severity: f.severity, rule: f.rule });
  }
  spans.sort((a, b) => a.start - b.start);
  const out = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    out.push(text.slice(at, span.start));
    out.push(el("mark", { class: span.severity, "data-rule": span.rule }, text.slice(span.start, span.end)));
    at = span.end;
  }
  out.push(text.slice(at));
  return out;
}

function renderFindings(findings) {
  const groups = LEVELS.map((level) => {
    const items = findings.filter((f) => f.severity === level);
    if (!items.length) return null;
    return el("div", { class: "group" }, el("h3", {}, count(items.length, level)), items.map(findingCard));
  });
  $("findings").replaceChildren(...groups.filter(Boolean));
}

function findingCard(f) {
  const where = [f.page ? `${t("page")} ${f.page}` : null, f.line ? `${t("line")} ${f.line}` : null]
    .filter(Boolean).join(", ");
  return el("div", { class: `finding ${f.severity}`, "data-rule": f.rule, tabindex: "0",
    onclick: () => focusFinding(f), onkeydown: (e) => { if (e.key === "Enter") focusFinding(f); } },
    el("div", {}, el("span", { class: `badge ${f.severity}` }, t(`${f.severity}1`)), " ",
      el("button", { type: "button", class: "rule", onclick: (e) => { e.stopPropagation(); explain(f.rule); } }, f.rule),
      " ", f.message),
    el("div", { class: "where" }, where, f.ocr ? ` (${t("ocr")})` : ""),
    f.fix ? el("div", { class: "fix" }, `${t("fix")} ${f.fix}`) : null);
}

// A finding's click: its line in the text read, and for a PDF the page with the evidence framed.
function focusFinding(f) {
  document.querySelectorAll("#findings .finding.selected").forEach((n) => n.classList.remove("selected"));
  document.querySelectorAll("#text .focus").forEach((n) => n.classList.remove("focus"));
  const node = $(lineId(f.page, f.line));
  if (node) node.classList.add("focus");
  if (f.box) {
    showPage(entries[current], f);
  } else {
    showText();
    if (node) node.scrollIntoView({ block: "center" });
  }
}

function sourceOf(entry) {
  // the File a document came from, and its member's name when it came from a zip
  const cut = entry.name.indexOf("!");
  const fileName = cut >= 0 ? entry.name.slice(0, cut) : entry.name;
  const file = lastFiles.find((f) => f.name === fileName) || lastFiles[0];
  return { file, member: cut >= 0 ? entry.name.slice(cut + 1) : null };
}

async function showPage(entry, f) {
  const { file, member } = sourceOf(entry);
  const box = f.box;
  const query = new URLSearchParams({ page: String(box.page), box: [box.x0, box.top, box.x1, box.bottom].join(","), lang });
  if (member) query.set("member", member);
  const body = new FormData();
  body.append("file", file);
  const shownFor = current;
  const response = await fetch(`/api/page?${query}`, { method: "POST", body });
  if (shownFor !== current) return;
  if (!response.ok) {
    const data = await response.json().catch(() => ({ error: response.statusText }));
    $("page-caption").textContent = data.error || response.statusText;
    return;
  }
  if (pageUrl) URL.revokeObjectURL(pageUrl);
  pageUrl = URL.createObjectURL(await response.blob());
  const image = $("page-image");
  image.dataset.scale = response.headers.get("X-Page-Scale") || "";
  image.dataset.box = [box.x0, box.top, box.x1, box.bottom].join(",");
  image.alt = t("pageOf", { page: box.page, name: entry.name });
  $("page-caption").textContent = t("pageOf", { page: box.page, name: entry.name });
  image.src = pageUrl;
  await image.decode().catch(() => null);
  showPageTab();
  $("page-view").scrollIntoView({ block: "nearest" });
}

function hidePage() {
  $("page-image").removeAttribute("src");
  $("page-caption").textContent = t("noPage");
  showText();
}

function showPageTab() {
  $("page-view").hidden = false;
  $("text").hidden = true;
  $("tab-page").classList.add("active");
  $("tab-text").classList.remove("active");
}

function showText() {
  $("page-view").hidden = true;
  $("text").hidden = false;
  $("tab-text").classList.add("active");
  $("tab-page").classList.remove("active");
  const focus = document.querySelector("#text .focus");
  if (focus) focus.scrollIntoView({ block: "center" });
}

async function explain(rule) {
  const response = await fetch(`/api/rules/${encodeURIComponent(rule)}?lang=${lang}`);
  const data = await response.json();
  $("explain-title").textContent = `${data.id} — ${data.summary || data.error}`;
  $("explain-source").textContent = data.source ? `${t("source")}${t("colon")}${data.source}` : "";
  $("explain-doc").textContent = data.documentation || "";
  $("explain").showModal();
}

const count = (n, level) => `${n} ${t(n === 1 ? level + "1" : level)}`;

// The fields in words, as the server wrote them (the same as the HTML report's).
function renderFields(sections) {
  const blocks = [];
  for (const section of sections) {
    blocks.push(el("h3", {}, section.title));
    blocks.push(el("dl", {}, section.rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])));
    if (section.table) {
      blocks.push(el("div", { class: "table-wrap" }, el("table", {},
        el("tr", {}, section.table.columns.map((h) => el("th", {}, h))),
        section.table.rows.map((row) => el("tr", {}, row.map((v) => el("td", {}, v)))))));
    }
  }
  $("fields").replaceChildren(...blocks);
}

function download(name, text, type) {
  const url = URL.createObjectURL(text instanceof Blob ? text : new Blob([text], { type }));
  const link = el("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function downloadHtml() {
  if (!lastFiles) return;
  const body = new FormData();
  for (const file of lastFiles) body.append("file", file);
  const response = await fetch(`/api/batch?format=html&lang=${lang}`, { method: "POST", body });
  download("ent-lint-report.html", await response.blob(), "text/html");
}

async function downloadSarif() {
  if (current === null) return;
  const { file, member } = sourceOf(entries[current]);
  if (member) return;
  const body = new FormData();
  body.append("file", file);
  const response = await fetch(`/api/lint?format=sarif&lang=${lang}`, { method: "POST", body });
  download(`${file.name}.sarif`, await response.text(), "application/sarif+json");
}

// The findings and errors of every document checked, as the JSON report gives them.
function downloadJson() {
  const done = entries.filter(Boolean);
  if (!done.length) return;
  const report = { tool: "ent-lint", findings: done.flatMap((e) => e.findings),
    errors: done.filter((e) => e.error).map((e) => ({ path: e.name, outcome: e.outcome, message: e.error })) };
  const name = done.length === 1 ? `${done[0].name.split("!").pop().split("/").pop()}.json` : "ent-lint-report.json";
  download(name, JSON.stringify(report, null, 2), "application/json");
}

document.addEventListener("DOMContentLoaded", () => {
  const input = $("file");
  const drop = $("drop");
  input.addEventListener("change", () => { if (input.files.length) checkAll([...input.files]); });
  ["dragenter", "dragover"].forEach((type) => drop.addEventListener(type, (e) => { e.preventDefault(); drop.classList.add("over"); }));
  ["dragleave", "drop"].forEach((type) => drop.addEventListener(type, () => drop.classList.remove("over")));
  drop.addEventListener("drop", (e) => { e.preventDefault(); if (e.dataTransfer.files.length) checkAll([...e.dataTransfer.files]); });
  $("lang").addEventListener("click", () => { lang = lang === "fr" ? "en" : "fr"; translate(); });
  $("download-html").addEventListener("click", downloadHtml);
  $("download-json").addEventListener("click", downloadJson);
  $("download-sarif").addEventListener("click", downloadSarif);
  $("tab-page").addEventListener("click", () => { if ($("page-image").getAttribute("src")) showPageTab(); });
  $("tab-text").addEventListener("click", showText);
  translate();
});
