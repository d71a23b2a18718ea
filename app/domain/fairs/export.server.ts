import ExcelJS from 'exceljs'
import { pickLocalized } from '~/domain/catalog/translations'
import { getPrisma } from '~/domain/db.server'
import { fairReadinessGaps, gapsTable } from '~/domain/readiness/fair-gaps.server'
import { countryName } from '~/lib/countries'
import { createI18n, isSupportedLocale, type Locale } from '~/lib/i18n'
import { contentLanguageOf } from '~/lib/languages'
import { toCsv } from '~/utils/csv.server'
import { listConsultationRows, sessionStats, type ConsultationRow } from './kpis.server'
import { attendanceTable, fairAttendance } from './attendance-kpis.server'

// The export agency's consultation report, as CSV and as an Excel workbook. Written in the language of
// whoever downloads it (headings, type, status, country and product names, numbers); the date stays in
// its own ISO column (YYYY-MM-DD, the fair's zone) and the HS code as digits, which machines read.

/** The report's columns, in order (headings under kpis.export.columns). */
export const REPORT_COLUMNS = [
  'date',
  'type',
  'exporter',
  'buyer',
  'buyerCountry',
  'product',
  'hsCode',
  'consultationValue',
  'contractValue',
  'status',
  // Outcome stages (docs/outcome-stages.md); headings under outcomes.export
  'pursuedValue',
  'shippedValue',
] as const
const OUTCOME_COLUMNS: ReadonlySet<string> = new Set(['pursuedValue', 'shippedValue'])

function readerLocale(locale: string): Locale {
  return isSupportedLocale(locale) ? locale : 'en'
}

function reportText(locale: Locale) {
  const { t } = createI18n(locale)
  return {
    t,
    headings: REPORT_COLUMNS.map((column) => t(OUTCOME_COLUMNS.has(column) ? `outcomes.export.${column}` : `kpis.export.columns.${column}`)),
    kind: (kind: ConsultationRow['kind']) => t(`kpis.export.kind.${kind}`),
    status: (status: string) => t(`status.${status}`, { defaultValue: status }),
    country: (code: string) => (code ? countryName(code, locale) : ''),
  }
}

/** The cells of one row: text in the reader's language; amounts as USD numbers (the CSV formats them). */
function reportCells(row: ConsultationRow, text: ReturnType<typeof reportText>) {
  return [
    row.date,
    text.kind(row.kind),
    row.exporter,
    row.buyer,
    text.country(row.buyerCountry),
    row.product,
    row.hsCode,
    row.consultationUsdCents / 100,
    row.contractUsdCents / 100,
    text.status(row.status),
    row.pursuedUsdCents / 100,
    row.shippedUsdCents / 100,
  ] as const
}

async function loadReport(fairId: string, locale: Locale) {
  const prisma = await getPrisma()
  const fair = await prisma.tradeFair.findUniqueOrThrow({ where: { id: fairId }, select: { slug: true, name: true, nameI18n: true, timeZone: true } })
  const rows = await listConsultationRows(fairId, { locale, timeZone: fair.timeZone })
  return { fair, rows }
}

/** The audience lines of the workbook's summary: live and replay counted apart (see kpis.server.ts). */
export async function audienceSummary(fairId: string, locale: string): Promise<Array<[string, number]>> {
  const reader = readerLocale(locale)
  const { t } = createI18n(reader)
  const { totals } = await sessionStats(fairId, reader)
  const hours = (seconds: number) => Math.round((seconds / 3600) * 10) / 10
  return [
    [t('kpis.export.liveShowcases'), totals.sessions],
    [t('kpis.export.liveUniqueViewers'), totals.uniqueViewers],
    [t('kpis.export.liveWatchHours'), hours(totals.watchSeconds)],
    [t('kpis.export.replays'), totals.replays],
    [t('kpis.export.replayUniqueViewers'), totals.replayUniqueViewers],
    [t('kpis.export.replayWatchHours'), hours(totals.replayWatchSeconds)],
  ]
}

export async function buildConsultationCsv(fairId: string, locale: string): Promise<{ filename: string; body: string }> {
  const reader = readerLocale(locale)
  const { fair, rows } = await loadReport(fairId, reader)
  const text = reportText(reader)
  // Amounts in the reader's notation (a decimal comma in Russian), without grouping, so a spreadsheet set
  // to that language still reads each one as a number.
  const amount = new Intl.NumberFormat(reader, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false })
  const body = toCsv([
    text.headings,
    ...rows.map((row) => {
      const cells: Array<string | number> = [...reportCells(row, text)]
      cells[7] = amount.format(row.consultationUsdCents / 100)
      cells[8] = amount.format(row.contractUsdCents / 100)
      cells[10] = amount.format(row.pursuedUsdCents / 100)
      cells[11] = amount.format(row.shippedUsdCents / 100)
      return cells
    }),
  ])
  return { filename: `${fair.slug}-consultations.csv`, body }
}

export async function buildConsultationXlsx(fairId: string, locale: string, now: Date = new Date()): Promise<{ filename: string; body: Buffer }> {
  const reader = readerLocale(locale)
  const { fair, rows } = await loadReport(fairId, reader)
  const text = reportText(reader)
  const { t } = text
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Tradecast'
  // Excel shows typed numbers in its own locale's notation: amounts stay numbers with a number format.
  const sheet = workbook.addWorksheet(t('kpis.export.consultationsSheet'), { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = text.headings.map((header, index) => ({
    header,
    key: `c${index}`,
    width: (index >= 7 && index <= 8) || index >= 10 ? 22 : index === 2 || index === 3 || index === 5 ? 30 : 14,
  }))
  sheet.getRow(1).font = { bold: true }
  for (const row of rows) sheet.addRow([...reportCells(row, text)])
  for (const column of [8, 9, 11, 12]) sheet.getColumn(column).numFmt = '#,##0.00'
  const total = sheet.addRow([
    t('kpis.export.total'),
    '',
    '',
    '',
    '',
    '',
    '',
    rows.reduce((sum, r) => sum + r.consultationUsdCents, 0) / 100,
    rows.reduce((sum, r) => sum + r.contractUsdCents, 0) / 100,
    '',
    rows.reduce((sum, r) => sum + r.pursuedUsdCents, 0) / 100,
    rows.reduce((sum, r) => sum + r.shippedUsdCents, 0) / 100,
  ])
  total.font = { bold: true }
  const summary = workbook.addWorksheet(t('kpis.export.fairSheet'))
  summary.addRows([
    [t('kpis.export.fair'), pickLocalized(fair.name, fair.nameI18n, contentLanguageOf(reader))],
    [t('kpis.export.timeZone'), fair.timeZone],
    [t('kpis.export.consultations'), rows.length],
    ...(await audienceSummary(fairId, reader)),
    [t('kpis.export.definitions'), t('kpis.export.definitionsText')],
  ])
  // Export readiness gaps by market (issue 22): the same table as the dashboard's and its CSV.
  const gaps = gapsTable(await fairReadinessGaps(fairId), reader)
  const gapSheet = workbook.addWorksheet(t('readinessAdmin.gaps.sheet'), { views: [{ state: 'frozen', ySplit: 1 }] })
  gapSheet.columns = gaps.headings.map((header, index) => ({ header, key: `g${index}`, width: index === gaps.headings.length - 1 ? 60 : 16 }))
  gapSheet.getRow(1).font = { bold: true }
  for (const row of gaps.rows) gapSheet.addRow(row)
  // Meeting attendance (docs/meeting-attendance.md): the dashboard's table, its definitions below it.
  const attendance = attendanceTable(await fairAttendance(fairId, { now, locale: reader }), reader)
  const attendanceSheet = workbook.addWorksheet(t('attendance.kpis.sheet'), { views: [{ state: 'frozen', ySplit: 1 }] })
  attendanceSheet.columns = attendance.headings.map((header, index) => ({ header, key: `a${index}`, width: index < 2 ? 24 : 16 }))
  attendanceSheet.getRow(1).font = { bold: true }
  for (const row of attendance.rows) attendanceSheet.addRow(row)
  attendanceSheet.addRow([])
  attendanceSheet.addRow([t('attendance.kpis.definitions')])
  const body = Buffer.from(await workbook.xlsx.writeBuffer())
  return { filename: `${fair.slug}-consultations.xlsx`, body }
}
