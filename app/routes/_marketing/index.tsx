import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/index'
import { ShowcaseList } from '~/components/showcase-list'
import { buttonClass } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { getOptionalUser } from '~/domain/accounts/session.server'
import { getLandingHighlights } from '~/domain/catalog/landing.server'
import { listUpcomingShowcases } from '~/domain/live/upcoming.server'
import { formatDate } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { resolveLocale } from '~/utils/preferences.server'

export async function loader({ request }: Route.LoaderArgs) {
  const user = await getOptionalUser(request)
  const locale = await resolveLocale(request, user)
  const now = new Date()
  const [highlights, showcases] = await Promise.all([getLandingHighlights({ locale }), listUpcomingShowcases({ now, locale })])
  return { ...highlights, showcases }
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
  const { stats, featuredExporters, fair, showcases } = loaderData
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
          <Card id="upcoming" title={t('landing.upcomingTitle')}>
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
