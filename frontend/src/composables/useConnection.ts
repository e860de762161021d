// Keyset paging over any Relay connection (`first`/`after`, `pageInfo { hasNextPage endCursor }`,
// `totalCount`), for the phone's infinite lists and the console's page-by-page table alike.
import { computed, ref, shallowRef, type Ref } from 'vue'
import { errorMessage } from '../i18n'

/** The part of a connection this composable reads (every generated *Connection result fits). */
export interface ConnectionPage<T> {
  totalCount: number
  edges: readonly { node: T }[]
  pageInfo: { hasNextPage: boolean; endCursor: string | null }
}

export type FetchPage<T> = (page: { first: number; after: string | null }, signal: AbortSignal) => Promise<ConnectionPage<T>>

export interface ConnectionOptions {
  pageSize?: number
  /**
   * `append` (default): loadMore adds the next page below the items (infinite lists).
   * `pages`: loadMore replaces the items with the next page and previous() goes back (tables).
   */
  mode?: 'append' | 'pages'
}

export function useConnection<T extends { id: string }>(fetchPage: FetchPage<T>, options: ConnectionOptions = {}) {
  const pageSize = options.pageSize ?? 20
  const mode = options.mode ?? 'append'

  const items = ref([]) as Ref<T[]>
  const totalCount = ref<number | null>(null)
  const hasNextPage = ref(false)
  const endCursor = ref<string | null>(null)
  const loading = ref(false)
  /** The last failure (null after a success); an ApiError for expected ones. */
  const error = shallowRef<unknown>(null)
  /** True once a page of the current query has answered; false again on refresh. */
  const loaded = ref(false)
  /**
   * A later page failed while earlier ones are shown: van-list's `v-model:error` (it sets it
   * back to false when the user taps to retry).
   */
  const loadMoreFailed = ref(false)
  /** pages mode: the `after` each visited page was loaded with (null for the first page). */
  const pageStarts = ref<(string | null)[]>([null])
  const pageIndex = computed(() => pageStarts.value.length - 1)

  const empty = computed(() => loaded.value && error.value === null && items.value.length === 0)
  /** Nothing to show but an error: the first page of the current query failed. */
  const failed = computed(() => error.value !== null && items.value.length === 0)
  const message = computed(() => (error.value === null ? null : errorMessage(error.value)))
  const finished = computed(() => (loaded.value && !hasNextPage.value) || failed.value)

  // Only the newest request may write the state: a refresh (new filter) makes any page still
  // in flight stale, so it is aborted and its answer, if it comes anyway, ignored.
  let inflight: AbortController | null = null

  async function load(after: string | null, replace: boolean): Promise<void> {
    inflight?.abort()
    const controller = new AbortController()
    inflight = controller
    loading.value = true
    loadMoreFailed.value = false
    try {
      const page = await fetchPage({ first: pageSize, after }, controller.signal)
      if (inflight !== controller) return
      const nodes = page.edges.map((e) => e.node)
      if (replace) items.value = nodes
      else {
        // Keyset pages never overlap, but a live alert may already have put a node on the
        // list (WarningsView): keep each id once.
        const known = new Set(items.value.map((n) => n.id))
        items.value = items.value.concat(nodes.filter((n) => !known.has(n.id)))
      }
      totalCount.value = page.totalCount
      hasNextPage.value = page.pageInfo.hasNextPage
      endCursor.value = page.pageInfo.endCursor
      error.value = null
      loaded.value = true
    } catch (e) {
      if (inflight !== controller) return
      error.value = e
      if (items.value.length > 0) loadMoreFailed.value = true
    } finally {
      if (inflight === controller) {
        inflight = null
        loading.value = false
      }
    }
  }

  /** Start over from the first page (new filter, pull to refresh, retry after a failure). */
  function refresh(): Promise<void> {
    loaded.value = false
    error.value = null
    pageStarts.value = [null]
    return load(null, true)
  }

  /** The page after the last one loaded. */
  function loadMore(): Promise<void> {
    if (!loaded.value) return refresh()
    if (!hasNextPage.value || !endCursor.value) {
      // van-list sets `loading` itself before asking for more: hand it back.
      if (!inflight) loading.value = false
      return Promise.resolve()
    }
    if (mode === 'append') return load(endCursor.value, false)
    pageStarts.value = [...pageStarts.value, endCursor.value]
    return load(endCursor.value, true)
  }

  /** pages mode: back to the page before. */
  function previous(): Promise<void> {
    if (pageStarts.value.length < 2) return Promise.resolve()
    pageStarts.value = pageStarts.value.slice(0, -1)
    return load(pageStarts.value[pageStarts.value.length - 1] ?? null, true)
  }

  /** Load the current page again (after a failure in pages mode). */
  function retry(): Promise<void> {
    if (mode === 'pages') return load(pageStarts.value[pageStarts.value.length - 1] ?? null, true)
    return items.value.length ? loadMore() : refresh()
  }

  return {
    items,
    totalCount,
    hasNextPage,
    endCursor,
    loading,
    loaded,
    error,
    message,
    empty,
    failed,
    finished,
    loadMoreFailed,
    pageIndex,
    loadMore,
    refresh,
    previous,
    retry,
  }
}
