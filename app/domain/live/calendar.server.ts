import { DomainError } from '~/domain/errors'
import { pickLocalized } from '~/domain/catalog/translations'
import { getPrisma } from '~/domain/db.server'
import { showcaseEventIcs } from '~/domain/matchmaking/ics'
import { RECORD_ID_PATTERN } from '~/lib/record-id'
import { LISTED_SHOWCASE } from './upcoming.server'

/**
 * "Add to calendar" for a listed showcase (public, and approved when it is in a fair's programme):
 * anyone may download it. Anything else — private, a fair proposal not yet approved, a cancelled show,
 * an unknown id — is a 404, so the file tells nothing about showcases a visitor may not list.
 */
export async function showcaseCalendarFile(sessionId: string, { now, appUrl, locale }: { now: Date; appUrl: string; locale: string }) {
  // Not an id at all (a NUL byte would reach PostgreSQL as an error): the same 404.
  if (!RECORD_ID_PATTERN.test(sessionId)) throw new DomainError('not-found', { status: 404 })
  const prisma = await getPrisma()
  const session = await prisma.liveSession.findFirst({
    where: { AND: [LISTED_SHOWCASE, { id: sessionId, status: { not: 'CANCELLED' } }] },
    select: {
      id: true,
      title: true,
      titleI18n: true,
      description: true,
      language: true,
      scheduledStartAt: true,
      scheduledEndAt: true,
      company: { select: { name: true, nameI18n: true } },
    },
  })
  if (!session) throw new DomainError('not-found', { status: 404 })
  return showcaseIcs(session, { now, appUrl, locale })
}

type IcsShowcase = {
  id: string
  title: string
  titleI18n: unknown
  description: string
  language: string
  scheduledStartAt: Date
  scheduledEndAt: Date
  company: { name: string; nameI18n: unknown }
}

/** A showcase's calendar file in the reader's language (and, for an RSVP, the start written in their zone). */
export function showcaseIcs(session: IcsShowcase, { now, appUrl, locale, timeZone }: { now: Date; appUrl: string; locale: string; timeZone?: string }) {
  return showcaseEventIcs({
    sessionId: session.id,
    title: pickLocalized(session.title, session.titleI18n, locale),
    company: pickLocalized(session.company.name, session.company.nameI18n, locale),
    description: session.description,
    language: session.language,
    startsAt: session.scheduledStartAt,
    endsAt: session.scheduledEndAt,
    watchUrl: new URL(`/live/${session.id}`, appUrl).toString(),
    now,
    locale,
    ...(timeZone ? { timeZone } : {}),
  })
}
