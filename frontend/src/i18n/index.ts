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

/** Human message for any error (GraphQL error code → localised text). */
export function errorMessage(e: unknown): string {
  const t = i18n.global.t
  if (e instanceof ApiError) {
    if (e.code === 'RATE_LIMITED') {
      return e.retryAfter != null ? t('errors.RATE_LIMITED', { retryAfter: Math.ceil(e.retryAfter) }) : t('errors.RATE_LIMITED_NOWAIT')
    }
    if (e.code === 'BAD_USER_INPUT' && e.message) return `${t('errors.BAD_USER_INPUT')}: ${e.message}`
    return t(`errors.${e.code}`)
  }
  return t('errors.INTERNAL')
}
