import { z } from 'zod'

// Client-safe form schemas of follows and RSVPs (one per form; messages are i18n keys).

export const FOLLOW_TARGETS = ['exporter', 'fair'] as const

export const FollowSchema = z.object({
  intent: z.literal('follow'),
  target: z.enum(FOLLOW_TARGETS, { error: 'errors.invalid' }),
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, { error: 'errors.invalid' }),
  following: z.enum(['true', 'false'], { error: 'errors.invalid' }).transform((value) => value === 'true'),
})

/** A signed-in account's one-click RSVP (on = answer, off = withdraw). */
export const AccountRsvpSchema = z.object({
  intent: z.literal('rsvp'),
  going: z.enum(['true', 'false'], { error: 'errors.invalid' }).transform((value) => value === 'true'),
})

/** A guest's RSVP: an e-mail address, with the page's language and the browser's zone (for their mails). */
export const GuestRsvpSchema = z.object({
  intent: z.literal('rsvp-guest'),
  email: z
    .string({ error: 'engagement.rsvp.errors.email' })
    .trim()
    .toLowerCase()
    .max(254, { error: 'engagement.rsvp.errors.email' })
    .pipe(z.email({ error: 'engagement.rsvp.errors.email' })),
  locale: z.string().max(20).optional(),
  timeZone: z.string().max(64).optional(),
})
export type GuestRsvpInput = z.infer<typeof GuestRsvpSchema>
