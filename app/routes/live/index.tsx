import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Form, Link, useFetcher, useNavigation, useSearchParams } from 'react-router'
import type { Route } from './+types/index'
import type { loader as nowLoader } from './now'
import { LiveNowList } from '~/components/live-now-list'
import { ReplayList } from '~/components/replay-list'
import { Button, buttonClass } from '~/components/ui/button'
import { EmptyState } from '~/components/ui/card'
import { getOptionalUser } from '~/domain/accounts/session.server'
import { groupByDay, hasFilters, type DirectoryField } from '~/domain/live/directory'
import { directoryDataFor } from '~/domain/live/directory-request.server'
import { getDirectoryFacets, getShowcaseDirectory, type DirectoryEntry, type LiveNowEntry } from '~/domain/live/directory.server'
import { STARTING_SOON_MINUTES } from '~/domain/live/show-timing'
import { countryName } from '~/lib/countries'
import { languageName } from '~/lib/languages'
import { formatTime } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { requestNow } from '~/utils/clock.server'
import { resolveLocale } from '~/utils/preferences.server'
import type { LanguageAlternatesHandle } from '~/lib/language-alternates'
import { pageTitle } from '~/lib/meta'
import { RsvpToggle } from '~/components/engagement/rsvp-panel'
import { rsvpedSessionIds } from '~/domain/engagement/rsvps.server'

// A public page: the document lists its language versions (hreflang) and its canonical URL.
export const handle: LanguageAlternatesHandle = { alternates: true }

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.liveShowcases')])

export async function loader({ request }: Route.LoaderArgs) {
  const user = await getOptionalUser(request)
  const locale = await resolveLocale(request, user)
  const now = requestNow(request)
  const { filters, rejected, buyerCountry, readyNotCovered } = await directoryDataFor(new URL(request.url).searchParams, user, now)
  const [directory, facets] = await Promise.all([getShowcaseDirectory({ now, locale, filters, reader: { buyerCountry } }), getDirectoryFacets(locale)])
  // The signed-in viewer's RSVPs among the scheduled shows listed, for the one-click toggles.
  const rsvped = await rsvpedSessionIds(
    user?.id,
    [...directory.startingSoon, ...directory.upcoming].map((entry) => entry.id),
  )
  return {
    ...directory,
    rsvped: [...rsvped],
    facets,
    filters,
    rejected,
    filtered: hasFilters(filters),
    soonMinutes: STARTING_SOON_MINUTES,
    readyCountry: buyerCountry,
    readyNotCovered,
    // When the data was read (the real clock, not the business clock): the page keeps the newer of this and a refresh.
    loadedAt: Date.now(),
  }
}

/** Viewer counts and stills move: the page asks again this often while it is visible. */
const REFRESH_MS = 30_000
/** The label each filter shows, so the "not understood" notice names filters as the form does, not URL parameters. */
const FILTER_LABELS = {
  category: 'directory.category',
  hs: 'directory.hsChapter',
  region: 'directory.region',
  language: 'directory.language',
  fair: 'directory.fair',
  ready: 'directory.ready',
} as const satisfies Record<DirectoryField, string>
const SELECT_CLASS = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm'

/** A calendar day's heading: "Thursday, December 3" in the visitor's zone. */
function formatDay(instant: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', month: 'long', day: 'numeric', timeZone }).format(new Date(instant))
}

/**
 * Live now and starting soon, refreshed from /live/now while the page is visible (the filters, the
 * calendar and the replays are not reloaded). The newer of the page's and the refresh's data wins, and a
 * refresh made for other filters is ignored.
 */
function useCurrentShows(page: { liveNow: LiveNowEntry[]; startingSoon: DirectoryEntry[]; loadedAt: number }) {
  const [searchParams] = useSearchParams()
  const search = searchParams.toString()
  const fetcher = useFetcher<typeof nowLoader>()
  const [loadedFor, setLoadedFor] = useState(search)
  const { load, state } = fetcher
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState !== 'visible' || state !== 'idle') return
      setLoadedFor(search)
      void load(`/live/now${search ? `?${search}` : ''}`)
    }, REFRESH_MS)
    return () => clearInterval(timer)
  }, [load, state, search])
  const fresh = fetcher.data && loadedFor === search && fetcher.data.loadedAt > page.loadedAt ? fetcher.data : null
  return fresh ?? page
}

function ScheduledEntry({ entry, headingLevel, going }: { entry: DirectoryEntry; headingLevel: 3 | 4; going: boolean }) {
  const { t } = useTranslation()
  const { locale, timeZone, user } = useRootData()
  const time = formatTime(entry.startsAt, { locale, timeZone })
  const Heading = headingLevel === 3 ? 'h3' : 'h4'
  return (
    <li className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 py-3" data-testid="scheduled-entry">
      <div className="min-w-0">
        <Heading className="font-medium text-slate-900">
          <Link to={`/live/${entry.id}`} className="hover:underline focus-visible:underline">
            {entry.title}
          </Link>
        </Heading>
        <p className="text-sm text-slate-600">
          {t('directory.by', { company: entry.companyName })} · {entry.region} · {languageName(entry.language, locale)}
          {entry.fairName ? ` · ${entry.fairName}` : ''}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <p className="text-sm tabular-nums text-slate-700">
          <time dateTime={entry.startsAt}>{t('directory.startsAt', { time })}</time>
        </p>
        {user ? <RsvpToggle sessionId={entry.id} title={entry.title} going={going} compact /> : null}
      </div>
    </li>
  )
}

/** One filter of the directory: "any" first, then the options that have listed shows. */
function FilterSelect({
  name,
  label,
  anyLabel,
  value,
  options,
}: {
  name: string
  label: string
  anyLabel: string
  value: string
  options: ReadonlyArray<{ value: string; label: string }>
}) {
  return (
    <label className="block text-sm">
      {label}
      <select name={name} defaultValue={value} className={SELECT_CLASS}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  )
}

export default function ShowcaseDirectory({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale, timeZone } = useRootData()
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  const { liveNow, startingSoon } = useCurrentShows(loaderData)
  const { replays, facets, rejected, filtered, soonMinutes, readyCountry, readyNotCovered } = loaderData
  // A show that went live or began its "soon" window since the page loaded is listed once, where it is now.
  const current = new Set([...liveNow, ...startingSoon].map((entry) => entry.id))
  const upcoming = loaderData.upcoming.filter((entry) => !current.has(entry.id))
  const rsvped = new Set(loaderData.rsvped)
  const loading = navigation.state === 'loading' && navigation.location.pathname === '/live'
  const value = (key: string) => searchParams.get(key) ?? ''
  const days = groupByDay(upcoming, timeZone)
  const nothing = liveNow.length + startingSoon.length + upcoming.length + replays.length === 0

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-bold tracking-tight">{t('directory.title')}</h1>
        <p className="mt-2 max-w-3xl text-slate-600">{t('directory.intro')}</p>
      </header>

      <Form
        method="get"
        role="search"
        aria-label={t('directory.filters')}
        className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
        key={searchParams.toString()}
      >
        <h2 className="font-semibold">{t('directory.filters')}</h2>
        <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
          <FilterSelect
            name="category"
            label={t('directory.category')}
            anyLabel={t('directory.anyCategory')}
            value={value('category')}
            options={facets.categories}
          />
          <FilterSelect name="hs" label={t('directory.hsChapter')} anyLabel={t('directory.anyHsChapter')} value={value('hs')} options={facets.hsChapters} />
          <FilterSelect
            name="region"
            label={t('directory.region')}
            anyLabel={t('directory.anyRegion')}
            value={value('region')}
            options={facets.regions.map((region) => ({ value: region, label: region }))}
          />
          <FilterSelect
            name="language"
            label={t('directory.language')}
            anyLabel={t('directory.anyLanguage')}
            value={value('language')}
            options={facets.languages.map((code) => ({ value: code, label: languageName(code, locale) }))}
          />
          <FilterSelect name="fair" label={t('directory.fair')} anyLabel={t('directory.anyFair')} value={value('fair')} options={facets.fairs} />
        </div>
        {readyCountry ? (
          <label className="mt-3 flex items-start gap-2 text-sm">
            <input type="checkbox" name="ready" value="1" defaultChecked={value('ready') === '1'} className="mt-0.5 size-4 rounded border-slate-300" />
            <span>
              <span className="font-medium">{t('directory.ready')}</span>
              <span className="block text-slate-600">{t('readinessBuyer.directoryHint', { country: countryName(readyCountry, locale) })}</span>
            </span>
          </label>
        ) : null}
        {readyCountry && readyNotCovered ? (
          <p role="status" className="mt-2 rounded-md bg-amber-50 p-2 text-sm text-amber-900 ring-1 ring-amber-200">
            {t('readinessBuyer.notCovered', { market: countryName(readyCountry, locale) })}
          </p>
        ) : null}
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <Button type="submit">{t('directory.apply')}</Button>
          {filtered ? (
            <Link to="/live" className={buttonClass('ghost')}>
              {t('directory.clear')}
            </Link>
          ) : null}
          <span aria-live="polite" className="text-sm text-slate-600">
            {loading ? t('directory.filtering') : ''}
          </span>
        </div>
        {rejected.length ? (
          <p role="status" className="mt-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
            {t('directory.rejected', { fields: rejected.map((field) => t(FILTER_LABELS[field])).join(', ') })}
          </p>
        ) : null}
      </Form>

      {filtered && nothing ? <EmptyState>{t('directory.noMatch')}</EmptyState> : null}

      <section aria-labelledby="live-now-title" className={loading ? 'opacity-60' : undefined}>
        <h2 id="live-now-title" className="flex items-center gap-2 text-xl font-bold tracking-tight">
          <span aria-hidden="true" className="inline-block size-2.5 animate-pulse rounded-full bg-live" />
          {t('directory.liveNow')}
        </h2>
        <div className="mt-4">{liveNow.length ? <LiveNowList shows={liveNow} /> : <EmptyState>{t('directory.noLive')}</EmptyState>}</div>
      </section>

      <section aria-labelledby="starting-soon-title" className={loading ? 'opacity-60' : undefined}>
        <h2 id="starting-soon-title" className="text-xl font-bold tracking-tight">
          {t('directory.startingSoon')}
        </h2>
        <p className="text-sm text-slate-600">{t('directory.startingSoonHint', { minutes: soonMinutes })}</p>
        {startingSoon.length ? (
          <ul className="mt-2 divide-y divide-slate-100 rounded-xl bg-white px-4 shadow-sm ring-1 ring-slate-200">
            {startingSoon.map((entry) => (
              <ScheduledEntry key={entry.id} entry={entry} headingLevel={3} going={rsvped.has(entry.id)} />
            ))}
          </ul>
        ) : (
          <div className="mt-2">
            <EmptyState>{t('directory.noStartingSoon', { minutes: soonMinutes })}</EmptyState>
          </div>
        )}
      </section>

      <section aria-labelledby="upcoming-title" className={loading ? 'opacity-60' : undefined}>
        <h2 id="upcoming-title" className="text-xl font-bold tracking-tight">
          {t('directory.upcoming')}
        </h2>
        <p className="text-sm text-slate-600">{t('directory.upcomingHint', { zone: timeZone })}</p>
        {days.length ? (
          <ol className="mt-2 space-y-4" data-testid="upcoming-calendar">
            {days.map(({ day, items }) => (
              <li key={day} className="rounded-xl bg-white px-4 pt-3 shadow-sm ring-1 ring-slate-200">
                <h3 className="text-sm font-semibold text-brand-700">
                  <time dateTime={day}>{formatDay(items[0]?.startsAt ?? day, locale, timeZone)}</time>
                </h3>
                <ul className="divide-y divide-slate-100">
                  {items.map((entry) => (
                    <ScheduledEntry key={entry.id} entry={entry} headingLevel={4} going={rsvped.has(entry.id)} />
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        ) : (
          <div className="mt-2">
            <EmptyState>{t('directory.noUpcoming')}</EmptyState>
          </div>
        )}
      </section>

      {replays.length ? (
        <section aria-labelledby="replays-title" className={loading ? 'opacity-60' : undefined}>
          <h2 id="replays-title" className="text-xl font-bold tracking-tight">
            {t('directory.replays')}
          </h2>
          <div className="mt-4">
            <ReplayList replays={replays} />
          </div>
        </section>
      ) : null}
    </div>
  )
}
