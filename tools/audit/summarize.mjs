// Reads the Lighthouse JSON reports scripts/audit.sh wrote, prints a table of scores (for each page the run with the median
// performance score), lists every audit that did not pass in accessibility, best practices and SEO, and rewrites the part of
// docs/audit.md between the audit:begin and audit:end markers.
//   node tools/audit/summarize.mjs <reports folder> <runs> <chromium version> <commit> <base url>
import { readFileSync, writeFileSync, existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import os from "node:os";

const [folder, runsText, chromium, commit, base] = process.argv.slice(2);
const runs = Number(runsText);
const require = createRequire(import.meta.url);
const lighthouseVersion = require("lighthouse/package.json").version;
const axeVersion = require("axe-core/package.json").version;

const categories = ["performance", "accessibility", "best-practices", "seo"];
const names = [...new Set(readdirSync(folder).filter((f) => f.endsWith(".report.json"))
    .map((f) => f.replace(/-\d+\.report\.json$/, "")))];
const order = ["home", "notices", "notice", "signup", "notice-large", "signup-large"];
names.sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));

const score = (report, id) => {
    const s = report.categories[id]?.score;
    return s === null || s === undefined ? null : Math.round(s * 100);
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

const rows = [];
const problems = [];
for (const name of names) {
    const reports = [];
    for (let run = 1; run <= runs; run++) {
        const file = path.join(folder, `${name}-${run}.report.json`);
        if (existsSync(file)) reports.push({ run, report: JSON.parse(readFileSync(file, "utf8")) });
    }
    const perf = reports.map((r) => score(r.report, "performance") ?? 0);
    const chosen = reports.find((r) => (score(r.report, "performance") ?? 0) === median(perf));
    const report = chosen.report;
    const audits = report.audits;
    const metric = (id) => audits[id]?.displayValue ?? "–";
    rows.push({
        name,
        path: report.finalDisplayedUrl.replace(base, "") || "/",
        scores: categories.map((c) => score(report, c)),
        perfRuns: perf,
        fcp: metric("first-contentful-paint"),
        lcp: metric("largest-contentful-paint"),
        tbt: metric("total-blocking-time"),
        cls: metric("cumulative-layout-shift"),
        warnings: report.runWarnings ?? [],
        cpu: Math.round(report.environment?.benchmarkIndex ?? 0),
        run: chosen.run,
    });
    for (const c of categories.slice(1)) {
        for (const ref of report.categories[c].auditRefs) {
            const a = audits[ref.id];
            if (ref.weight > 0 && a.score !== null && a.score < 1) {
                const items = (a.details?.items ?? []).slice(0, 5)
                    .map((i) => i.node?.snippet ?? i.source?.url ?? i.url ?? i.description ?? "").filter(Boolean);
                problems.push({ page: name, category: c, id: a.id, title: a.title, items });
            }
        }
    }
}

const cell = (s) => (s === null ? "–" : String(s));
const header = ["page", "path", "perf", "a11y", "best pr.", "SEO", "perf runs", "FCP", "LCP", "TBT", "CLS", "CPU index"];
const table = rows.map((r) => [r.name, r.path, ...r.scores.map(cell), r.perfRuns.join(" "), r.fcp, r.lcp, r.tbt, r.cls, r.cpu]);
const load = os.loadavg().map((l) => l.toFixed(1)).join(", ");
const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => String(t[i]).length)));
const line = (cols) => cols.map((c, i) => String(c).padEnd(widths[i])).join("  ");
console.log();
console.log(line(header));
for (const t of table) console.log(line(t));
console.log();
if (problems.length === 0) {
    console.log("Accessibility, best practices, SEO: every audit passed on every page.");
} else {
    console.log("Audits that did not pass:");
    for (const p of problems) {
        console.log(`  ${p.page} · ${p.category} · ${p.id}: ${p.title}`);
        for (const i of p.items) console.log(`      ${i.replace(/\s+/g, " ").slice(0, 160)}`);
    }
}
const warnings = [...new Set(rows.flatMap((r) => r.warnings))];
for (const w of warnings) console.log(`Lighthouse warning: ${w.replace(/\s+/g, " ")}`);
console.log(`\nLoad average at the end: ${load} on ${os.cpus().length} cores; CPU index is Lighthouse's benchmarkIndex of the run shown ` +
    "(a quiet desktop scores well over 1000; lower means a busy or slow machine and a lower performance score).");
console.log(`Reports: ${folder} (<page>-<run>.report.html); Lighthouse ${lighthouseVersion}, axe-core ${axeVersion}, ${chromium}`);

if (process.env.NO_DOCS) process.exit(0);
const docs = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "..", "docs", "audit.md");
const md = [
    "<!-- audit:begin (written by scripts/audit.sh; edit outside these markers) -->",
    `Last run: ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, commit ${commit}; Lighthouse ${lighthouseVersion} ` +
        `(axe-core ${axeVersion}), ${chromium}; mobile emulation with simulated throttling; ${runs} run(s) per page, the run ` +
        `with the median performance score shown. Load average at the end: ${load} on ${os.cpus().length} cores.`,
    "",
    "| page | path | performance | accessibility | best practices | SEO | performance, every run | FCP | LCP | TBT | CLS | CPU index |",
    "| --- | --- | --: | --: | --: | --: | --- | --: | --: | --: | --: | --: |",
    ...rows.map((r) => `| ${r.name} | \`${r.path}\` | ${r.scores.map(cell).join(" | ")} | ${r.perfRuns.join(", ")} | ` +
        `${r.fcp} | ${r.lcp} | ${r.tbt} | ${r.cls} | ${r.cpu} |`),
    "",
    problems.length === 0
        ? "Every accessibility, best-practices and SEO audit passed on every page."
        : ["Audits that did not pass:", "", ...problems.map((p) => `- ${p.page} · ${p.category} · \`${p.id}\`: ${p.title}`)].join("\n"),
    ...(warnings.length ? ["", ...warnings.map((w) => `Lighthouse warned: ${w.replace(/\s+/g, " ")}`)] : []),
    "<!-- audit:end -->",
].join("\n");
let text = existsSync(docs) ? readFileSync(docs, "utf8") : "# Accessibility and Lighthouse audit\n\n<!-- audit:begin -->\n<!-- audit:end -->\n";
text = text.replace(/<!-- audit:begin[\s\S]*?<!-- audit:end -->/, md);
writeFileSync(docs, text);
console.log(`Wrote ${path.relative(process.cwd(), docs)}`);
