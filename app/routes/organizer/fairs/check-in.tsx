import { useCallback, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useRevalidator } from 'react-router'
import type { Route } from './+types/check-in'
import { OnSiteHeader } from './+shared/on-site-header'
import { BadgeScanner } from '~/components/on-site/badge-scanner'
import { Card, EmptyState } from '~/components/ui/card'
import { Cell, Table } from '~/components/ui/table'
import { pickLocalized } from '~/domain/catalog/translations'
import { requireFairCheckIn } from '~/domain/on-site/access.server'
import { recentCheckIns } from '~/domain/on-site/check-in.server'
import { pageTitle } from '~/lib/meta'
import { formatDateTime } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { resolveLocale } from '~/utils/preferences.server'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [args.loaderData.fair.name, t('onSite.pageTitle.checkIn')])

/** The fair's check-in desk (docs/fair-on-site.md): scan badges with the camera or type their numbers; works offline. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, fair } = await requireFairCheckIn(request, params.fairId)
  const locale = await resolveLocale(request, user)
  return {
    fair: { id: fair.id, name: pickLocalized(fair.name, fair.nameI18n, locale), timeZone: fair.timeZone },
    checkIns: await recentCheckIns(fair.id, { locale }),
  }
}

export default function CheckInRoute({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const { fair, checkIns } = loaderData
  const revalidator = useRevalidator()
  const refresh = useCallback(() => void revalidator.revalidate(), [revalidator])
  // Other desks check people in too: the list is read again every 20 s while the page is open.
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (navigator.onLine && document.visibilityState === 'visible') void revalidator.revalidate()
    }, 20_000)
    return () => window.clearInterval(timer)
  }, [revalidator])
  return (
    <div className="space-y-6">
      <OnSiteHeader
        fair={fair}
        other={{ page: 'on-site', label: t('onSite.checkIn.setupLink') }}
        title={t('onSite.checkIn.title', { fair: fair.name })}
        intro={t('onSite.checkIn.intro')}
      />
      <BadgeScanner endpoint={`/organizer/fairs/${fair.id}/check-in/scans`} queueKey={`check-in-${fair.id}`} onSynced={refresh} />
      <Card id="recent-check-ins" title={t('onSite.checkIn.recent')}>
        <p className="mb-2 text-sm font-semibold" data-testid="check-in-total">
          {t('onSite.checkIn.total', { count: checkIns.total })}
        </p>
        {checkIns.recent.length === 0 ? (
          <EmptyState>{t('onSite.checkIn.none')}</EmptyState>
        ) : (
          <Table
            caption={t('onSite.checkIn.recent')}
            testId="check-in-list"
            columns={[
              { label: t('onSite.checkIn.time') },
              { label: t('onSite.checkIn.name') },
              { label: t('onSite.checkIn.company') },
              { label: t('onSite.checkIn.kind') },
            ]}
          >
            {checkIns.recent.map((row) => (
              <tr key={row.id}>
                <Cell className="whitespace-nowrap">{formatDateTime(row.at, { locale, timeZone: fair.timeZone })}</Cell>
                <Cell>{row.name}</Cell>
                <Cell>{row.company}</Cell>
                <Cell>{t(`onSite.kind.${row.kind}`)}</Cell>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </div>
  )
}
