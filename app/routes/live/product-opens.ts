import { parseWithZod } from '@conform-to/zod/v4'
import type { RateLimiterAbstract } from 'rate-limiter-flexible'
import { RateLimiterRes } from 'rate-limiter-flexible'
import type { Route } from './+types/product-opens'
import { getOptionalUser } from '~/domain/accounts/session.server'
import { ProductOpenSchema, recordProductOpen } from '~/domain/leads/product-opens.server'
import { loadWatchSession } from '~/domain/live/sessions.server'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { getEnv } from '~/utils/env.server'
import { createSharedLimiter } from '~/utils/rate-limit.server'
import { getSharedRedis } from '~/utils/redis.server'

const noStore = { 'Cache-Control': 'no-store' }

/** Only POST is served here. */
export function loader() {
  return new Response(null, { status: 405, headers: { Allow: 'POST', ...noStore } })
}

// 120 recorded clicks an hour per account: far above a real viewer's, low enough that a script adds little.
let limiter: RateLimiterAbstract | undefined
function openLimiter(): RateLimiterAbstract {
  if (!limiter) {
    const client = getSharedRedis()
    limiter = createSharedLimiter(
      { keyPrefix: 'tradecast:product-open-account', points: 120, duration: 60 * 60 },
      client ? { client, scope: getEnv().REDIS_CHANNEL } : null,
    )
  }
  return limiter
}

/**
 * "Opened a pinned product" (app/components/live/pinned-products.tsx → use-product-open.ts): the lead list's
 * record of a signed-in viewer clicking a pinned card, live or in the replay. Identity only from the session
 * cookie; a guest's click is answered 204 and recorded nowhere (guests are counted, never listed). CSRF like
 * every form POST; the product must be one the showcase features; deduplicated per minute
 * (app/domain/leads/product-opens.server.ts) and rate-limited per account.
 */
export async function action({ request, params }: Route.ActionArgs) {
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: ProductOpenSchema })
  if (submission.status !== 'success') return Response.json({ reason: 'invalid' }, { status: 400, headers: noStore })
  const user = await getOptionalUser(request)
  if (!user) return new Response(null, { status: 204, headers: noStore })
  try {
    await openLimiter().consume(user.id)
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection
    return Response.json({ reason: 'rate-limited' }, { status: 429, headers: { ...noStore, 'Retry-After': String(Math.ceil(rejection.msBeforeNext / 1000)) } })
  }
  // Only a showcase this person may watch (a private one they were not invited to answers as the page does).
  const session = await loadWatchSession(params.sessionId, user, user.locale)
  if (session.access !== 'watch') return Response.json({ reason: 'forbidden' }, { status: 403, headers: noStore })
  const { recorded } = await recordProductOpen(params.sessionId, user.id, submission.value, requestNow(request))
  return Response.json({ recorded }, { headers: noStore })
}
