// Lighthouse (mobile, default simulated throttling) on the consumer home, a warning detail and
// the recall list, against a running service. Prints the four scores per page and writes them
// (with CLS and LCP) as JSON.
//
//   node scripts/lighthouse.mjs [--base http://127.0.0.1:8000] [--out lighthouse/summary.json] [--reports DIR] [--runs N]
//   (--runs N, or QSRADAR_LIGHTHOUSE_RUNS: N runs per page, the median one kept; default 1)
//   (QSRADAR_LIGHTHOUSE_TRACES=1 also writes each page's trace next to its report)
//
// Uses Debian's /usr/bin/chromium (CHROME_PATH overrides). Exits 0 whatever the scores are:
// tests/test_frontend_lighthouse_browser.py compares them with the targets.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import lighthouse from 'lighthouse'
import * as chromeLauncher from 'chrome-launcher'

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback
}

const base = arg('base', process.env.QSRADAR_URL ?? 'http://127.0.0.1:8000').replace(/\/$/, '')
const out = arg('out', 'lighthouse/summary.json')
const reports = arg('reports', null)
const runCount = Math.max(1, Number.parseInt(arg('runs', process.env.QSRADAR_LIGHTHOUSE_RUNS ?? '1'), 10) || 1)
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium'
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo']

async function firstWarningId() {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ warnings(first: 1) { edges { node { id } } } }' }),
  })
  const body = await res.json()
  const id = body?.data?.warnings?.edges?.[0]?.node?.id
  if (!id) throw new Error(`no public warning at ${base}`)
  return id
}

const pages = [
  { name: 'home', url: `${base}/` },
  { name: 'warning', url: `${base}/warnings/${encodeURIComponent(await firstWarningId())}` },
  { name: 'recalls', url: `${base}/recalls` },
]

const summary = { base, at: new Date().toISOString(), pages: {} }
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
})
try {
  for (const page of pages) {
    // Several runs when asked (--runs N): the one with the median Performance score is kept, as
    // Lighthouse's own guidance on variability advises (a shared machine's load moves the score).
    const runs = []
    for (let i = 0; i < runCount; i++) {
      // A run whose trace was not recorded (NO_NAVSTART, seen on the first page of a cold browser) measured
      // nothing: it is tried again, up to twice, rather than counted.
      let result
      for (let attempt = 0; attempt < 3; attempt++) {
        result = await lighthouse(page.url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES })
        if (!result) throw new Error(`no Lighthouse result for ${page.url}`)
        if (!result.lhr.runtimeError) break
        console.error(`${page.name ?? page.url}: ${result.lhr.runtimeError.code ?? 'runtime error'}; trying again`)
      }
      runs.push(result)
    }
    const performanceOf = (r) => r.lhr.categories.performance?.score ?? 0
    // A run Lighthouse could not record (NO_NAVSTART and the like, seen on a loaded machine) is
    // left out when another run succeeded.
    const recorded = runs.filter((r) => !r.lhr.runtimeError)
    const sorted = (recorded.length > 0 ? recorded : runs).sort((a, b) => performanceOf(a) - performanceOf(b))
    const result = sorted[Math.floor((sorted.length - 1) / 2)]
    const lhr = result.lhr
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]))
    const failing = {}
    for (const c of CATEGORIES) {
      for (const ref of lhr.categories[c]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id]
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failing[ref.id] = audit.score
      }
    }
    summary.pages[page.name] = {
      url: page.url,
      ...scores,
      cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? null,
      lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? null,
      fcpMs: lhr.audits['first-contentful-paint']?.numericValue ?? null,
      tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? null,
      runtimeError: lhr.runtimeError?.message ?? null,
      failedRuns: runs.length - recorded.length,
      notFull: failing,
      performanceRuns: runs.map((r) => Math.round(performanceOf(r) * 100)),
      // The worst CLS of all runs (a layout shift is a bug, not noise).
      worstCls: Math.max(...sorted.map((r) => r.lhr.audits['cumulative-layout-shift']?.numericValue ?? Infinity)),
    }
    const p = summary.pages[page.name]
    console.log(
      `${page.name.padEnd(8)} performance ${p.performance}  accessibility ${p.accessibility}  best-practices ${p['best-practices']}  seo ${p.seo}` +
        `  CLS ${p.cls?.toFixed(3)}  LCP ${Math.round(p.lcpMs ?? 0)} ms  TBT ${Math.round(p.tbtMs ?? 0)} ms` +
        (runs.length > 1 ? `  (performance of the runs: ${p.performanceRuns.join(', ')})` : ''),
    )
    if (reports) {
      mkdirSync(reports, { recursive: true })
      writeFileSync(join(reports, `${page.name}.json`), result.report)
      // The page's trace too, for a look at its long tasks (chrome://tracing, DevTools Performance).
      if (process.env.QSRADAR_LIGHTHOUSE_TRACES === '1' && result.artifacts?.Trace) {
        writeFileSync(join(reports, `${page.name}.trace.json`), JSON.stringify(result.artifacts.Trace))
      }
    }
  }
} finally {
  await chrome.kill()
}
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, JSON.stringify(summary, null, 2))
console.log(`summary written to ${out}`)
