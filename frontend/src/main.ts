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

// Mounted once the saved language is in place (English is a chunk of its own); the first screen
// comes first, then the alert socket (its events are replayed from the log, nothing is missed)
// and the complaints saved offline (sent now, and whenever the network comes back).
void localeReady.finally(() => {
  app.mount('#app')
  whenIdle(() => {
    startAlerts()
    startOutbox()
  })
})
