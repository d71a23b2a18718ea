import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import type { Prisma } from '~/generated/prisma/client'
import { getPrisma, isUniqueViolation } from '~/domain/db.server'
import { DomainError } from '~/domain/errors'
import { exponentialBackoffMs } from '~/domain/jobs/jobs.server'
import { openSecret, sealSecret } from '~/utils/sealed-secrets.server'
import { listSessionLeads, recentCompanyShowcases, type Lead } from './leads.server'
import { onSiteDeliveryFairId, sweepBoothLeads } from '~/domain/on-site/booth-leads.server'
import { pickLocalized } from '~/domain/catalog/translations'
import { scoreFingerprint } from './score'
import { webhookAddressAllowed, webhookUrlProblem, type WebhookUrlPolicy } from './webhook-url'

/**
 * The CRM webhook of the lead list (issue 21, docs/leads.md). A sweep finds leads that are new or whose
 * score or reasons changed since their last delivery and records one LeadWebhookDelivery per lead state
 * (unique idempotency key, so two sweeps at once record it once); each delivery is POSTed as JSON signed
 * like Stripe's webhooks — `Tradecast-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">` — with the
 * key in `Idempotency-Key`, retried with exponential backoff, every attempt recorded for the exporter.
 */

export const SIGNATURE_HEADER = 'Tradecast-Signature'
export const IDEMPOTENCY_HEADER = 'Idempotency-Key'
export const MAX_DELIVERY_ATTEMPTS = 8
const RETRY_BACKOFF = { baseMs: 30_000, capMs: 6 * 60 * 60 * 1000 }
const REQUEST_TIMEOUT_MS = 10_000
/** Well beyond one POST (REQUEST_TIMEOUT_MS). */
const ATTEMPT_LEASE_MS = 5 * 60 * 1000
const ERROR_MAX = 300

/** Milliseconds before attempt `attempt + 1` after `attempt` failed: 30 s, 60 s, 120 s, … capped at 6 h (the jobs' formula, own base and cap). */
export function deliveryRetryDelayMs(attempt: number): number {
  return exponentialBackoffMs(attempt, RETRY_BACKOFF)
}

export function signWebhookBody(secret: string, timestamp: number, body: string): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
  return `t=${timestamp},v1=${v1}`
}

/** What a receiver does (docs/leads.md): recompute the HMAC over `t.body`, compare in constant time, refuse old timestamps. */
export function verifyWebhookSignature(secret: string, header: string, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = new Map(header.split(',').map((part) => part.split('=', 2) as [string, string]))
  const timestamp = Number(parts.get('t'))
  const given = parts.get('v1') ?? ''
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds || !/^[0-9a-f]{64}$/.test(given)) return false
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest()
  return timingSafeEqual(expected, Buffer.from(given, 'hex'))
}

export function webhookPolicy(): WebhookUrlPolicy {
  return { production: process.env.NODE_ENV === 'production' }
}

function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`
}

export type WebhookView = {
  url: string
  enabled: boolean
  createdAt: Date
  deliveries: Array<{
    id: string
    /** What the lead came from, by name: a showcase's title, or the fair whose booth scanned them (on site) */
    source: DeliverySource
    leadName: string
    score: number
    status: 'PENDING' | 'DELIVERED' | 'FAILED' | 'CANCELLED'
    attempts: number
    lastError: string | null
    lastStatusCode: number | null
    lastAttemptAt: Date | null
    nextAttemptAt: Date | null
    createdAt: Date
  }>
}

export type DeliverySource = { kind: 'showcase' | 'on-site'; name: string }

/**
 * Each delivery's source by name, in the reader's language (a fair's localized name), never the stored
 * `fair:<id>` marker; a showcase or fair deleted since reads as an empty name.
 */
async function deliverySources(companyId: string, sessionIds: readonly string[], locale: string): Promise<Map<string, DeliverySource>> {
  const fairIds = new Set<string>()
  const showcaseIds = new Set<string>()
  for (const sessionId of sessionIds) {
    const fairId = onSiteDeliveryFairId(sessionId)
    if (fairId) fairIds.add(fairId)
    else showcaseIds.add(sessionId)
  }
  const prisma = await getPrisma()
  const [fairs, showcases] = await Promise.all([
    fairIds.size ? prisma.tradeFair.findMany({ where: { id: { in: [...fairIds] } }, select: { id: true, name: true, nameI18n: true } }) : [],
    showcaseIds.size ? prisma.liveSession.findMany({ where: { id: { in: [...showcaseIds] }, companyId }, select: { id: true, title: true } }) : [],
  ])
  const fairName = new Map(fairs.map((fair) => [fair.id, pickLocalized(fair.name, fair.nameI18n, locale)]))
  const showcaseTitle = new Map(showcases.map((showcase) => [showcase.id, showcase.title]))
  const sources = new Map<string, DeliverySource>()
  for (const sessionId of sessionIds) {
    const fairId = onSiteDeliveryFairId(sessionId)
    sources.set(sessionId, fairId ? { kind: 'on-site', name: fairName.get(fairId) ?? '' } : { kind: 'showcase', name: showcaseTitle.get(sessionId) ?? '' })
  }
  return sources
}

export async function getWebhook(companyId: string, locale = 'en'): Promise<WebhookView | null> {
  const prisma = await getPrisma()
  const hook = await prisma.leadWebhook.findUnique({
    where: { companyId },
    select: {
      url: true,
      enabled: true,
      createdAt: true,
      deliveries: { orderBy: { createdAt: 'desc' }, take: 50 },
    },
  })
  if (!hook) return null
  const sources = await deliverySources(
    companyId,
    hook.deliveries.map((delivery) => delivery.sessionId),
    locale,
  )
  return {
    url: hook.url,
    enabled: hook.enabled,
    createdAt: hook.createdAt,
    deliveries: hook.deliveries.map((delivery) => ({
      id: delivery.id,
      source: sources.get(delivery.sessionId) ?? { kind: 'showcase', name: '' },
      leadName: leadNameOf(delivery.payload),
      score: delivery.score,
      status: delivery.status,
      attempts: delivery.attempts,
      lastError: delivery.lastError,
      lastStatusCode: delivery.lastStatusCode,
      lastAttemptAt: delivery.lastAttemptAt,
      nextAttemptAt: delivery.status === 'PENDING' ? delivery.nextAttemptAt : null,
      createdAt: delivery.createdAt,
    })),
  }
}

function leadNameOf(payload: Prisma.JsonValue): string {
  const lead = typeof payload === 'object' && payload && !Array.isArray(payload) ? payload.lead : null
  return typeof lead === 'object' && lead && !Array.isArray(lead) && typeof lead.name === 'string' ? lead.name : ''
}

/**
 * Sets the company's webhook URL (checked against the policy again here: the domain does not trust the
 * form). A new webhook gets a secret, returned this once; changing the URL keeps the secret.
 */
export async function saveWebhook(companyId: string, userId: string, url: string, policy = webhookPolicy()): Promise<{ secret: string | null }> {
  const problem = webhookUrlProblem(url, policy)
  if (problem) throw new DomainError('webhook-url', { status: 400, messageKey: `leads.webhook.errors.${problem}`, field: 'url' })
  const prisma = await getPrisma()
  const existing = await prisma.leadWebhook.findUnique({ where: { companyId }, select: { companyId: true } })
  const keepSecret = async () => {
    await prisma.leadWebhook.update({ where: { companyId }, data: { url, enabled: true } })
    return { secret: null }
  }
  if (existing) return keepSecret()
  const secret = newSecret()
  try {
    await prisma.leadWebhook.create({ data: { companyId, url, secretSealed: sealSecret(secret), createdById: userId } })
  } catch (error) {
    // A double submit: the other request created it (and showed its secret); this one sets the URL as a change would.
    if (isUniqueViolation(error)) return await keepSecret()
    throw error
  }
  return { secret }
}

export async function rotateWebhookSecret(companyId: string): Promise<{ secret: string }> {
  const prisma = await getPrisma()
  const secret = newSecret()
  const updated = await prisma.leadWebhook.updateMany({ where: { companyId }, data: { secretSealed: sealSecret(secret) } })
  if (updated.count === 0) throw new DomainError('not-found', { status: 404 })
  return { secret }
}

export async function setWebhookEnabled(companyId: string, enabled: boolean): Promise<void> {
  const prisma = await getPrisma()
  await prisma.leadWebhook.updateMany({ where: { companyId }, data: { enabled } })
}

export async function deleteWebhook(companyId: string): Promise<void> {
  const prisma = await getPrisma()
  await prisma.leadWebhook.deleteMany({ where: { companyId } })
}

export function leadPayload(session: { id: string; title: string }, lead: Lead, now: Date) {
  return {
    type: 'lead.updated' as const,
    sentFor: now.toISOString(),
    showcase: { id: session.id, title: session.title },
    lead: {
      id: lead.userId,
      name: lead.name,
      email: lead.email,
      companyName: lead.companyName,
      country: lead.country,
      score: lead.score,
      reasons: lead.reasons,
      liveSeconds: lead.liveSeconds,
      replaySeconds: lead.replaySeconds,
      productsOpened: lead.productsOpened,
      products: lead.productNames,
      chatMessages: lead.chatMessages,
      rfqs: lead.rfqs,
      meetings: lead.meetings,
      firstSeenAt: lead.firstSeenAt.toISOString(),
      lastSeenAt: lead.lastSeenAt.toISOString(),
    },
  }
}

/**
 * Records a delivery for each lead of the company's recent showcases that is new or whose score or
 * reasons changed since its last delivery. Idempotent: the key hashes the company, showcase, lead, the
 * score's fingerprint and the previous delivery's id, so a second sweep (or two at once) adds nothing,
 * while a score that goes back to an earlier value is still sent. Returns the new deliveries' ids.
 */
export async function sweepCompanyLeads(companyId: string, now: Date): Promise<string[]> {
  const prisma = await getPrisma()
  const hook = await prisma.leadWebhook.findUnique({ where: { companyId }, select: { enabled: true } })
  if (!hook?.enabled) return []
  const created: string[] = []
  for (const sessionId of await recentCompanyShowcases(companyId, now)) {
    const { session, leads } = await listSessionLeads({ sessionId, companyId }, { now })
    if (leads.length === 0) continue
    const previous = await prisma.leadWebhookDelivery.findMany({
      where: { companyId, sessionId, leadUserId: { in: leads.map((lead) => lead.userId) } },
      orderBy: { createdAt: 'desc' },
      select: { id: true, leadUserId: true, payload: true },
    })
    const latest = new Map<string, (typeof previous)[number]>()
    for (const row of previous) if (!latest.has(row.leadUserId)) latest.set(row.leadUserId, row)
    for (const lead of leads) {
      const fingerprint = scoreFingerprint(lead)
      const last = latest.get(lead.userId)
      // A cancelled delivery's payload has no fingerprint left, so a buyer who opted back in is sent again.
      if (last && fingerprintOf(last.payload) === fingerprint) continue
      const idempotencyKey = createHash('sha256')
        .update([companyId, sessionId, lead.userId, fingerprint, last?.id ?? ''].join('|'))
        .digest('hex')
      const payload = { ...leadPayload(session, lead, now), type: last ? ('lead.updated' as const) : ('lead.created' as const), fingerprint }
      const result = await prisma.leadWebhookDelivery.createMany({
        data: [
          {
            companyId,
            idempotencyKey,
            sessionId,
            leadUserId: lead.userId,
            score: lead.score,
            payload: payload,
            createdAt: now,
            nextAttemptAt: now,
          },
        ],
        skipDuplicates: true,
      })
      if (result.count === 1) {
        const row = await prisma.leadWebhookDelivery.findUniqueOrThrow({ where: { idempotencyKey }, select: { id: true } })
        created.push(row.id)
      }
    }
  }
  // On-site leads scanned at the company's fair booths (docs/fair-on-site.md), from the last 30 days.
  created.push(...(await sweepBoothLeads(companyId, now, new Date(now.getTime() - ON_SITE_SWEEP_DAYS * 24 * 60 * 60 * 1000))))
  return created
}

const ON_SITE_SWEEP_DAYS = 30

function fingerprintOf(payload: Prisma.JsonValue): string | null {
  return typeof payload === 'object' && payload && !Array.isArray(payload) && typeof payload.fingerprint === 'string' ? payload.fingerprint : null
}

export type PostResult = { status: number } | { error: string }

/** POSTs to the webhook URL, connecting only to addresses the policy allows (checked as the socket connects). */
export function postWebhook(url: string, headers: Record<string, string>, body: string, policy = webhookPolicy()): Promise<PostResult> {
  return new Promise((resolve) => {
    const target = new URL(url)
    const lookup = (
      hostname: string,
      options: { all?: boolean },
      callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
    ) => {
      dnsLookup(hostname, { all: true }, (error, addresses) => {
        if (error) {
          callback(error, [])
          return
        }
        const refused = addresses.find((entry) => !webhookAddressAllowed(entry.address, policy))
        if (refused || addresses.length === 0) {
          callback(Object.assign(new Error(`refused address for ${hostname}`), { code: 'EPRIVATE' }), [])
          return
        }
        if (options.all) {
          callback(null, addresses)
          return
        }
        const [first] = addresses as [LookupAddress]
        callback(null, first.address, first.family)
      })
    }
    const request = (target.protocol === 'https:' ? https : http).request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), 'User-Agent': 'Tradecast-Webhooks/1' },
        timeout: REQUEST_TIMEOUT_MS,
        lookup: lookup,
      },
      (response) => {
        // The answer's body is not needed: read and drop it so the socket is freed.
        response.resume()
        response.on('end', () => resolve({ status: response.statusCode ?? 0 }))
        response.on('error', (error) => resolve({ error: error.message }))
      },
    )
    request.on('timeout', () => request.destroy(new Error('timed out')))
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code === 'EPRIVATE' ? 'refused: private address' : error.message }))
    request.end(body)
  })
}

export type DeliveryOutcome = { state: 'delivered' | 'retry' | 'failed' | 'skipped' | 'cancelled'; nextAttemptAt?: Date; nextAttempt?: number }

/** Why a delivery was cancelled (LeadWebhookDelivery.lastError of a CANCELLED row). */
export const CANCELLED_OPTED_OUT = 'opted-out'
export const CANCELLED_NOT_A_LEAD = 'not-a-lead'

/**
 * What a cancelled delivery keeps of its payload: the lead's id (the buyer's own user id, already the row's
 * leadUserId) and the showcase; name, e-mail, company, country and activity are dropped. The fingerprint
 * goes too, so a buyer who opts back in is sent again by the next sweep (as a new delivery).
 */
function scrubbedPayload(payload: Prisma.JsonValue): Prisma.InputJsonValue {
  const record = typeof payload === 'object' && payload && !Array.isArray(payload) ? payload : {}
  const lead = typeof record.lead === 'object' && record.lead && !Array.isArray(record.lead) ? record.lead : {}
  return {
    type: typeof record.type === 'string' ? record.type : 'lead.updated',
    showcase: record.showcase ?? null,
    lead: { id: typeof lead.id === 'string' ? lead.id : null },
  }
}

/**
 * Cancels pending deliveries (never sent after this) and clears their personal fields: each row's own
 * payload is scrubbed. `where` narrows to one buyer, or one delivery.
 */
async function cancelPendingDeliveries(
  tx: Prisma.TransactionClient,
  where: { leadUserId: string; companyId?: string } | { id: string },
  reason: string,
): Promise<number> {
  const rows = await tx.leadWebhookDelivery.findMany({ where: { ...where, status: 'PENDING' }, select: { id: true, payload: true } })
  let cancelled = 0
  for (const row of rows) {
    const updated = await tx.leadWebhookDelivery.updateMany({
      where: { id: row.id, status: 'PENDING' },
      data: { status: 'CANCELLED', lastError: reason, nextAttemptAt: null, payload: scrubbedPayload(row.payload) },
    })
    cancelled += updated.count
  }
  return cancelled
}

/** On the buyer's opt-out of lead lists (app/domain/leads/opt-out.server.ts): none of their pending deliveries is sent. */
export async function cancelBuyerDeliveries(tx: Prisma.TransactionClient, leadUserId: string): Promise<number> {
  return cancelPendingDeliveries(tx, { leadUserId }, CANCELLED_OPTED_OUT)
}

/**
 * Whether the lead may still be sent to this company now: a buyer profile that has not opted out of lead
 * lists, and not a member of the company (the same rules as the lead list, read again before each attempt,
 * since a delivery may wait hours between retries). Returns the reason it may not, or null.
 */
async function deliveryBlocked(leadUserId: string, companyId: string): Promise<string | null> {
  const prisma = await getPrisma()
  const [profile, member] = await Promise.all([
    prisma.buyerProfile.findUnique({ where: { userId: leadUserId }, select: { leadListOptOut: true } }),
    prisma.exporterMember.findFirst({ where: { userId: leadUserId, companyId }, select: { id: true } }),
  ])
  if (profile?.leadListOptOut) return CANCELLED_OPTED_OUT
  if (!profile || member) return CANCELLED_NOT_A_LEAD
  return null
}

/**
 * One attempt at a delivery (the job's handler). Claims the attempt first (attempts n → n+1 only if still
 * n and pending), so two runners never send the same attempt; records the answer; on failure sets the
 * next attempt's time (exponential backoff) or FAILED after MAX_DELIVERY_ATTEMPTS. Receivers dedupe on
 * the Idempotency-Key header (a crash between their 2xx and our record resends once).
 */
export async function deliverLeadWebhook(
  deliveryId: string,
  { now, policy = webhookPolicy() }: { now: Date; policy?: WebhookUrlPolicy },
): Promise<DeliveryOutcome> {
  const prisma = await getPrisma()
  const delivery = await prisma.leadWebhookDelivery.findUnique({
    where: { id: deliveryId },
    select: {
      id: true,
      status: true,
      attempts: true,
      idempotencyKey: true,
      companyId: true,
      leadUserId: true,
      payload: true,
      nextAttemptAt: true,
      webhook: { select: { url: true, enabled: true, secretSealed: true } },
    },
  })
  if (delivery?.status !== 'PENDING' || !delivery.webhook.enabled) return { state: 'skipped' }
  if (delivery.nextAttemptAt && delivery.nextAttemptAt > now) return { state: 'skipped', nextAttemptAt: delivery.nextAttemptAt }
  // Read the buyer's choice again before every attempt: an opt-out since the sweep means nothing is sent.
  const blocked = await deliveryBlocked(delivery.leadUserId, delivery.companyId)
  if (blocked) {
    await prisma.$transaction((tx) => cancelPendingDeliveries(tx, { id: deliveryId }, blocked))
    return { state: 'cancelled' }
  }
  const attempt = delivery.attempts + 1
  // The claim also leases the row: a reconcile (another process booting) while this POST is in flight sees the
  // next attempt due only after the lease, by when the outcome below has replaced it.
  const claimed = await prisma.leadWebhookDelivery.updateMany({
    where: { id: deliveryId, status: 'PENDING', attempts: delivery.attempts },
    data: { attempts: attempt, lastAttemptAt: now, nextAttemptAt: new Date(now.getTime() + ATTEMPT_LEASE_MS) },
  })
  if (claimed.count === 0) return { state: 'skipped' }

  const { fingerprint: _fingerprint, ...payload } = delivery.payload as Record<string, unknown>
  const body = JSON.stringify({ id: delivery.id, ...payload })
  const timestamp = Math.floor(now.getTime() / 1000)
  let result: PostResult
  const problem = webhookUrlProblem(delivery.webhook.url, policy)
  if (problem) result = { error: `refused: ${problem}` }
  else {
    result = await postWebhook(
      delivery.webhook.url,
      {
        [SIGNATURE_HEADER]: signWebhookBody(openSecret(delivery.webhook.secretSealed), timestamp, body),
        [IDEMPOTENCY_HEADER]: delivery.idempotencyKey,
      },
      body,
      policy,
    )
  }
  if ('status' in result && result.status >= 200 && result.status < 300) {
    await prisma.leadWebhookDelivery.update({
      where: { id: deliveryId },
      data: { status: 'DELIVERED', deliveredAt: now, lastStatusCode: result.status, lastError: null, nextAttemptAt: null },
    })
    return { state: 'delivered' }
  }
  const lastError = ('status' in result ? `HTTP ${result.status}` : result.error).slice(0, ERROR_MAX)
  const lastStatusCode = 'status' in result ? result.status : null
  if (attempt >= MAX_DELIVERY_ATTEMPTS) {
    await prisma.leadWebhookDelivery.update({ where: { id: deliveryId }, data: { status: 'FAILED', lastError, lastStatusCode, nextAttemptAt: null } })
    return { state: 'failed' }
  }
  const nextAttemptAt = new Date(now.getTime() + deliveryRetryDelayMs(attempt))
  await prisma.leadWebhookDelivery.update({ where: { id: deliveryId }, data: { lastError, lastStatusCode, nextAttemptAt } })
  return { state: 'retry', nextAttemptAt, nextAttempt: attempt + 1 }
}

/** Pending deliveries and when each is due (the jobs' boot-time reconcile). */
export async function pendingDeliveries(): Promise<Array<{ id: string; attempts: number; runAt: Date }>> {
  const prisma = await getPrisma()
  const rows = await prisma.leadWebhookDelivery.findMany({
    where: { status: 'PENDING', webhook: { enabled: true } },
    select: { id: true, attempts: true, nextAttemptAt: true, createdAt: true },
    take: 10_000,
  })
  return rows.map((row) => ({ id: row.id, attempts: row.attempts, runAt: row.nextAttemptAt ?? row.createdAt }))
}

export async function enabledWebhookCompanies(): Promise<string[]> {
  const prisma = await getPrisma()
  return (await prisma.leadWebhook.findMany({ where: { enabled: true }, select: { companyId: true } })).map((row) => row.companyId)
}
