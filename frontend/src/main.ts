import { createApp } from 'vue'
import {
  Button,
  Cell,
  CellGroup,
  Checkbox,
  CheckboxGroup,
  Empty,
  Field,
  Icon,
  List,
  Loading,
  NavBar,
  Popup,
  Progress,
  PullRefresh,
  Search,
  Skeleton,
  Step,
  Steps,
  Tab,
  Tabbar,
  TabbarItem,
  Tabs,
  Tag,
} from 'vant'
// Styles of the Vant components in use (instead of the whole library's CSS).
import 'vant/es/button/style/index'
import 'vant/es/cell/style/index'
import 'vant/es/cell-group/style/index'
import 'vant/es/checkbox/style/index'
import 'vant/es/checkbox-group/style/index'
import 'vant/es/empty/style/index'
import 'vant/es/field/style/index'
import 'vant/es/icon/style/index'
import 'vant/es/list/style/index'
import 'vant/es/loading/style/index'
import 'vant/es/nav-bar/style/index'
import 'vant/es/popup/style/index'
import 'vant/es/progress/style/index'
import 'vant/es/pull-refresh/style/index'
import 'vant/es/search/style/index'
import 'vant/es/skeleton/style/index'
import 'vant/es/step/style/index'
import 'vant/es/steps/style/index'
import 'vant/es/tab/style/index'
import 'vant/es/tabbar/style/index'
import 'vant/es/tabbar-item/style/index'
import 'vant/es/tabs/style/index'
import 'vant/es/tag/style/index'
import 'vant/es/toast/style/index'
import './styles.css'
import App from './App.vue'
import { router } from './router'
import { i18n } from './i18n'
import { startAlerts } from './alerts'

const app = createApp(App)
for (const c of [
  Button,
  Cell,
  CellGroup,
  Checkbox,
  CheckboxGroup,
  Empty,
  Field,
  Icon,
  List,
  Loading,
  NavBar,
  Popup,
  Progress,
  PullRefresh,
  Search,
  Skeleton,
  Step,
  Steps,
  Tab,
  Tabbar,
  TabbarItem,
  Tabs,
  Tag,
]) {
  app.use(c)
}
app.use(i18n)
app.use(router)

// Notifications (alerts.ts) ask for navigation through this event.
window.addEventListener('qsradar:navigate', (ev) => {
  const path = (ev as CustomEvent<string>).detail
  if (typeof path === 'string') void router.push(path)
})

app.mount('#app')
startAlerts()
