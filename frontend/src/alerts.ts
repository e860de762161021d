// Global live-alert subscription over graphql-ws (graphql-transport-ws).
// - `alerts(minLevel: ORANGE, after: <last cursor>)`; the last cursor is kept in
//   localStorage so a reconnect (or the next start) replays what was missed.
// - First ever start (no stored cursor): subscribe without `after` (live only).
// - Retries forever with exponential backoff + jitter; restarts on identity change.
// - Opts in by role to the events that carry no warning (issues 12, 13): consumers to
//   WATCHLIST_MATCH, enterprises to CREDIT_CHANGED, regulators to CREDIT_CHANGED and
//   COMPLAINT_SIGNAL; those go to `matches` / `notices`, never to the warning banner lists.
import { reactive, readonly, watch, type DeepReadonly } from 'vue'
import { createClient, type Client } from 'graphql-ws'
import { graphql } from './api/generated'
import type { AlertEvent } from './api/types'
import type { AlertEventType, AlertStreamSubscription, AlertStreamSubscriptionVariables, Role } from './api/generated/graphql'
import { GRAPHQL_PATH } from './api/http'
import { currentAccessToken, ensureFreshToken, identityKey, refreshSession, role } from './session'
import { i18n } from './i18n'
import { warningTitle } from './utils/format'

const ALERT_STREAM = graphql(`
  subscription AlertStream($minLevel: WarningLevel!, $after: String, $filter: AlertFilter) {
    alerts(minLevel: $minLevel, after: $after, filter: $filter) {
      cursor
      type
      trigger
      at
      previousLevel
      creditLevel
      previousCreditLevel
      warning {
        ...WarningListFields
      }
      recall {
        id
        code
        productName
        productNameEn
      }
      watched {
        code
        label
      }
      enterprise {
        uscc
        name
        nameEn
      }
      signal {
        group
        key
        count
        threshold
      }
    }
  }
`)

/** Any event of the stream; `AlertEvent` is one that carries a warning. */
export type StreamEvent = AlertStreamSubscription['alerts']
/** A stream event as `alertState` exposes it. */
export type SeenEvent = DeepReadonly<StreamEvent>

// What every client gets without asking (the warning alerts), and the opt-in types per role.
const WARNING_TYPES: AlertEventType[] = ['PUBLISHED', 'LEVEL_CHANGED', 'LIFTED', 'RECALL_ORDERED']
const OPT_IN: Partial<Record<Role, AlertEventType[]>> = {
  CONSUMER: ['WATCHLIST_MATCH'],
  ENTERPRISE: ['CREDIT_CHANGED'],
  REGULATOR: ['CREDIT_CHANGED', 'COMPLAINT_SIGNAL'],
  ADMIN: ['CREDIT_CHANGED', 'COMPLAINT_SIGNAL'],
}
const MATCHES_KEY = 'qsradar.alerts.matches'
const CURSOR_KEY = 'qsradar.alerts.cursor'
const MAX_KEPT = 20
const MAX_BACKOFF_MS = 30_000

export type LiveStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting'

interface AlertState {
  status: LiveStatus
  /** newest first */
  events: AlertEvent[]
  /** events not dismissed from the banner, newest first */
  unseen: AlertEvent[]
  /** WATCHLIST_MATCH events of this consumer, newest first (kept across reloads) */
  matches: StreamEvent[]
  /** CREDIT_CHANGED and COMPLAINT_SIGNAL events not dismissed, newest first (the console) */
  notices: StreamEvent[]
}

// Per identity: a shared phone never shows one consumer's matches to the next.
function matchesKey(): string {
  return `${MATCHES_KEY}:${identityKey.value}`
}

function storedMatches(): StreamEvent[] {
  try {
    const raw = localStorage.getItem(matchesKey())
    return raw ? (JSON.parse(raw) as StreamEvent[]).slice(0, MAX_KEPT) : []
  } catch {
    return []
  }
}

const state = reactive<AlertState>({ status: 'idle', events: [], unseen: [], matches: storedMatches(), notices: [] })
export const alertState = readonly(state)

function storedCursor(): string | null {
  try {
    return localStorage.getItem(CURSOR_KEY)
  } catch {
    return null
  }
}

function storeCursor(cursor: string): void {
  try {
    localStorage.setItem(CURSOR_KEY, cursor)
  } catch {
    /* ignore */
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}

function backoff(attempt: number): number {
  const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempt, 10))
  return Math.round(base / 2 + Math.random() * (base / 2))
}

function wsUrl(): string {
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${proto}//${location.host}${GRAPHQL_PATH}`
}

let client: Client | null = null
let unsubscribe: (() => void) | null = null
let generation = 0
let failures = 0
let resubscribeTimer: ReturnType<typeof setTimeout> | null = null
const seen = new Set<string>()
const listeners = new Set<(e: AlertEvent) => void>()

/** Listen to each new event (after dedupe). Returns the function that stops listening. */
export function onAlert(handler: (e: AlertEvent) => void): () => void {
  listeners.add(handler)
  return () => listeners.delete(handler)
}

function withWarning(ev: StreamEvent): AlertEvent | null {
  return ev.warning ? { ...ev, warning: ev.warning } : null
}

function handleEvent(ev: StreamEvent): void {
  if (!ev || !ev.cursor) return
  storeCursor(ev.cursor)
  if (seen.has(ev.cursor)) return
  seen.add(ev.cursor)
  if (seen.size > 500) {
    const first = seen.values().next().value
    if (first !== undefined) seen.delete(first)
  }
  if (ev.type === 'WATCHLIST_MATCH') {
    state.matches = [ev, ...state.matches.filter((m) => m.cursor !== ev.cursor)].slice(0, MAX_KEPT)
    try {
      localStorage.setItem(matchesKey(), JSON.stringify(state.matches))
    } catch {
      /* ignore */
    }
    toast(ev)
    // A match on a new warning or level change is also that warning's alert (one event per log entry).
    const alert = withWarning(ev)
    if (alert && (ev.trigger === 'PUBLISHED' || ev.trigger === 'LEVEL_CHANGED')) handleAlert({ ...alert, type: ev.trigger })
    return
  }
  if (ev.type === 'CREDIT_CHANGED' || ev.type === 'COMPLAINT_SIGNAL') {
    state.notices = [ev, ...state.notices].slice(0, MAX_KEPT)
    toast(ev)
    return
  }
  const alert = withWarning(ev)
  if (alert) handleAlert(alert)
}

/** One line about an event without a warning (toast, notification, console strip). */
export function describeEvent(ev: SeenEvent): string {
  const t = i18n.global.t
  const loc = i18n.global.locale.value
  if (ev.type === 'WATCHLIST_MATCH') {
    const what = ev.recall ? (loc === 'en' && ev.recall.productNameEn) || ev.recall.productName : ev.warning ? warningTitle(ev.warning) : ''
    return t('alertEvents.match', { label: ev.watched?.label || ev.watched?.code || '', what })
  }
  if (ev.type === 'CREDIT_CHANGED') {
    const name = (loc === 'en' && ev.enterprise?.nameEn) || ev.enterprise?.name || ''
    const to = ev.creditLevel ? t(`credit.${ev.creditLevel}`) : ''
    return ev.previousCreditLevel
      ? t('alertEvents.credit', { name, from: t(`credit.${ev.previousCreditLevel}`), to })
      : t('alertEvents.creditFirst', { name, to })
  }
  if (ev.type === 'COMPLAINT_SIGNAL' && ev.signal) {
    return t('alertEvents.signal', { group: t(`signalGroups.${ev.signal.group}`), key: ev.signal.key, count: ev.signal.count })
  }
  return t(`alertTypes.${ev.type}`)
}

function toast(ev: StreamEvent): void {
  const message = `${i18n.global.t(`alertTypes.${ev.type}`)}: ${describeEvent(ev)}`
  // Loaded when first needed: the alerts module stays small for the first paint.
  // Vant's notify alone (with its style), never the whole barrel: a dynamic import('vant') made the bundler split
  // every Vant component the first screen uses into its own chunk (5 files preloaded became 22).
  void Promise.all([import('vant/es/notify'), import('vant/es/notify/style')])
    .then(([{ showNotify }]) => showNotify({ type: 'warning', message, duration: 6000 }))
    .catch(() => undefined)
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return
  try {
    new Notification(i18n.global.t(`alertTypes.${ev.type}`), { body: describeEvent(ev), tag: `qsradar-${ev.cursor}`, icon: '/favicon.svg' })
  } catch {
    /* some mobile browsers only allow notifications from a service worker */
  }
}

function handleAlert(ev: AlertEvent): void {
  state.events = [ev, ...state.events].slice(0, MAX_KEPT)
  state.unseen = [ev, ...state.unseen.filter((u) => u.warning.id !== ev.warning.id)].slice(0, MAX_KEPT)
  notify(ev)
  for (const l of listeners) {
    try {
      l(ev)
    } catch (e) {
      console.error(e)
    }
  }
}

function notify(ev: AlertEvent): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return
  try {
    const t = i18n.global.t
    const n = new Notification(`${t(`alertTypes.${ev.type}`)} · ${t(`levels.${ev.warning.level}`)}`, {
      body: warningTitle(ev.warning),
      tag: `qsradar-${ev.warning.id}`,
      icon: '/favicon.svg',
    })
    n.onclick = () => {
      window.focus()
      const path = `/warnings/${encodeURIComponent(ev.warning.id)}`
      // Navigate through the router via a custom event (avoids an import cycle).
      window.dispatchEvent(new CustomEvent('qsradar:navigate', { detail: path }))
      n.close()
    }
  } catch {
    /* some mobile browsers only allow notifications from a service worker */
  }
}

function subscribe(gen: number): void {
  if (!client || gen !== generation) return
  const after = storedCursor()
  // The payload object is re-sent by graphql-ws on each reconnect; we keep
  // `variables.after` up to date so a reconnect replays only what was missed.
  const variables: AlertStreamSubscriptionVariables = { minLevel: 'ORANGE' }
  if (after) variables.after = after
  const extra = role.value ? OPT_IN[role.value] : undefined
  if (extra) variables.filter = { types: [...WARNING_TYPES, ...extra] }
  const payload = { query: ALERT_STREAM.toString(), variables, operationName: 'AlertStream' }
  unsubscribe = client.subscribe<AlertStreamSubscription>(payload, {
    next: (result) => {
      if (gen !== generation) return
      failures = 0
      if (result.errors?.length) {
        console.warn('alerts subscription errors', result.errors)
        return
      }
      const ev = result.data?.alerts
      if (ev) {
        variables.after = ev.cursor
        handleEvent(ev)
      }
    },
    error: (err) => {
      if (gen !== generation) return
      console.warn('alerts subscription failed', err)
      void recover(gen, err)
    },
    complete: () => {
      if (gen !== generation) return
      // The server ended the stream: come back later.
      void recover(gen, null)
    },
  })
}

function isBadCursorError(err: unknown): boolean {
  if (!Array.isArray(err)) return false
  return err.some((e: { extensions?: { code?: string; field?: string } }) => e?.extensions?.code === 'BAD_USER_INPUT')
}

function closeCode(err: unknown): number | null {
  if (err && typeof err === 'object' && 'code' in err && typeof (err as { code: unknown }).code === 'number') {
    return (err as { code: number }).code
  }
  return null
}

/** A fatal error ended the subscription (graphql-ws gives up on some codes): retry ourselves. */
async function recover(gen: number, err: unknown): Promise<void> {
  unsubscribe = null
  state.status = 'reconnecting'
  if (isBadCursorError(err)) {
    // The stored cursor is unknown/expired: continue live only.
    try {
      localStorage.removeItem(CURSOR_KEY)
    } catch {
      /* ignore */
    }
  }
  const code = closeCode(err)
  if (code === 4401 || code === 4403 || (Array.isArray(err) && err.some((e: { extensions?: { code?: string } }) => e?.extensions?.code === 'UNAUTHENTICATED'))) {
    // Token rejected: refresh (or fall back to anonymous) before reconnecting.
    if (currentAccessToken()) await refreshSession()
  }
  const wait = backoff(failures++)
  if (resubscribeTimer) clearTimeout(resubscribeTimer)
  resubscribeTimer = setTimeout(() => {
    resubscribeTimer = null
    if (gen !== generation) return
    restart()
  }, wait)
}

function stop(): void {
  generation++
  if (resubscribeTimer) clearTimeout(resubscribeTimer)
  resubscribeTimer = null
  try {
    unsubscribe?.()
  } catch {
    /* ignore */
  }
  unsubscribe = null
  const c = client
  client = null
  if (c) {
    try {
      // dispose() rejects when the client was between retries ("All Subscriptions Gone").
      void Promise.resolve(c.dispose()).catch(() => undefined)
    } catch {
      /* ignore */
    }
  }
}

/** (Re)start the socket and the subscription. */
function restart(): void {
  stop()
  const gen = generation
  state.status = 'connecting'
  client = createClient({
    url: wsUrl(),
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: async (retries) => {
      await sleep(backoff(retries))
    },
    keepAlive: 20_000,
    connectionParams: async () => {
      const token = await ensureFreshToken()
      return token ? { Authorization: `Bearer ${token}` } : {}
    },
    on: {
      connected: () => {
        if (gen !== generation) return
        state.status = 'connected'
        failures = 0
      },
      closed: (ev) => {
        if (gen !== generation) return
        const ce = ev as { code?: number; reason?: string } | undefined
        console.debug('alerts socket closed', ce?.code, ce?.reason)
        // Credentials rejected: rotate the token (or end the session) before the next retry.
        if ((ce?.code === 4401 || ce?.code === 4403) && currentAccessToken()) void refreshSession()
        state.status = 'reconnecting'
      },
      connecting: () => {
        if (gen !== generation) return
        if (state.status !== 'connected') state.status = state.status === 'idle' ? 'connecting' : state.status
      },
    },
  })
  subscribe(gen)
}

/** Dismiss a console notice (credit change, complaint signal), or all of them. */
export function dismissNotice(cursor?: string): void {
  state.notices = cursor ? state.notices.filter((e) => e.cursor !== cursor) : []
}

export function dismiss(warningId?: string): void {
  state.unseen = warningId ? state.unseen.filter((e) => e.warning.id !== warningId) : []
}

let started = false
export function startAlerts(): void {
  if (started) return
  started = true
  restart()
  // Identity change (sign-in / sign-out): new socket with the new credentials.
  watch(identityKey, () => {
    state.matches = storedMatches()
    state.notices = []
    restart()
  })
  window.addEventListener('online', () => {
    if (state.status !== 'connected') restart()
  })
}
