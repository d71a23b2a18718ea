// The offline queue of badge scans (the check-in desk and the booth scanner, docs/decisions/025): every
// scan is written to the browser's storage first, with an id and the time it was made on this device,
// and removed only once the server has answered it. A venue network that drops loses nothing: the queue
// is sent again when the browser is back online (or the page is opened again), and the server stores each
// scan id once, so a scan sent twice counts once.

export type QueuedScan = { scanId: string; code: string; scannedAt: number; note: string }

/** The part of Web Storage the queue uses (localStorage in the browser, a map in tests). */
export type ScanStorage = Pick<Storage, 'getItem' | 'setItem'>

/** Scans kept at most per queue: a desk that never reconnects stops growing the storage. */
export const QUEUE_LIMIT = 2000

function isQueuedScan(value: unknown): value is QueuedScan {
  if (typeof value !== 'object' || value === null) return false
  const scan = value as Record<string, unknown>
  return typeof scan.scanId === 'string' && typeof scan.code === 'string' && typeof scan.scannedAt === 'number' && typeof scan.note === 'string'
}

export function newScanId(random: () => string = () => crypto.randomUUID()): string {
  return random()
}

export class ScanQueue {
  constructor(
    private readonly storage: ScanStorage,
    private readonly key: string,
  ) {}

  list(): QueuedScan[] {
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(this.key) ?? '[]')
      return Array.isArray(parsed) ? parsed.filter(isQueuedScan) : []
    } catch {
      return []
    }
  }

  private save(scans: QueuedScan[]) {
    this.storage.setItem(this.key, JSON.stringify(scans.slice(-QUEUE_LIMIT)))
  }

  /** Adds a scan (a scan id already queued is not added twice). */
  add(scan: QueuedScan): QueuedScan[] {
    const scans = this.list()
    if (!scans.some((queued) => queued.scanId === scan.scanId)) scans.push(scan)
    this.save(scans)
    return scans
  }

  remove(scanId: string): QueuedScan[] {
    const scans = this.list().filter((queued) => queued.scanId !== scanId)
    this.save(scans)
    return scans
  }
}

/**
 * Whether the camera reading `code` at `at` is a new scan: the same code read again while it stays in front
 * of the camera (seen within `quietMs` of its last reading) is the same scan.
 */
export function isNewReading(last: { code: string; seenAt: number } | null, code: string, at: number, quietMs = 4000): boolean {
  return last?.code !== code || at - last.seenAt > quietMs
}
