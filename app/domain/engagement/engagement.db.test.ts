import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBuyer, createExporter } from '../../../tests/fixtures'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { isDomainError } from '~/domain/errors'
import { databaseJobStore, DatabaseJobRunner, reconcileJobs } from '~/domain/jobs/database-queue.server'
import type { JobDefinition } from '~/domain/jobs/jobs.server'
import { goLive } from '~/domain/live/lifecycle.server'
import { setFollowing } from './follows.server'
import { reminderInstant } from './reminder-timing'
import { deliverReminder, reminderJob, type ReminderJobData } from './reminders.server'
import {
  confirmGuestRsvp,
  isReminderMailOff,
  readGuestRsvp,
  requestGuestRsvp,
  resubscribeGuest,
  resubscribeReminderMail,
  rsvpCalendarFile,
  setAccountRsvp,
} from './rsvps.server'
import { signToken, verifyToken } from './tokens.server'
import { readUnsubscribe, unsubscribe } from './unsubscribe.server'

const MINUTE = 60_000
const APP = 'https://tradecast.test'
/** The reminder job as the runners take their definitions. */
const REMINDER_DEFINITIONS = [reminderJob as unknown as JobDefinition<unknown>]

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

async function showcase(start: Date, overrides: { title?: string } = {}) {
  const prisma = await getPrisma()
  const exporter = await createExporter({ companyName: `Seorak ${randomUUID().slice(0, 6)}` })
  const session = await prisma.liveSession.create({
    data: {
      title: overrides.title ?? 'Kimchi line tour',
      hostId: exporter.user.id,
      companyId: exporter.company.id,
      scheduledStartAt: start,
      scheduledEndAt: new Date(start.getTime() + 60 * MINUTE),
    },
  })
  return { session, exporter }
}

async function outbox(to: string) {
  const prisma = await getPrisma()
  return prisma.emailOutbox.findMany({ where: { to }, orderBy: { createdAt: 'asc' } })
}

function linkIn(text: string, path: string): string {
  const match = new RegExp(`${APP}/${path}/([A-Za-z0-9_.-]+)`).exec(text)
  if (!match?.[1]) throw new Error(`no /${path}/ link in: ${text}`)
  return match[1]
}

async function deliveries(sessionId: string) {
  const prisma = await getPrisma()
  const rows = await prisma.reminderDelivery.findMany({ where: { sessionId }, select: { kind: true, recipient: true } })
  return rows.map((row) => `${row.kind} ${row.recipient}`).sort()
}

const guestEmail = () => `guest-${randomUUID().slice(0, 8)}@example.test`

async function expectNotFound(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(isDomainError(error) && error.status === 404).toBe(true)
}

describe('signed tokens', () => {
  it('round-trip, and refuse anything altered, re-purposed or malformed', () => {
    const token = signToken({ p: 'unsub', e: 'a@example.test', s: '*' })
    expect(verifyToken(token, 'unsub')).toEqual({ p: 'unsub', e: 'a@example.test', s: '*' })
    const [body = '', sig = ''] = token.split('.')
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1)
    // Another address under the same signature.
    const forgedBody = Buffer.from(JSON.stringify({ p: 'unsub', e: 'b@example.test', s: '*' })).toString('base64url')
    for (const bad of [
      `${flip(body, 3)}.${sig}`,
      `${body}.${flip(sig, 5)}`,
      `${forgedBody}.${sig}`,
      `${body}.${sig.slice(0, -1)}`,
      body,
      '',
      'x'.repeat(5000),
      `${body}.${sig}.extra`,
      `${body}%00.${sig}`,
    ]) {
      expect(verifyToken(bad, 'unsub')).toBeNull()
    }
    // A valid token of another purpose does not pass as this one.
    expect(verifyToken(token, 'rsvp')).toBeNull()
    // Signed but not our payload shape (an attacker cannot sign, but a changed schema must not crash).
    expect(verifyToken(signToken({ p: 'rsvp', r: 'ck1', e: 'a@example.test' }), 'rsvp')).toEqual({ p: 'rsvp', r: 'ck1', e: 'a@example.test' })
  })
})

describe('guest RSVP: confirm by link, reminders in their language and zone, unsubscribe', () => {
  it('sends nothing but the confirmation before the link is used; confirmed, reminds once in Korean at Seoul time', async () => {
    const prisma = await getPrisma()
    const start = new Date('2031-03-10T09:00:00.000Z')
    const asked = new Date('2031-03-01T12:00:00.000Z')
    const { session } = await showcase(start, { title: 'Kimchi line tour' })
    const email = guestEmail()

    await requestGuestRsvp(session.id, { intent: 'rsvp-guest', email, locale: 'ko', timeZone: 'Asia/Seoul' }, { now: asked, appUrl: APP })
    // Asking again at once (or someone else typing this address) mails nothing more.
    await requestGuestRsvp(
      session.id,
      { intent: 'rsvp-guest', email, locale: 'ko', timeZone: 'Asia/Seoul' },
      { now: new Date(asked.getTime() + MINUTE), appUrl: APP },
    )
    const [confirmation, ...more] = await outbox(email)
    expect(more).toHaveLength(0)
    expect(confirmation?.subject).toBe('RSVP를 확인하세요: Kimchi line tour')
    // 09:00 UTC is 18:00 in Seoul.
    expect(confirmation?.text).toMatch(/오후 6:00/)
    const token = linkIn(confirmation?.text ?? '', 'rsvp')

    // Unconfirmed: the 24-hour reminder passes the guest by.
    const dayJob: ReminderJobData = { sessionId: session.id, kind: 'starts-24h', plannedStart: start.toISOString() }
    expect(await deliverReminder(dayJob, reminderInstant('starts-24h', start), { appUrl: APP })).toEqual({ sent: 0 })
    expect(await outbox(email)).toHaveLength(1)
    await prisma.reminderDelivery.deleteMany({ where: { sessionId: session.id } })

    // Hostile links: altered, re-purposed, another RSVP's id: all the same 404, nothing confirmed.
    const [body = '', sig = ''] = token.split('.')
    await expectNotFound(readGuestRsvp(`${body}.${sig.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`, 'en'))
    await expectNotFound(confirmGuestRsvp(signToken({ p: 'unsub', e: email, s: session.id }), asked))
    await expectNotFound(confirmGuestRsvp(signToken({ p: 'rsvp', r: 'cknotanrsvp0000000000000', e: email }), asked))
    await expectNotFound(confirmGuestRsvp(signToken({ p: 'rsvp', r: verifyToken(token, 'rsvp')?.r ?? '', e: 'someone-else@example.test' }), asked))
    expect(await prisma.showcaseRsvp.count({ where: { sessionId: session.id, confirmedAt: { not: null } } })).toBe(0)

    const view = await readGuestRsvp(token, 'en')
    expect(view).toMatchObject({ sessionId: session.id, confirmed: false, email, timeZone: 'Asia/Seoul' })
    await confirmGuestRsvp(token, new Date(asked.getTime() + 5 * MINUTE))
    await confirmGuestRsvp(token, new Date(asked.getTime() + 6 * MINUTE)) // twice is once
    expect((await readGuestRsvp(token, 'en')).confirmed).toBe(true)
    // Confirming scheduled both reminders, each at its exact instant.
    const jobs = await prisma.scheduledJob.findMany({
      where: { name: 'engagement.reminder', key: { startsWith: `${session.id}:` } },
      orderBy: { runAt: 'asc' },
    })
    expect(jobs.map((job) => [job.key, job.runAt.toISOString()])).toEqual([
      [`${session.id}:starts-24h`, '2031-03-09T09:00:00.000Z'],
      [`${session.id}:starts-10m`, '2031-03-10T08:50:00.000Z'],
    ])

    // The 24-hour reminder, twice (a retry): one mail, in Korean, at Seoul time, with both unsubscribe links.
    expect(await deliverReminder(dayJob, reminderInstant('starts-24h', start), { appUrl: APP })).toEqual({ sent: 1 })
    expect(await deliverReminder(dayJob, new Date(reminderInstant('starts-24h', start).getTime() + MINUTE), { appUrl: APP })).toEqual({ sent: 0 })
    const reminder = (await outbox(email))[1]
    expect(reminder?.subject).toBe('24시간 후: Kimchi line tour')
    expect(reminder?.text).toMatch(/오후 6:00/)
    expect(reminder?.text).toContain(`${APP}/live/${session.id}`)
    expect(reminder?.text).toContain('이 쇼케이스 알림 그만 받기')
    expect(reminder?.listUnsubscribe).toMatch(new RegExp(`^${APP}/unsubscribe/`))
    expect(await deliveries(session.id)).toEqual([`starts-24h email:${email}`])

    // The .ics of the RSVP is written for Seoul.
    const ics = await rsvpCalendarFile(session.id, { token }, { now: asked, appUrl: APP })
    expect(ics).toContain('DTSTART:20310310T090000Z')
    expect(ics).toContain('X-WR-TIMEZONE:Asia/Seoul')
    expect(ics).toMatch(/시작: .*오후 6:00/)
    await expectNotFound(rsvpCalendarFile('another-session-id', { token }, { now: asked, appUrl: APP }))

    // Unsubscribe from this show (no sign-in, the mail's link): the 10-minute reminder skips the guest.
    const showToken = linkIn(reminder?.text ?? '', 'unsubscribe')
    expect(await readUnsubscribe(showToken, 'en')).toEqual({ email, scope: 'show', showTitle: 'Kimchi line tour', done: false })
    await unsubscribe(showToken, asked)
    await unsubscribe(showToken, asked)
    expect((await readUnsubscribe(showToken, 'en')).done).toBe(true)
    await expectNotFound(unsubscribe(`${showToken}x`, asked))
    const tenJob: ReminderJobData = { sessionId: session.id, kind: 'starts-10m', plannedStart: start.toISOString() }
    expect(await deliverReminder(tenJob, reminderInstant('starts-10m', start), { appUrl: APP })).toEqual({ sent: 0 })
    expect(await outbox(email)).toHaveLength(2)
  })
})

describe('reminders to accounts: exactly once, moved and cancelled shows, restart', () => {
  it('a rescheduled show moves its reminders: the old job does nothing, the new one sends; a cancelled show sends none', async () => {
    const prisma = await getPrisma()
    const start = new Date('2031-04-10T09:00:00.000Z')
    const { session } = await showcase(start)
    const buyer = await createBuyer()
    await setAccountRsvp(buyer.user, session.id, true, new Date('2031-04-01T00:00:00.000Z'))
    const moved = new Date('2031-04-11T15:00:00.000Z')
    await prisma.liveSession.update({ where: { id: session.id }, data: { scheduledStartAt: moved, scheduledEndAt: new Date(moved.getTime() + 60 * MINUTE) } })
    const old: ReminderJobData = { sessionId: session.id, kind: 'starts-10m', plannedStart: start.toISOString() }
    expect(await deliverReminder(old, reminderInstant('starts-10m', start), { appUrl: APP })).toEqual({ sent: 0, skipped: 'stale' })
    const fresh: ReminderJobData = { sessionId: session.id, kind: 'starts-10m', plannedStart: moved.toISOString() }
    // Before its time it does nothing either.
    expect(await deliverReminder(fresh, new Date(reminderInstant('starts-10m', moved).getTime() - 1), { appUrl: APP })).toEqual({ sent: 0, skipped: 'not-due' })
    expect(await deliverReminder(fresh, reminderInstant('starts-10m', moved), { appUrl: APP })).toEqual({ sent: 1 })
    const notes = await prisma.notification.findMany({ where: { userId: buyer.user.id, kind: 'showcase.reminder10m' } })
    expect(notes).toHaveLength(1)
    expect(notes[0]?.link).toBe(`/live/${session.id}`)

    const other = await showcase(new Date('2031-04-12T09:00:00.000Z'))
    await setAccountRsvp(buyer.user, other.session.id, true, new Date('2031-04-01T00:00:00.000Z'))
    await prisma.liveSession.update({ where: { id: other.session.id }, data: { status: 'CANCELLED' } })
    const cancelled: ReminderJobData = { sessionId: other.session.id, kind: 'starts-24h', plannedStart: other.session.scheduledStartAt.toISOString() }
    expect(await deliverReminder(cancelled, reminderInstant('starts-24h', other.session.scheduledStartAt), { appUrl: APP })).toEqual({
      sent: 0,
      skipped: 'cancelled',
    })
    expect(await deliveries(other.session.id)).toEqual([])
  })

  it('two processes running the same job at once deliver once; after a restart with an empty queue, reconcile schedules only what is still due', async () => {
    const prisma = await getPrisma()
    const start = new Date('2031-05-10T09:00:00.000Z')
    const { session } = await showcase(start)
    const buyers = await Promise.all([createBuyer(), createBuyer(), createBuyer()])
    await prisma.user.update({ where: { id: buyers[0].user.id }, data: { timeZone: 'America/New_York', locale: 'ru' } })
    for (const buyer of buyers) await setAccountRsvp(buyer.user, session.id, true, new Date('2031-05-01T00:00:00.000Z'))
    const ours = (job: { data: unknown }) => (job.data as ReminderJobData).sessionId === session.id

    // Two "processes": two runners claim due jobs at the same instant, and the handler runs twice at once.
    const dayAt = reminderInstant('starts-24h', start)
    const [a, b] = [new DatabaseJobRunner({ definitions: REMINDER_DEFINITIONS }), new DatabaseJobRunner({ definitions: REMINDER_DEFINITIONS })]
    await Promise.all([a.runDue(dayAt), b.runDue(dayAt)])
    const dayJob: ReminderJobData = { sessionId: session.id, kind: 'starts-24h', plannedStart: start.toISOString() }
    const again = await Promise.all([deliverReminder(dayJob, dayAt, { appUrl: APP }), deliverReminder(dayJob, dayAt, { appUrl: APP })])
    expect(again).toEqual([{ sent: 0 }, { sent: 0 }])
    expect(await deliveries(session.id)).toEqual(buyers.map((buyer) => `starts-24h user:${buyer.user.id}`).sort())
    expect(await prisma.notification.count({ where: { userId: { in: buyers.map((b) => b.user.id) }, kind: 'showcase.reminder24h' } })).toBe(3)
    // Each account's mail in its language and zone: the Russian reader in New York reads 05:00.
    const ru = await outbox(buyers[0].user.email)
    expect(ru.filter((mail) => mail.subject.startsWith('Через 24 часа'))).toHaveLength(1)
    expect(ru.at(-1)?.text).toMatch(/5:00|05:00/)

    // Restart: the queue lost every job (Redis emptied, or a new database queue), 5 minutes after the 24-hour run.
    await prisma.scheduledJob.deleteMany({ where: { name: 'engagement.reminder', key: { startsWith: `${session.id}:` } } })
    const bootAt = new Date(dayAt.getTime() + 5 * MINUTE)
    const specs = (await reminderJob.reconcile!(bootAt)).filter(ours)
    // The 24-hour reminder was delivered: not again. The 10-minute one is still ahead, at its instant.
    expect(specs.map((spec) => [spec.data.kind, spec.runAt.toISOString()])).toEqual([['starts-10m', '2031-05-10T08:50:00.000Z']])
    await reconcileJobs(databaseJobStore, REMINDER_DEFINITIONS, bootAt)
    expect(await new DatabaseJobRunner({ definitions: REMINDER_DEFINITIONS }).runDue(bootAt)).toMatchObject({ failed: 0 })
    expect(await deliveries(session.id)).toHaveLength(3)
    // At 08:50 the 10-minute reminder goes to each once, even with a second reconcile (another process booting).
    const tenAt = reminderInstant('starts-10m', start)
    await reconcileJobs(databaseJobStore, REMINDER_DEFINITIONS, new Date(tenAt.getTime() - MINUTE))
    await Promise.all([a.runDue(tenAt), b.runDue(tenAt)])
    expect(await deliveries(session.id)).toEqual(
      [...buyers.map((buyer) => `starts-24h user:${buyer.user.id}`), ...buyers.map((buyer) => `starts-10m user:${buyer.user.id}`)].sort(),
    )
    expect(await prisma.notification.count({ where: { userId: { in: buyers.map((b) => b.user.id) }, kind: 'showcase.reminder10m' } })).toBe(3)
  })

  it('a reminder missed while the server was down is sent late once, if still worth it', async () => {
    const prisma = await getPrisma()
    const start = new Date('2031-06-10T09:00:00.000Z')
    const { session } = await showcase(start)
    const buyer = await createBuyer()
    await setAccountRsvp(buyer.user, session.id, true, new Date('2031-06-01T00:00:00.000Z'))
    await prisma.scheduledJob.deleteMany({ where: { name: 'engagement.reminder', key: { startsWith: `${session.id}:` } } })
    // Down from before 09:00 the day before until 09:40: the 24-hour reminder is due and unsent.
    const bootAt = new Date('2031-06-09T09:40:00.000Z')
    const specs = (await reminderJob.reconcile!(bootAt)).filter((spec) => spec.data.sessionId === session.id)
    expect(specs.map((spec) => [spec.data.kind, spec.runAt.toISOString()])).toEqual([
      ['starts-24h', '2031-06-09T09:40:00.000Z'],
      ['starts-10m', '2031-06-10T08:50:00.000Z'],
    ])
    await reconcileJobs(databaseJobStore, REMINDER_DEFINITIONS, bootAt)
    await new DatabaseJobRunner({ definitions: REMINDER_DEFINITIONS }).runDue(bootAt)
    expect(await deliveries(session.id)).toEqual([`starts-24h user:${buyer.user.id}`])
    // A second restart a minute later schedules the 24-hour reminder no more.
    const later = (await reminderJob.reconcile!(new Date(bootAt.getTime() + MINUTE))).filter((spec) => spec.data.sessionId === session.id)
    expect(later.map((spec) => spec.data.kind)).toEqual(['starts-10m'])
  })
})

describe('"now live" to RSVPs and followers', () => {
  it('going live tells followers and confirmed RSVPs once, in-app and by mail; an address unsubscribed from all gets in-app only', async () => {
    const prisma = await getPrisma()
    const start = new Date('2031-07-10T09:00:00.000Z')
    const { session, exporter } = await showcase(start)
    const follower = await createBuyer()
    const quiet = await createBuyer()
    await setFollowing(follower.user, 'exporter', exporter.company.id, true)
    await setFollowing(follower.user, 'exporter', exporter.company.id, true) // twice is one follow
    await setFollowing(quiet.user, 'exporter', exporter.company.id, true)
    await unsubscribe(signToken({ p: 'unsub', e: quiet.user.email, s: '*' }), start)
    const email = guestEmail()
    await requestGuestRsvp(
      session.id,
      { intent: 'rsvp-guest', email, locale: 'en', timeZone: 'Europe/Berlin' },
      { now: new Date('2031-07-01T00:00:00Z'), appUrl: APP },
    )
    await confirmGuestRsvp(linkIn((await outbox(email))[0]?.text ?? '', 'rsvp'), new Date('2031-07-01T00:01:00Z'))
    // An exporter account cannot follow.
    const error = await setFollowing(exporter.user, 'exporter', exporter.company.id, true).catch((e: unknown) => e)
    expect(isDomainError(error) && error.status).toBe(403)

    const wentLive = new Date('2031-07-10T09:02:00.000Z')
    await goLive(session.id, exporter.user.id, wentLive)
    await goLive(session.id, exporter.user.id, new Date(wentLive.getTime() + MINUTE)) // a resume: no second job
    const job = await prisma.scheduledJob.findUnique({ where: { name_key: { name: 'engagement.reminder', key: `${session.id}:now-live` } } })
    expect(job?.runAt.toISOString()).toBe(wentLive.toISOString())
    await Promise.all([
      new DatabaseJobRunner({ definitions: REMINDER_DEFINITIONS }).runDue(wentLive),
      new DatabaseJobRunner({ definitions: REMINDER_DEFINITIONS }).runDue(wentLive),
    ])
    const data: ReminderJobData = { sessionId: session.id, kind: 'now-live', plannedStart: wentLive.toISOString() }
    expect(await deliverReminder(data, new Date(wentLive.getTime() + 2 * MINUTE), { appUrl: APP })).toEqual({ sent: 0 })
    expect(await deliveries(session.id)).toEqual([`now-live email:${email}`, `now-live user:${follower.user.id}`, `now-live user:${quiet.user.id}`].sort())
    expect(await prisma.notification.count({ where: { userId: { in: [follower.user.id, quiet.user.id] }, kind: 'showcase.live' } })).toBe(2)
    expect((await outbox(follower.user.email)).map((mail) => mail.subject)).toEqual([expect.stringContaining('is live now')])
    expect(await outbox(quiet.user.email)).toEqual([])
    const guestMail = (await outbox(email)).at(-1)
    expect(guestMail?.subject).toBe('Kimchi line tour is live now')
    // Run by the queue, links use the app's own origin (APP_URL).
    expect(guestMail?.text).toMatch(new RegExp(`https?://[^/]+/live/${session.id}\n`))
    expect(guestMail?.text).toMatch(/\/unsubscribe\/[\w-]+\.[\w-]{43}/)
    // Too late: half an hour after going live, "now live" is not sent any more (a job delayed that long).
    await prisma.reminderDelivery.deleteMany({ where: { sessionId: session.id } })
    expect(await deliverReminder(data, new Date(wentLive.getTime() + 30 * MINUTE), { appUrl: APP })).toEqual({ sent: 0, skipped: 'not-due' })
  })
})

describe('an RSVP after an opt-out', () => {
  async function optOuts(email: string) {
    const prisma = await getPrisma()
    return (await prisma.reminderOptOut.findMany({ where: { email }, select: { scope: true } })).map((row) => row.scope).sort()
  }

  it('a guest confirming lifts the show’s opt-out; "stop all" stays until the confirmation page turns mail back on', async () => {
    const start = new Date('2031-08-10T09:00:00.000Z')
    const asked = new Date('2031-08-01T00:00:00.000Z')
    const { session } = await showcase(start)
    const email = guestEmail()
    // Earlier choices of this address: no reminders about this show, and no reminder mail at all.
    await unsubscribe(signToken({ p: 'unsub', e: email, s: session.id }), asked)
    await unsubscribe(signToken({ p: 'unsub', e: email, s: '*' }), asked)

    await requestGuestRsvp(session.id, { intent: 'rsvp-guest', email, locale: 'en', timeZone: 'Europe/Berlin' }, { now: asked, appUrl: APP })
    const token = linkIn((await outbox(email))[0]?.text ?? '', 'rsvp')
    // Not confirmed yet: the opt-outs stand (asking is not yet the address's own word).
    expect(await optOuts(email)).toEqual(['*', session.id].sort())
    await confirmGuestRsvp(token, new Date(asked.getTime() + MINUTE))
    expect(await optOuts(email)).toEqual(['*'])
    expect(await readGuestRsvp(token, 'en')).toMatchObject({ confirmed: true, reminderMailOff: true })
    const dayJob: ReminderJobData = { sessionId: session.id, kind: 'starts-24h', plannedStart: start.toISOString() }
    expect(await deliverReminder(dayJob, reminderInstant('starts-24h', start), { appUrl: APP })).toEqual({ sent: 0 })

    // Hostile: an unsubscribe token or an altered one cannot turn mail back on.
    await expectNotFound(resubscribeGuest(signToken({ p: 'unsub', e: email, s: '*' })))
    await expectNotFound(resubscribeGuest(`${token}x`))
    expect(await optOuts(email)).toEqual(['*'])

    await resubscribeGuest(token)
    await resubscribeGuest(token) // twice is once
    expect(await optOuts(email)).toEqual([])
    expect((await readGuestRsvp(token, 'en')).reminderMailOff).toBe(false)
    const tenJob: ReminderJobData = { sessionId: session.id, kind: 'starts-10m', plannedStart: start.toISOString() }
    expect(await deliverReminder(tenJob, reminderInstant('starts-10m', start), { appUrl: APP })).toEqual({ sent: 1 })
    expect((await outbox(email)).map((mail) => mail.subject)).toEqual([expect.stringContaining('Confirm your RSVP'), expect.stringContaining('10 minutes')])
  })

  it('an account RSVPing again lifts its show opt-out (in-app reminders return); "stop all" keeps mail off until it resubscribes', async () => {
    const prisma = await getPrisma()
    const start = new Date('2031-09-10T09:00:00.000Z')
    const now = new Date('2031-09-01T00:00:00.000Z')
    const { session } = await showcase(start)
    const buyer = await createBuyer()
    const email = buyer.user.email.toLowerCase()
    await unsubscribe(signToken({ p: 'unsub', e: email, s: session.id }), now)
    await unsubscribe(signToken({ p: 'unsub', e: email, s: '*' }), now)
    // Another show's opt-out is not this RSVP's business.
    await unsubscribe(signToken({ p: 'unsub', e: email, s: 'cksomeothershow000000000' }), now)

    expect(await setAccountRsvp(buyer.user, session.id, true, now)).toBe(true)
    expect(await optOuts(email)).toEqual(['*', 'cksomeothershow000000000'])
    expect(await isReminderMailOff(buyer.user.email)).toBe(true)
    // Reminded in-app (the show opt-out no longer suppresses it), not by mail.
    const dayJob: ReminderJobData = { sessionId: session.id, kind: 'starts-24h', plannedStart: start.toISOString() }
    expect(await deliverReminder(dayJob, reminderInstant('starts-24h', start), { appUrl: APP })).toEqual({ sent: 1 })
    expect(await deliveries(session.id)).toEqual([`starts-24h user:${buyer.user.id}`])
    expect(await prisma.notification.count({ where: { userId: buyer.user.id } })).toBe(1)
    expect(await outbox(buyer.user.email)).toEqual([])

    await resubscribeReminderMail(buyer.user.email)
    expect(await isReminderMailOff(buyer.user.email)).toBe(false)
    const tenJob: ReminderJobData = { sessionId: session.id, kind: 'starts-10m', plannedStart: start.toISOString() }
    expect(await deliverReminder(tenJob, reminderInstant('starts-10m', start), { appUrl: APP })).toEqual({ sent: 1 })
    expect(await outbox(buyer.user.email)).toHaveLength(1)
  })
})

describe('guest RSVPs sent at once: one confirmation mail', () => {
  const ask = (sessionId: string, email: string, now: Date) =>
    requestGuestRsvp(sessionId, { intent: 'rsvp-guest', email, locale: 'en', timeZone: 'Europe/Berlin' }, { now, appUrl: APP })

  it('a pending RSVP past the resend throttle, asked for five times at once, is mailed again once', async () => {
    const asked = new Date('2031-10-01T12:00:00.000Z')
    const { session } = await showcase(new Date('2031-10-10T09:00:00.000Z'))
    const email = guestEmail()
    await ask(session.id, email, asked)
    const later = new Date(asked.getTime() + 20 * MINUTE)
    const mailIds = await Promise.all(Array.from({ length: 5 }, () => ask(session.id, email, later)))
    expect(mailIds.filter(Boolean)).toHaveLength(1)
    expect(await outbox(email)).toHaveLength(2)
  })

  it('a new address submitted twice at once gets one RSVP and one mail, and both requests are answered', async () => {
    const prisma = await getPrisma()
    const asked = new Date('2031-10-01T12:00:00.000Z')
    const { session } = await showcase(new Date('2031-10-10T09:00:00.000Z'))
    const email = guestEmail()
    const mailIds = await Promise.all([ask(session.id, email, asked), ask(session.id, email, asked)])
    expect(mailIds.filter(Boolean)).toHaveLength(1)
    expect(await prisma.showcaseRsvp.count({ where: { sessionId: session.id, email } })).toBe(1)
    expect(await outbox(email)).toHaveLength(1)
  })
})
