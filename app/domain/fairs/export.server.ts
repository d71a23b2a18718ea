import ExcelJS from 'exceljs'
import { getPrisma } from '~/domain/db.server'
import { toCsv } from '~/utils/csv.server'
import { listConsultationRows, sessionStats, type ConsultationRow } from './kpis.server'

/** Column headings of the export agency's consultation report (English; agencies file in English). */
export const REPORT_COLUMNS = [
  'Date',
  'Type',
  'Exporter',
  'Buyer',
  'Buyer country',
  'Product',
  'HS code',
  'Consultation value (USD)',
  'Contract value (USD)',
  'Status',
] as const

const usd = (cents: number) => (cents / 100).toFixed(2)

function reportRow(row: ConsultationRow) {
  return [
    row.date,
    row.kind === 'INQUIRY' ? 'Inquiry' : 'Meeting',
    row.exporter,
    row.buyer,
    row.buyerCountry,
    row.product,
    row.hsCode,
    usd(row.consultationUsdCents),
    usd(row.contractUsdCents),
    row.status,
  ]
}

async function loadReport(fairId: string) {
  const prisma = await getPrisma()
  const fair = await prisma.tradeFair.findUniqueOrThrow({ where: { id: fairId }, select: { slug: true, name: true, timeZone: true } })
  const rows = await listConsultationRows(fairId, { locale: 'en', timeZone: fair.timeZone })
  return { fair, rows }
}

/** The audience lines of the workbook's summary: live and replay counted apart (see kpis.server.ts). */
export async function audienceSummary(fairId: string): Promise<Array<[string, number]>> {
  const { totals } = await sessionStats(fairId, 'en')
  const hours = (seconds: number) => Math.round((seconds / 3600) * 10) / 10
  return [
    ['Live showcases', totals.sessions],
    ['Live unique viewers', totals.uniqueViewers],
    ['Live watch hours', hours(totals.watchSeconds)],
    ['Replays', totals.replays],
    ['Replay unique viewers', totals.replayUniqueViewers],
    ['Replay watch hours', hours(totals.replayWatchSeconds)],
  ]
}

export async function buildConsultationCsv(fairId: string): Promise<{ filename: string; body: string }> {
  const { fair, rows } = await loadReport(fairId)
  const body = toCsv([[...REPORT_COLUMNS], ...rows.map(reportRow)])
  return { filename: `${fair.slug}-consultations.csv`, body }
}

export async function buildConsultationXlsx(fairId: string): Promise<{ filename: string; body: Buffer }> {
  const { fair, rows } = await loadReport(fairId)
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Tradecast'
  const sheet = workbook.addWorksheet('Consultations', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = REPORT_COLUMNS.map((header, index) => ({
    header,
    key: `c${index}`,
    width: index >= 7 && index <= 8 ? 22 : index === 2 || index === 3 || index === 5 ? 30 : 14,
  }))
  sheet.getRow(1).font = { bold: true }
  for (const row of rows) {
    const cells: Array<string | number> = reportRow(row)
    cells[7] = row.consultationUsdCents / 100
    cells[8] = row.contractUsdCents / 100
    sheet.addRow(cells)
  }
  for (const column of [8, 9]) sheet.getColumn(column).numFmt = '#,##0.00'
  const total = sheet.addRow([
    'Total',
    '',
    '',
    '',
    '',
    '',
    '',
    rows.reduce((t, r) => t + r.consultationUsdCents, 0) / 100,
    rows.reduce((t, r) => t + r.contractUsdCents, 0) / 100,
    '',
  ])
  total.font = { bold: true }
  const summary = workbook.addWorksheet('Fair')
  summary.addRows([
    ['Fair', fair.name],
    ['Time zone', fair.timeZone],
    ['Consultations', rows.length],
    ...(await audienceSummary(fairId)),
    [
      'Definitions',
      'Consultation = an inquiry or a held meeting with the fair; contract value = WON inquiries + held meetings (USD). Viewers and watch hours of approved showcases: live and replay (watched after the show) counted apart.',
    ],
  ])
  const body = Buffer.from(await workbook.xlsx.writeBuffer())
  return { filename: `${fair.slug}-consultations.xlsx`, body }
}
