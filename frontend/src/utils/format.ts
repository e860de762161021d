import { i18n } from '../i18n'
import type { WarningLevel } from '../api/types'

export const LEVEL_COLOURS: Record<WarningLevel, string> = {
  RED: '#d9001b',
  ORANGE: '#ff7d00',
  YELLOW: '#f5c400',
  BLUE: '#1e6fff',
}

/** Text colour readable on the level colour. */
export const LEVEL_TEXT: Record<WarningLevel, string> = {
  RED: '#ffffff',
  ORANGE: '#ffffff',
  YELLOW: '#3a2e00',
  BLUE: '#ffffff',
}

function intlLocale(): string {
  return i18n.global.locale.value === 'en' ? 'en-GB' : 'zh-CN'
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return new Intl.DateTimeFormat(intlLocale(), {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(d)
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return new Intl.DateTimeFormat(intlLocale(), { year: 'numeric', month: '2-digit', day: '2-digit' }).format(d)
}

export function formatNumber(n: number | null | undefined): string {
  if (n == null) return '—'
  return new Intl.NumberFormat(intlLocale()).format(n)
}

/** CNY amount; large amounts in compact form (8,566.4万 / CN¥85.66M). */
export function formatCny(n: number | null | undefined): string {
  if (n == null) return '—'
  if (Math.abs(n) >= 100_000) {
    return new Intl.NumberFormat(intlLocale(), { style: 'currency', currency: 'CNY', notation: 'compact', maximumSignificantDigits: 5 }).format(n)
  }
  return new Intl.NumberFormat(intlLocale(), { style: 'currency', currency: 'CNY', maximumFractionDigits: 2 }).format(n)
}

/** completionRate is a fraction 0..1 */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction == null) return '—'
  return new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 1 }).format(fraction)
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
export function countryName(code: string): string {
  try {
    const dn = new Intl.DisplayNames([intlLocale()], { type: 'region' })
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
