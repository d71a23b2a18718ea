import type { ConsultationRow } from '~/domain/consultations/consultations.server'
import { formatSlotInZone } from '~/domain/matchmaking/slot-finder'
import { countryName } from '~/lib/countries'
import type { ConsultationTableRow } from '~/components/consultations/consultation-table'

/** List rows with their text made on the server (same text in both renders). */
export function consultationRowsFor(
  rows: readonly ConsultationRow[],
  { locale, viewerZone, side }: { locale: string; viewerZone: string; side: 'officer' | 'requester' },
): ConsultationTableRow[] {
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    topic: row.topic,
    market: countryName(row.market, locale),
    with: side === 'officer' ? row.company.name : row.officer.officeName,
    overseasKorean: row.company.overseasKorean,
    when: formatSlotInZone({ start: row.startsAt, end: row.endsAt }, { locale, timeZone: viewerZone }),
    tasksOpen: row.tasks.filter((task) => task.doneAt === null).length,
  }))
}
