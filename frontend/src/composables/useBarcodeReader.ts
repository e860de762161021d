// Barcode reading: the browser's own BarcodeDetector (Shape Detection API) where it reads our formats,
// else ZXing-C++ compiled to WebAssembly (the `barcode-detector` ponyfill), loaded only when first
// needed and served from our origin (the CSP allows same-origin WebAssembly, nothing from a CDN).

export interface DetectedBarcode {
  rawValue: string
}
export interface BarcodeReader {
  detect(source: ImageBitmapSource): Promise<DetectedBarcode[]>
}
interface BarcodeReaderCtor {
  new (opts?: { formats?: string[] }): BarcodeReader
  getSupportedFormats?: () => Promise<string[]>
}
export type BarcodeEngine = 'native' | 'zxing'

/** Retail barcodes (GTIN/EAN/UPC), ITF-14 on cartons, and the 2-D codes trace codes are printed as. */
export const BARCODE_FORMATS = ['ean_13', 'ean_8', 'upc_a', 'upc_e', 'itf', 'code_128', 'qr_code', 'data_matrix']

let zxingCtor: Promise<BarcodeReaderCtor> | null = null

async function loadZxing(): Promise<BarcodeReaderCtor> {
  const [{ BarcodeDetector, prepareZXingModule }, { default: wasmUrl }] = await Promise.all([
    import('barcode-detector/ponyfill'),
    import('zxing-wasm/reader/zxing_reader.wasm?url'),
  ])
  prepareZXingModule({
    overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
  })
  return BarcodeDetector as unknown as BarcodeReaderCtor
}

async function nativeFormats(ctor: BarcodeReaderCtor): Promise<string[]> {
  try {
    const supported = (await ctor.getSupportedFormats?.()) ?? []
    return BARCODE_FORMATS.filter((f) => supported.includes(f))
  } catch {
    return []
  }
}

/** A reader for our formats: the native detector when it reads at least one of them (desktop Linux
 * Chrome has the API but no formats), otherwise the ZXing fallback. */
export async function barcodeReader(): Promise<{ reader: BarcodeReader; engine: BarcodeEngine }> {
  const Native = (globalThis as unknown as { BarcodeDetector?: BarcodeReaderCtor }).BarcodeDetector
  if (Native) {
    const formats = await nativeFormats(Native)
    if (formats.length) return { reader: new Native({ formats }), engine: 'native' }
  }
  zxingCtor ??= loadZxing()
  try {
    const Zxing = await zxingCtor
    return { reader: new Zxing({ formats: BARCODE_FORMATS }), engine: 'zxing' }
  } catch (e) {
    zxingCtor = null // a failed chunk load (offline) may succeed on the next try
    throw e
  }
}

/** The first code found in a photo (a File from the camera or the gallery), or null. */
export async function readBarcodeFromImage(file: Blob): Promise<string | null> {
  const { reader } = await barcodeReader()
  const bitmap = await createImageBitmap(file)
  try {
    const found = await reader.detect(bitmap)
    return found.find((b) => b.rawValue)?.rawValue ?? null
  } finally {
    bitmap.close()
  }
}
