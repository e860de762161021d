// Global live-alert subscription over graphql-ws (graphql-transport-ws).
// - `alerts(minLevel: ORANGE, after: <last cursor>)`; the last cursor is kept in
//   localStorage so a reconnect (or the next start) replays what was missed.
// - First ever start (no stored cursor): subscribe without `after` (live only).
// - Retries forever with exponential backoff + jitter; restarts on identity change.
import { reactive, readonly, watch } from 'vue'
import { createClient, type Client } from 'graphql-ws'
import { ALERTS_SUBSCRIPTION } from './api/queries'
import type { AlertEvent } from './api/types'
import type { AlertsSubscription, AlertsSubscriptionVariables } from './api/generated/graphql'
import { GRAPHQL_PATH } from './api/http'
import { currentAccessToken, ensureFreshToken, identityKey, refreshSession } from './session'
import { i18n } from './i18n'
import { warningTitle } from './utils/format'

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
}

const state = reactive<AlertState>({ status: 'idle', events: [], unseen: [] })
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

function handleEvent(ev: AlertEvent): void {
  if (!ev || !ev.cursor) return
  storeCursor(ev.cursor)
  if (seen.has(ev.cursor)) return
  seen.add(ev.cursor)
  if (seen.size > 500) {
    const first = seen.values().next().value
    if (first !== undefined) seen.delete(first)
  }
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
  const variables: AlertsSubscriptionVariables = { minLevel: 'ORANGE' }
  if (after) variables.after = after
  const payload = { query: ALERTS_SUBSCRIPTION.toString(), variables, operationName: 'Alerts' }
  unsubscribe = client.subscribe<AlertsSubscription>(payload, {
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

export function dismiss(warningId?: string): void {
  state.unseen = warningId ? state.unseen.filter((e) => e.warning.id !== warningId) : []
}

let started = false
export function startAlerts(): void {
  if (started) return
  started = true
  restart()
  // Identity change (sign-in / sign-out): new socket with the new credentials.
  watch(identityKey, () => restart())
  window.addEventListener('online', () => {
    if (state.status !== 'connected') restart()
  })
}
