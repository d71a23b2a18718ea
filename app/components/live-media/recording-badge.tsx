import { clsx } from 'clsx'
import { useTranslation } from 'react-i18next'
import type { RecordingState } from '~/protocol/media'

const TONE: Record<RecordingState['state'], string> = {
  off: 'bg-slate-100 text-slate-700',
  starting: 'bg-slate-200 text-slate-800',
  recording: 'bg-rose-100 text-rose-900',
  paused: 'bg-amber-100 text-amber-900',
  restarting: 'bg-amber-100 text-amber-900',
  stopped: 'bg-red-100 text-red-800',
  finished: 'bg-slate-200 text-slate-800',
}

/**
 * What the server-side recording is doing. The host sees every state (a stop is an alert: the replay
 * will miss the rest of the show); viewers are told only that they are being recorded.
 */
export function RecordingBadge({ state, audience }: { state: RecordingState; audience: 'host' | 'viewer' }) {
  const { t } = useTranslation()
  if (audience === 'viewer') {
    if (state.state !== 'recording' && state.state !== 'restarting' && state.state !== 'starting') return null
    return (
      <span
        data-testid="recording-badge"
        data-state={state.state}
        className={clsx('inline-flex items-center gap-1 rounded-full px-3 py-1 text-xs font-semibold', TONE.recording)}
      >
        <span aria-hidden className="h-2 w-2 rounded-full bg-rose-600" />
        {t('liveMedia.recording.viewerNote')}
      </span>
    )
  }
  const text =
    state.state === 'restarting'
      ? t('liveMedia.recording.state.restarting', { count: state.retryInSeconds })
      : state.state === 'stopped' || (state.state === 'off' && state.reason)
        ? t(`liveMedia.recording.reason.${state.reason ?? 'disabled'}`)
        : t(`liveMedia.recording.state.${state.state}`)
  return (
    <span
      role={state.state === 'stopped' ? 'alert' : 'status'}
      aria-live={state.state === 'stopped' ? 'assertive' : 'polite'}
      data-testid="recording-badge"
      data-state={state.state}
      className={clsx('inline-flex items-center gap-1 rounded-full px-3 py-1 text-xs font-semibold', TONE[state.state])}
    >
      {state.state === 'recording' ? <span aria-hidden className="h-2 w-2 animate-pulse rounded-full bg-rose-600" /> : null}
      {text}
    </span>
  )
}
