import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/index'
import { LiveNowList } from '~/components/live-now-list'
import { ShowcaseList } from '~/components/showcase-list'
import { buttonClass } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { getOptionalUser } from '~/domain/accounts/session.server'
import { getLandingHighlights } from '~/domain/catalog/landing.server'
import { listLiveNow } from '~/domain/live/directory.server'
import { listUpcomingShowcases } from '~/domain/live/upcoming.server'
import { formatDate } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { resolveLocale } from '~/utils/preferences.server'
import type { LanguageAlternatesHandle } from '~/lib/language-alternates'
import { metaT } from '~/lib/meta'

/** The landing page leads with up to this many shows on air; the directory has them all. */
const LANDING_LIVE_LIMIT = 3

// A public page: the document lists its language versions (hreflang) and its canonical URL.
export const handle: LanguageAlternatesHandle = { alternates: true }

export const meta: Route.MetaFunction = (args) => {
  const t = metaT(args)
  return [{ title: `${t('common.appName')} — ${t('pageTitle.home')}` }, { name: 'description', content: t('pageTitle.homeDescription') }]
}

export async function loader({ request }: Route.LoaderArgs) {
  const user = await getOptionalUser(request)
  const locale = await resolveLocale(request, user)
  const now = new Date()
  const [highlights, showcases, liveNow] = await Promise.all([
    getLandingHighlights({ locale }),
    listUpcomingShowcases({ now, locale }),
    listLiveNow({ now, locale, take: LANDING_LIVE_LIMIT }),
  ])
  return { ...highlights, showcases, liveNow }
}

const FEATURES = [
  ['landing.featureLiveTitle', 'landing.featureLiveBody'],
  ['landing.featureRfqTitle', 'landing.featureRfqBody'],
  ['landing.featureMeetingsTitle', 'landing.featureMeetingsBody'],
  ['landing.featureFairsTitle', 'landing.featureFairsBody'],
] as const

export default function Landing({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { user, locale, timeZone } = useRootData()
  const { stats, featuredExporters, fair, showcases, liveNow } = loaderData
  const numberFormat = new Intl.NumberFormat(locale)
  return (
    <div className="space-y-12">
      <section className="rounded-2xl bg-gradient-to-br from-brand-900 to-brand-600 px-6 py-12 text-white sm:px-10">
        <h1 className="max-w-3xl text-3xl font-bold tracking-tight sm:text-4xl">{t('landing.heroTitle')}</h1>
        <p className="mt-4 max-w-3xl text-base text-brand-50 sm:text-lg">{t('landing.heroBody')}</p>
        <div className="mt-8 flex flex-wrap gap-3">
          {user ? (
            <Link to="/dashboard" className={buttonClass('secondary')}>
              {t('landing.ctaDashboard')}
            </Link>
          ) : (
            <>
              <Link to="/signup" className={buttonClass('secondary')}>
                {t('landing.ctaBuyer')}
              </Link>
              <Link
                to="/signup"
                className="inline-flex min-h-10 items-center rounded-md px-4 py-2 text-sm font-semibold text-white ring-1 ring-white/60 hover:bg-white/10"
              >
                {t('landing.ctaExporter')}
              </Link>
            </>
          )}
        </div>
        {liveNow.length ? (
          <section aria-labelledby="landing-live-title" className="mt-8" data-testid="landing-live-now">
            <div className="flex flex-wrap items-end justify-between gap-2">
              <div>
                <h2 id="landing-live-title" className="flex items-center gap-2 text-xl font-bold">
                  <span aria-hidden="true" className="inline-block size-2.5 animate-pulse rounded-full bg-white" />
                  {t('directory.landingLiveTitle')}
                </h2>
                <p className="text-sm text-brand-50">{t('directory.landingLiveHint')}</p>
              </div>
              <Link to="/live" className="text-sm font-semibold text-white underline underline-offset-4 hover:no-underline">
                {t('directory.seeAll')}
              </Link>
            </div>
            <div className="mt-4">
              <LiveNowList shows={liveNow} />
            </div>
          </section>
        ) : null}
        <dl className="mt-10 grid grid-cols-2 gap-4 sm:grid-cols-4">
          {(
            [
              ['landing.statsExporters', stats.exporters],
              ['landing.statsProducts', stats.products],
              ['landing.statsBuyers', stats.buyers],
              ['landing.statsCountries', stats.countries],
            ] as const
          ).map(([label, value]) => (
            <div key={label} className="rounded-lg bg-white/10 p-3">
              <dd className="text-2xl font-bold tabular-nums">{numberFormat.format(value)}</dd>
              <dt className="text-sm text-brand-100">{t(label)}</dt>
            </div>
          ))}
        </dl>
      </section>

      <section aria-label={t('common.appName')} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {FEATURES.map(([title, body]) => (
          <div key={title} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <h2 className="font-semibold">{t(title)}</h2>
            <p className="mt-2 text-sm text-slate-600">{t(body)}</p>
          </div>
        ))}
      </section>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card
            id="upcoming"
            title={t('landing.upcomingTitle')}
            action={
              <Link to="/live" className="text-sm font-semibold text-brand-700 hover:underline">
                {t('directory.seeAll')}
              </Link>
            }
          >
            <ShowcaseList showcases={showcases} />
          </Card>
        </div>
        {fair ? (
          <Card id="fair" title={t('landing.fairTitle')}>
            <p className="text-lg font-semibold">
              <Link to={`/fairs/${fair.slug}`} className="hover:underline">
                {fair.name}
              </Link>
            </p>
            <p className="mt-1 text-sm text-slate-600">
              {formatDate(fair.startsAt, { locale, timeZone })} – {formatDate(fair.endsAt, { locale, timeZone })}
            </p>
            <p className="mt-1 text-sm text-slate-600">
              {t('dashboard.booths')}: {fair.booths}
            </p>
            <Link to={`/fairs/${fair.slug}`} className={buttonClass('secondary', 'mt-3')}>
              {t('fairs.visitFair')}
            </Link>
          </Card>
        ) : null}
      </div>

      <section aria-labelledby="exporters-title">
        <h2 id="exporters-title" className="text-xl font-bold tracking-tight">
          {t('landing.exportersTitle')}
        </h2>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {featuredExporters.map((company) => (
            <li key={company.slug} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <p className="font-semibold">{company.name}</p>
              <p className="text-sm text-slate-600">{company.place}</p>
              <p className="mt-2 text-xs text-slate-500">
                {company.industry} · {t('landing.productsCount', { count: company.productCount })}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
