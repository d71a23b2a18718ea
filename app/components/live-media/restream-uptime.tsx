import { useTranslation } from 'react-i18next'
import { DataTable } from '~/components/charts'
import type { RestreamPlatform } from '~/domain/restream/destinations'

// Uptime of each restream destination (from the RestreamRun records): the organizer's small table on the
// fair KPI page. Nothing is shown for a fair whose showcases were not restreamed.

export type RestreamUptimeRow = {
  sessionTitle: string
  platform: RestreamPlatform
  label: string
  runs: number
  secondsSent: number
  bytesSent: number
  drops: number
}

export function RestreamUptimeTable({ rows, locale }: { rows: readonly RestreamUptimeRow[]; locale: string }) {
  const { t } = useTranslation()
  if (rows.length === 0) return null
  const n = new Intl.NumberFormat(locale)
  const oneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
  return (
    <DataTable
      testId="restream-uptime"
      caption={t('restream.uptime.caption')}
      headers={[
        t('restream.uptime.broadcast'),
        t('restream.uptime.destination'),
        t('restream.uptime.onAir'),
        t('restream.uptime.connections'),
        t('restream.uptime.drops'),
        t('restream.uptime.sent'),
      ]}
      rows={rows.map((row) => [
        row.sessionTitle,
        row.label || t(`restream.platforms.${row.platform}`),
        t('restream.uptime.minutes', { minutes: oneDecimal.format(row.secondsSent / 60) }),
        n.format(row.runs),
        n.format(row.drops),
        t('restream.uptime.megabytes', { megabytes: oneDecimal.format(row.bytesSent / 1_000_000) }),
      ])}
    />
  )
}
