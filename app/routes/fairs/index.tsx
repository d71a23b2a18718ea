import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/index'
import { StatusBadge } from '~/components/status-badge'
import { EmptyState } from '~/components/ui/card'
import { getOptionalUser } from '~/domain/accounts/session.server'
import { listPublicFairs } from '~/domain/fairs/public.server'
import { formatDate } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { requestNow } from '~/utils/clock.server'
import { resolveLocale } from '~/utils/preferences.server'
import type { LanguageAlternatesHandle } from '~/lib/language-alternates'
import { metaT, pageTitle } from '~/lib/meta'

// A public page: the document lists its language versions (hreflang) and its canonical URL.
export const handle: LanguageAlternatesHandle = { alternates: true }

export const meta: Route.MetaFunction = (args) => [
  ...pageTitle(args, (t) => [t('pageTitle.fairs')]),
  { name: 'description', content: metaT(args)('pageTitle.fairsDescription') },
]

export async function loader({ request }: Route.LoaderArgs) {
  const user = await getOptionalUser(request)
  const locale = await resolveLocale(request, user)
  return listPublicFairs({ now: requestNow(request), locale })
}

type FairCard = Route.ComponentProps['loaderData']['current'][number]

function FairItem({ fair }: { fair: FairCard }) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  // The fair's dates on its own calendar: a fair "from 1 to 5 July" in Seoul is that, wherever one reads it.
  const dates = `${formatDate(fair.startsAt, { locale, timeZone: fair.timeZone })} – ${formatDate(fair.endsAt, { locale, timeZone: fair.timeZone })}`
  return (
    <li className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200" data-testid={`fair-${fair.slug}`}>
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge status={fair.status} />
        {fair.liveNow > 0 ? (
          <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-800">
            {t('fairDiscovery.index.liveNow', { count: fair.liveNow })}
          </span>
        ) : null}
      </div>
      <h3 className="mt-2 text-lg font-semibold">
        <Link to={`/fairs/${fair.slug}`} className="text-brand-700 hover:underline">
          {fair.name}
        </Link>
      </h3>
      <p className="text-sm text-slate-700">
        <time dateTime={fair.startsAt}>{dates}</time> · {t('fairDiscovery.index.zone', { zone: fair.timeZone })}
      </p>
      {fair.description ? <p className="mt-2 line-clamp-2 text-sm text-slate-600">{fair.description}</p> : null}
      <p className="mt-2 text-sm text-slate-600">
        {t('fairs.exhibitorsCount', { count: fair.exhibitors })} · {t('fairDiscovery.index.showcases', { count: fair.showcases })}
      </p>
    </li>
  )
}

function FairSection({ id, title, fairs, empty }: { id: string; title: string; fairs: FairCard[]; empty: string }) {
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3">
      <h2 id={`${id}-title`} className="text-xl font-bold tracking-tight">
        {title}
      </h2>
      {fairs.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {fairs.map((fair) => (
            <FairItem key={fair.id} fair={fair} />
          ))}
        </ul>
      )}
    </section>
  )
}

export default function FairsIndexRoute({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { current, upcoming, past } = loaderData
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">{t('fairDiscovery.index.title')}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t('fairDiscovery.index.intro')}</p>
      </header>
      <FairSection id="current" title={t('fairDiscovery.index.current')} fairs={current} empty={t('fairDiscovery.index.noCurrent')} />
      <FairSection id="upcoming" title={t('fairDiscovery.index.upcoming')} fairs={upcoming} empty={t('fairDiscovery.index.noUpcoming')} />
      {past.length > 0 ? <FairSection id="past" title={t('fairDiscovery.index.past')} fairs={past} empty="" /> : null}
    </div>
  )
}
