// Client-safe: the RFQ pipeline, shared by the exporter's controls and the server's checks.
export const INQUIRY_STATUSES = ['NEW', 'QUOTED', 'SAMPLE_SENT', 'NEGOTIATING', 'WON', 'LOST'] as const
export type InquiryStatusName = (typeof INQUIRY_STATUSES)[number]

const TERMINAL: ReadonlySet<InquiryStatusName> = new Set(['WON', 'LOST'])
const ORDER: Record<InquiryStatusName, number> = { NEW: 0, QUOTED: 1, SAMPLE_SENT: 2, NEGOTIATING: 3, WON: 4, LOST: 4 }

/** Forward moves only (a deal does not go back to "new"); WON and LOST are final. */
export function canMoveInquiry(from: InquiryStatusName, to: InquiryStatusName): boolean {
  if (from === to || TERMINAL.has(from)) return false
  if (to === 'LOST' || to === 'WON') return true
  return ORDER[to] > ORDER[from]
}

export function nextStatuses(from: InquiryStatusName): InquiryStatusName[] {
  return INQUIRY_STATUSES.filter((to) => canMoveInquiry(from, to))
}

/** The timestamp column each status stamps when reached. */
export const STATUS_TIMESTAMP = {
  QUOTED: 'quotedAt',
  SAMPLE_SENT: 'sampleSentAt',
  NEGOTIATING: 'negotiatingAt',
  WON: 'wonAt',
  LOST: 'lostAt',
} as const satisfies Partial<Record<InquiryStatusName, string>>
