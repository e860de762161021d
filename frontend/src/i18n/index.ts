import { createI18n } from 'vue-i18n'
import { Locale as VantLocale } from 'vant'
import vantZhCN from 'vant/es/locale/lang/zh-CN'
import zhCN from './zh-CN'
import type en from './en'
import { ApiError } from '../api/http'

export type AppLocale = 'zh-CN' | 'en'
export type MessageSchema = typeof zhCN
const STORAGE_KEY = 'qsradar.locale'

// en.ts has exactly zh-CN.ts's keys (both ways, at every depth): a type-only check, since the
// English messages are loaded only when that language is chosen.
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Assert<T extends true> = T
export type EnglishMatchesChinese = Assert<SameShape<typeof en, MessageSchema>>

function initialLocale(): AppLocale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    if (saved === 'zh-CN' || saved === 'en') return saved
  } catch {
    /* ignore */
  }
  return 'zh-CN'
}

// Chinese (the default) ships with the app; English and Vant's English strings are a chunk of
// their own, downloaded the first time English is chosen (or at start when it was saved).
export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN } as Record<AppLocale, MessageSchema>,
})

let englishLoaded: Promise<void> | null = null

function loadEnglish(): Promise<void> {
  englishLoaded ??= Promise.all([import('./en'), import('vant/es/locale/lang/en-US')]).then(([messages, vant]) => {
    i18n.global.setLocaleMessage('en', messages.default)
    VantLocale.add({ 'en-US': vant.default })
  }).catch((e: unknown) => {
    englishLoaded = null // offline: a later switch tries again
    throw e
  })
  return englishLoaded
}

function applyLocaleSideEffects(locale: AppLocale): void {
  document.documentElement.lang = locale
  if (locale === 'en') VantLocale.use('en-US')
  else VantLocale.use('zh-CN', vantZhCN)
  document.title = i18n.global.t('app.name')
}

export function currentLocale(): AppLocale {
  return i18n.global.locale.value
}

/** Switch language (English is downloaded first, once); resolves when the page shows it. */
export async function setLocale(locale: AppLocale): Promise<void> {
  if (locale === 'en') {
    try {
      await loadEnglish()
    } catch {
      return // the chunk could not be downloaded: stay in the current language
    }
  }
  i18n.global.locale.value = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    /* ignore */
  }
  applyLocaleSideEffects(locale)
}

export function toggleLocale(): Promise<void> {
  return setLocale(currentLocale() === 'zh-CN' ? 'en' : 'zh-CN')
}

/** Resolves when the saved language's messages are in place (main.ts mounts the app then). */
export const localeReady: Promise<void> = initialLocale() === 'en' ? setLocale('en') : Promise.resolve(applyLocaleSideEffects('zh-CN'))

/**
 * What the failed action was, when the server's code alone does not say what happened: the
 * contract's CONFLICT covers a taken email, a same-level change and a stale revision alike.
 */
export type ErrorContext = 'signUp' | 'adjust' | 'publish' | 'lift' | 'application' | null

/** The user's-language message for a server field error (never the server's own sentence). */
export function fieldErrorMessage(field: string): string {
  const t = i18n.global.t
  const key = `fieldErrors.${field}`
  return i18n.global.te(key) ? t(key) : t('fieldErrors.other')
}

/** Human message for any error (GraphQL error code → localised text), never a raw server sentence. */
export function errorMessage(e: unknown, context: ErrorContext = null, extra: { sameLevel?: boolean } = {}): string {
  const t = i18n.global.t
  if (e instanceof ApiError) {
    if (e.code === 'RATE_LIMITED') {
      return e.retryAfter != null ? t('errors.RATE_LIMITED', { retryAfter: Math.ceil(e.retryAfter) }) : t('errors.RATE_LIMITED_NOWAIT')
    }
    if (e.code === 'BAD_USER_INPUT' && e.field) {
      if (e.field === 'authorizationRef') return t('errors.authorizationMissing')
      return `${t('errors.BAD_USER_INPUT')}: ${fieldErrorMessage(e.field)}`
    }
    if (e.code === 'CONFLICT') {
      if (context === 'signUp') return t('errors.emailTaken')
      if (context === 'adjust' && extra.sameLevel) return t('errors.sameLevel')
      if (context === 'adjust' || context === 'publish' || context === 'lift') return t('errors.wrongStatus')
      // extensions.reason: WRONG_STATUS, SAME_LEVEL, STALE, EMAIL_TAKEN, DUPLICATE
      const reason = e.errors[0]?.extensions?.reason
      if (context === 'application' && reason !== 'STALE') return t('conflicts.application')
      if (typeof reason === 'string' && i18n.global.te(`conflicts.${reason}`)) return t(`conflicts.${reason}`)
    }
    return t(`errors.${e.code}`)
  }
  return t('errors.INTERNAL')
}
