import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { LocalTime } from '~/components/local-time'
import { EmptyState } from '~/components/ui/card'

type Replay = {
  sessionId: string
  title: string
  companyName: string
  airedAt: string
  durationMs: number
  duration: string
  posterUrl: string | null
}

/** ISO 8601 duration for <time dateTime> ("PT12M34S"). */
function isoDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  return `PT${Math.floor(total / 3600)}H${Math.floor((total % 3600) / 60)}M${total % 60}S`
}

/** Replays of showcases as poster cards (newest first, as given), each linking to its replay page. */
export function ReplayList({ replays, showCompany = true }: { replays: readonly Replay[]; showCompany?: boolean }) {
  const { t } = useTranslation()
  if (replays.length === 0) return <EmptyState>{t('replayList.none')}</EmptyState>
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="replay-list">
      {replays.map((replay) => (
        <li key={replay.sessionId} className="flex flex-col overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
          <div className="relative">
            {replay.posterUrl ? (
              <img src={replay.posterUrl} alt="" loading="lazy" className="aspect-video w-full bg-slate-900 object-cover" />
            ) : (
              <div
                aria-hidden="true"
                className="flex aspect-video w-full items-center justify-center bg-slate-200 text-slate-400"
                data-testid="replay-placeholder"
              >
                <svg viewBox="0 0 24 24" className="size-10" fill="currentColor">
                  <path d="M8 5v14l11-7z" />
                </svg>
              </div>
            )}
            <span className="absolute bottom-2 right-2 rounded bg-slate-900/80 px-1.5 py-0.5 text-xs font-medium tabular-nums text-white">
              <span className="sr-only">{t('replayList.duration')} </span>
              <time dateTime={isoDuration(replay.durationMs)}>{replay.duration}</time>
            </span>
          </div>
          <div className="flex flex-1 flex-col gap-1 p-4">
            <h3 className="font-semibold leading-snug">
              <Link to={`/live/${replay.sessionId}`} className="hover:underline">
                {replay.title}
              </Link>
            </h3>
            {showCompany ? <p className="text-sm text-slate-600">{t('landing.hostedBy', { company: replay.companyName })}</p> : null}
            <p className="text-xs text-slate-600">
              {t('replayList.aired')} <LocalTime value={replay.airedAt} />
            </p>
          </div>
        </li>
      ))}
    </ul>
  )
}
