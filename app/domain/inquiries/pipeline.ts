import { currencyFractionDigits } from '~/lib/money'
import { dayStart, isoDay } from '~/lib/time'

// Client-safe: the outcome stages of a deal (an inquiry), the one place for their rule — which moves are
// allowed, which value each stage needs, which dates are accepted. Used by the exporter's form (options and
// hints) and by the server (inquiries.server.ts), and restated in SQL by the KPI funnel (fairs/kpis.server.ts,
// docs/outcome-stages.md).

/** In order; LOST may follow any stage but SHIPPED. */
export const DEAL_STAGES = ['CONSULTATION', 'QUOTE', 'SAMPLE', 'LOI', 'CONTRACT_SIGNED', 'SHIPPED', 'LOST'] as const
export type DealStage = (typeof DEAL_STAGES)[number]
/** Kept for the code that named the statuses so before outcome stages. */
export const INQUIRY_STATUSES = DEAL_STAGES
export type InquiryStatusName = DealStage

/** The stages of the funnel, in order (LOST is not one: it is where a deal leaves it). */
export const FUNNEL_STAGES = ['CONSULTATION', 'QUOTE', 'SAMPLE', 'LOI', 'CONTRACT_SIGNED', 'SHIPPED'] as const satisfies readonly DealStage[]
/** Stages whose value is a contract still being pursued (expected, not signed). */
export const PURSUED_STAGES = ['QUOTE', 'SAMPLE', 'LOI'] as const satisfies readonly DealStage[]
/** Stages at which a contract has been signed (a shipped deal was signed first). */
export const SIGNED_STAGES = ['CONTRACT_SIGNED', 'SHIPPED'] as const satisfies readonly DealStage[]

const FINAL: ReadonlySet<DealStage> = new Set(['SHIPPED', 'LOST'])
const ORDER: Record<DealStage, number> = { CONSULTATION: 0, QUOTE: 1, SAMPLE: 2, LOI: 3, CONTRACT_SIGNED: 4, SHIPPED: 5, LOST: 6 }

export function isDealStage(value: unknown): value is DealStage {
  return typeof value === 'string' && (DEAL_STAGES as readonly string[]).includes(value)
}

export function isClosedStage(stage: DealStage): boolean {
  return FINAL.has(stage)
}

/**
 * Forward moves only, skipping stages allowed (a deal may be signed without a sample or a letter of intent);
 * SHIPPED only after a signed contract; LOST from any stage but SHIPPED; SHIPPED and LOST are final.
 */
export function canMoveInquiry(from: DealStage, to: DealStage): boolean {
  if (!isDealStage(from) || !isDealStage(to) || from === to || FINAL.has(from)) return false
  if (to === 'LOST') return true
  if (to === 'SHIPPED') return from === 'CONTRACT_SIGNED'
  return ORDER[to] > ORDER[from]
}

export function nextStatuses(from: DealStage): DealStage[] {
  return DEAL_STAGES.filter((to) => canMoveInquiry(from, to))
}

/** The timestamp column each stage stamps when reached (CONSULTATION is the inquiry's creation). */
export const STATUS_TIMESTAMP = {
  QUOTE: 'quotedAt',
  SAMPLE: 'sampleSentAt',
  LOI: 'loiAt',
  CONTRACT_SIGNED: 'contractSignedAt',
  SHIPPED: 'shippedAt',
  LOST: 'lostAt',
} as const satisfies Partial<Record<DealStage, string>>

/**
 * The USD value column of each stage that has one, required when the deal reaches it: the quote's total, the
 * letter of intent's amount, the signed contract's amount, the shipped (invoiced) amount. A SAMPLE deal is still
 * worth its quote; CONSULTATION's value (the consultation value agencies count) is optional.
 */
export const STAGE_VALUE = {
  QUOTE: 'quoteValueUsdCents',
  LOI: 'loiValueUsdCents',
  CONTRACT_SIGNED: 'contractValueUsdCents',
  SHIPPED: 'shippedValueUsdCents',
} as const satisfies Partial<Record<DealStage, string>>
export type StageValueColumn = (typeof STAGE_VALUE)[keyof typeof STAGE_VALUE]

export function stageValueColumn(stage: DealStage): StageValueColumn | null {
  return (STAGE_VALUE as Partial<Record<DealStage, StageValueColumn>>)[stage] ?? null
}

export type StageValues = Partial<Record<StageValueColumn, bigint | null>>

export type StageMoveError =
  | { code: 'invalid-transition'; field: 'status' }
  | { code: 'value-required'; field: 'value' }
  | { code: 'value-invalid' | 'value-not-used'; field: 'value' }
  | { code: 'date-invalid' | 'date-in-future' | 'date-before-previous'; field: 'date' }

export type StageMove = {
  from: DealStage
  to: DealStage
  /** When the stage was reached (the form's date, or now). */
  at: Date
  /** When the deal reached its current stage (its creation for CONSULTATION). */
  currentSince: Date
  now: Date
  /** The value entered for the target stage, already in USD cents; null when none was entered. */
  valueUsdCents: bigint | null
  /** The values already on the deal (e.g. the quote value a sent quote recorded). */
  existing: StageValues
}

/** The whole rule for one move: null when allowed, else what is wrong and with which field. */
export function checkStageMove(move: StageMove): StageMoveError | null {
  if (!canMoveInquiry(move.from, move.to)) return { code: 'invalid-transition', field: 'status' }
  const at = move.at.getTime()
  if (!Number.isFinite(at)) return { code: 'date-invalid', field: 'date' }
  if (at > move.now.getTime()) return { code: 'date-in-future', field: 'date' }
  if (at < move.currentSince.getTime()) return { code: 'date-before-previous', field: 'date' }
  const column = stageValueColumn(move.to)
  if (move.valueUsdCents !== null && (typeof move.valueUsdCents !== 'bigint' || move.valueUsdCents < 0n)) return { code: 'value-invalid', field: 'value' }
  if (move.valueUsdCents !== null && !column) return { code: 'value-not-used', field: 'value' }
  if (column && move.valueUsdCents === null && (move.existing[column] ?? null) === null) return { code: 'value-required', field: 'value' }
  return null
}

/** Whether a value entered for the move's target stage is needed (the form marks the field). */
export function valueRequired(to: DealStage, existing: StageValues): boolean {
  const column = stageValueColumn(to)
  return column !== null && (existing[column] ?? null) === null
}

/**
 * The USD value a deal stands for at its stage: pursued at QUOTE/SAMPLE (the quote) and LOI (the letter's amount,
 * else the quote), signed at CONTRACT_SIGNED, shipped at SHIPPED (else the contract); 0 at CONSULTATION and LOST.
 */
export function currentStageValue(stage: DealStage, values: StageValues): bigint {
  const v = (column: StageValueColumn) => values[column] ?? null
  switch (stage) {
    case 'QUOTE':
    case 'SAMPLE':
      return v('quoteValueUsdCents') ?? 0n
    case 'LOI':
      return v('loiValueUsdCents') ?? v('quoteValueUsdCents') ?? 0n
    case 'CONTRACT_SIGNED':
      return v('contractValueUsdCents') ?? 0n
    case 'SHIPPED':
      return v('shippedValueUsdCents') ?? v('contractValueUsdCents') ?? 0n
    default:
      return 0n
  }
}

/**
 * An amount in a currency's major units (12.5 EUR) → USD cents, with the rate in USD per unit (a decimal string
 * as stored). Null when the amount or rate is not a finite non-negative number.
 */
export function toUsdCents(amount: number, usdPerUnit: string | number): bigint | null {
  const rate = Number(usdPerUnit)
  if (!Number.isFinite(amount) || !Number.isFinite(rate) || amount < 0 || rate <= 0) return null
  const cents = Math.round(amount * rate * 100)
  return Number.isSafeInteger(cents) ? BigInt(cents) : null
}

/**
 * A quote's total in USD cents: unit price (integer minor units of its currency, as Quote stores it) × quantity at
 * the rate (USD per unit, a decimal string as stored; '1' for USD), rounded half up to the cent in exact decimal
 * arithmetic — the same figure as the SQL of the KPIs' `quoted` CTE (fairs/kpis.server.ts) and the quote-value
 * backfill of the outcome-stages migration. Null for a negative or non-integer price or quantity, or an unreadable
 * or non-positive rate.
 */
export function quoteUsdCents(unitPriceMinor: number, quantity: number, currency: string, usdPerUnit: string): bigint | null {
  if (!Number.isSafeInteger(unitPriceMinor) || !Number.isSafeInteger(quantity) || unitPriceMinor < 0 || quantity < 0) return null
  // Decimal.js writes very small rates with an exponent (1e-8); the table keeps 8 decimals.
  const plain = /e/i.test(usdPerUnit) ? Number(usdPerUnit).toFixed(8) : usdPerUnit.trim()
  const match = /^(\d+)(?:\.(\d+))?$/.exec(plain)
  if (!match) return null
  const [, whole = '', fraction = ''] = match
  const rateScaled = BigInt(whole + fraction)
  if (rateScaled === 0n) return null
  const numerator = BigInt(unitPriceMinor) * BigInt(quantity) * rateScaled * 100n
  const denominator = 10n ** BigInt(currencyFractionDigits(currency) + fraction.length)
  return (numerator * 2n + denominator) / (denominator * 2n)
}

/**
 * The instant a stage was reached, from the form's day (YYYY-MM-DD, UTC): none or today → now; the day the deal
 * reached its current stage → that moment (so the same day is never "before" it); another day → its UTC midnight
 * (checkStageMove then refuses a future day or one before the current stage). An unreadable day gives an
 * invalid Date, refused the same way.
 */
export function stageInstant(day: string | undefined, { now, currentSince }: { now: Date; currentSince: Date }): Date {
  if (day === undefined || day === isoDay(now)) return now
  if (day === isoDay(currentSince)) return currentSince
  return dayStart(day)
}
