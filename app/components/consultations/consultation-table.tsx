import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Table } from '~/components/ui/table'
import { ConsultationStatusBadge } from './status-badge'

export type ConsultationTableRow = {
  id: string
  status: string
  topic: string
  market: string
  with: string
  overseasKorean: boolean
  when: string
  tasksOpen: number
}

/** Consultations of an officer or an exporter: when, with whom, market and topic, status, open tasks. */
export function ConsultationTable({ rows, labelledBy, side }: { rows: readonly ConsultationTableRow[]; labelledBy: string; side: 'officer' | 'requester' }) {
  const { t } = useTranslation()
  return (
    <Table
      labelledBy={labelledBy}
      testId="consultation-list"
      columns={[
        { label: t('consultations.list.when') },
        { label: side === 'officer' ? t('consultations.list.exporter') : t('consultations.list.office') },
        { label: t('consultations.list.market') },
        { label: t('consultations.list.topic') },
        { label: t('consultations.list.status') },
        { label: t('consultations.list.openTasks'), align: 'end' },
      ]}
    >
      {rows.map((row) => (
        <tr key={row.id} className="border-t border-slate-100">
          <td className="py-2 pr-3">
            <Link to={`/consultations/${row.id}`} className="font-medium text-brand-700 hover:underline">
              {row.when}
            </Link>
          </td>
          <td className="py-2 pr-3">
            {row.with}
            {side === 'officer' && row.overseasKorean ? (
              <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{t('consultations.overseasKorean')}</span>
            ) : null}
          </td>
          <td className="py-2 pr-3">{row.market}</td>
          <td className="py-2 pr-3">{t(`consultations.topics.${row.topic}`)}</td>
          <td className="py-2 pr-3">
            <ConsultationStatusBadge status={row.status} />
          </td>
          <td className="py-2 text-right tabular-nums">{row.tasksOpen}</td>
        </tr>
      ))}
    </Table>
  )
}
