/**
 * The lead score (issue 21): one rule, pure, shared by the exporter's lead list, its CSV and the CRM
 * webhook. Points come from what a signed-in viewer did around one showcase (live and replay) and are
 * returned with their reasons, so the exporter sees why a lead ranks where it does.
 *
 *   watched          1 point per full 5 minutes watched (live + replay), at most 6 (30 minutes)
 *   opened-products  2 points per distinct pinned product opened, at most 6
 *   asked-in-chat    3 points when they wrote at least one chat message
 *   sent-rfq         10 points when they sent at least one RFQ to the company
 *   meeting          8 points when a meeting with the company followed
 *   verified-buyer   3 points when their company is a verified buyer (when that is known)
 */
export type LeadActivity = {
  liveSeconds: number
  replaySeconds: number
  productsOpened: number
  chatMessages: number
  rfqs: number
  meetings: number
  /** Undefined when verification is not known (then it neither adds nor shows). */
  verified?: boolean | undefined
}

export type LeadReason =
  | { code: 'watched'; minutes: number; points: number }
  | { code: 'opened-products'; count: number; points: number }
  | { code: 'asked-in-chat'; count: number; points: number }
  | { code: 'sent-rfq'; count: number; points: number }
  | { code: 'meeting'; count: number; points: number }
  | { code: 'verified-buyer'; points: number }

export type LeadScore = { score: number; reasons: LeadReason[] }

export const SCORE_RULE = {
  watchMinutesPerPoint: 5,
  watchMaxPoints: 6,
  pointsPerProduct: 2,
  productMaxPoints: 6,
  chatPoints: 3,
  rfqPoints: 10,
  meetingPoints: 8,
  verifiedPoints: 3,
} as const

const whole = (value: number) => (Number.isFinite(value) && value > 0 ? Math.floor(value) : 0)

export function scoreLead(activity: LeadActivity): LeadScore {
  const reasons: LeadReason[] = []
  const minutes = Math.floor((whole(activity.liveSeconds) + whole(activity.replaySeconds)) / 60)
  const watchPoints = Math.min(SCORE_RULE.watchMaxPoints, Math.floor(minutes / SCORE_RULE.watchMinutesPerPoint))
  // Any watching is worth saying, even below the first point.
  if (minutes > 0) reasons.push({ code: 'watched', minutes, points: watchPoints })
  const products = whole(activity.productsOpened)
  if (products > 0)
    reasons.push({ code: 'opened-products', count: products, points: Math.min(SCORE_RULE.productMaxPoints, products * SCORE_RULE.pointsPerProduct) })
  const chat = whole(activity.chatMessages)
  if (chat > 0) reasons.push({ code: 'asked-in-chat', count: chat, points: SCORE_RULE.chatPoints })
  const rfqs = whole(activity.rfqs)
  if (rfqs > 0) reasons.push({ code: 'sent-rfq', count: rfqs, points: SCORE_RULE.rfqPoints })
  const meetings = whole(activity.meetings)
  if (meetings > 0) reasons.push({ code: 'meeting', count: meetings, points: SCORE_RULE.meetingPoints })
  if (activity.verified === true) reasons.push({ code: 'verified-buyer', points: SCORE_RULE.verifiedPoints })
  return { score: reasons.reduce((sum, reason) => sum + reason.points, 0), reasons }
}

/** A stable text of the score and its reasons (what changed for the webhook; the idempotency key's input). */
export function scoreFingerprint({ score, reasons }: LeadScore): string {
  return `${score}|${reasons.map((reason) => `${reason.code}:${reason.points}`).join(',')}`
}

/** The i18n message of a reason (`leads.reason.*`) and its options: the page, the CSV and the docs say the same. */
export function reasonMessage(reason: LeadReason): { key: string; options: { count?: number } } {
  switch (reason.code) {
    case 'watched':
      return { key: 'leads.reason.watched', options: { count: reason.minutes } }
    case 'opened-products':
      return { key: 'leads.reason.opened-products', options: { count: reason.count } }
    default:
      return { key: `leads.reason.${reason.code}`, options: {} }
  }
}
