import { createI18n } from 'vue-i18n'
import { Locale as VantLocale } from 'vant'
import vantZhCN from 'vant/es/locale/lang/zh-CN'
import vantEnUS from 'vant/es/locale/lang/en-US'
import zhCN, { type MessageSchema } from './zh-CN'
import en from './en'
import { ApiError } from '../api/http'

export type AppLocale = 'zh-CN' | 'en'
const STORAGE_KEY = 'qsradar.locale'

function initialLocale(): AppLocale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    if (saved === 'zh-CN' || saved === 'en') return saved
  } catch {
    /* ignore */
  }
  return 'zh-CN'
}

export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})

function applyLocaleSideEffects(locale: AppLocale): void {
  document.documentElement.lang = locale
  if (locale === 'en') VantLocale.use('en-US', vantEnUS)
  else VantLocale.use('zh-CN', vantZhCN)
  document.title = i18n.global.t('app.name')
}

applyLocaleSideEffects(i18n.global.locale.value)

export function currentLocale(): AppLocale {
  return i18n.global.locale.value
}

export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    /* ignore */
  }
  applyLocaleSideEffects(locale)
}

export function toggleLocale(): void {
  setLocale(currentLocale() === 'zh-CN' ? 'en' : 'zh-CN')
}

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
