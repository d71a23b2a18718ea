import nodemailer, { type Transporter } from 'nodemailer'
import type { Prisma } from '~/generated/prisma/client'
import { getPrisma } from '~/domain/db.server'
import { getEnv } from '~/utils/env.server'
import { getLogger } from '~/utils/logger.server'
import { redactSecrets } from '~/utils/redact.server'

type Db = Prisma.TransactionClient

let transporter: Transporter | null | undefined

// SMTP when SMTP_URL is configured; otherwise mail is written to the log (and kept in the outbox).
function getTransporter(): Transporter | null {
  if (transporter !== undefined) return transporter
  const smtpUrl = getEnv().SMTP_URL
  transporter = smtpUrl ? nodemailer.createTransport(smtpUrl) : null
  return transporter
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

/**
 * Mail waiting for its delivery attempt (for the metrics). Normally empty within a second of the commit;
 * mail stays here only if its process stopped between commit and delivery.
 */
export async function countQueuedEmails(): Promise<number> {
  return (await getPrisma()).emailOutbox.count({ where: { sentAt: null, error: null } })
}

/**
 * Mail whose delivery failed (for the metrics). Nothing retries it, so this count only grows: alerts
 * watch its increase, not its level.
 */
export async function countFailedEmails(): Promise<number> {
  return (await getPrisma()).emailOutbox.count({ where: { sentAt: null, error: { not: null } } })
}

/** Sends queued mail once. A failure stays in the outbox with its error (counted as failed; not retried). */
export async function deliverQueuedEmails(ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return
  const prisma = await getPrisma()
  const rows = await prisma.emailOutbox.findMany({ where: { id: { in: [...ids] }, sentAt: null } })
  const transport = getTransporter()
  const from = getEnv().MAIL_FROM
  for (const row of rows) {
    try {
      const headers = row.listUnsubscribe
        ? { 'List-Unsubscribe': `<${row.listUnsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
        : undefined
      if (transport) await transport.sendMail({ from, to: row.to, subject: row.subject, text: row.text, ...(headers ? { headers } : {}) })
      // Links carry secrets (reset, invitation tokens): the log gets them redacted; the outbox keeps the mail.
      else getLogger().info({ mail: { to: row.to, subject: row.subject, text: redactSecrets(row.text) } }, 'email (no SMTP_URL configured: logged)')
      await prisma.emailOutbox.update({ where: { id: row.id }, data: { sentAt: new Date(), error: null } })
    } catch (error) {
      getLogger().error({ err: error, emailId: row.id }, 'email delivery failed')
      await prisma.emailOutbox.update({ where: { id: row.id }, data: { error: String(error).slice(0, 500) } })
    }
  }
}
