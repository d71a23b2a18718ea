import express, { type Express, type Request, type Response } from 'express'
import { RateLimiterMemory } from 'rate-limiter-flexible'
import { z } from 'zod'
import { resolveIngest } from '../../app/domain/live/ingest.server.ts'
import { processNow } from '../../app/utils/clock.server.ts'
import { getLogger } from '../../app/utils/logger.server.ts'
import { MediaError } from '../media/index.ts'
import { IngestError, type IngestService } from './service.ts'
import { WhipSdpError } from './whip-sdp.ts'

// WHIP (RFC 9725) over Express: POST an SDP offer with the showcase's ingest token as bearer token →
// 201 + answer + Location of the session resource; DELETE that resource stops it; OPTIONS answers CORS
// preflights (encoders, and browser pages on other origins: the token is the credential, never a cookie).
// Mounted before the request logger: the Authorization header must never reach a log line.

export const WHIP_PATH = '/whip'
/** An SDP offer with a few m-lines and many candidates stays far below this. */
const MAX_OFFER_BYTES = 64 * 1024

const ParamsSchema = z.object({ sessionId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) })
const ResourceParamsSchema = ParamsSchema.extend({ resourceId: z.uuid() })
const BearerSchema = z
  .string()
  .regex(/^Bearer [^\s]+$/i)
  .transform((value) => value.slice('Bearer '.length))

export type WhipErrorCode =
  | 'unauthorized'
  | 'unsupported-media-type'
  | 'invalid-sdp'
  | 'unsupported-codec'
  | 'busy'
  | 'ended'
  | 'not-found'
  | 'unavailable'
  | 'too-many'
  | 'method-not-allowed'
  /** The studio's ingest key outside every approved booking's slot (docs/studio-booking.md). */
  | 'no-studio-slot'
  /** The studio's key at `/whip/studio` while several approved bookings are on air: name the showcase in the URL. */
  | 'studio-slot-ambiguous'

/** The one error shape of the WHIP endpoint: `{ error: { code, message } }` with the matching status. */
function refuse(res: Response, status: number, code: WhipErrorCode, message: string): void {
  if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="tradecast-ingest"')
  res.status(status).json({ error: { code, message } })
}

function cors(res: Response): void {
  res.setHeader('Access-Control-Allow-Origin', '*')
  res.setHeader('Access-Control-Allow-Methods', 'POST, DELETE, PATCH, OPTIONS')
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, If-Match')
  res.setHeader('Access-Control-Expose-Headers', 'Location, ETag, Link, Accept-Post')
  res.setHeader('Access-Control-Max-Age', '600')
  // The answer carries this server's ICE credentials: never cached anywhere.
  res.setHeader('Cache-Control', 'no-store')
}

function bearerOf(req: Request): string | null {
  const parsed = BearerSchema.safeParse(req.headers.authorization)
  return parsed.success ? parsed.data : null
}

export function mountWhip(app: Express, getIngest: () => IngestService | null): void {
  const logger = getLogger().child({ ns: 'whip' })
  // Wrong tokens per address: 256-bit tokens cannot be guessed, but a flood still costs database reads.
  const failures = new RateLimiterMemory({ keyPrefix: 'whip-auth', points: 20, duration: 60 })
  const router = express.Router()

  router.use((_req, res, next) => {
    cors(res)
    next()
  })

  router.options(['/:sessionId', '/:sessionId/:resourceId'], (_req, res) => {
    res.setHeader('Accept-Post', 'application/sdp')
    res.status(204).end()
  })

  async function authorize(req: Request, res: Response, sessionId: string) {
    const address = req.ip ?? 'unknown'
    const blocked = await failures.get(address)
    if (blocked && blocked.consumedPoints >= 20) {
      res.setHeader('Retry-After', String(Math.ceil(blocked.msBeforeNext / 1000)))
      refuse(res, 429, 'too-many', 'Too many refused ingest attempts from this address; try again later.')
      return null
    }
    const token = bearerOf(req)
    const resolved = token ? await resolveIngest(token, sessionId, processNow()) : null
    if (!resolved?.target) {
      // The studio's key outside its slots is a right key at the wrong time: no failure counted, a reason given.
      if (resolved?.reason === 'studio-no-slot') {
        refuse(res, 403, 'no-studio-slot', resolved.message)
        return null
      }
      if (resolved?.reason === 'studio-slot-ambiguous') {
        refuse(res, 409, 'studio-slot-ambiguous', resolved.message)
        return null
      }
      await failures.consume(address).catch(() => undefined)
      refuse(res, 401, 'unauthorized', token ? 'The ingest token is wrong or was revoked.' : 'Send the ingest token as "Authorization: Bearer <token>".')
      return null
    }
    return resolved.target
  }

  router.post('/:sessionId', async (req, res) => {
    const params = ParamsSchema.safeParse(req.params)
    if (!params.success) {
      refuse(res, 404, 'not-found', 'No such showcase.')
      return
    }
    const ingest = getIngest()
    if (!ingest) {
      refuse(res, 503, 'unavailable', 'Live media is not running on this server.')
      return
    }
    const target = await authorize(req, res, params.data.sessionId)
    if (!target) return
    if (!req.is('application/sdp')) {
      refuse(res, 415, 'unsupported-media-type', 'Send the offer as Content-Type: application/sdp.')
      return
    }
    if (target.status === 'ENDED' || target.status === 'CANCELLED') {
      refuse(res, 409, 'ended', 'This showcase is over.')
      return
    }
    let offer: string
    try {
      offer = await readBody(req)
    } catch {
      refuse(res, 413, 'invalid-sdp', `The offer is larger than ${MAX_OFFER_BYTES} bytes.`)
      return
    }
    try {
      const { resourceId, answer } = await ingest.startWhip(target, offer)
      const location = `${WHIP_PATH}/${target.sessionId}/${resourceId}`
      res.status(201).setHeader('Location', location).setHeader('ETag', `"${resourceId}"`).type('application/sdp').send(answer)
    } catch (error) {
      if (error instanceof WhipSdpError) {
        refuse(res, error.code === 'unsupported-codec' ? 422 : 400, error.code, error.message)
        return
      }
      if (error instanceof IngestError) {
        refuse(res, error.code === 'closed' ? 503 : 409, error.code === 'closed' ? 'unavailable' : 'busy', error.message)
        return
      }
      if (error instanceof MediaError) {
        refuse(res, 503, 'unavailable', 'The media server is restarting; try again in a moment.')
        return
      }
      logger.error({ err: error, sessionId: target.sessionId }, 'WHIP ingest failed')
      refuse(res, 500, 'unavailable', 'The ingest could not be set up.')
      return
    }
  })

  router.delete('/:sessionId/:resourceId', async (req, res) => {
    const params = ResourceParamsSchema.safeParse(req.params)
    if (!params.success) {
      refuse(res, 404, 'not-found', 'No such ingest session.')
      return
    }
    const ingest = getIngest()
    if (!ingest) {
      refuse(res, 404, 'not-found', 'No such ingest session.')
      return
    }
    const target = await authorize(req, res, params.data.sessionId)
    if (!target) return
    if (!ingest.stopResource(params.data.sessionId, params.data.resourceId)) {
      refuse(res, 404, 'not-found', 'No such ingest session.')
      return
    }
    logger.info({ sessionId: params.data.sessionId, resourceId: params.data.resourceId }, 'WHIP ingest stopped by the encoder')
    res.status(200).end()
  })

  // Trickle ICE and ICE restarts are not offered (the server is ICE-lite and gathers all candidates at once).
  router.patch('/:sessionId/:resourceId', (_req, res) => {
    res.setHeader('Allow', 'DELETE, OPTIONS')
    refuse(res, 405, 'method-not-allowed', 'Trickle ICE is not supported; the answer carries every candidate.')
  })

  app.use(WHIP_PATH, router)
}

/** The request body as text, at most MAX_OFFER_BYTES. */
function readBody(req: Request): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_OFFER_BYTES) {
        req.pause()
        reject(new Error('too large'))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
