import { randomUUID } from 'node:crypto'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { resetEnvCache } from '~/utils/env.server'
import { countFailedEmails, deliverEmail, deliverEmailJob, deliverQueuedEmails, MAX_EMAIL_ATTEMPTS, queueEmail } from './email.server'

// Mail delivery and its retries (docs/operations.md#mail) against a real SMTP server on loopback that
// this file starts: it accepts, defers (451) or refuses (550) as each case sets.

const T0 = new Date('2026-12-07T09:00:00.000Z')
const MIN = 60_000
const at = (ms: number) => new Date(T0.getTime() + ms)

type Reply = 'accept' | 'defer' | 'refuse'
let reply: Reply = 'accept'
/** While set, the server holds each message's data until it resolves (a send in flight); `held` says one is held. */
let holdData: { release: Promise<void>; held: () => void } | null = null
const received: Array<{ to: string; raw: string }> = []
let smtp: SMTPServer
let smtpUrl: string
let closedPortUrl: string
const previousSmtpUrl = process.env.SMTP_URL

function smtpError(code: number, message: string) {
  return Object.assign(new Error(message), { responseCode: code })
}

function readStream(stream: SMTPServerDataStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    stream.on('error', reject)
  })
}

function useSmtp(url: string) {
  process.env.SMTP_URL = url
  resetEnvCache()
}

beforeAll(async () => {
  await getPrisma()
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (reply === 'defer') callback(smtpError(451, 'Greylisted, try again later'))
      else if (reply === 'refuse') callback(smtpError(550, 'No such mailbox'))
      else callback()
    },
    onData(stream, session, callback) {
      const hold = holdData
      hold?.held()
      Promise.all([readStream(stream), hold?.release]).then(
        ([raw]) => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw })
          callback()
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      )
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`
  // A port nothing listens on: bound, then closed.
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  closedPortUrl = `smtp://127.0.0.1:${(probe.address() as AddressInfo).port}`
  await new Promise<void>((resolve) => probe.close(() => resolve()))
})

afterAll(async () => {
  if (previousSmtpUrl === undefined) delete process.env.SMTP_URL
  else process.env.SMTP_URL = previousSmtpUrl
  resetEnvCache()
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
  await disconnectPrisma()
})

beforeEach(() => {
  reply = 'accept'
  holdData = null
  useSmtp(smtpUrl)
})

async function queued(subject = `Quote ${randomUUID()}`) {
  const prisma = await getPrisma()
  const to = `buyer-${randomUUID().slice(0, 8)}@example.test`
  const id = await prisma.$transaction((tx) => queueEmail(tx, { to, subject, text: 'Your quote is ready.' }))
  return { id, to, subject }
}

const row = async (id: string) => (await getPrisma()).emailOutbox.findUniqueOrThrow({ where: { id } })
const mailsTo = (to: string) => received.filter((mail) => mail.to === to)

describe('mail delivery', () => {
  it('sends queued mail once over SMTP and records it', async () => {
    const mail = await queued()
    await deliverQueuedEmails([mail.id], T0)
    expect(mailsTo(mail.to)).toHaveLength(1)
    expect(mailsTo(mail.to)[0]?.raw).toContain(`Subject: ${mail.subject}`)
    expect(await row(mail.id)).toMatchObject({ sentAt: T0, attempts: 1, error: null, failedAt: null, nextAttemptAt: null })
    // Delivered mail is not sent again by a late job or a second flush.
    await deliverQueuedEmails([mail.id], at(MIN))
    expect(await deliverEmail(mail.id, { now: at(2 * MIN) })).toEqual({ state: 'skipped' })
    expect(mailsTo(mail.to)).toHaveLength(1)
  })

  it('retries a deferral (451) after the backoff, as a job of its own, then delivers it once', async () => {
    const prisma = await getPrisma()
    const mail = await queued()
    reply = 'defer'
    await deliverQueuedEmails([mail.id], T0)
    expect(mailsTo(mail.to)).toHaveLength(0)
    const deferred = await row(mail.id)
    expect(deferred).toMatchObject({ sentAt: null, failedAt: null, attempts: 1, lastAttemptAt: T0, nextAttemptAt: at(MIN) })
    expect(deferred.error).toContain('451')
    const job = await prisma.scheduledJob.findUniqueOrThrow({ where: { name_key: { name: deliverEmailJob.name, key: `${mail.id}:2` } } })
    expect(job.runAt).toEqual(at(MIN))

    // Not before its time, even if asked.
    expect(await deliverEmail(mail.id, { now: at(MIN - 1) })).toEqual({ state: 'skipped' })
    reply = 'accept'
    await deliverEmailJob.run({ emailId: mail.id }, { now: at(MIN), key: job.key, attempt: 1 })
    expect(mailsTo(mail.to)).toHaveLength(1)
    expect(await row(mail.id)).toMatchObject({ sentAt: at(MIN), attempts: 2, error: null, nextAttemptAt: null })
  })

  it('gives up at once on a permanent refusal (550): no retry is scheduled, the failure is counted', async () => {
    const prisma = await getPrisma()
    const mail = await queued()
    const failedBefore = await countFailedEmails()
    reply = 'refuse'
    await deliverQueuedEmails([mail.id], T0)
    const refused = await row(mail.id)
    expect(refused).toMatchObject({ sentAt: null, failedAt: T0, attempts: 1, nextAttemptAt: null })
    expect(refused.error).toContain('550')
    expect(await prisma.scheduledJob.count({ where: { name: deliverEmailJob.name, key: { startsWith: mail.id } } })).toBe(0)
    expect(await countFailedEmails()).toBe(failedBefore + 1)
    reply = 'accept'
    expect(await deliverEmail(mail.id, { now: at(60 * MIN) })).toEqual({ state: 'skipped' })
    expect(mailsTo(mail.to)).toHaveLength(0)
  })

  it('retries an unreachable server with doubling gaps capped at 4 hours, and gives up after the last attempt', async () => {
    const mail = await queued()
    useSmtp(closedPortUrl)
    let now = T0
    const gaps: number[] = []
    for (let attempt = 1; attempt < MAX_EMAIL_ATTEMPTS; attempt++) {
      const outcome = await deliverEmail(mail.id, { now })
      if (outcome.state !== 'retry') throw new Error(`attempt ${attempt}: ${outcome.state}`)
      expect(outcome.nextAttempt).toBe(attempt + 1)
      gaps.push((outcome.nextAttemptAt.getTime() - now.getTime()) / MIN)
      now = outcome.nextAttemptAt
    }
    expect(gaps).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 240])
    expect(await deliverEmail(mail.id, { now })).toEqual({ state: 'failed' })
    const given = await row(mail.id)
    expect(given).toMatchObject({ attempts: MAX_EMAIL_ATTEMPTS, failedAt: now, nextAttemptAt: null, sentAt: null })
    expect(given.error).toMatch(/ECONNREFUSED|connect/i)
  })

  it('sends one attempt once when two runners reach it together', async () => {
    const mail = await queued()
    const outcomes = await Promise.all([deliverEmail(mail.id, { now: T0 }), deliverEmail(mail.id, { now: T0 }), deliverEmail(mail.id, { now: T0 })])
    expect(outcomes.filter((o) => o.state === 'sent')).toHaveLength(1)
    expect(outcomes.filter((o) => o.state === 'skipped')).toHaveLength(2)
    expect(mailsTo(mail.to)).toHaveLength(1)
    expect((await row(mail.id)).attempts).toBe(1)
  })

  it('does not send again from a process booting while an attempt is in flight: the claim leases the row', async () => {
    const mail = await queued()
    let release = () => {}
    let held = () => {}
    const inFlight = new Promise<void>((resolve) => (held = resolve))
    holdData = { release: new Promise<void>((resolve) => (release = resolve)), held }
    const sending = deliverEmail(mail.id, { now: T0 })
    await inFlight
    // Another process boots now: its reconcile finds the row unsent, due only when the lease ends.
    const job = (await deliverEmailJob.reconcile!(at(MIN))).find((candidate) => candidate.data.emailId === mail.id)
    expect(job).toEqual({ key: `${mail.id}:2`, runAt: at(15 * MIN), data: { emailId: mail.id } })
    release()
    expect(await sending).toEqual({ state: 'sent' })
    // By the lease's end the outcome is recorded: that job finds nothing to send.
    expect(await deliverEmail(mail.id, { now: at(15 * MIN) })).toEqual({ state: 'skipped' })
    expect(mailsTo(mail.to)).toHaveLength(1)
  })

  it('finds at boot the mail a stopped process never attempted, and the retries it had scheduled', async () => {
    const never = await queued()
    const deferred = await queued()
    reply = 'defer'
    await deliverQueuedEmails([deferred.id], T0)
    const sent = await queued()
    reply = 'accept'
    await deliverQueuedEmails([sent.id], T0)
    const jobs = await deliverEmailJob.reconcile!(at(5 * MIN))
    const byId = new Map(jobs.map((job) => [job.data.emailId, job]))
    const neverRow = await row(never.id)
    expect(byId.get(never.id)).toEqual({ key: `${never.id}:1`, runAt: neverRow.createdAt, data: { emailId: never.id } })
    expect(byId.get(deferred.id)).toEqual({ key: `${deferred.id}:2`, runAt: at(MIN), data: { emailId: deferred.id } })
    expect(byId.has(sent.id)).toBe(false)
  })

  it('writes mail to the log instead when no SMTP server is configured, and counts it as sent', async () => {
    delete process.env.SMTP_URL
    resetEnvCache()
    const mail = await queued()
    await deliverQueuedEmails([mail.id], T0)
    expect(await row(mail.id)).toMatchObject({ sentAt: T0, attempts: 1, error: null })
    expect(mailsTo(mail.to)).toHaveLength(0)
  })
})
