import type { SessionUser } from '~/domain/accounts/session.server'
import { pickLocalized } from '~/domain/catalog/translations'
import { getPrisma, isUniqueViolation } from '~/domain/db.server'
import { DomainError } from '~/domain/errors'
import { LISTED_SHOWCASE } from '~/domain/live/upcoming.server'
import { showcaseIcs } from '~/domain/live/calendar.server'
import { deliverQueuedEmails, queueEmail } from '~/domain/notifications/email.server'
import { createI18n, isSupportedLocale, type Locale } from '~/lib/i18n'
import { RECORD_ID_PATTERN } from '~/lib/record-id'
import { formatDateTime, isValidTimeZone } from '~/lib/time'
import { scheduleShowReminders } from './reminders.server'
import type { GuestRsvpInput } from './schemas'
import { signToken, verifyToken } from './tokens.server'

// RSVPs to showcases. An account answers in one click (and withdraws the same way); a guest gives an
// e-mail address and confirms by a signed link mailed to it: until then the RSVP gets nothing else (no
// reminders), so nobody can sign someone else up for mail beyond that one confirmation.

/** A guest asking again within this time gets no second confirmation mail (no mail-bombing an address). */
export const CONFIRMATION_RESEND_MS = 15 * 60_000

async function requireRsvpableShowcase(sessionId: string) {
  if (!RECORD_ID_PATTERN.test(sessionId)) throw new DomainError('not-found', { status: 404 })
  const prisma = await getPrisma()
  const session = await prisma.liveSession.findFirst({
    where: { AND: [LISTED_SHOWCASE, { id: sessionId }] },
    select: {
      id: true,
      status: true,
      title: true,
      titleI18n: true,
      scheduledStartAt: true,
      company: { select: { name: true, nameI18n: true, timeZone: true } },
      fair: { select: { timeZone: true } },
    },
  })
  if (!session) throw new DomainError('not-found', { status: 404 })
  // Only a show still to come takes answers (one that is live is simply watched).
  if (session.status !== 'SCHEDULED') throw new DomainError('rsvp-closed', { status: 409, messageKey: 'engagement.rsvp.closed' })
  return session
}

/** Whether this account has answered (for the button's state). */
export async function hasRsvped(userId: string | undefined, sessionId: string): Promise<boolean> {
  if (!userId || !RECORD_ID_PATTERN.test(sessionId)) return false
  const prisma = await getPrisma()
  return (await prisma.showcaseRsvp.count({ where: { sessionId, userId } })) > 0
}

/** The ids among `sessionIds` this account has answered (for the directory's and the programme's cards). */
export async function rsvpedSessionIds(userId: string | undefined, sessionIds: readonly string[]): Promise<Set<string>> {
  if (!userId || sessionIds.length === 0) return new Set()
  const prisma = await getPrisma()
  const rows = await prisma.showcaseRsvp.findMany({ where: { userId, sessionId: { in: [...sessionIds] } }, select: { sessionId: true } })
  return new Set(rows.map((row) => row.sessionId))
}

/**
 * An account's one-click RSVP (going = true) or its withdrawal; returns the new state. Answering again lifts
 * an earlier "stop reminders for this showcase" of the account's address (the new RSVP says the opposite).
 */
export async function setAccountRsvp(user: Pick<SessionUser, 'id' | 'email'>, sessionId: string, going: boolean, now: Date): Promise<boolean> {
  const prisma = await getPrisma()
  if (!going) {
    await prisma.showcaseRsvp.deleteMany({ where: { sessionId, userId: user.id } })
    return false
  }
  await requireRsvpableShowcase(sessionId)
  await prisma.$transaction([
    prisma.showcaseRsvp.createMany({ data: [{ sessionId, userId: user.id, confirmedAt: now }], skipDuplicates: true }),
    prisma.reminderOptOut.deleteMany({ where: { email: user.email.toLowerCase(), scope: sessionId } }),
  ])
  await scheduleShowReminders(sessionId, now)
  return true
}

/**
 * Whether this address chose "stop all reminder mail": an RSVP does not lift that by itself (it was a choice
 * about every show), so the RSVP's page says so and offers to turn reminder mail back on.
 */
export async function isReminderMailOff(email: string): Promise<boolean> {
  const prisma = await getPrisma()
  return (await prisma.reminderOptOut.count({ where: { email: email.toLowerCase(), scope: '*' } })) > 0
}

/** Turns reminder mail back on for this address (lifts its "stop all" opt-out; twice is once). */
export async function resubscribeReminderMail(email: string): Promise<void> {
  const prisma = await getPrisma()
  await prisma.reminderOptOut.deleteMany({ where: { email: email.toLowerCase(), scope: '*' } })
}

/** A guest's "turn reminder mail back on", from the page of their RSVP's confirmation link (the link proves the address). */
export async function resubscribeGuest(token: string): Promise<void> {
  const payload = verifyToken(token, 'rsvp')
  if (!payload) throw new DomainError('bad-link', { status: 404, messageKey: 'engagement.rsvp.badLink' })
  const prisma = await getPrisma()
  const rsvp = await prisma.showcaseRsvp.findFirst({ where: { id: payload.r, email: payload.e, userId: null }, select: { id: true } })
  if (!rsvp) throw new DomainError('bad-link', { status: 404, messageKey: 'engagement.rsvp.badLink' })
  await resubscribeReminderMail(payload.e)
}

function localeOf(value: string | undefined): Locale {
  return value && isSupportedLocale(value) ? value : 'en'
}

/**
 * A guest's RSVP: records it unconfirmed (with the page's language and zone) and mails the confirmation
 * link. The answer is the same whether the address was new, pending or already confirmed, so the form
 * tells nobody who has answered. Returns the queued mail id (none when nothing was sent).
 */
export async function requestGuestRsvp(sessionId: string, input: GuestRsvpInput, { now, appUrl }: { now: Date; appUrl: string }): Promise<string | null> {
  const session = await requireRsvpableShowcase(sessionId)
  const locale = localeOf(input.locale)
  const timeZone = input.timeZone && isValidTimeZone(input.timeZone) ? input.timeZone : null
  const prisma = await getPrisma()
  const mailId = await prisma
    .$transaction(async (tx) => {
      const existing = await tx.showcaseRsvp.findUnique({ where: { sessionId_email: { sessionId, email: input.email } } })
      if (existing?.confirmedAt) return null
      if (existing && now.getTime() - existing.createdAt.getTime() < CONFIRMATION_RESEND_MS) return null
      let rsvpId: string
      if (existing) {
        // Claimed on the instant read: of requests racing past the throttle together, one restarts it and mails.
        const claimed = await tx.showcaseRsvp.updateMany({
          where: { id: existing.id, createdAt: existing.createdAt, confirmedAt: null },
          data: { locale, timeZone, createdAt: now },
        })
        if (claimed.count !== 1) return null
        rsvpId = existing.id
      } else {
        rsvpId = (await tx.showcaseRsvp.create({ data: { sessionId, email: input.email, locale, timeZone, createdAt: now }, select: { id: true } })).id
      }
      const { t } = createI18n(locale)
      const zone = timeZone ?? session.fair?.timeZone ?? session.company.timeZone
      const values = {
        title: pickLocalized(session.title, session.titleI18n, locale),
        company: pickLocalized(session.company.name, session.company.nameI18n, locale),
        when: formatDateTime(session.scheduledStartAt, { locale, timeZone: zone, withZone: true }),
      }
      const url = `${appUrl}/rsvp/${signToken({ p: 'rsvp', r: rsvpId, e: input.email })}`
      return queueEmail(tx, {
        to: input.email,
        subject: t('engagement.mail.confirm.subject', values),
        text: [t('engagement.mail.confirm.body', values), '', url, '', t('engagement.mail.confirm.ignore')].join('\n'),
      })
    })
    .catch((error: unknown) => {
      // The same new address submitted twice at once: the other request created the RSVP and mails the link.
      if (isUniqueViolation(error)) return null
      throw error
    })
  if (mailId) await deliverQueuedEmails([mailId]).catch(() => undefined)
  return mailId
}

export type GuestRsvpView = {
  token: string
  sessionId: string
  title: string
  company: string
  startsAt: string
  status: string
  confirmed: boolean
  email: string
  timeZone: string
  /** The address chose "stop all reminder mail" (the page offers to turn it back on). */
  reminderMailOff: boolean
}

/** The RSVP a confirmation link names, or a 404 for a forged, altered or withdrawn one. */
export async function readGuestRsvp(token: string, locale: string): Promise<GuestRsvpView> {
  const payload = verifyToken(token, 'rsvp')
  if (!payload) throw new DomainError('bad-link', { status: 404, messageKey: 'engagement.rsvp.badLink' })
  const prisma = await getPrisma()
  const rsvp = await prisma.showcaseRsvp.findFirst({
    where: { id: payload.r, email: payload.e, userId: null },
    select: {
      confirmedAt: true,
      email: true,
      timeZone: true,
      session: {
        select: {
          id: true,
          status: true,
          title: true,
          titleI18n: true,
          scheduledStartAt: true,
          company: { select: { name: true, nameI18n: true, timeZone: true } },
        },
      },
    },
  })
  if (!rsvp) throw new DomainError('bad-link', { status: 404, messageKey: 'engagement.rsvp.badLink' })
  return {
    token,
    sessionId: rsvp.session.id,
    title: pickLocalized(rsvp.session.title, rsvp.session.titleI18n, locale),
    company: pickLocalized(rsvp.session.company.name, rsvp.session.company.nameI18n, locale),
    startsAt: rsvp.session.scheduledStartAt.toISOString(),
    status: rsvp.session.status,
    confirmed: rsvp.confirmedAt !== null,
    email: rsvp.email ?? payload.e,
    timeZone: rsvp.timeZone ?? rsvp.session.company.timeZone,
    reminderMailOff: await isReminderMailOff(payload.e),
  }
}

/** Confirms a guest's RSVP from its signed link (confirming twice is once) and schedules its reminders. */
export async function confirmGuestRsvp(token: string, now: Date): Promise<{ sessionId: string }> {
  const payload = verifyToken(token, 'rsvp')
  if (!payload) throw new DomainError('bad-link', { status: 404, messageKey: 'engagement.rsvp.badLink' })
  const prisma = await getPrisma()
  const rsvp = await prisma.showcaseRsvp.findFirst({
    where: { id: payload.r, email: payload.e, userId: null },
    select: { id: true, sessionId: true, session: { select: { status: true } } },
  })
  if (!rsvp) throw new DomainError('bad-link', { status: 404, messageKey: 'engagement.rsvp.badLink' })
  if (rsvp.session.status === 'CANCELLED' || rsvp.session.status === 'ENDED') {
    throw new DomainError('rsvp-closed', { status: 409, messageKey: 'engagement.rsvp.closed' })
  }
  // Confirming lifts an earlier "stop reminders for this showcase" of the address: the RSVP says the opposite.
  await prisma.$transaction([
    prisma.showcaseRsvp.updateMany({ where: { id: rsvp.id, confirmedAt: null }, data: { confirmedAt: now } }),
    prisma.reminderOptOut.deleteMany({ where: { email: payload.e.toLowerCase(), scope: rsvp.sessionId } }),
  ])
  await scheduleShowReminders(rsvp.sessionId, now)
  return { sessionId: rsvp.sessionId }
}

/**
 * The .ics of an RSVP, in the RSVP's language and zone: a guest's (by their confirmation token) or the
 * signed-in account's. 404 without an RSVP, so the file tells nothing about shows one has not answered.
 */
export async function rsvpCalendarFile(
  sessionId: string,
  who: { token: string } | { user: Pick<SessionUser, 'id'> & { locale: string; timeZone: string | null } },
  { now, appUrl }: { now: Date; appUrl: string },
): Promise<string> {
  if (!RECORD_ID_PATTERN.test(sessionId)) throw new DomainError('not-found', { status: 404 })
  const prisma = await getPrisma()
  let where: { id: string; email: string; userId: null } | { sessionId: string; userId: string }
  if ('token' in who) {
    const payload = verifyToken(who.token, 'rsvp')
    if (!payload) throw new DomainError('not-found', { status: 404 })
    where = { id: payload.r, email: payload.e, userId: null }
  } else where = { sessionId, userId: who.user.id }
  const rsvp = await prisma.showcaseRsvp.findFirst({
    where,
    select: {
      locale: true,
      timeZone: true,
      session: {
        select: {
          id: true,
          status: true,
          title: true,
          titleI18n: true,
          description: true,
          language: true,
          scheduledStartAt: true,
          scheduledEndAt: true,
          company: { select: { name: true, nameI18n: true, timeZone: true } },
          fair: { select: { timeZone: true } },
        },
      },
    },
  })
  if (rsvp?.session.id !== sessionId || rsvp.session.status === 'CANCELLED') throw new DomainError('not-found', { status: 404 })
  const locale = 'token' in who ? rsvp.locale : who.user.locale
  const chosenZone = 'token' in who ? rsvp.timeZone : who.user.timeZone
  const timeZone = chosenZone && isValidTimeZone(chosenZone) ? chosenZone : (rsvp.session.fair?.timeZone ?? rsvp.session.company.timeZone)
  return showcaseIcs(rsvp.session, { now, appUrl, locale, timeZone })
}

/** The account's RSVPs to shows still to come or live, soonest first (the buyer area's "Following" page). */
export async function listUpcomingRsvps(userId: string, locale: string, now: Date) {
  const prisma = await getPrisma()
  const rows = await prisma.showcaseRsvp.findMany({
    where: { userId, session: { status: { in: ['SCHEDULED', 'LIVE'] }, scheduledEndAt: { gt: now } } },
    orderBy: { session: { scheduledStartAt: 'asc' } },
    take: 50,
    select: {
      session: {
        select: { id: true, title: true, titleI18n: true, status: true, scheduledStartAt: true, company: { select: { name: true, nameI18n: true } } },
      },
    },
  })
  return rows.map(({ session }) => ({
    id: session.id,
    title: pickLocalized(session.title, session.titleI18n, locale),
    company: pickLocalized(session.company.name, session.company.nameI18n, locale),
    status: session.status,
    startsAt: session.scheduledStartAt.toISOString(),
  }))
}
