import { parseWithZod } from '@conform-to/zod/v4'
import type { Route } from './+types/replay-views'
import { getOptionalUser } from '~/domain/accounts/session.server'
import { ReplayViewActionSchema } from '~/domain/replays/view-schema'
import { recordReplayHeartbeat, startReplayView } from '~/domain/replays/views.server'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { mintGuestCookie, readGuestKey } from '~/utils/guest-key.server'
import { consumeNewGuestIdentity, consumeReplayBudget } from '~/utils/rate-limit.server'
import { getClientIp } from '~/utils/request.server'

const noStore = { 'Cache-Control': 'no-store' }

/** Only POST is served here (a GET without a loader would be logged as a server error). */
export function loader() {
  return new Response(null, { status: 405, headers: { Allow: 'POST', ...noStore } })
}

/**
 * The replay view counter (app/media/use-replay-view.ts): `intent=start` opens a view of the replay and
 * answers `{ viewId }`; `intent=heartbeat` credits watched seconds to the caller's own view. A form POST
 * with the CSRF token like every other (navigator.sendBeacon sends the same urlencoded form, with the
 * cookies and our Origin). A guest without a browser key gets one here, minted as the socket gateway does:
 * on the network's budget of new guest identities; beyond it the guest watches uncounted (`viewId: null`).
 */
export async function action({ request, params }: Route.ActionArgs) {
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: ReplayViewActionSchema })
  if (submission.status !== 'success') return Response.json({ reason: 'invalid' }, { status: 400, headers: noStore })
  const user = await getOptionalUser(request)
  const ip = getClientIp(request)
  let guestKey = user ? null : readGuestKey(request.headers.get('Cookie'))
  const budget = await consumeReplayBudget(submission.value.intent === 'start' ? 'start' : 'beat', {
    viewerKey: user ? `u:${user.id}` : guestKey ? `g:${guestKey}` : `ip:${ip}`,
    ip,
  })
  if (!budget.allowed) {
    return Response.json({ reason: 'rate-limited' }, { status: 429, headers: { ...noStore, 'Retry-After': String(budget.retryAfterSeconds) } })
  }
  const now = requestNow(request)
  if (submission.value.intent === 'start') {
    const headers = new Headers(noStore)
    if (!user && !guestKey) {
      if (!(await consumeNewGuestIdentity(ip)).allowed) return Response.json({ viewId: null }, { headers })
      const minted = mintGuestCookie()
      guestKey = minted.key
      headers.append('Set-Cookie', minted.setCookie)
    }
    const { viewId } = await startReplayView(params.sessionId, user, guestKey, now)
    return Response.json({ viewId }, { headers })
  }
  const { creditedSeconds } = await recordReplayHeartbeat(params.sessionId, submission.value, user, guestKey, now)
  return Response.json({ creditedSeconds }, { headers: noStore })
}
