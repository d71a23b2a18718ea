import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/recommendations'
import { ExporterNav } from '~/components/area-nav'
import { MatchReasons } from '~/components/match-reasons'
import { buttonClass } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { requireExporterMember } from '~/domain/accounts/permissions.server'
import { categoryNames, recommendBuyersForExporter } from '~/domain/matchmaking/recommendations.server'
import { countryName } from '~/lib/countries'
import { useRootData } from '~/lib/use-root-data'
import { requestNow } from '~/utils/clock.server'
import { resolveLocale } from '~/utils/preferences.server'

export const meta: Route.MetaFunction = () => [{ title: 'Recommended buyers · Tradecast' }]

export async function loader({ request }: Route.LoaderArgs) {
  const { user, membership } = await requireExporterMember(request)
  const locale = await resolveLocale(request, user)
  const [recommendations, categories] = await Promise.all([
    recommendBuyersForExporter(membership.company.id, { now: requestNow(request) }),
    categoryNames(locale),
  ])
  return { recommendations, categories }
}

export default function ExporterRecommendationsRoute({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const { recommendations, categories } = loaderData
  return (
    <div className="space-y-6">
      <ExporterNav />
      <header>
        <h1 className="text-2xl font-bold tracking-tight">{t('meetings.recommendations.exporterTitle')}</h1>
        <p className="text-sm text-slate-600">{t('meetings.recommendations.exporterIntro')}</p>
      </header>
      {recommendations.length === 0 ? (
        <EmptyState>{t('meetings.recommendations.none')}</EmptyState>
      ) : (
        <ol className="grid gap-4 md:grid-cols-2" aria-label={t('meetings.recommendations.exporterTitle')}>
          {recommendations.map((item) => (
            <li key={item.buyerId}>
              <Card
                id={`rec-${item.buyerId}`}
                title={item.companyName}
                action={<span className="text-sm font-semibold tabular-nums text-brand-700">{t('meetings.recommendations.score', { score: item.score })}</span>}
              >
                <p className="mb-2 text-sm text-slate-600">{countryName(item.country, locale)}</p>
                <MatchReasons reasons={item.reasons} cautions={item.cautions} perspective="exporter" categoryNames={categories} />
                <div className="mt-4">
                  <Link to={`/meetings/new?buyer=${encodeURIComponent(item.buyerId)}`} className={buttonClass('primary')} aria-label={t('meetings.recommendations.requestWith', { name: item.companyName })}>
                    {t('meetings.recommendations.request')}
                  </Link>
                </div>
              </Card>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
