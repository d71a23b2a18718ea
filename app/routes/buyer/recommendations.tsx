import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/recommendations'
import { MatchReasons } from '~/components/match-reasons'
import { buttonClass } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { requirePermission } from '~/domain/accounts/permissions.server'
import { categoryNames, recommendExportersForBuyer } from '~/domain/matchmaking/recommendations.server'
import { requestNow } from '~/utils/clock.server'
import { resolveLocale } from '~/utils/preferences.server'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.recommendedExporters')])

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, 'view:buyer-dashboard')
  const locale = await resolveLocale(request, user)
  const now = requestNow(request)
  if (!user.buyerProfile) return { recommendations: [], categories: {}, hasProfile: false }
  const [recommendations, categories] = await Promise.all([recommendExportersForBuyer(user.buyerProfile.id, { now, locale }), categoryNames(locale)])
  return { recommendations, categories, hasProfile: true }
}

export default function BuyerRecommendationsRoute({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { recommendations, categories, hasProfile } = loaderData
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight">{t('meetings.recommendations.buyerTitle')}</h1>
        <p className="text-sm text-slate-600">{t('meetings.recommendations.buyerIntro')}</p>
      </header>
      {!hasProfile ? (
        <EmptyState>
          <Link to="/buyer/profile" className="underline">
            {t('meetings.recommendations.completeProfile')}
          </Link>
        </EmptyState>
      ) : recommendations.length === 0 ? (
        <EmptyState>{t('meetings.recommendations.none')}</EmptyState>
      ) : (
        <ol className="grid gap-4 md:grid-cols-2" aria-label={t('meetings.recommendations.buyerTitle')}>
          {recommendations.map((item) => (
            <li key={item.companyId}>
              <Card
                id={`rec-${item.companyId}`}
                title={item.name}
                action={<span className="text-sm font-semibold tabular-nums text-brand-700">{t('meetings.recommendations.score', { score: item.score })}</span>}
              >
                <p className="mb-2 text-sm text-slate-600">
                  {item.industry} · {item.location}
                </p>
                <MatchReasons reasons={item.reasons} cautions={item.cautions} perspective="buyer" categoryNames={categories} />
                <div className="mt-4 flex flex-wrap gap-2">
                  <Link
                    to={`/meetings/new?company=${encodeURIComponent(item.slug)}`}
                    className={buttonClass('primary')}
                    aria-label={t('meetings.recommendations.requestWith', { name: item.name })}
                  >
                    {t('meetings.recommendations.request')}
                  </Link>
                  <Link
                    to={`/exporters/${item.slug}`}
                    className={buttonClass('secondary')}
                    aria-label={t('meetings.recommendations.profileOf', { name: item.name })}
                  >
                    {t('meetings.recommendations.profile')}
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
