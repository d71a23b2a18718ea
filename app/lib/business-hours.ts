import { z } from 'zod'

// Business hours are wall-clock "HH:mm" in the party's own IANA zone, never stored as instants: "9 to 6"
// stays 9 to 6 across DST changes, which a stored UTC instant would not. Client-safe: the same rules
// check forms in the browser and on the server.

export const HhmmSchema = z.string({ error: 'errors.required' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'errors.time' })

/** Zero-padded HH:mm strings compare like times. */
export function hoursInOrder(value: { businessHoursStart: string; businessHoursEnd: string }): boolean {
  return value.businessHoursStart < value.businessHoursEnd
}

export const HOURS_ORDER_ISSUE = { error: 'errors.hoursOrder', path: ['businessHoursEnd'] }
