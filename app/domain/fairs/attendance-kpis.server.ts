/**
 * Meeting attendance KPIs of one trade fair (docs/meeting-attendance.md), one SQL aggregate:
 *
 * - Accepted (ended): the fair's meetings accepted and not called off whose end has passed — status
 *   ACCEPTED (outcome not known yet), HELD or NO_SHOW, endsAt ≤ now.
 * - Held / accepted = HELD ÷ accepted; no-show rate = NO_SHOW ÷ accepted.
 * - Buyer side missed / exporter side missed: NO_SHOW meetings whose room saw no seat of that side join
 *   (buyerAbsent / exporterAbsent, set by the attendance job) ÷ accepted. A no-show both sides missed counts
 *   for both; one recorded by a person without the room's verdict counts for neither.
 * - Unrecorded: accepted (ended) meetings still ACCEPTED.
 * - Expired: the fair's requests that expired unanswered; can't make it: cancelled at the confirmation.
 * Rows by buyer country (the buyer profile's) and by exporter company, plus the total.
 */
import { Prisma } from '~/generated/prisma/client'
import { pickLocalized } from '~/domain/catalog/translations'
import { getPrisma } from '~/domain/db.server'
import { countryName } from '~/lib/countries'
import { createI18n, isSupportedLocale, type Locale } from '~/lib/i18n'
import { toCsv } from '~/utils/csv.server'

export type AttendanceRow = {
  key: string
  label: string
  accepted: number
  held: number
  noShow: number
  buyerMissed: number
  exporterMissed: number
  unrecorded: number
  expired: number
  cantMakeIt: number
  /** Ratios of `accepted` (0…1), null when nothing was accepted */
  heldRatio: number | null
  noShowRate: number | null
  buyerMissedRate: number | null
  exporterMissedRate: number | null
}

type SqlRow = {
  gCountry: number
  gCompany: number
  country: string | null
  companyId: string | null
  accepted: number
  held: number
  noShow: number
  buyerMissed: number
  exporterMissed: number
  unrecorded: number
  expired: number
  cantMakeIt: number
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole)

function toRow(row: SqlRow, key: string, label: string): AttendanceRow {
  return {
    key,
    label,
    accepted: row.accepted,
    held: row.held,
    noShow: row.noShow,
    buyerMissed: row.buyerMissed,
    exporterMissed: row.exporterMissed,
    unrecorded: row.unrecorded,
    expired: row.expired,
    cantMakeIt: row.cantMakeIt,
    heldRatio: ratio(row.held, row.accepted),
    noShowRate: ratio(row.noShow, row.accepted),
    buyerMissedRate: ratio(row.buyerMissed, row.accepted),
    exporterMissedRate: ratio(row.exporterMissed, row.accepted),
  }
}

const EMPTY: SqlRow = {
  gCountry: 1,
  gCompany: 1,
  country: null,
  companyId: null,
  accepted: 0,
  held: 0,
  noShow: 0,
  buyerMissed: 0,
  exporterMissed: 0,
  unrecorded: 0,
  expired: 0,
  cantMakeIt: 0,
}

export async function fairAttendance(fairId: string, { now, locale }: { now: Date; locale: string }) {
  const prisma = await getPrisma()
  const ended = Prisma.sql`m."status" IN ('ACCEPTED', 'HELD', 'NO_SHOW') AND m."endsAt" <= ${now}`
  const rows = await prisma.$queryRaw<SqlRow[]>`
    SELECT GROUPING(b."country")::int AS "gCountry", GROUPING(m."companyId")::int AS "gCompany", b."country", m."companyId",
      (count(*) FILTER (WHERE ${ended}))::int AS "accepted",
      (count(*) FILTER (WHERE ${ended} AND m."status" = 'HELD'))::int AS "held",
      (count(*) FILTER (WHERE ${ended} AND m."status" = 'NO_SHOW'))::int AS "noShow",
      (count(*) FILTER (WHERE ${ended} AND m."status" = 'NO_SHOW' AND m."buyerAbsent" IS TRUE))::int AS "buyerMissed",
      (count(*) FILTER (WHERE ${ended} AND m."status" = 'NO_SHOW' AND m."exporterAbsent" IS TRUE))::int AS "exporterMissed",
      (count(*) FILTER (WHERE ${ended} AND m."status" = 'ACCEPTED'))::int AS "unrecorded",
      (count(*) FILTER (WHERE m."status" = 'EXPIRED'))::int AS "expired",
      (count(*) FILTER (WHERE m."status" = 'CANCELLED' AND m."cancelReason" = 'cant-make-it'))::int AS "cantMakeIt"
    FROM "Meeting" m
    JOIN "BuyerProfile" b ON b."id" = m."buyerId"
    WHERE m."fairId" = ${fairId}
    GROUP BY GROUPING SETS ((b."country"), (m."companyId"), ())`
  const companyIds = rows.flatMap((r) => (r.gCompany === 0 && r.companyId ? [r.companyId] : []))
  const companies = await prisma.exporterCompany.findMany({ where: { id: { in: companyIds } }, select: { id: true, name: true, nameI18n: true } })
  const companyName = new Map(companies.map((c) => [c.id, pickLocalized(c.name, c.nameI18n, locale)]))
  const byAccepted = (a: AttendanceRow, b: AttendanceRow) => b.accepted - a.accepted || a.label.localeCompare(b.label, locale)
  const total = rows.find((r) => r.gCountry === 1 && r.gCompany === 1) ?? EMPTY
  return {
    total: toRow(total, '', ''),
    byBuyerCountry: rows
      .filter((r) => r.gCountry === 0 && r.gCompany === 1)
      .map((r) => toRow(r, r.country ?? '', r.country ?? '—'))
      .sort(byAccepted),
    byExporter: rows
      .filter((r) => r.gCompany === 0 && r.gCountry === 1)
      .map((r) => toRow(r, r.companyId ?? '', companyName.get(r.companyId ?? '') ?? '—'))
      .sort(byAccepted),
  }
}
export type FairAttendance = Awaited<ReturnType<typeof fairAttendance>>

/** The attendance figures as one table (total, then by buyer country, then by exporter) for CSV and .xlsx. */
export function attendanceTable(attendance: FairAttendance, locale: Locale): { headings: string[]; rows: Array<Array<string | number>> } {
  const { t } = createI18n(locale)
  // Ratios as percentages with one decimal (numbers, so spreadsheets can compute with them); '' when undefined.
  const percent = (value: number | null) => (value === null ? '' : Math.round(value * 1000) / 10)
  const cells = (scope: string, name: string, r: AttendanceRow) => [
    scope,
    name,
    r.accepted,
    r.held,
    r.noShow,
    r.buyerMissed,
    r.exporterMissed,
    r.unrecorded,
    percent(r.heldRatio),
    percent(r.noShowRate),
    percent(r.buyerMissedRate),
    percent(r.exporterMissedRate),
    r.expired,
    r.cantMakeIt,
  ]
  return {
    headings: [
      t('attendance.kpis.scope'),
      t('attendance.kpis.name'),
      t('attendance.kpis.accepted'),
      t('attendance.kpis.held'),
      t('status.NO_SHOW'),
      t('attendance.kpis.buyerMissed'),
      t('attendance.kpis.exporterMissed'),
      t('attendance.kpis.unrecorded'),
      `${t('attendance.kpis.heldRatio')} (%)`,
      `${t('attendance.kpis.noShowRate')} (%)`,
      `${t('attendance.kpis.buyerMissed')} (%)`,
      `${t('attendance.kpis.exporterMissed')} (%)`,
      t('attendance.kpis.expired'),
      t('attendance.kpis.cantMakeIt'),
    ],
    rows: [
      cells(t('attendance.kpis.total'), '', attendance.total),
      ...attendance.byBuyerCountry.map((r) => cells(t('attendance.kpis.country'), r.key ? countryName(r.key, locale) : '—', r)),
      ...attendance.byExporter.map((r) => cells(t('attendance.kpis.exporter'), r.label, r)),
    ],
  }
}

/** The attendance table as CSV, in the reader's language; the definitions follow the table. */
export async function buildAttendanceCsv(fairId: string, { locale, now }: { locale: string; now: Date }): Promise<{ filename: string; body: string }> {
  const reader: Locale = isSupportedLocale(locale) ? locale : 'en'
  const prisma = await getPrisma()
  const fair = await prisma.tradeFair.findUniqueOrThrow({ where: { id: fairId }, select: { slug: true } })
  const table = attendanceTable(await fairAttendance(fairId, { now, locale: reader }), reader)
  const { t } = createI18n(reader)
  return { filename: `${fair.slug}-attendance.csv`, body: toCsv([table.headings, ...table.rows, [], [t('attendance.kpis.definitions')]]) }
}
