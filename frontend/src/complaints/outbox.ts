// The complaint outbox: a complaint is first written to IndexedDB (with its photos as blobs and
// its idempotency key), then sent: photos to POST /uploads (each with its own Upload-Key), then
// fileComplaint with the same idempotency key. A draft leaves the outbox only once the server
// has the complaint, so a network loss at any step just means "send again later" — and a retry
// never files twice (the server returns the stored complaint for a key it knows).
import { reactive } from 'vue'
import { ApiError } from '../api/http'
import { FILE_COMPLAINT } from '../api/queries'
import type { FileComplaintInput } from '../api/types'
import { uploadFile } from '../api/upload'
import { gql, identityKey } from '../session'

export interface DraftPhoto {
  key: string
  name: string
  type: string
  blob: Blob
  uploadId: string | null
}

export interface ComplaintDraft {
  /** The idempotency key, also the record's key. */
  key: string
  /** Whose complaint (the viewer id): a draft is never sent under another account. */
  owner: string
  input: FileComplaintInput
  photos: DraftPhoto[]
  createdAt: number
  lastError: string | null
}

const DB_NAME = 'qsradar'
const STORE = 'complaintDrafts'

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1)
    req.onupgradeneeded = () => {
      const db = req.result
      if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'key' })
    }
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('indexedDB'))
  })
}

async function tx<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb()
  try {
    return await new Promise<T>((resolve, reject) => {
      const t = db.transaction(STORE, mode)
      const req = run(t.objectStore(STORE))
      t.oncomplete = () => resolve(req.result)
      t.onerror = () => reject(t.error ?? new Error('indexedDB'))
      t.onabort = () => reject(t.error ?? new Error('indexedDB'))
    })
  } finally {
    db.close()
  }
}

export function saveDraft(draft: ComplaintDraft): Promise<IDBValidKey> {
  return tx('readwrite', (s) => s.put(draft))
}

export function deleteDraft(key: string): Promise<undefined> {
  return tx('readwrite', (s) => s.delete(key))
}

export function allDrafts(): Promise<ComplaintDraft[]> {
  return tx('readonly', (s) => s.getAll() as IDBRequest<ComplaintDraft[]>)
}

/** What the UI shows: drafts waiting, a send under way, the last codes filed. */
export const outbox = reactive({
  pending: 0,
  sending: false,
  /** per draft key and photo key: upload progress 0..1, or -1 after a failure */
  progress: {} as Record<string, number>,
  lastFiled: null as { key: string; id: string; code: string } | null,
  lastError: null as unknown,
})

async function countPending(): Promise<void> {
  try {
    const owner = identityKey.value
    outbox.pending = (await allDrafts()).filter((d) => d.owner === owner).length
  } catch {
    outbox.pending = 0
  }
}

/** Upload what is missing, then file. Throws on failure (the draft stays in the outbox). */
export async function sendDraft(draft: ComplaintDraft): Promise<{ id: string; code: string }> {
  for (const photo of draft.photos) {
    if (photo.uploadId) continue
    const pkey = `${draft.key}:${photo.key}`
    outbox.progress[pkey] = 0
    try {
      const res = await uploadFile(photo.blob, photo.name, pkey, (f) => (outbox.progress[pkey] = f))
      photo.uploadId = res.id
      outbox.progress[pkey] = 1
      await saveDraft(draft)
    } catch (e) {
      outbox.progress[pkey] = -1
      throw e
    }
  }
  const input: FileComplaintInput = { ...draft.input, photoIds: draft.photos.map((p) => p.uploadId as string) }
  if (!input.photoIds?.length) delete input.photoIds
  const data = await gql(FILE_COMPLAINT, { input, idempotencyKey: draft.key })
  await deleteDraft(draft.key)
  return data.fileComplaint
}

function retryable(e: unknown): boolean {
  return e instanceof ApiError ? e.code === 'NETWORK' || e.code === 'RATE_LIMITED' || e.code === 'INTERNAL' : true
}

let flushing: Promise<void> | null = null

/** Send every draft of the signed-in viewer (single-flight). */
export function flushOutbox(): Promise<void> {
  if (flushing) return flushing
  flushing = (async () => {
    outbox.sending = true
    try {
      if (typeof navigator !== 'undefined' && navigator.onLine === false) return
      const owner = identityKey.value
      if (owner === 'anonymous') return
      const drafts = (await allDrafts()).filter((d) => d.owner === owner).sort((a, b) => a.createdAt - b.createdAt)
      for (const d of drafts) {
        try {
          const filed = await sendDraft(d)
          outbox.lastFiled = { key: d.key, ...filed }
          outbox.lastError = null
        } catch (e) {
          outbox.lastError = e
          if (!retryable(e)) {
            // The server refused the content itself: keep it, say why, and let the user fix it.
            d.lastError = e instanceof ApiError ? e.code : 'INTERNAL'
            await saveDraft(d)
          }
          if (e instanceof ApiError && e.code === 'NETWORK') break
        }
      }
    } catch (e) {
      outbox.lastError = e
    } finally {
      await countPending()
      outbox.sending = false
      flushing = null
    }
  })()
  return flushing
}

let started = false
/** Send waiting drafts now and whenever the network comes back. */
export function startOutbox(): void {
  if (started || typeof window === 'undefined' || !('indexedDB' in window)) return
  started = true
  window.addEventListener('online', () => void flushOutbox())
  void countPending().then(() => (outbox.pending ? flushOutbox() : undefined))
}
