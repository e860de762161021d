import { createApp } from 'vue'
// Vant components and their styles are imported per use (unplugin-vue-components, vite.config.ts);
// the function APIs (showToast) bring their own style import where they are used.
import './styles.css'
import App from './App.vue'
import { router } from './router'
import { i18n, localeReady } from './i18n'
import { startAlerts } from './alerts'
import { installChunkRecovery } from './composables/useNetwork'
import { startOutbox } from './complaints/outbox'
import { countryName, formatCny, formatDate, formatDateTime, formatNumber, formatPercent } from './utils/format'

const app = createApp(App)
app.use(i18n)
app.use(router)
installChunkRecovery(router)

// Notifications (alerts.ts) ask for navigation through this event.
window.addEventListener('qsradar:navigate', (ev) => {
  const path = (ev as CustomEvent<string>).detail
  if (typeof path === 'string') void router.push(path)
})

/** Run `task` once the page has loaded and the main thread is idle (at most `timeoutMs` later). */
function whenIdle(task: () => void, timeoutMs = 2000): void {
  const schedule = (): void => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(() => task(), { timeout: timeoutMs })
    else setTimeout(task, 1)
  }
  if (document.readyState === 'complete') schedule()
  else window.addEventListener('load', schedule, { once: true })
}

/**
 * Build the Intl formatters (utils/format.ts keeps them) and load their locale data while the
 * first page waits for its data: the first list then renders without that cost, one at a time so
 * that no single task is long.
 */
function warmFormatters(): void {
  const now = new Date().toISOString()
  const steps = [() => formatDate(now), () => formatDateTime(now), () => formatNumber(1), () => formatCny(1), () => formatPercent(0.5), () => countryName('CN')]
  const next = (): void => {
    const step = steps.shift()
    if (!step) return
    step()
    setTimeout(next, 0)
  }
  setTimeout(next, 0)
}

// Mounted once the saved language is in place (English is a chunk of its own); the first screen
// comes first, then the alert socket (its events are replayed from the log, nothing is missed)
// and the complaints saved offline (sent now, and whenever the network comes back).
void localeReady.finally(() => {
  app.mount('#app')
  warmFormatters()
  whenIdle(() => {
    startAlerts()
    startOutbox()
  })
})
