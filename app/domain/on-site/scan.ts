import { z } from 'zod'

// What a scanning device sends, for the check-in desk and the booth scanner alike (one queue component,
// app/components/on-site/badge-scanner.tsx). Every scan carries the device's own id for it (a UUID made
// when it was scanned), so a queue replayed after the network came back is stored once.

/** The longest a device may have held a scan offline and still have its own time believed. */
export const MAX_SCAN_AGE_MS = 24 * 60 * 60 * 1000
/** Device clocks run a little ahead: up to this much in the future is believed. */
export const MAX_SCAN_AHEAD_MS = 5 * 60 * 1000
export const NOTE_MAX = 1000
export const CODE_MAX = 600

export const ScanSchema = z.object({
  intent: z.literal('scan'),
  scanId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{8,64}$/),
  code: z.string().trim().min(1).max(CODE_MAX),
  /** The device's clock when scanned, epoch milliseconds */
  scannedAt: z.coerce.number().int().nonnegative().max(8.64e15),
  note: z.string().trim().max(NOTE_MAX).optional().default(''),
})
export type ScanInput = z.infer<typeof ScanSchema>

/**
 * The scan's time as recorded: the device's time when it is plausible (not more than a day old, not more
 * than five minutes ahead of the server), else the time the server received it.
 */
export function boundedScanTime(deviceMs: number, now: Date): { at: Date; trusted: boolean } {
  const delta = now.getTime() - deviceMs
  if (Number.isFinite(deviceMs) && delta <= MAX_SCAN_AGE_MS && delta >= -MAX_SCAN_AHEAD_MS) return { at: new Date(deviceMs), trusted: true }
  return { at: now, trusted: false }
}

/** The answer of a scan endpoint, read by the scanner component. */
export type ScanOutcome =
  | { state: 'checked-in' | 'already' | 'lead-recorded' | 'lead-updated'; scanId: string; attendee: ScanAttendee; at: string }
  | { state: 'invalid'; scanId: string; reason: string }

export type ScanAttendee = { name: string; company: string; kind: 'BUYER' | 'EXHIBITOR' }
