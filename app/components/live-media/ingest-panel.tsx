import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFetcher } from 'react-router'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'
import { VideoView } from '~/components/live-media/video-view'
import type { IngestStatus } from '~/domain/live/ingest-status'
import { useIngestPreview } from '~/media/use-ingest-preview'

export type StudioSource = 'camera' | 'encoder'

type PanelData = {
  whipUrl: string
  rtmpUrl: string | null
  credential: { token: string; masked: string; rotatedAt: string } | null
  status: IngestStatus | null
}

const POLL_MS = 2000

/** "Browser camera" or "Encoder (OBS, hardware)": what the studio broadcasts. */
export function StudioSourceChoice({ value, onChange, disabled }: { value: StudioSource; onChange: (next: StudioSource) => void; disabled: boolean }) {
  const { t } = useTranslation()
  return (
    <fieldset className="space-y-2" disabled={disabled}>
      <legend className="text-sm font-medium text-slate-800">{t('ingest.source.legend')}</legend>
      {(['camera', 'encoder'] as const).map((source) => (
        <label key={source} className="flex items-center gap-2 text-sm">
          <input type="radio" name="studio-source" value={source} checked={value === source} onChange={() => onChange(source)} />
          {t(`ingest.source.${source}`)}
        </label>
      ))}
    </fieldset>
  )
}

function CopyField({ label, value, shown, testId }: { label: string; value: string; shown?: string; testId: string }) {
  const { t } = useTranslation()
  const [copied, setCopied] = useState(false)
  return (
    <div className="space-y-1">
      <p className="text-xs font-medium text-slate-600">{label}</p>
      <div className="flex items-center gap-2">
        <code className="min-w-0 flex-1 truncate rounded bg-slate-100 px-2 py-1 text-xs" data-testid={testId}>
          {shown ?? value}
        </code>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            void navigator.clipboard
              .writeText(value)
              .then(() => setCopied(true))
              .catch(() => setCopied(false))
          }}
          aria-label={t('ingest.copyLabel', { field: label })}
        >
          {copied ? t('ingest.copied') : t('ingest.copy')}
        </Button>
      </div>
    </div>
  )
}

/**
 * The encoder's side of the studio: the WHIP and RTMP addresses and the ingest secret (masked, copy,
 * rotate), the incoming feed (received like a viewer receives it) and its state and health.
 */
export function IngestPanel({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation()
  const status = useFetcher<PanelData>()
  const rotate = useFetcher<{ ok: boolean }>()
  const preview = useIngestPreview(sessionId)
  const videoRef = useRef<HTMLDivElement>(null)
  const [size, setSize] = useState<{ width: number; height: number } | null>(null)
  const url = `/studio/${sessionId}/ingest`

  const { load, state: loadState } = status
  useEffect(() => {
    if (loadState === 'idle' && !status.data) void load(url)
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load(url)
    }, POLL_MS)
    return () => clearInterval(timer)
    // Polling restarts only when the showcase changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url])
  useEffect(() => {
    if (rotate.state === 'idle' && rotate.data) void load(url)
  }, [rotate.state, rotate.data, load, url])

  // The preview's decoded size (WHIP encoders do not tell the server their resolution).
  useEffect(() => {
    const timer = setInterval(() => {
      const video = videoRef.current?.querySelector('video')
      if (video && video.videoWidth > 0) setSize({ width: video.videoWidth, height: video.videoHeight })
    }, 1000)
    return () => clearInterval(timer)
  }, [])

  const data = status.data
  const ingest = data?.status ?? null
  const state = ingest && ingest.state !== 'stopped' ? ingest.state : 'none'
  const width = ingest?.health.width ?? size?.width ?? null
  const height = ingest?.health.height ?? size?.height ?? null
  const fps = ingest?.health.fps ?? preview.fps
  return (
    <section className="space-y-4" aria-labelledby="ingest-heading">
      <div ref={videoRef} className="relative aspect-video overflow-hidden rounded-xl bg-slate-900">
        <VideoView stream={preview.stream} muted aria-label={t('ingest.preview')} className="h-full w-full object-contain" data-testid="ingest-preview" />
        {!preview.stream ? <p className="absolute inset-0 grid place-items-center px-6 text-center text-sm text-white">{t('ingest.noFeed')}</p> : null}
      </div>

      <div className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-slate-200">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="ingest-heading" className="text-base font-semibold">
            {t('ingest.title')}
          </h2>
          <span
            role="status"
            aria-live="polite"
            data-testid="ingest-state"
            data-state={state}
            className="rounded-full bg-slate-100 px-3 py-1 text-xs font-semibold"
          >
            {t(`ingest.state.${state}`)}
            {ingest && ingest.state !== 'stopped' ? ` · ${ingest.kind.toUpperCase()}` : ''}
          </span>
        </div>
        <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4" aria-label={t('ingest.health')}>
          <div>
            <dt className="text-slate-500">{t('ingest.bitrate')}</dt>
            <dd className="tabular-nums" data-testid="ingest-bitrate">
              {ingest && state !== 'none' ? t('ingest.kbps', { value: ingest.health.bitrateKbps }) : '—'}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t('ingest.resolution')}</dt>
            <dd className="tabular-nums" data-testid="ingest-resolution">
              {width && height ? `${width}×${height}` : '—'}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t('ingest.fps')}</dt>
            <dd className="tabular-nums">{fps ?? '—'}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t('ingest.loss')}</dt>
            <dd className="tabular-nums">{ingest && state !== 'none' ? `${(ingest.health.packetLoss * 100).toFixed(1)} %` : '—'}</dd>
          </div>
        </dl>

        {data ? (
          <div className="space-y-3">
            <CopyField label={t('ingest.whipUrl')} value={data.whipUrl} testId="ingest-whip-url" />
            {data.rtmpUrl ? (
              <CopyField label={t('ingest.rtmpUrl')} value={data.rtmpUrl} testId="ingest-rtmp-url" />
            ) : (
              <p className="text-xs text-slate-500">{t('ingest.rtmpOff')}</p>
            )}
            {data.credential ? (
              <CopyField label={t('ingest.streamKey')} value={data.credential.token} shown={data.credential.masked} testId="ingest-key" />
            ) : (
              <p className="text-sm text-slate-600">{t('ingest.noKey')}</p>
            )}
            <p className="text-xs text-slate-500">{t('ingest.keyNote')}</p>
            <p className="text-xs text-slate-500">{t('ingest.encoderSettings')}</p>
            <rotate.Form method="post" action={url}>
              <CsrfInput />
              <input type="hidden" name="intent" value="rotate" />
              <Button
                type="submit"
                variant="secondary"
                disabled={rotate.state !== 'idle'}
                onClick={(event) => {
                  if (data.credential && !window.confirm(t('ingest.rotateConfirm'))) event.preventDefault()
                }}
              >
                {rotate.state !== 'idle' ? t('ingest.rotating') : data.credential ? t('ingest.rotate') : t('ingest.create')}
              </Button>
            </rotate.Form>
          </div>
        ) : (
          <p className="text-sm text-slate-600">{t('ingest.loading')}</p>
        )}
      </div>
    </section>
  )
}
