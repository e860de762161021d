// Minimal typed GraphQL-over-HTTP client (POST JSON to /graphql).
// Knows nothing about the session; see session.ts for the authenticated `gql()`.
import { ERROR_CODES, type ErrorCode } from './types'
import type { TypedDocumentString } from './generated/graphql'

/** A document from api/queries.ts: its text, typed with its result and variables. */
export type GraphQLDocument<TResult, TVariables> = TypedDocumentString<TResult, TVariables>

export const GRAPHQL_PATH = '/graphql'

export interface GraphQLErrorShape {
  message: string
  path?: (string | number)[]
  extensions?: {
    code?: string
    field?: string
    retryAfter?: number
    [key: string]: unknown
  }
}

/** An expected failure, carrying the first GraphQL error's code (or NETWORK). */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly field: string | null
  readonly retryAfter: number | null
  readonly errors: GraphQLErrorShape[]

  constructor(code: ErrorCode, message: string, opts: { field?: string | null; retryAfter?: number | null; errors?: GraphQLErrorShape[] } = {}) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.field = opts.field ?? null
    this.retryAfter = opts.retryAfter ?? null
    this.errors = opts.errors ?? []
  }

  /** Field errors reported by the server (BAD_USER_INPUT with extensions.field). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {}
    for (const e of this.errors) {
      const f = e.extensions?.field
      if (e.extensions?.code === 'BAD_USER_INPUT' && typeof f === 'string' && f) {
        const key = normalizeField(f)
        if (!(key in out)) out[key] = e.message
      }
    }
    return out
  }
}

/** "input.hsCodes[2]" / "hsCodes.2" → "hsCodes" */
export function normalizeField(field: string): string {
  let f = field.replace(/^input\./, '')
  f = f.replace(/\[\d+\]$/, '').replace(/\.\d+$/, '')
  const dot = f.lastIndexOf('.')
  if (dot >= 0) f = f.slice(dot + 1)
  return f
}

function toCode(code: unknown): ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'INTERNAL'
}

export function errorFromGraphQL(errors: GraphQLErrorShape[]): ApiError {
  const first = errors[0] ?? { message: 'Unknown error' }
  const ext = first.extensions ?? {}
  const retryAfter = typeof ext.retryAfter === 'number' ? ext.retryAfter : ext.retryAfter != null ? Number(ext.retryAfter) : null
  return new ApiError(toCode(ext.code), first.message, {
    field: typeof ext.field === 'string' ? normalizeField(ext.field) : null,
    retryAfter: retryAfter != null && Number.isFinite(retryAfter) ? retryAfter : null,
    errors,
  })
}

export interface PostOptions {
  token?: string | null
  signal?: AbortSignal
}

export async function postGraphQL<TResult, TVariables>(document: GraphQLDocument<TResult, TVariables>, variables: TVariables, opts: PostOptions = {}): Promise<TResult> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/graphql-response+json, application/json',
  }
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`
  let res: Response
  try {
    res = await fetch(GRAPHQL_PATH, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: document.toString(), variables }),
      signal: opts.signal,
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw new ApiError('NETWORK', e instanceof Error ? e.message : String(e))
  }
  type Body = { data?: TResult | null; errors?: GraphQLErrorShape[] }
  let body: Body | null
  try {
    body = (await res.json()) as Body | null
  } catch {
    body = null
  }
  if (body && Array.isArray(body.errors) && body.errors.length > 0) {
    const data = body.data
    const allNull = data == null || Object.values(data as Record<string, unknown>).every((v) => v == null)
    if (allNull) throw errorFromGraphQL(body.errors)
    // Partial result: keep the data, report the nested errors.
    console.warn('GraphQL partial errors', body.errors)
  }
  if (!res.ok || !body || body.data == null) {
    if (res.status === 429) {
      const ra = Number(res.headers.get('Retry-After'))
      throw new ApiError('RATE_LIMITED', `HTTP ${res.status}`, { retryAfter: Number.isFinite(ra) ? ra : null })
    }
    if (res.status === 401) throw new ApiError('UNAUTHENTICATED', `HTTP ${res.status}`)
    if (res.status === 403) throw new ApiError('FORBIDDEN', `HTTP ${res.status}`)
    if (res.status >= 500 || res.status === 0) throw new ApiError(res.status === 502 || res.status === 503 || res.status === 504 ? 'NETWORK' : 'INTERNAL', `HTTP ${res.status}`)
    throw new ApiError('INTERNAL', `HTTP ${res.status}`)
  }
  return body.data
}
