// Network state shared by the whole app: whether the browser is online (for the offline
// banner) and a route whose code could not be downloaded (a lazy chunk failed to load), so the
// page can say "network unavailable" with a retry instead of failing silently.
import { readonly, ref } from 'vue'
import type { RouteLocationRaw, Router } from 'vue-router'

const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine)
/** The route the user asked for whose chunk failed to load; null when nothing failed. */
const failedRoute = ref<string | null>(null)
const retrying = ref(false)
let router: Router | null = null

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => {
    online.value = true
  })
  window.addEventListener('offline', () => {
    online.value = false
  })
}

/** Errors of a failed dynamic import (Chromium, Firefox and Safari word them differently). */
export function isChunkLoadError(err: unknown): boolean {
  const text = err instanceof Error ? `${err.name} ${err.message}` : String(err)
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported|Failed to fetch|Unable to preload CSS|ChunkLoadError|Load failed/i.test(text)
}

/** Route errors from lazy chunks become the "network unavailable" state instead of nothing. */
export function installChunkRecovery(r: Router): void {
  router = r
  r.onError((err, to) => {
    if (!isChunkLoadError(err)) throw err
    failedRoute.value = to.fullPath
    retrying.value = false
  })
  r.afterEach((_to, _from, failure) => {
    if (!failure) failedRoute.value = null
  })
}

/** Try the failed route again; after a second failure a full load (the service worker may have it). */
async function retry(): Promise<void> {
  const target = failedRoute.value
  if (!target || !router) return
  retrying.value = true
  try {
    await router.push(target as RouteLocationRaw)
  } finally {
    retrying.value = false
  }
}

function dismiss(): void {
  failedRoute.value = null
}

export function useNetwork() {
  return { online: readonly(online), failedRoute: readonly(failedRoute), retrying: readonly(retrying), retry, dismiss }
}
