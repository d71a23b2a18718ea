import { z } from 'zod'
import type { Route } from './+types/ingest'
import { requireUser } from '~/domain/accounts/session.server'
import { ingestCredentialFor, revokeIngestToken, rotateIngestToken } from '~/domain/live/ingest.server'
import { ingestStatusOf } from '~/domain/live/ingest-status.server'
import { requireStudioSession } from '~/domain/live/sessions.server'
import { DomainError } from '~/domain/errors'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { getEnv } from '~/utils/env.server'

// The studio's encoder panel (app/components/live-media/ingest-panel.tsx): GET answers the ingest URLs, the
// ingest secret (for the showcase's managers only, who paste it into their encoder) and the state and health
// of the incoming feed; POST rotates or revokes the secret. Never cached, never logged.

const noStore = { 'Cache-Control': 'no-store' }

export type IngestPanelData = {
  whipUrl: string
  /** rtmp://host:port/live when the server listens for RTMP (RTMP_INGEST_PORT), else null. */
  rtmpUrl: string | null
  credential: { token: string; masked: string; rotatedAt: string } | null
  status: import('~/domain/live/ingest-status').IngestStatus | null
}

export async function loader({ request, params }: Route.LoaderArgs) {
  // Whoever may manage the showcase (its company's members by role, an agency granted SHOWCASES): requireStudioSession.
  const user = await requireUser(request)
  const session = await requireStudioSession(params.sessionId, user)
  const credential = await ingestCredentialFor(session.id, user.id)
  const url = new URL(getEnv().APP_URL ?? request.url)
  const env = getEnv()
  const data: IngestPanelData = {
    whipUrl: `${url.origin}/whip/${session.id}`,
    rtmpUrl: env.RTMP_INGEST_PORT ? `rtmp://${env.RTMP_INGEST_HOST ?? url.hostname}:${env.RTMP_INGEST_PORT}/live` : null,
    credential: credential ? { token: credential.token, masked: credential.masked, rotatedAt: credential.rotatedAt.toISOString() } : null,
    status: ingestStatusOf(session.id),
  }
  return Response.json(data, { headers: noStore })
}

const IngestActionSchema = z.strictObject({ csrf: z.string(), intent: z.enum(['rotate', 'revoke']) })

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request)
  const session = await requireStudioSession(params.sessionId, user)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const parsed = IngestActionSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) throw new DomainError('invalid', { status: 400, messageKey: 'ingest.errors.invalid' })
  if (parsed.data.intent === 'rotate') await rotateIngestToken(session.id, user.id, requestNow(request))
  else await revokeIngestToken(session.id, user.id, requestNow(request))
  return Response.json({ ok: true, intent: parsed.data.intent }, { headers: noStore })
}
