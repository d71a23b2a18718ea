import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatTime } from '~/lib/time'
import { languageName } from '~/lib/languages'
import { useRootData } from '~/lib/use-root-data'

export type LiveNowCard = {
  id: string
  title: string
  companyName: string
  region: string
  language: string
  startedAt: string
  viewerCount: number
  /** A signed link to a recent still, or null (no recording: the company's name stands in). */
  stillUrl: string | null
}

/** Showcases on air as cards: a still (or the company's name), the viewers now, each linking to its viewer page. */
export function LiveNowList({ shows, headingLevel = 3 }: { shows: readonly LiveNowCard[]; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation()
  const { locale, timeZone } = useRootData()
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="live-now-list">
      {shows.map((show) => (
        <li
          key={show.id}
          className="flex flex-col overflow-hidden rounded-xl bg-white text-slate-900 shadow-sm ring-1 ring-slate-200"
          data-testid="live-now-entry"
        >
          <div className="relative">
            {show.stillUrl ? (
              <img
                src={show.stillUrl}
                alt={t('directory.stillAlt', { title: show.title })}
                loading="lazy"
                className="aspect-video w-full bg-slate-900 object-cover"
              />
            ) : (
              <div
                aria-hidden="true"
                className="flex aspect-video w-full items-center justify-center bg-gradient-to-br from-brand-900 to-brand-600 p-4 text-center text-lg font-semibold text-white"
                data-testid="live-still-placeholder"
              >
                {show.companyName}
              </div>
            )}
            <span className="absolute left-2 top-2 inline-flex items-center gap-1 rounded bg-red-700 px-1.5 py-0.5 text-xs font-bold uppercase text-white">
              <span aria-hidden="true" className="size-1.5 animate-pulse rounded-full bg-white" />
              {t('directory.liveBadge')}
            </span>
            <span
              className="absolute bottom-2 right-2 rounded bg-slate-900/85 px-1.5 py-0.5 text-xs font-medium tabular-nums text-white"
              data-testid="live-viewer-count"
            >
              {t('directory.viewersNow', { count: show.viewerCount })}
            </span>
          </div>
          <div className="flex flex-1 flex-col gap-1 p-4">
            <Heading className="font-semibold leading-snug">
              <Link to={`/live/${show.id}`} className="hover:underline focus-visible:underline">
                {show.title}
              </Link>
            </Heading>
            <p className="text-sm text-slate-600">
              {t('directory.by', { company: show.companyName })} · {show.region}
            </p>
            <p className="text-xs text-slate-600">
              {t('directory.spoken', { language: languageName(show.language, locale) })} ·{' '}
              {t('directory.liveSince', { time: formatTime(show.startedAt, { locale, timeZone }) })}
            </p>
          </div>
        </li>
      ))}
    </ul>
  )
}
