// POST /uploads: one photo or evidence file (multipart field `file`, Bearer token), with upload
// progress (XMLHttpRequest: fetch reports none) and a retry key (header Upload-Key: the same key
// answers with the first upload's id, so a retry after a dropped connection stores nothing twice).
import { ApiError, errorFromGraphQL, type GraphQLErrorShape } from './http'
import { ensureFreshToken, refreshSession } from '../session'

export interface UploadResult {
  id: string
}

function once(file: Blob, name: string, key: string, token: string | null, onProgress?: (fraction: number) => void): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/uploads')
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.setRequestHeader('Upload-Key', key)
    xhr.upload.onprogress = (ev) => {
      if (ev.lengthComputable && onProgress) onProgress(ev.loaded / ev.total)
    }
    xhr.onerror = () => reject(new ApiError('NETWORK', 'upload failed'))
    xhr.ontimeout = () => reject(new ApiError('NETWORK', 'upload timed out'))
    xhr.onload = () => {
      type Body = { id?: string; errors?: GraphQLErrorShape[] } | null
      let body: Body
      try {
        body = JSON.parse(xhr.responseText) as Body
      } catch {
        body = null
      }
      if (xhr.status >= 200 && xhr.status < 300 && body?.id) {
        onProgress?.(1)
        resolve({ id: body.id })
      } else if (body?.errors?.length) {
        reject(errorFromGraphQL(body.errors))
      } else if (xhr.status === 401) {
        reject(new ApiError('UNAUTHENTICATED', `HTTP ${xhr.status}`))
      } else {
        reject(new ApiError(xhr.status === 0 || xhr.status >= 502 ? 'NETWORK' : 'INTERNAL', `HTTP ${xhr.status}`))
      }
    }
    const form = new FormData()
    form.append('file', file, name)
    xhr.send(form)
  })
}

/** Upload one file; refreshes the session once after UNAUTHENTICATED. */
export async function uploadFile(file: Blob, name: string, key: string, onProgress?: (fraction: number) => void): Promise<UploadResult> {
  const token = await ensureFreshToken()
  try {
    return await once(file, name, key, token, onProgress)
  } catch (e) {
    if (e instanceof ApiError && e.code === 'UNAUTHENTICATED' && (await refreshSession())) {
      return once(file, name, key, await ensureFreshToken(), onProgress)
    }
    throw e
  }
}

/** A file behind an authenticated URL (GET /uploads/{id}) as an object URL for <img>. */
export async function authorisedObjectUrl(url: string): Promise<string> {
  const token = await ensureFreshToken()
  const res = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} })
  if (!res.ok) throw new ApiError(res.status === 404 ? 'NOT_FOUND' : 'INTERNAL', `HTTP ${res.status}`)
  return URL.createObjectURL(await res.blob())
}

export function newKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID()
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`
}
