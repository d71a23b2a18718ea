import { parseWithZod } from '@conform-to/zod/v4'
import { data } from 'react-router'
import { z } from 'zod'
import { pickLocalized } from '~/domain/catalog/translations'
import { requireFairManager } from '~/domain/fairs/access.server'
import { freedSlots, loadScheduleInputs, publishFairSchedule, PUBLISH_ERRORS, runFairSchedule } from '~/domain/meetings/fair-schedule.server'
import { formatSlotInZone } from '~/domain/matchmaking/slot-finder'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { resolveLocale } from '~/utils/preferences.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'

const DraftSchema = z
  .array(z.object({ buyerId: z.string().max(40), exporterId: z.string().max(40), slotId: z.string().max(40), locked: z.boolean() }))
  .max(20_000)

export const ScheduleFormSchema = z.object({
  // 'refill': re-run after published meetings were called off, offering their freed slots again (ADR 022)
  intent: z.enum(['run', 'refill', 'publish']),
  maxPerExporter: z.coerce
    .number({ error: 'schedule.errors.limit' })
    .int({ error: 'schedule.errors.limit' })
    .min(1, { error: 'schedule.errors.limit' })
    .max(100, { error: 'schedule.errors.limit' }),
  draft: z
    .string()
    .default('[]')
    .transform((value, ctx) => {
      try {
        return DraftSchema.parse(JSON.parse(value))
      } catch {
        ctx.addIssue({ code: 'custom', message: 'schedule.errors.draft' })
        return z.NEVER
      }
    }),
})

export async function loadSchedulePage(request: Request, fairId: string) {
  const { user, fair } = await requireFairManager(request, fairId)
  const locale = await resolveLocale(request, user)
  const inputs = await loadScheduleInputs(fair.id, { locale })
  const freed = freedSlots(inputs, requestNow(request))
  return {
    freed: { meetings: freed.meetings, places: freed.places.length },
    fair: { id: fair.id, slug: fair.slug, timeZone: fair.timeZone, name: pickLocalized(fair.name, fair.nameI18n, locale) },
    counts: {
      buyers: inputs.buyers.length,
      exporters: inputs.exporters.length,
      slots: inputs.slots.length,
      confirmed: inputs.confirmed.length,
      preferences: inputs.preferences.length,
      storedPreferences: inputs.preferenceSources.stored,
      requestPreferences: inputs.preferenceSources.fromRequests,
      mustMeet: inputs.preferences.filter((p) => p.level === 'must-meet').length,
    },
    slots: Object.fromEntries(
      inputs.slots.map((slot) => [slot.id, formatSlotInZone({ start: slot.startsAt, end: slot.endsAt }, { locale, timeZone: fair.timeZone })]),
    ),
    slotOrder: inputs.slots.map((slot) => slot.id),
    buyers: Object.fromEntries(inputs.buyers.map((b) => [b.id, b.name])),
    exporters: Object.fromEntries(inputs.exporters.map((e) => [e.id, e.name])),
    // Collated here, in the reader's locale: a browser without its collation data (Chrome has none for
    // Mongolian, which puts Cyrillic before Latin) would order the rows otherwise and fail to hydrate.
    exporterOrder: [...inputs.exporters].sort((a, b) => a.name.localeCompare(b.name, locale)).map((e) => e.id),
    confirmed: inputs.confirmed.map(({ buyerId, exporterId, slotId }) => ({ buyerId, exporterId, slotId, locked: true, weight: 0, confirmed: true })),
  }
}

export async function handleScheduleAction(request: Request, fairId: string) {
  const { user, fair } = await requireFairManager(request, fairId)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: ScheduleFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), run: null }, { status: 400 })
  const { intent, maxPerExporter, draft } = submission.value
  const locale = await resolveLocale(request, user)
  const now = requestNow(request)
  if (intent === 'run' || intent === 'refill') {
    const inputs = await loadScheduleInputs(fair.id, { locale })
    try {
      const run = await runFairSchedule(inputs, { maxPerExporter, keep: draft.filter((m) => m.locked), now, refill: intent === 'refill' })
      return data({ result: submission.reply(), run })
    } catch (error) {
      return formErrorFromDomain(submission, error, { only: ['locked-conflict'], extra: { run: null } })
    }
  }
  try {
    await publishFairSchedule(user, fair.id, draft, { maxPerExporter, now, locale })
  } catch (error) {
    return formErrorFromDomain(submission, error, { only: PUBLISH_ERRORS, extra: { run: null } })
  }
  return redirectWithToast(`/organizer/fairs/${fair.id}/schedule`, 'schedule.published')
}
