import { clsx } from 'clsx'
import { useTranslation } from 'react-i18next'

const TONE: Record<string, string> = {
  live: 'bg-red-600 text-white',
  connecting: 'bg-slate-200 text-slate-800',
  waiting: 'bg-amber-100 text-amber-900',
  reconnecting: 'bg-amber-100 text-amber-900',
  resumable: 'bg-amber-100 text-amber-900',
  preview: 'bg-slate-200 text-slate-800',
  ended: 'bg-slate-800 text-white',
  error: 'bg-red-100 text-red-800',
}

/** The connection / broadcast state, announced politely to screen readers. */
export function PhaseBadge({ phase }: { phase: string }) {
  const { t } = useTranslation()
  return (
    <span
      role="status"
      aria-live="polite"
      data-phase={phase}
      className={clsx('inline-flex items-center gap-1 rounded-full px-3 py-1 text-xs font-semibold', TONE[phase])}
    >
      {phase === 'live' ? <span aria-hidden className="h-2 w-2 rounded-full bg-white" /> : null}
      {t(`liveMedia.phase.${phase}`)}
    </span>
  )
}
