import { i18n } from '../i18n'
import type { WarningLevel } from '../api/types'

/** Level fills: the colour families of the four levels (red, orange, yellow, blue). */
export const LEVEL_COLOURS: Record<WarningLevel, string> = {
  RED: '#d9001b',
  ORANGE: '#ff7d00',
  YELLOW: '#f5c400',
  BLUE: '#0a5fe0',
}

/** Text on the level fill, ≥ 4.5:1 (WCAG AA): 5.3, 6.2, 8.1 and 5.6 to 1. */
export const LEVEL_TEXT: Record<WarningLevel, string> = {
  RED: '#ffffff',
  ORANGE: '#3a1a00',
  YELLOW: '#3a2e00',
  BLUE: '#ffffff',
}

/** The level colour as text or outline on white, ≥ 4.5:1 (6.3, 5.2, 6.3 and 5.6 to 1). */
export const LEVEL_INK: Record<WarningLevel, string> = {
  RED: '#c4001a',
  ORANGE: '#b54d00',
  YELLOW: '#7a5c00',
  BLUE: '#0a5fe0',
}

/** Lifted: green fill with white text (5.2:1). */
export const LIFTED_COLOUR = '#067d45'

function intlLocale(): string {
  return i18n.global.locale.value === 'en' ? 'en-GB' : 'zh-CN'
}

// Intl formatters are costly to build (a list of 20 cards built ~100 of them): one per locale and
// options, kept.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()
function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${intlLocale()}|${JSON.stringify(options)}`
  let f = formatters.get(key) as Intl.DateTimeFormat | undefined
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(intlLocale(), options)))
  return f
}
function numberFormat(options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `n|${intlLocale()}|${JSON.stringify(options)}`
  let f = formatters.get(key) as Intl.NumberFormat | undefined
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(intlLocale(), options)))
  return f
}
const DATE_TIME: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }
const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' }

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return dateFormat(DATE_TIME).format(d)
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return dateFormat(DATE).format(d)
}

export function formatNumber(n: number | null | undefined): string {
  if (n == null) return '—'
  return numberFormat().format(n)
}

/** CNY amount; large amounts in compact form (8,566.4万 / CN¥85.66M). */
export function formatCny(n: number | null | undefined): string {
  if (n == null) return '—'
  if (Math.abs(n) >= 100_000) {
    return numberFormat({ style: 'currency', currency: 'CNY', notation: 'compact', maximumSignificantDigits: 5 }).format(n)
  }
  return numberFormat({ style: 'currency', currency: 'CNY', maximumFractionDigits: 2 }).format(n)
}

/** completionRate is a fraction 0..1 */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction == null) return '—'
  return numberFormat({ style: 'percent', maximumFractionDigits: 1 }).format(fraction)
}

export function percentValue(fraction: number | null | undefined): number {
  if (fraction == null || !Number.isFinite(fraction)) return 0
  return Math.max(0, Math.min(100, Math.round(fraction * 1000) / 10))
}

/** English title when the UI is in English and one exists. */
export function warningTitle(w: { title: string; titleEn?: string | null }): string {
  return i18n.global.locale.value === 'en' && w.titleEn ? w.titleEn : w.title
}

/** Country code → localised region name when the browser knows it. */
// One DisplayNames per locale: building one per call cost 72 ms on a warning page (Lighthouse, 4x CPU).
const regionNames = new Map<string, Intl.DisplayNames>()
export function countryName(code: string): string {
  try {
    const locale = intlLocale()
    let dn = regionNames.get(locale)
    if (!dn) {
      dn = new Intl.DisplayNames([locale], { type: 'region' })
      regionNames.set(locale, dn)
    }
    const name = dn.of(code)
    return name && name !== code ? `${name} (${code})` : code
  } catch {
    return code
  }
}

/** Split a free-text list ("a, b c；d") into items. */
export function splitList(s: string): string[] {
  return s
    .split(/[\s,，;；、]+/)
    .map((x) => x.trim())
    .filter(Boolean)
}
