import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useRouteLoaderData } from 'react-router'
import { Button } from '~/components/ui/button'
import { isNewReading, newScanId, type QueuedScan, ScanQueue } from '~/lib/scan-queue'

// One badge scanner for the fair's check-in desk and an exhibitor's booth (docs/fair-on-site.md): the
// camera (BarcodeDetector where the browser has it for QR codes, else @zxing/browser), a typed badge
// number when the camera fails, and the offline queue (app/lib/scan-queue.ts). A scan is queued first and
// sent at once when online; what could not be sent waits for the network and is sent again (the server
// stores each scan id once). With `withNote` (the booth) a read badge waits for a note and "Save lead".

export type ScanResult =
  | {
      state: 'checked-in' | 'already' | 'lead-recorded' | 'lead-updated'
      scanId: string
      attendee: { name: string; company: string; kind: string }
      at: string
    }
  | { state: 'invalid'; scanId: string; reason: string }

type CameraState = 'off' | 'starting' | 'scanning' | 'error'
type Sync = 'idle' | 'syncing'

type Decoder = { stop: () => void }

function csrfTokenOf(root: unknown): string {
  return typeof root === 'object' && root !== null && 'csrfToken' in root && typeof root.csrfToken === 'string' ? root.csrfToken : ''
}

type BarcodeDetectorLike = { detect: (source: HTMLVideoElement) => Promise<Array<{ rawValue: string }>> }
type BarcodeDetectorClass = {
  new (options: { formats: string[] }): BarcodeDetectorLike
  getSupportedFormats?: () => Promise<string[]>
}

async function startDecoder(video: HTMLVideoElement, onCode: (text: string) => void): Promise<Decoder> {
  const Detector = (window as unknown as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector
  const formats = Detector?.getSupportedFormats ? await Detector.getSupportedFormats().catch(() => []) : []
  if (Detector && formats.includes('qr_code')) {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
    video.srcObject = stream
    await video.play()
    const detector = new Detector({ formats: ['qr_code'] })
    let stopped = false
    const tick = async () => {
      if (stopped) return
      try {
        const codes = await detector.detect(video)
        const text = codes[0]?.rawValue
        if (text) onCode(text)
      } catch {
        // A frame that cannot be read is skipped.
      }
      window.setTimeout(() => void tick(), 200)
    }
    void tick()
    return {
      stop: () => {
        stopped = true
        for (const track of stream.getTracks()) track.stop()
        video.srcObject = null
      },
    }
  }
  const { BrowserQRCodeReader } = await import('@zxing/browser')
  const reader = new BrowserQRCodeReader(undefined, { delayBetweenScanAttempts: 150 })
  const controls = await reader.decodeFromConstraints({ video: { facingMode: 'environment' }, audio: false }, video, (result) => {
    if (result) onCode(result.getText())
  })
  return { stop: () => controls.stop() }
}

export function BadgeScanner({
  endpoint,
  queueKey,
  withNote = false,
  onSynced,
}: {
  /** The scan endpoint (POST, answers a ScanResult as JSON) */
  endpoint: string
  /** Storage key of this scanner's offline queue */
  queueKey: string
  withNote?: boolean
  /** After the server answered a scan (e.g. to reload the page's list) */
  onSynced?: () => void
}) {
  const { t } = useTranslation()
  const csrf = csrfTokenOf(useRouteLoaderData('root'))
  const videoRef = useRef<HTMLVideoElement>(null)
  const decoder = useRef<Decoder | null>(null)
  const lastReading = useRef<{ code: string; seenAt: number } | null>(null)
  const queueRef = useRef<ScanQueue | null>(null)
  const flushing = useRef(false)
  const [camera, setCamera] = useState<CameraState>('off')
  const [queued, setQueued] = useState<QueuedScan[]>([])
  const [online, setOnline] = useState(true)
  const [sync, setSync] = useState<Sync>('idle')
  const [results, setResults] = useState<ScanResult[]>([])
  const [pendingCode, setPendingCode] = useState<string | null>(null)
  const [manual, setManual] = useState('')
  const [note, setNote] = useState('')

  const queue = useCallback(() => {
    queueRef.current ??= new ScanQueue(window.localStorage, `tc-scan-queue:${queueKey}`)
    return queueRef.current
  }, [queueKey])

  const flush = useCallback(async () => {
    if (flushing.current) return
    flushing.current = true
    setSync('syncing')
    let answered = false
    try {
      for (const scan of queue().list()) {
        let response: Response
        try {
          response = await fetch(endpoint, {
            method: 'POST',
            credentials: 'same-origin',
            headers: { Accept: 'application/json' },
            body: new URLSearchParams({ intent: 'scan', csrf, scanId: scan.scanId, code: scan.code, scannedAt: String(scan.scannedAt), note: scan.note }),
          })
        } catch {
          setOnline(false)
          break
        }
        const body: unknown = await response.json().catch(() => null)
        const result = body && typeof body === 'object' && 'state' in body ? (body as ScanResult) : null
        // No answer to keep (a server error, a refused request): the scan stays queued and is sent again later.
        if (!result) break
        setOnline(true)
        setQueued(queue().remove(scan.scanId))
        setResults((list) => [result, ...list.filter((r) => r.scanId !== result.scanId)].slice(0, 10))
        answered = true
      }
    } finally {
      flushing.current = false
      setSync('idle')
      setQueued(queue().list())
      if (answered) onSynced?.()
    }
  }, [csrf, endpoint, onSynced, queue])

  const submit = useCallback(
    (code: string, noteText: string) => {
      const scan: QueuedScan = { scanId: newScanId(), code: code.trim(), scannedAt: Date.now(), note: noteText.trim() }
      if (!scan.code) return
      setQueued(queue().add(scan))
      void flush()
    },
    [flush, queue],
  )

  const onCode = useCallback(
    (code: string) => {
      const at = Date.now()
      const fresh = isNewReading(lastReading.current, code, at)
      lastReading.current = { code, seenAt: at }
      if (!fresh) return
      if (withNote) setPendingCode(code)
      else submit(code, '')
    },
    [submit, withNote],
  )

  const startCamera = useCallback(async () => {
    if (!videoRef.current || decoder.current) return
    setCamera('starting')
    try {
      decoder.current = await startDecoder(videoRef.current, onCode)
      setCamera('scanning')
    } catch {
      decoder.current = null
      setCamera('error')
    }
  }, [onCode])

  const stopCamera = useCallback(() => {
    decoder.current?.stop()
    decoder.current = null
    setCamera('off')
  }, [])

  useEffect(() => {
    setQueued(queue().list())
    setOnline(navigator.onLine)
    void flush()
    const goOnline = () => {
      setOnline(true)
      void flush()
    }
    const goOffline = () => setOnline(false)
    window.addEventListener('online', goOnline)
    window.addEventListener('offline', goOffline)
    // Whatever the events say, what is queued is tried again every 15 s.
    const timer = window.setInterval(() => {
      if (queue().list().length > 0) void flush()
    }, 15_000)
    return () => {
      window.removeEventListener('online', goOnline)
      window.removeEventListener('offline', goOffline)
      window.clearInterval(timer)
      decoder.current?.stop()
      decoder.current = null
    }
  }, [flush, queue])

  const latest = results[0]
  const status =
    queued.length > 0 && (!online || sync === 'idle')
      ? t('onSite.scanner.queued', { count: queued.length })
      : sync === 'syncing'
        ? t('onSite.scanner.syncing')
        : latest
          ? resultText(latest)
          : camera === 'scanning'
            ? t('onSite.scanner.scanning')
            : ''

  function resultText(result: ScanResult): string {
    if (result.state === 'invalid') return t(result.reason, { defaultValue: t('onSite.errors.badge-invalid') })
    return t(`onSite.scanner.result.${result.state}`, { name: result.attendee.name, company: result.attendee.company })
  }

  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2">
        <div className="space-y-2">
          <div className="relative aspect-video overflow-hidden rounded-lg bg-slate-900">
            <video ref={videoRef} className="h-full w-full object-cover" muted playsInline aria-label={t('onSite.scanner.videoLabel')} />
            {camera !== 'scanning' ? (
              <p className="absolute inset-0 flex items-center justify-center p-4 text-center text-sm text-white">
                {camera === 'starting'
                  ? t('onSite.scanner.cameraStarting')
                  : camera === 'error'
                    ? t('onSite.scanner.cameraError')
                    : t('onSite.scanner.cameraOff')}
              </p>
            ) : null}
          </div>
          <div className="flex flex-wrap gap-2">
            {camera === 'scanning' || camera === 'starting' ? (
              <Button type="button" variant="secondary" onClick={stopCamera}>
                {t('onSite.scanner.stopCamera')}
              </Button>
            ) : (
              <Button type="button" data-testid="start-camera" onClick={() => void startCamera()}>
                {t('onSite.scanner.startCamera')}
              </Button>
            )}
          </div>
        </div>
        <div className="space-y-4">
          <p
            role="status"
            aria-live="polite"
            data-testid="scan-status"
            className={`min-h-12 rounded-md px-3 py-2 text-sm font-medium ${
              !online || queued.length > 0
                ? 'bg-amber-100 text-amber-900'
                : latest?.state === 'invalid'
                  ? 'bg-red-50 text-red-900'
                  : latest?.state === 'already' || latest?.state === 'lead-updated'
                    ? 'bg-sky-50 text-sky-900'
                    : latest
                      ? 'bg-emerald-50 text-emerald-900'
                      : 'bg-slate-50 text-slate-700'
            }`}
          >
            {!online ? `${t('onSite.scanner.offline')} ` : ''}
            {status}
          </p>
          {withNote && pendingCode ? (
            <form
              className="space-y-2 rounded-md border border-slate-200 p-3"
              onSubmit={(event) => {
                event.preventDefault()
                submit(pendingCode, note)
                setPendingCode(null)
                setNote('')
              }}
            >
              <p className="text-sm font-medium">{t('onSite.scanner.badgeRead')}</p>
              <label className="block text-sm font-medium" htmlFor="lead-note">
                {t('onSite.scanner.note')}
              </label>
              <textarea
                id="lead-note"
                value={note}
                maxLength={1000}
                onChange={(event) => setNote(event.target.value)}
                className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
                rows={3}
              />
              <div className="flex gap-2">
                <Button type="submit" data-testid="save-lead">
                  {t('onSite.scanner.saveLead')}
                </Button>
                <Button type="button" variant="secondary" onClick={() => setPendingCode(null)}>
                  {t('onSite.scanner.discard')}
                </Button>
              </div>
            </form>
          ) : null}
          <form
            className="space-y-2"
            onSubmit={(event) => {
              event.preventDefault()
              if (!manual.trim()) return
              if (withNote) setPendingCode(manual.trim())
              else submit(manual, '')
              setManual('')
            }}
          >
            <label className="block text-sm font-medium" htmlFor={`${queueKey}-manual`}>
              {t('onSite.scanner.manualLabel')}
            </label>
            <p className="text-xs text-slate-600" id={`${queueKey}-manual-hint`}>
              {t('onSite.scanner.manualHint')}
            </p>
            <div className="flex gap-2">
              <input
                id={`${queueKey}-manual`}
                data-testid="manual-code"
                aria-describedby={`${queueKey}-manual-hint`}
                value={manual}
                onChange={(event) => setManual(event.target.value)}
                autoComplete="off"
                className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
              />
              <Button type="submit" variant="secondary" data-testid="manual-submit">
                {t('onSite.scanner.manualSubmit')}
              </Button>
            </div>
          </form>
        </div>
      </div>
      {results.length > 0 ? (
        <section aria-labelledby={`${queueKey}-device`}>
          <h3 id={`${queueKey}-device`} className="text-sm font-semibold">
            {t('onSite.scanner.thisDevice')}
          </h3>
          <ul className="mt-1 divide-y divide-slate-100 text-sm" data-testid="device-scans">
            {results.map((result) => (
              <li key={result.scanId} className="py-1">
                {resultText(result)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}
