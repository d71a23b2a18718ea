// Client-safe: the fixed lists of the consultations area, shared by forms, pages and the KPIs.

export const CONSULTATION_TOPICS = ['MARKET_ENTRY', 'CERTIFICATION', 'LOGISTICS', 'PRICING', 'PARTNERS', 'OTHER'] as const
export type ConsultationTopicName = (typeof CONSULTATION_TOPICS)[number]

export const CONSULTATION_STATUSES = ['REQUESTED', 'CONFIRMED', 'CANCELLED', 'HELD', 'NO_SHOW'] as const
export type ConsultationStatusName = (typeof CONSULTATION_STATUSES)[number]

/** Statuses that hold the officer's slot: a second booking of an overlapping time is refused. */
export const SLOT_HOLDING_STATUSES = ['REQUESTED', 'CONFIRMED'] as const

/** Slot lengths an officer may choose (minutes). */
export const SLOT_LENGTHS = [30, 60] as const

/** Candidate starts are this far apart (half-hour grid in every whole- and half-hour zone). */
export const SLOT_STEP_MINUTES = 30

/** Local weekdays, 0 = Sunday … 6 = Saturday; the editor lists Monday first. */
export const WEEKDAYS_MONDAY_FIRST = [1, 2, 3, 4, 5, 6, 0] as const
