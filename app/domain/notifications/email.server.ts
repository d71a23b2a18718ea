import nodemailer, { type Transporter } from 'nodemailer'
import { z } from 'zod'
import type { Prisma } from '~/generated/prisma/client'
import { getPrisma } from '~/domain/db.server'
import { defineJob, exponentialBackoffMs, scheduleJob } from '~/domain/jobs/jobs.server'
import { RECORD_ID_PATTERN } from '~/lib/record-id'
import { getEnv } from '~/utils/env.server'
import { getLogger } from '~/utils/logger.server'
import { redactSecrets } from '~/utils/redact.server'

type Db = Prisma.TransactionClient

// SMTP when SMTP_URL is configured; otherwise mail is written to the log (and kept in the outbox).
// One transport per URL (nodemailer pools nothing by default; the object only holds the options).
let transporter: { url: string; transport: Transporter } | undefined

function getTransporter(): Transporter | null {
  const smtpUrl = getEnv().SMTP_URL
  if (!smtpUrl) return null
  if (transporter?.url !== smtpUrl) transporter = { url: smtpUrl, transport: nodemailer.createTransport(smtpUrl) }
  return transporter.transport
}

export type OutgoingEmail = {
  to: string
  subject: string
  text: string
  /** Reminder mail: the signed unsubscribe URL, sent as List-Unsubscribe with one-click POST (RFC 8058) */
  listUnsubscribe?: string | undefined
}

/** Records the mail in the outbox inside the caller's transaction; delivery happens after commit. */
export async function queueEmail(db: Db, email: OutgoingEmail): Promise<string> {
  const row = await db.emailOutbox.create({
    data: { to: email.to, subject: email.subject, text: email.text, listUnsubscribe: email.listUnsubscribe ?? null },
    select: { id: true },
  })
  return row.id
}

// Delivery (docs/operations.md#mail): the request that queued the mail tries it once after its commit; a
// failure schedules the next attempt as a job (`email.deliver`, one per attempt) after a backoff of 1, 2,
// 4 … minutes capped at 4 hours, about eight hours in all: long enough to ride out a relay's outage or
// greylisting. A permanent refusal (SMTP 5xx: no such mailbox, policy) is not retried. Mail whose process
// stopped between the commit and the attempt is picked up by the job's boot-time reconcile.
export const MAX_EMAIL_ATTEMPTS = 10
const EMAIL_RETRY_BACKOFF = { baseMs: 60_000, capMs: 4 * 60 * 60 * 1000 }
const ERROR_MAX = 500
/** Longer than a send takes: nodemailer gives up on a connection after 2 min and on a silent socket after 10. */
const ATTEMPT_LEASE_MS = 15 * 60 * 1000

export type EmailDeliveryOutcome = { state: 'sent' } | { state: 'skipped' } | { state: 'retry'; nextAttemptAt: Date; nextAttempt: number } | { state: 'failed' }

/** Mail waiting for its first attempt or for a retry (for the metrics; normally 0 a second after the commit). */
export async function countQueuedEmails(): Promise<number> {
  return (await getPrisma()).emailOutbox.count({ where: { sentAt: null, failedAt: null } })
}

/** Mail given up on (for the metrics). It only grows: alerts watch its increase, not its level. */
export async function countFailedEmails(): Promise<number> {
  return (await getPrisma()).emailOutbox.count({ where: { sentAt: null, failedAt: { not: null } } })
}

/** A refusal the server means for good (RFC 5321 5yz replies); network errors and 4yz are worth retrying. */
function isPermanentRefusal(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'responseCode' in error ? error.responseCode : undefined
  return typeof code === 'number' && code >= 500 && code < 600
}

async function send(row: { to: string; subject: string; text: string; listUnsubscribe: string | null }): Promise<void> {
  const transport = getTransporter()
  if (!transport) {
    // Links carry secrets (reset, invitation tokens): the log gets them redacted; the outbox keeps the mail.
    getLogger().info({ mail: { to: row.to, subject: row.subject, text: redactSecrets(row.text) } }, 'email (no SMTP_URL configured: logged)')
    return
  }
  const headers = row.listUnsubscribe ? { 'List-Unsubscribe': `<${row.listUnsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : undefined
  await transport.sendMail({ from: getEnv().MAIL_FROM, to: row.to, subject: row.subject, text: row.text, ...(headers ? { headers } : {}) })
}

/**
 * One delivery attempt. It claims the attempt first (attempts n → n+1 only while still n and pending), so
 * two runners never send the same attempt; then records the answer: sent, the next attempt's time, or
 * given up. A crash between the server's acceptance and the record sends that mail once more.
 */
export async function deliverEmail(emailId: string, { now }: { now: Date }): Promise<EmailDeliveryOutcome> {
  const prisma = await getPrisma()
  const row = await prisma.emailOutbox.findUnique({ where: { id: emailId } })
  if (!row || row.sentAt || row.failedAt || (row.nextAttemptAt && row.nextAttemptAt > now)) return { state: 'skipped' }
  const attempt = row.attempts + 1
  // The claim also leases the row: a reconcile (another process booting) while this send is in flight sees
  // the next attempt due only after the lease, by when the outcome below has replaced it.
  const claimed = await prisma.emailOutbox.updateMany({
    where: { id: emailId, sentAt: null, failedAt: null, attempts: row.attempts },
    data: { attempts: attempt, lastAttemptAt: now, nextAttemptAt: new Date(now.getTime() + ATTEMPT_LEASE_MS) },
  })
  if (claimed.count === 0) return { state: 'skipped' }
  try {
    await send(row)
  } catch (error) {
    const message = String(error).slice(0, ERROR_MAX)
    if (isPermanentRefusal(error) || attempt >= MAX_EMAIL_ATTEMPTS) {
      getLogger().error({ err: error, emailId, attempt }, 'email delivery failed; given up')
      await prisma.emailOutbox.update({ where: { id: emailId }, data: { error: message, failedAt: now, nextAttemptAt: null } })
      return { state: 'failed' }
    }
    const nextAttemptAt = new Date(now.getTime() + exponentialBackoffMs(attempt, EMAIL_RETRY_BACKOFF))
    getLogger().warn({ err: error, emailId, attempt, nextAttemptAt }, 'email delivery failed; will retry')
    await prisma.emailOutbox.update({ where: { id: emailId }, data: { error: message, nextAttemptAt } })
    return { state: 'retry', nextAttemptAt, nextAttempt: attempt + 1 }
  }
  await prisma.emailOutbox.update({ where: { id: emailId }, data: { sentAt: now, error: null, nextAttemptAt: null } })
  return { state: 'sent' }
}

const DeliverData = z.object({ emailId: z.string().regex(RECORD_ID_PATTERN) })

export const deliverEmailJob = defineJob({
  name: 'email.deliver',
  data: DeliverData,
  // Retries are the handler's own (recorded on the row); the queue's run is one attempt.
  attempts: 1,
  run: async ({ emailId }, { now }) => {
    await attemptAndScheduleRetry(emailId, now)
  },
  reconcile: async () => {
    const rows = await (
      await getPrisma()
    ).emailOutbox.findMany({
      where: { sentAt: null, failedAt: null },
      select: { id: true, attempts: true, nextAttemptAt: true, createdAt: true },
      orderBy: { createdAt: 'asc' },
      take: 10_000,
    })
    return rows.map((row) => ({ key: `${row.id}:${row.attempts + 1}`, runAt: row.nextAttemptAt ?? row.createdAt, data: { emailId: row.id } }))
  },
})

async function attemptAndScheduleRetry(emailId: string, now: Date): Promise<void> {
  const outcome = await deliverEmail(emailId, { now })
  // One job per attempt (a job never replaces itself while it runs); reconcile uses the same keys.
  if (outcome.state === 'retry')
    await scheduleJob(deliverEmailJob, { key: `${emailId}:${outcome.nextAttempt}`, runAt: outcome.nextAttemptAt, data: { emailId } })
}

/** The first attempt at queued mail, after the commit that queued it; a failure is retried by the job. */
export async function deliverQueuedEmails(ids: readonly string[], now = new Date()): Promise<void> {
  for (const id of ids) await attemptAndScheduleRetry(id, now)
}
