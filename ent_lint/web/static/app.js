// ent-lint page: upload a document, show the findings, the text read and the fields extracted.
// Plain JavaScript, no framework, nothing fetched from outside this server.
"use strict";

const STRINGS = {
  fr: {
    tagline: "Vérifiez une délibération et sa convention avant la transmission au contrôle de légalité.",
    drop: "Déposez un PDF ou un fichier texte ici, ou cliquez pour le choisir.",
    findings: "Constats", fields: "Champs extraits", text: "Texte lu", close: "Fermer",
    downloadJson: "Télécharger le rapport JSON", downloadSarif: "Télécharger le rapport SARIF",
    privacy: "Le document est vérifié sur ce serveur puis oublié\u00a0: rien n'est conservé.",
    checking: "Vérification de «\u00a0{name}\u00a0»…", done: "«\u00a0{name}\u00a0»\u00a0: {n} constats.",
    done1: "«\u00a0{name}\u00a0»\u00a0: 1 constat.", none: "Aucun constat.",
    columns: ["Type", "UAI", "Nom", "Adresse", "Courriel"],
    error: "erreurs", warning: "avertissements", info: "informations", page: "page", line: "ligne",
    error1: "erreur", warning1: "avertissement", info1: "information", fix: "Correction\u00a0:", ocr: "lu par OCR", source: "Source", deliberation: "Délibération",
    convention: "Convention", counts: "Effectifs", present: "Présents", proxies: "Pouvoirs", absent: "Absents",
    secretary: "Secrétaire", vote: "Vote", sitting: "Séance", convened: "Convocation", parties: "Parties",
    duration: "Durée", end: "Fin", signed: "Signature", schools: "Écoles", unanimous: "à l'unanimité",
    inOffice: "en exercice", represented: "représentés", voting: "votants", switchTo: "English", colon: "\u00a0: ",
  },
  en: {
    tagline: "Check a deliberation and its convention before it goes to the prefecture.",
    drop: "Drop a PDF or a text file here, or click to choose one.",
    findings: "Findings", fields: "Extracted fields", text: "Text read", close: "Close",
    downloadJson: "Download the JSON report", downloadSarif: "Download the SARIF report",
    privacy: "The document is checked on this server, then forgotten: nothing is kept.",
    checking: "Checking “{name}”…", done: "“{name}”: {n} findings.", done1: "“{name}”: 1 finding.",
    none: "No findings.", columns: ["Type", "UAI", "Name", "Address", "Email"],
    error: "errors", warning: "warnings", info: "notes", page: "page", line: "line",
    error1: "error", warning1: "warning", info1: "note", fix: "Fix:", ocr: "read by OCR", source: "Source", deliberation: "Deliberation",
    convention: "Convention", counts: "Counts", present: "Present", proxies: "Proxies", absent: "Absent",
    secretary: "Secretary", vote: "Vote", sitting: "Sitting", convened: "Convened", parties: "Parties",
    duration: "Duration", end: "End", signed: "Signed", schools: "Schools", unanimous: "unanimous",
    inOffice: "in office", represented: "represented", voting: "voting", switchTo: "Français", colon: ": ",
  },
};
const LEVELS = ["error", "warning", "info"];
// French unless the server was started with --lang en; the switch changes it, and the findings
// and explanations are asked again in the new language (the server renders them).
let lang = document.documentElement.lang === "en" ? "en" : "fr";
let lastFile = null;
let lastReport = null;

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
  if (lastFile) check(lastFile);
}

async function check(file) {
  lastFile = file;
  const status = $("status");
  status.className = "";
  status.textContent = t("checking", { name: file.name });
  const body = new FormData();
  body.append("file", file);
  let response;
  try {
    response = await fetch(`/api/lint?details=1&lang=${lang}`, { method: "POST", body });
  } catch (err) {
    status.className = "failed";
    status.textContent = String(err);
    return;
  }
  const data = await response.json().catch(() => ({ error: response.statusText }));
  if (!response.ok) {
    $("report").hidden = true;
    status.className = "failed";
    status.textContent = data.error || response.statusText;
    return;
  }
  lastReport = data;
  render(data);
}

function render(data) {
  const findings = data.findings;
  $("status").textContent = findings.length
    ? t(findings.length === 1 ? "done1" : "done", { name: lastFile.name, n: findings.length }) : t("none");
  $("summary").replaceChildren(el("div", { class: "counts" },
    LEVELS.map((level) => el("span", { class: `count ${level}` },
      count(findings.filter((f) => f.severity === level).length, level)))));
  renderText(data.details ? data.details.lines : [], findings);
  renderFindings(findings);
  renderFields(data.details ? data.details.document : null);
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
  const card = el("div", { class: `finding ${f.severity}`, "data-rule": f.rule,
    onclick: () => focusLine(f) },
    el("div", {}, el("button", { type: "button", class: "rule", onclick: (e) => { e.stopPropagation(); explain(f.rule); } }, f.rule),
      " ", f.message),
    el("div", { class: "where" }, where, f.ocr ? ` (${t("ocr")})` : ""),
    f.fix ? el("div", { class: "fix" }, `${t("fix")} ${f.fix}`) : null);
  return card;
}

function focusLine(f) {
  document.querySelectorAll("#text .focus").forEach((n) => n.classList.remove("focus"));
  const node = $(lineId(f.page, f.line));
  if (node) { node.classList.add("focus"); node.scrollIntoView({ block: "center" }); }
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
const names = (people) => (people || []).map((p) => p.name).join(", ");

function renderFields(doc) {
  if (!doc) { $("fields").replaceChildren(); return; }
  const blocks = [];
  doc.deliberations.forEach((d, i) => {
    const c = d.counts || {};
    const vote = d.vote || {};
    const voteText = vote.unanimous ? t("unanimous")
      : [vote.for, vote.against, vote.abstain].some((v) => v !== null && v !== undefined)
        ? `${vote.for ?? "?"} / ${vote.against ?? "?"} / ${vote.abstain ?? "?"}` : "—";
    blocks.push(el("h3", {}, `${t("deliberation")} ${d.number || i + 1}${d.title ? " — " + d.title : ""}`));
    blocks.push(dl([
      [t("sitting"), [d.session.date, d.session.time, d.session.place].filter(Boolean).join(" · ")],
      [t("convened"), fmtDate(d.convened_on)],
      [t("counts"), `${c.in_office ?? "?"} ${t("inOffice")}, ${c.present ?? "?"} ${t("present").toLowerCase()},`
        + ` ${c.represented ?? "?"} ${t("represented")}, ${c.voting ?? "?"} ${t("voting")}`],
      [`${t("present")} (${d.present.length})`, names(d.present)],
      [`${t("proxies")} (${d.proxies.length})`, d.proxies.map((p) => `${p.grantor.name} → ${p.holder.name}`).join(", ")],
      [`${t("absent")} (${d.absent.length})`, names(d.absent)],
      [t("secretary"), d.secretary ? d.secretary.name : "—"],
      [t("vote"), voteText],
    ]));
  });
  for (const conv of doc.conventions) {
    blocks.push(el("h3", {}, `${t("convention")}${conv.title ? " — " + conv.title : ""}`));
    blocks.push(dl([
      [t("parties"), conv.parties.map((p) => p.name).filter(Boolean).join(" ; ")],
      [t("duration"), conv.duration || "—"],
      [t("end"), fmtDate(conv.end_date)],
      [t("signed"), [conv.signed_place, fmtDate(conv.signed_on)].filter(Boolean).join(", ")],
    ]));
    if (conv.schools.length) {
      blocks.push(el("h4", {}, t("schools")));
      blocks.push(el("table", {}, el("tr", {}, STRINGS[lang].columns.map((h) => el("th", {}, h))),
        conv.schools.map((s) => el("tr", {}, [s.type, s.uai, s.name, s.address, s.email].map((v) => el("td", {}, v || ""))))));
    }
  }
  $("fields").replaceChildren(...blocks);
}

function fmtDate(value) {
  if (value === null || value === undefined) return "—";
  if (typeof value === "object" && value.blank) return `«\u00a0${value.text}\u00a0»`;
  return String(value);
}

function dl(rows) {
  return el("dl", {}, rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v || "—")]));
}

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function downloadSarif() {
  if (!lastFile) return;
  const body = new FormData();
  body.append("file", lastFile);
  const response = await fetch(`/api/lint?format=sarif&lang=${lang}`, { method: "POST", body });
  download(`${lastFile.name}.sarif`, await response.text(), "application/sarif+json");
}

function downloadJson() {
  if (!lastReport) return;
  const { details, ...report } = lastReport;
  download(`${lastFile.name}.json`, JSON.stringify(report, null, 2), "application/json");
}

document.addEventListener("DOMContentLoaded", () => {
  const input = $("file");
  const drop = $("drop");
  input.addEventListener("change", () => { if (input.files.length) check(input.files[0]); });
  ["dragenter", "dragover"].forEach((type) => drop.addEventListener(type, (e) => { e.preventDefault(); drop.classList.add("over"); }));
  ["dragleave", "drop"].forEach((type) => drop.addEventListener(type, () => drop.classList.remove("over")));
  drop.addEventListener("drop", (e) => { e.preventDefault(); if (e.dataTransfer.files.length) check(e.dataTransfer.files[0]); });
  $("lang").addEventListener("click", () => { lang = lang === "fr" ? "en" : "fr"; translate(); });
  $("download-json").addEventListener("click", downloadJson);
  $("download-sarif").addEventListener("click", downloadSarif);
  translate();
});
