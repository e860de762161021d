// One object by its global id through `node(id:)`, with the states a detail page shows:
// loading, not found (absent, of another type, or not visible to this viewer), or an error.
import { computed, shallowRef, toValue, watch, type MaybeRefOrGetter, type Ref } from 'vue'
import { ApiError, type GraphQLDocument } from '../api/http'
import { errorMessage } from '../i18n'
import { gql } from '../session'

type NodeOf<TResult, TName extends string> = TResult extends { node: infer N } ? Extract<NonNullable<N>, { __typename: TName }> : never

export interface NodeOptions<TNode> {
  /** Called with each node loaded (e.g. to clear its alert from the banner). */
  onLoad?: (node: TNode) => void
}

/**
 * @param id the global id; a new id loads again, an empty one loads nothing
 * @param document a query `node(id: $id) { __typename ... on T { ... } }`
 * @param typename the node type the page shows; any other type counts as not found
 */
export function useNode<TResult extends { node?: unknown }, TName extends string>(
  id: MaybeRefOrGetter<string | null | undefined>,
  document: GraphQLDocument<TResult, { id: string }>,
  typename: TName,
  options: NodeOptions<NodeOf<TResult, TName>> = {},
) {
  const node = shallowRef(null) as Ref<NodeOf<TResult, TName> | null>
  const loading = shallowRef(false)
  const notFound = shallowRef(false)
  const error = shallowRef<unknown>(null)
  const message = computed(() => (error.value === null ? null : errorMessage(error.value)))
  let seq = 0

  /** Load (again). The node already shown stays on screen while a reload is under way. */
  async function reload(): Promise<void> {
    const current = toValue(id)
    if (!current) return
    const my = ++seq
    if (node.value && (node.value as { id?: string }).id !== current) node.value = null
    loading.value = true
    try {
      const data = await gql(document, { id: current })
      if (my !== seq) return
      const found = data.node as { __typename?: string } | null | undefined
      if (found && found.__typename === typename) {
        const loaded = found as NodeOf<TResult, TName>
        node.value = loaded
        notFound.value = false
        error.value = null
        options.onLoad?.(loaded)
      } else {
        node.value = null
        notFound.value = true
        error.value = null
      }
    } catch (e) {
      if (my !== seq) return
      // The server answers FORBIDDEN for some hidden objects; to the reader both mean "not here".
      if (e instanceof ApiError && (e.code === 'NOT_FOUND' || e.code === 'FORBIDDEN')) {
        node.value = null
        notFound.value = true
        error.value = null
      } else {
        error.value = e
      }
    } finally {
      if (my === seq) loading.value = false
    }
  }

  watch(() => toValue(id), () => void reload(), { immediate: true })

  return { node, loading, notFound, error, message, reload }
}
