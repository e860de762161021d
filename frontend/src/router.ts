import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { isSignedIn, role } from './session'
import type { Role } from './api/types'
import MobileLayout from './views/mobile/MobileLayout.vue'
import WarningsView from './views/mobile/WarningsView.vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** mobile: show a back arrow instead of the app title */
    back?: boolean
    /** mobile: title key for the nav bar */
    titleKey?: string
    /** console: reachable without signing in */
    public?: boolean
    /** console: roles allowed (default: every console role) */
    roles?: Role[]
  }
}

const routes: RouteRecordRaw[] = [
  {
    path: '/',
    component: MobileLayout,
    children: [
      { path: '', name: 'warnings', component: WarningsView, meta: { titleKey: 'app.shortName' } },
      { path: 'recalls', name: 'recalls', component: () => import('./views/mobile/RecallsView.vue'), meta: { titleKey: 'recalls.title' } },
      { path: 'me', name: 'me', component: () => import('./views/mobile/MeView.vue'), meta: { titleKey: 'me.title' } },
      { path: 'warnings/:id', name: 'warning', component: () => import('./views/mobile/WarningDetailView.vue'), meta: { titleKey: 'detail.title', back: true } },
      { path: 'recalls/:id', name: 'recall', component: () => import('./views/mobile/RecallDetailView.vue'), meta: { titleKey: 'recall.detailTitle', back: true } },
      { path: 'lookup', name: 'lookup', component: () => import('./views/mobile/LookupView.vue'), meta: { titleKey: 'lookup.title' } },
      { path: 'credit', name: 'credit', component: () => import('./views/mobile/CreditLookupView.vue'), meta: { titleKey: 'creditLookup.title', back: true } },
      { path: 'complaints', name: 'complaints', component: () => import('./views/mobile/MyComplaintsView.vue'), meta: { titleKey: 'complaint.myTitle', back: true } },
      { path: 'complaints/new', name: 'complaint-new', component: () => import('./views/mobile/ComplaintFormView.vue'), meta: { titleKey: 'complaint.formTitle', back: true } },
      { path: 'complaints/:id', name: 'complaint', component: () => import('./views/mobile/ComplaintDetailView.vue'), meta: { titleKey: 'complaint.detailTitle', back: true } },
      { path: 'watchlist', name: 'watchlist', component: () => import('./views/mobile/WatchlistView.vue'), meta: { titleKey: 'watchlist.title', back: true } },
    ],
  },
  {
    path: '/console',
    component: () => import('./views/console/ConsoleLayout.vue'),
    children: [
      { path: '', name: 'console', redirect: { name: 'console-warnings' } },
      { path: 'signin', name: 'console-signin', component: () => import('./views/console/ConsoleSignIn.vue'), meta: { public: true } },
      { path: 'warnings', name: 'console-warnings', component: () => import('./views/console/ConsoleWarnings.vue') },
      { path: 'warnings/:id', name: 'console-warning', component: () => import('./views/console/ConsoleWarningDetail.vue') },
      { path: 'issue', name: 'console-issue', component: () => import('./views/console/IssueWarning.vue'), meta: { roles: ['REGULATOR'] } },
      { path: 'enterprise', name: 'console-enterprise', component: () => import('./views/console/EnterpriseDuties.vue'), meta: { roles: ['ENTERPRISE'] } },
      { path: 'recalls/new', name: 'console-announce', component: () => import('./views/console/AnnounceRecall.vue'), meta: { roles: ['ENTERPRISE', 'REGULATOR'] } },
      { path: 'defects/new', name: 'console-defect-new', component: () => import('./views/console/DefectReportForm.vue') },
      { path: 'defects', name: 'console-reg-defects', component: () => import('./views/console/RegDefects.vue'), meta: { roles: ['REGULATOR', 'ADMIN'] } },
      { path: 'duties', name: 'console-reg-duties', component: () => import('./views/console/RegDuties.vue'), meta: { roles: ['REGULATOR', 'ADMIN'] } },
      { path: 'enterprises', name: 'console-reg-enterprises', component: () => import('./views/console/RegEnterprises.vue'), meta: { roles: ['REGULATOR', 'ADMIN'] } },
      { path: 'reviews', name: 'console-reg-reviews', component: () => import('./views/console/RegReviews.vue'), meta: { roles: ['REGULATOR', 'ADMIN'] } },
      { path: 'complaints', name: 'console-reg-complaints', component: () => import('./views/console/RegComplaints.vue'), meta: { roles: ['REGULATOR', 'ADMIN'] } },
      { path: 'agency-clients', name: 'console-agency-clients', component: () => import('./views/console/AgencyClients.vue'), meta: { roles: ['ADMIN'] } },
    ],
  },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFound.vue') },
]

export const router = createRouter({
  history: createWebHistory('/'),
  routes,
  scrollBehavior(_to, _from, saved) {
    return saved ?? { top: 0 }
  },
})

router.beforeEach((to) => {
  if (!to.path.startsWith('/console')) return true
  if (to.meta.public) {
    // Already signed in: go straight in.
    if (to.name === 'console-signin' && isSignedIn.value) {
      const redirect = typeof to.query.redirect === 'string' && to.query.redirect.startsWith('/console') ? to.query.redirect : '/console/warnings'
      return redirect
    }
    return true
  }
  if (!isSignedIn.value) return { name: 'console-signin', query: { redirect: to.fullPath } }
  const allowed = to.meta.roles
  if (allowed && role.value && !allowed.includes(role.value)) {
    return { name: 'console-warnings' }
  }
  return true
})
