import { z } from 'zod'
import type { Route } from './+types/restream'
import { requireUser } from '~/domain/accounts/session.server'
import { isDomainError } from '~/domain/errors'
import { requireStudioSession } from '~/domain/live/sessions.server'
import { RESTREAM_PRESET_URLS, type RestreamActionData, type RestreamPanelData } from '~/domain/restream/destinations'
import {
  addDestination,
  listDestinations,
  removeDestination,
  restreamFormSchema,
  restreamUptime,
  setDestinationEnabled,
} from '~/domain/restream/destinations.server'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'

// The studio's Restream panel (app/components/live-media/restream-panel.tsx): GET lists the showcase's
// destinations (keys masked); POST adds one (the form's zod schema; 400 with field errors, the panel keeps
// what was typed), removes one or turns one on/off. A live show picks changes up within seconds (its
// restreamer reads the destinations again). Never cached; the key is never sent back.

const noStore = { 'Cache-Control': 'no-store' }

export async function loader({ request, params }: Route.LoaderArgs) {
  // Whoever may manage the showcase (its company's members by role, an agency granted SHOWCASES): requireStudioSession.
  const user = await requireUser(request)
  const session = await requireStudioSession(params.sessionId, user)
  const destinations = await listDestinations(session.id, user.id)
  const uptime = (await restreamUptime(session.id)).flatMap((entry) =>
    entry.destinationId ? [{ destinationId: entry.destinationId, runs: entry.runs, secondsSent: entry.secondsSent }] : [],
  )
  const data: RestreamPanelData = { destinations, presets: RESTREAM_PRESET_URLS, uptime }
  return Response.json(data, { headers: noStore })
}

const IntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('add') }),
  z.object({ intent: z.literal('remove'), destinationId: z.string().min(1).max(64) }),
  z.object({ intent: z.literal('toggle'), destinationId: z.string().min(1).max(64), enabled: z.enum(['true', 'false']) }),
])

/** Refusals the panel shows next to its form (anything else is the route's error response). */
const FORM_REFUSALS: readonly string[] = ['restream-too-many', 'restream-not-showcase', 'restream-session-over', 'not-found']

const answer = (body: RestreamActionData, status = 200) => Response.json(body, { status, headers: noStore })

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request)
  const session = await requireStudioSession(params.sessionId, user)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const fields = Object.fromEntries([...formData].filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
  const intent = IntentSchema.safeParse(fields)
  if (!intent.success) return answer({ ok: false, fieldErrors: {}, formErrors: ['restream.errors.invalid'] }, 400)
  try {
    switch (intent.data.intent) {
      case 'add': {
        const parsed = restreamFormSchema().safeParse(fields)
        if (!parsed.success) {
          const fieldErrors: Record<string, string[]> = {}
          for (const issue of parsed.error.issues) (fieldErrors[issue.path.join('.') || 'form'] ??= []).push(issue.message)
          return answer({ ok: false, fieldErrors, formErrors: [] }, 400)
        }
        await addDestination(session.id, user.id, parsed.data, requestNow(request))
        break
      }
      case 'remove':
        await removeDestination(session.id, user.id, intent.data.destinationId, requestNow(request))
        break
      case 'toggle':
        await setDestinationEnabled(session.id, user.id, intent.data.destinationId, intent.data.enabled === 'true', requestNow(request))
        break
    }
  } catch (error) {
    // The form's own refusals (too many destinations, one already gone) are shown in the panel.
    if (isDomainError(error) && FORM_REFUSALS.includes(error.code)) {
      const message = error.code === 'not-found' ? 'restream.errors.notFound' : error.messageKey
      return answer({ ok: false, fieldErrors: {}, formErrors: [message] }, error.status)
    }
    throw error
  }
  return answer({ ok: true })
}
