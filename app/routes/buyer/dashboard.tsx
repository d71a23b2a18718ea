import { useTranslation } from 'react-i18next'
import type { Route } from './+types/dashboard'
import { LocalTime } from '~/components/local-time'
import { ShowcaseList } from '~/components/showcase-list'
import { StatusBadge } from '~/components/status-badge'
import { Card, cardTitleId, EmptyState } from '~/components/ui/card'
import { Cell, Table } from '~/components/ui/table'
import { requirePermission } from '~/domain/accounts/permissions.server'
import { getBuyerDashboard } from '~/domain/buyers/dashboard.server'
import { countryName } from '~/lib/countries'
import { useRootData } from '~/lib/use-root-data'
import { resolveLocale } from '~/utils/preferences.server'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.buyerDashboard')])

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, 'view:buyer-dashboard')
  const locale = await resolveLocale(request, user)
  return getBuyerDashboard(user.id, { now: new Date(), locale })
}

export default function BuyerDashboard({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const { profile } = loaderData
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight">{t('dashboard.buyerTitle')}</h1>
        {profile ? (
          <p className="text-sm text-slate-600">
            {profile.companyName} · {countryName(profile.country, locale)} · {t(`businessTypes.${profile.businessType}`)}
          </p>
        ) : null}
      </header>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card id="showcases" title={t('dashboard.recommendedSessions')}>
          <ShowcaseList showcases={loaderData.showcases} />
        </Card>
        <Card id="meetings" title={t('dashboard.upcomingMeetings')}>
          {loaderData.meetings.length === 0 ? (
            <EmptyState>{t('common.none')}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {loaderData.meetings.map((meeting) => (
                <li key={meeting.id} className="py-2">
                  <div className="flex justify-between gap-2">
                    <span className="font-medium">{meeting.counterpart}</span>
                    <StatusBadge status={meeting.status} />
                  </div>
                  <LocalTime value={meeting.startsAt} otherZone={meeting.counterpartTimeZone} />
                  {meeting.interpreterLanguage ? (
                    <span className="block text-xs text-slate-500">{t('dashboard.interpreter', { language: meeting.interpreterLanguage })}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <div className="lg:col-span-2">
          <Card id="inquiries" title={t('dashboard.myInquiries')}>
            {loaderData.inquiries.length === 0 ? (
              <EmptyState>{t('common.none')}</EmptyState>
            ) : (
              <Table
                labelledBy={cardTitleId('inquiries')}
                columns={[
                  { label: t('dashboard.exporter') },
                  { label: t('dashboard.product') },
                  { label: t('dashboard.quantity') },
                  { label: t('dashboard.status') },
                ]}
              >
                {loaderData.inquiries.map((inquiry) => (
                  <tr key={inquiry.id}>
                    <Cell>{inquiry.companyName}</Cell>
                    <Cell>{inquiry.productName ?? '—'}</Cell>
                    <Cell numeric>
                      {inquiry.quantity.toLocaleString(locale)} {inquiry.unit}
                    </Cell>
                    <Cell>
                      <StatusBadge status={inquiry.status} />
                    </Cell>
                  </tr>
                ))}
              </Table>
            )}
          </Card>
        </div>
      </div>
    </div>
  )
}
