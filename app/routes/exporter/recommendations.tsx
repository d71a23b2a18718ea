import { useTranslation } from 'react-i18next'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Link } from 'react-router'
import type { Route } from './+types/recommendations'
import { MatchReasons } from '~/components/match-reasons'
import { PreferenceButtons } from '~/components/preference-buttons'
import { buttonClass } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { requireExporterMember } from '~/domain/accounts/permissions.server'
import { categoryNames, recommendBuyersForExporter } from '~/domain/matchmaking/recommendations.server'
import { countryName } from '~/lib/countries'
import { useRootData } from '~/lib/use-root-data'
import { exporterPreferenceOptions, setMeetingPreference } from '~/domain/meetings/preferences.server'
import { PreferenceSchema } from '~/domain/meetings/schemas'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { redirectWithToast } from '~/utils/toast.server'
import { resolveLocale } from '~/utils/preferences.server'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.recommendedBuyers')])

export async function loader({ request }: Route.LoaderArgs) {
  const { user, membership } = await requireExporterMember(request)
  const locale = await resolveLocale(request, user)
  const [recommendations, categories] = await Promise.all([
    recommendBuyersForExporter(membership.company.id, { now: requestNow(request) }),
    categoryNames(locale),
  ])
  // Per recommended buyer: the fairs we exhibit at where they are approved, with our current wish.
  const fairsByBuyer = await exporterPreferenceOptions(
    membership.company.id,
    recommendations.map((r) => r.buyerId),
    { locale },
  )
  return { recommendations, categories, fairsByBuyer }
}

/** intent=preference: our wish to meet a buyer at one fair; the domain checks both are approved there. */
export async function action({ request }: Route.ActionArgs) {
  const { user } = await requireExporterMember(request)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: PreferenceSchema.required({ fairId: true, buyerId: true }) })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const { fairId, buyerId, level } = submission.value
  await setMeetingPreference(user, { fairId, side: 'exporter', buyerId, level: level === 'NONE' ? null : level })
  return redirectWithToast(`/exporter/recommendations#rec-${buyerId}`, level === 'NONE' ? 'meetings.preference.cleared' : 'meetings.preference.saved')
}

function BuyerPreference({
  buyerId,
  name,
  fairs,
  levelText,
}: {
  buyerId: string
  name: string
  fairs: Array<{ fairId: string; fairName: string; level: string | null }>
  levelText: (level: string | null) => string
}) {
  const { t } = useTranslation()
  const single = fairs.length === 1 ? (fairs[0] ?? null) : null
  return (
    <section aria-labelledby={`pref-${buyerId}`} className="mt-4 rounded-md bg-slate-50 p-3">
      <h3 id={`pref-${buyerId}`} className="text-sm font-medium text-slate-800">
        {single ? t('meetings.preference.titleAt', { fair: single.fairName }) : t('meetings.preference.title')}
      </h3>
      {single ? null : (
        <ul className="mb-2 text-xs text-slate-600">
          {fairs.map((fair) => (
            <li key={fair.fairId}>
              {fair.fairName}: {levelText(fair.level)}
            </li>
          ))}
        </ul>
      )}
      <PreferenceButtons
        level={single ? (single.level as 'MUST_MEET' | 'WOULD_LIKE' | null) : undefined}
        label={t('meetings.preference.groupLabel', { name })}
        hidden={single ? { buyerId, fairId: single.fairId } : { buyerId }}
        fairSelect={single ? undefined : { id: `pref-fair-${buyerId}`, name: 'fairId', options: fairs.map((f) => ({ value: f.fairId, label: f.fairName })) }}
      />
    </section>
  )
}

export default function ExporterRecommendationsRoute({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const { recommendations, categories, fairsByBuyer } = loaderData
  const levelText = (level: string | null) =>
    level === 'MUST_MEET' ? t('meetings.preference.mustMeet') : level === 'WOULD_LIKE' ? t('meetings.preference.wouldLike') : t('meetings.preference.none')
  return (
    <div className="space-y-6">
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
                {fairsByBuyer[item.buyerId] ? (
                  <BuyerPreference buyerId={item.buyerId} name={item.companyName} fairs={fairsByBuyer[item.buyerId] ?? []} levelText={levelText} />
                ) : null}
                <div className="mt-4">
                  <Link
                    to={`/meetings/new?buyer=${encodeURIComponent(item.buyerId)}`}
                    className={buttonClass('primary')}
                    aria-label={t('meetings.recommendations.requestWith', { name: item.companyName })}
                  >
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
