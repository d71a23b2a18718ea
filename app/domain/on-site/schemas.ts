import { z } from 'zod'

// Forms of the on-site pages (client hints and server truth).

export const MAX_MEETING_TABLES = 500

/** /organizer/fairs/:id/on-site: the venue's meeting tables (0 = every meeting online). */
export const MeetingTablesSchema = z.object({
  intent: z.literal('set-tables'),
  meetingTables: z.coerce.number().int().min(0).max(MAX_MEETING_TABLES),
})

/** /organizer/fairs/:id/on-site: put one meeting of a slot at a table (the meeting there swaps with it). */
export const MoveMeetingTableSchema = z.object({
  intent: z.literal('move-table'),
  meetingId: z.string().trim().min(1).max(64),
  tableNumber: z.coerce.number().int().min(1).max(MAX_MEETING_TABLES),
})

export const OnSiteSetupSchema = z.discriminatedUnion('intent', [MeetingTablesSchema, MoveMeetingTableSchema])
