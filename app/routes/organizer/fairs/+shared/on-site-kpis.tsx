import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Card, StatCard } from '~/components/ui/card'
import type { OnSiteKpis } from '~/domain/on-site/kpis.server'
import { useRootData } from '~/lib/use-root-data'

// The fair dashboard's on-site / online split (docs/fair-on-site.md): check-ins, booth leads and meetings
// at venue tables beside online viewers and online meetings, with the definitions under them.

export function OnSiteKpisCard({ fairId, kpis }: { fairId: string; kpis: OnSiteKpis }) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const n = new Intl.NumberFormat(locale)
  const approved = kpis.approved.buyers + kpis.approved.exhibitors
  return (
    <Card
      id="on-site"
      title={t('onSite.kpis.title')}
      action={
        <span className="flex flex-wrap gap-3 text-sm">
          <Link to={`/organizer/fairs/${fairId}/check-in`} className="font-medium text-brand-700 hover:underline">
            {t('onSite.kpis.checkInLink')}
          </Link>
          <Link to={`/organizer/fairs/${fairId}/on-site`} className="font-medium text-brand-700 hover:underline">
            {t('onSite.kpis.setupLink')}
          </Link>
        </span>
      }
    >
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <StatCard
          label={t('onSite.kpis.checkedIn')}
          value={
            <span>
              <span data-testid="kpi-checked-in">{n.format(kpis.checkedIn.total)}</span>
              <span className="block text-xs font-normal text-slate-600">
                {t('onSite.kpis.ofApproved', { checked: n.format(kpis.checkedIn.total), approved: n.format(approved) })}
              </span>
            </span>
          }
        />
        <StatCard label={t('onSite.kpis.buyersCheckedIn')} value={<span data-testid="kpi-buyers-checked-in">{n.format(kpis.checkedIn.buyers)}</span>} />
        <StatCard label={t('onSite.kpis.exhibitorsCheckedIn')} value={n.format(kpis.checkedIn.exhibitors)} />
        <StatCard label={t('onSite.kpis.boothLeads')} value={<span data-testid="kpi-booth-leads">{n.format(kpis.boothLeads)}</span>} />
        <StatCard label={t('onSite.kpis.meetingsOnSite')} value={<span data-testid="kpi-meetings-on-site">{n.format(kpis.meetings.onSite)}</span>} />
        <StatCard label={t('onSite.kpis.meetingsOnline')} value={n.format(kpis.meetings.online)} />
        <StatCard label={t('onSite.kpis.onlineViewers')} value={<span data-testid="kpi-online-viewers">{n.format(kpis.onlineViewers)}</span>} />
        <StatCard label={t('onSite.kpis.both')} value={n.format(kpis.checkedInAlsoOnline)} />
      </dl>
      <p className="mt-3 text-xs text-slate-600">{t('onSite.kpis.definitions')}</p>
    </Card>
  )
}
