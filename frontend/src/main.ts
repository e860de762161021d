import { createApp } from 'vue'
// Vant components and their styles are imported per use (unplugin-vue-components, vite.config.ts);
// the function APIs (showToast) bring their own style import where they are used.
import './styles.css'
import App from './App.vue'
import { router } from './router'
import { i18n } from './i18n'
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

app.mount('#app')
startAlerts()
// Complaints saved offline are sent now, and whenever the network comes back.
startOutbox()
