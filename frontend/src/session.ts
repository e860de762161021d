// The one shared session store (used by the mobile and the console shells).
// Keeps accessToken / refreshToken / viewer in localStorage, refreshes silently
// before expiry and once after an UNAUTHENTICATED error, and exposes `gql()`,
// the authenticated GraphQL request function the views use.
import { computed, reactive, readonly } from 'vue'
import { ApiError, postGraphQL, type GraphQLDocument } from './api/http'
import { ME, REFRESH_TOKEN, SIGN_IN, SIGN_OUT, SIGN_UP } from './api/queries'
import type { AuthPayload, Role, Viewer } from './api/types'
import type { SignUpInput } from './api/generated/graphql'

const STORAGE_KEY = 'qsradar.session'
/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000

interface SessionState {
  accessToken: string | null
  refreshToken: string | null
  /** epoch ms at which the access token expires */
  expiresAt: number | null
  viewer: Viewer | null
}

function load(): SessionState {
  const empty: SessionState = { accessToken: null, refreshToken: null, expiresAt: null, viewer: null }
  try {
    const raw = localStorage.getItem(STORAGE_KEY)
    if (!raw) return empty
    const v = JSON.parse(raw) as Partial<SessionState>
    if (typeof v.accessToken !== 'string' || typeof v.refreshToken !== 'string') return empty
    return {
      accessToken: v.accessToken,
      refreshToken: v.refreshToken,
      expiresAt: typeof v.expiresAt === 'number' ? v.expiresAt : null,
      viewer: v.viewer ?? null,
    }
  } catch {
    return empty
  }
}

const state = reactive<SessionState>(load())

function persist(): void {
  try {
    if (state.accessToken && state.refreshToken) localStorage.setItem(STORAGE_KEY, JSON.stringify(state))
    else localStorage.removeItem(STORAGE_KEY)
  } catch {
    /* storage may be unavailable (private mode); keep the session in memory */
  }
}

let refreshTimer: ReturnType<typeof setTimeout> | null = null

function scheduleRefresh(): void {
  if (refreshTimer) clearTimeout(refreshTimer)
  refreshTimer = null
  if (!state.refreshToken || state.expiresAt == null) return
  const delay = Math.max(5_000, state.expiresAt - Date.now() - REFRESH_MARGIN_MS)
  // setTimeout overflows past ~24.8 days; tokens are short-lived anyway.
  refreshTimer = setTimeout(() => {
    void refreshSession().catch(() => undefined)
  }, Math.min(delay, 2 ** 31 - 1))
}

function apply(payload: AuthPayload): void {
  state.accessToken = payload.accessToken
  state.refreshToken = payload.refreshToken
  state.expiresAt = Date.now() + Math.max(30, payload.expiresIn || 900) * 1000
  state.viewer = payload.viewer
  persist()
  scheduleRefresh()
}

/** Forget the session in this browser (no server call). */
export function clearSession(): void {
  state.accessToken = null
  state.refreshToken = null
  state.expiresAt = null
  state.viewer = null
  persist()
  scheduleRefresh()
}

let refreshing: Promise<boolean> | null = null

/**
 * Rotate the tokens. Single-flight: concurrent callers share one request.
 * Resolves true when a fresh access token is in place. On an auth failure
 * the session is cleared locally; on a network failure it is kept.
 */
export function refreshSession(): Promise<boolean> {
  if (refreshing) return refreshing
  const rt = state.refreshToken
  if (!rt) return Promise.resolve(false)
  refreshing = (async () => {
    try {
      const data = await postGraphQL(REFRESH_TOKEN, { refreshToken: rt })
      // Another tab may have signed out/in meanwhile; only apply if still ours.
      if (state.refreshToken === rt) apply(data.refreshToken)
      return true
    } catch (e) {
      if (e instanceof ApiError && e.code === 'NETWORK') {
        // Offline: keep the session, try again a little later.
        if (refreshTimer) clearTimeout(refreshTimer)
        refreshTimer = setTimeout(() => void refreshSession().catch(() => undefined), 30_000)
        return false
      }
      if (state.refreshToken === rt) clearSession()
      return false
    } finally {
      refreshing = null
    }
  })()
  return refreshing
}

/** Make sure the access token is not about to expire (refreshing if needed). */
export async function ensureFreshToken(): Promise<string | null> {
  if (state.accessToken && state.refreshToken && state.expiresAt != null && state.expiresAt - Date.now() < REFRESH_MARGIN_MS / 2) {
    await refreshSession()
  }
  return state.accessToken
}

/** Authenticated GraphQL request with silent refresh and one retry on UNAUTHENTICATED. */
export async function gql<TResult, TVariables>(document: GraphQLDocument<TResult, TVariables>, variables: TVariables, opts: { signal?: AbortSignal } = {}): Promise<TResult> {
  const token = await ensureFreshToken()
  try {
    return await postGraphQL(document, variables, { token, signal: opts.signal })
  } catch (e) {
    if (e instanceof ApiError && e.code === 'UNAUTHENTICATED' && token) {
      const ok = await refreshSession()
      // Retry with the new token, or anonymously when the session is gone.
      return await postGraphQL(document, variables, { token: ok ? state.accessToken : null, signal: opts.signal })
    }
    throw e
  }
}

export async function signIn(email: string, password: string): Promise<Viewer> {
  const data = await postGraphQL(SIGN_IN, { input: { email, password } })
  apply(data.signIn)
  return data.signIn.viewer
}

export async function signUp(input: SignUpInput): Promise<Viewer> {
  const data = await postGraphQL(SIGN_UP, { input })
  apply(data.signUp)
  return data.signUp.viewer
}

export async function signOut(): Promise<void> {
  const rt = state.refreshToken
  const token = state.accessToken
  clearSession()
  if (rt) {
    try {
      await postGraphQL(SIGN_OUT, { refreshToken: rt }, { token })
    } catch {
      /* the local session is gone either way */
    }
  }
}

/** Reload the viewer from the server (e.g. when opening "Me"). */
export async function reloadViewer(): Promise<Viewer | null> {
  if (!state.accessToken) return null
  const data = await gql(ME, {})
  if (data.me) {
    state.viewer = data.me
    persist()
  } else if (state.accessToken) {
    // Token not accepted any more.
    clearSession()
  }
  return data.me
}

// Keep several tabs in step (refresh tokens rotate: a stale copy would fail).
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (ev) => {
    if (ev.key !== STORAGE_KEY) return
    const next = load()
    state.accessToken = next.accessToken
    state.refreshToken = next.refreshToken
    state.expiresAt = next.expiresAt
    state.viewer = next.viewer
    scheduleRefresh()
  })
  scheduleRefresh()
}

export const session = readonly(state)
export const isSignedIn = computed(() => !!state.accessToken && !!state.viewer)
export const role = computed<Role | null>(() => state.viewer?.role ?? null)
/** Changes only when the identity changes (sign-in / sign-out), not on token rotation. */
export const identityKey = computed(() => (state.accessToken && state.viewer ? `${state.viewer.id}` : 'anonymous'))
export function currentAccessToken(): string | null {
  return state.accessToken
}
export const CONSOLE_ROLES: readonly Role[] = ['ENTERPRISE', 'REGULATOR', 'ADMIN']
