import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBuyer, createExporter } from '../../../tests/fixtures'
import { agencyGrantingWorld, unique } from '../../../tests/agency-fixtures'
import { caught, formRequest, getRequest, mintCsrf } from '../../../tests/http'
import { action as sessionsAction, loader as sessionsLoader } from '~/routes/exporter/sessions'
import { loader as studioLoader } from '~/routes/studio/studio'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { isDomainError } from '~/domain/errors'
import { assertShowcaseManagement, loadSessionFacts, roomContextFor } from '~/domain/live/room-access.server'
import type { RoomIdentity } from '~/domain/live/room-identity'
import type { SessionUser } from '~/domain/accounts/session.server'
import { cancelBookingByExporter, requestBooking } from '~/domain/studio/bookings.server'
import { endLiveAsManager, goLive, goLiveAsManager } from '~/domain/live/lifecycle.server'
import { rotateIngestToken } from '~/domain/live/ingest.server'
import { addDestination, removeDestination, restreamFormSchema, setDestinationEnabled } from '~/domain/restream/destinations.server'
import { setShowcaseRecording } from '~/domain/replays/recordings.server'
import { revokeGrant } from './grants.server'
import { agencyActingFor, agencyAudit } from './actor.server'
import type { AgencyScopeName } from './scopes'

// The SHOWCASES scope (docs/export-agencies.md, ADR 026): an agency granted it manages the granting company's
// showcases (studio, going live, ingest, restream, recordings, studio bookings) and hosts their rooms; never the
// blocked words, never another company's showcases; a revoke counts on the very next check.

async function world(scopes: readonly AgencyScopeName[] = ['SHOWCASES']) {
  const prisma = await getPrisma()
  const { granting, agency, member, grantId } = await agencyGrantingWorld(scopes)
  const other = await createExporter({ companyName: `Other ${unique()}` })
  const showcase = (companyId: string, hostId: string) =>
    prisma.liveSession.create({
      data: {
        title: `Showcase ${unique()}`,
        hostId,
        companyId,
        scheduledStartAt: new Date('2030-03-04T01:00:00Z'),
        scheduledEndAt: new Date('2030-03-04T02:00:00Z'),
      },
    })
  const session = await showcase(granting.company.id, granting.user.id)
  const otherSession = await showcase(other.company.id, other.user.id)
  return { granting, other, agency, member, grantId, session, otherSession }
}

/** The agency member as the socket gateway sees them (no company of their own). */
const agent = (user: { id: string; name: string }): RoomIdentity => ({
  kind: 'user',
  userId: user.id,
  name: user.name,
  role: 'AGENCY',
  companyId: null,
  locale: 'en',
})

async function refusal(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run()
    return null
  } catch (error) {
    if (isDomainError(error)) return error.code
    throw error
  }
}

async function post(path: string, cookie: string, fields: Record<string, string>) {
  const csrf = await mintCsrf()
  return formRequest(path, { csrf: csrf.token, ...fields }, { cookies: [csrf.cookie, cookie] })
}

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

describe('assertShowcaseManagement for an agency member', () => {
  it('allows managing the granting company’s showcases with SHOWCASES, never its blocked words nor another company’s', async () => {
    const w = await world()
    expect(await refusal(() => assertShowcaseManagement(w.session.id, w.member.user.id, 'manage:showcase:own'))).toBeNull()
    expect(await refusal(() => assertShowcaseManagement(w.session.id, w.member.user.id, 'manage:blocked-words:own'))).toBe('forbidden')
    expect(await refusal(() => assertShowcaseManagement(w.otherSession.id, w.member.user.id, 'manage:showcase:own'))).toBe('forbidden')
    // In the room: a host (pins, broadcasts) and a moderator of the granting company's showcase only.
    const identity = agent(w.member.user)
    expect(roomContextFor(await loadSessionFacts(w.session.id), identity)).toMatchObject({ isHost: true, canModerate: true })
    expect(roomContextFor(await loadSessionFacts(w.otherSession.id), identity)).toMatchObject({ isHost: false, canModerate: false })
  })

  it('refuses an agency whose grant holds other scopes only', async () => {
    const w = await world(['CATALOGUE', 'RFQS_QUOTES', 'MEETINGS'])
    expect(await refusal(() => assertShowcaseManagement(w.session.id, w.member.user.id, 'manage:showcase:own'))).toBe('forbidden')
    const facts = await loadSessionFacts(w.session.id)
    expect(roomContextFor(facts, agent(w.member.user))).toMatchObject({ isHost: false, canModerate: false })
    const studio = await caught(() =>
      studioLoader({ request: getRequest(`/studio/${w.session.id}`, [w.member.cookie]), params: { sessionId: w.session.id } } as never),
    )
    expect(studio.status).toBe(403)
  })

  it('refuses at once after the owner revokes the grant, even the showcase the agency member hosts', async () => {
    const w = await world()
    const prisma = await getPrisma()
    await prisma.liveSession.update({ where: { id: w.session.id }, data: { hostId: w.member.user.id } })
    expect(await refusal(() => assertShowcaseManagement(w.session.id, w.member.user.id, 'manage:showcase:own'))).toBeNull()
    await revokeGrant(w.granting.user, w.granting.company.id, w.grantId)
    expect(await refusal(() => assertShowcaseManagement(w.session.id, w.member.user.id, 'manage:showcase:own'))).toBe('forbidden')
    expect(roomContextFor(await loadSessionFacts(w.session.id), agent(w.member.user))).toMatchObject({ isHost: false })
  })
})

describe('an agency member scheduling and running the granting company’s showcases', () => {
  it('schedules one on /exporter/sessions (hosted by the member, recorded as "agency X for company Y") and opens its studio until the revoke', async () => {
    const w = await world()
    const prisma = await getPrisma()
    const title = `Agency showcase ${unique()}`
    const scheduled = (await sessionsAction({
      request: await post('/exporter/sessions', w.member.cookie, {
        intent: 'schedule',
        title,
        startsAt: '2030-06-03T10:00',
        endsAt: '2030-06-03T11:00',
        language: 'en',
        isPublic: 'on',
      }),
      params: {},
    } as never)) as Response
    expect(scheduled.status).toBe(302)
    const created = await prisma.liveSession.findFirstOrThrow({ where: { title } })
    expect(scheduled.headers.get('Location')).toBe(`/studio/${created.id}`)
    expect(created).toMatchObject({ companyId: w.granting.company.id, hostId: w.member.user.id, kind: 'SHOWCASE' })
    const entry = await prisma.agencyAction.findFirstOrThrow({ where: { targetType: 'showcase', targetId: created.id } })
    expect(entry).toMatchObject({ agencyId: w.agency.id, companyId: w.granting.company.id, actorId: w.member.user.id, action: 'showcase.create' })

    // The list marks every showcase of the company manageable for the agency; no fair to propose to.
    const list = (await sessionsLoader({ request: getRequest('/exporter/sessions', [w.member.cookie]), params: {} } as never)) as {
      sessions: Array<{ id: string; manageable: boolean }>
      fairs: unknown[]
      showsLeads: boolean
    }
    expect(list.sessions.filter((s) => [created.id, w.session.id].includes(s.id)).map((s) => s.manageable)).toEqual([true, true])
    expect(list.sessions.map((s) => s.id)).not.toContain(w.otherSession.id)
    expect(list).toMatchObject({ fairs: [], showsLeads: false })

    const studio = (await studioLoader({
      request: getRequest(`/studio/${created.id}`, [w.member.cookie]),
      params: { sessionId: created.id },
    } as never)) as { session: { id: string }; canEditBlockedWords: boolean }
    expect(studio).toMatchObject({ session: { id: created.id }, canEditBlockedWords: false })
    const otherStudio = await caught(() =>
      studioLoader({ request: getRequest(`/studio/${w.otherSession.id}`, [w.member.cookie]), params: { sessionId: w.otherSession.id } } as never),
    )
    expect(otherStudio.status).toBe(403)
    // Not a company's or an agency's member: 403 before the id is looked up (an unknown id tells nothing).
    const buyer = await createBuyer()
    for (const sessionId of [created.id, 'no-such-showcase']) {
      const refused = await caught(() => studioLoader({ request: getRequest(`/studio/${sessionId}`, [buyer.cookie]), params: { sessionId } } as never))
      expect(refused.status).toBe(403)
    }

    await revokeGrant(w.granting.user, w.granting.company.id, w.grantId)
    const after = await caught(() =>
      studioLoader({ request: getRequest(`/studio/${created.id}`, [w.member.cookie]), params: { sessionId: created.id } } as never),
    )
    expect(after.status).toBe(403)
    const schedule = await caught(() => sessionsLoader({ request: getRequest('/exporter/sessions', [w.member.cookie]), params: {} } as never))
    expect(schedule).toMatchObject({ status: 302, location: '/agency' })
  })

  it('a fair proposal is refused to the agency (the booth is the company’s own business)', async () => {
    const w = await world()
    const refused = await caught(async () =>
      sessionsAction({
        request: await post('/exporter/sessions', w.member.cookie, {
          intent: 'schedule',
          title: 'Fair proposal',
          startsAt: '2030-06-03T10:00',
          endsAt: '2030-06-03T11:00',
          fairId: 'cfairfairfairfairfairfair',
        }),
        params: {},
      } as never),
    )
    expect(refused.status).toBe(403)
  })

  it('requests and cancels a hub studio booking, each recorded in the booking’s transaction', async () => {
    const w = await world()
    const prisma = await getPrisma()
    const weekday = { open: '09:00', close: '18:00' }
    const studio = await prisma.studio.create({
      data: { name: `Studio ${unique()}`, timeZone: 'Asia/Seoul', freeCancelHours: 24, openingHours: { '1': weekday, '2': weekday, '3': weekday } },
    })
    const set = await prisma.studioResource.create({ data: { studioId: studio.id, kind: 'SET', name: 'Set A' } })
    const now = new Date('2030-03-01T00:00:00Z')
    const acting = await agencyActingFor(w.member.user as unknown as SessionUser, w.granting.company.id, 'SHOWCASES')
    expect(acting).not.toBeNull()
    const input = {
      intent: 'request' as const,
      studioId: studio.id,
      sessionId: w.session.id,
      setId: set.id,
      day: '2030-03-04',
      start: '10:00',
      end: '11:00',
      crewNeeded: [],
      languages: ['en'],
      showing: 'Buckwheat noodles',
    }
    const { bookingId } = await requestBooking(w.member.user.id, input, now, {
      companyId: w.granting.company.id,
      audit: agencyAudit(acting, 'studioBooking.request', 'studio-booking', 'SHOWCASES', now),
    })
    await cancelBookingByExporter(w.member.user.id, bookingId, undefined, now, {
      companyId: w.granting.company.id,
      audit: agencyAudit(acting, 'studioBooking.cancel', 'studio-booking', 'SHOWCASES', now),
    })
    const entries = await prisma.agencyAction.findMany({ where: { targetType: 'studio-booking', targetId: bookingId }, orderBy: { action: 'desc' } })
    expect(entries.map((e) => [e.action, e.companyId, e.actorId])).toEqual([
      ['studioBooking.request', w.granting.company.id, w.member.user.id],
      ['studioBooking.cancel', w.granting.company.id, w.member.user.id],
    ])
    // Acting for one company, a showcase of another is refused before anything is written.
    expect(await refusal(() => requestBooking(w.member.user.id, { ...input, sessionId: w.otherSession.id }, now, { companyId: w.granting.company.id }))).toBe(
      'forbidden',
    )
  })
})

describe('what the agency does in the studio is recorded as "agency X for company Y"', () => {
  const at = (minute: number) => new Date(Date.UTC(2030, 2, 4, 1, minute))
  const actionsOn = async (targetIds: string[]) => {
    const prisma = await getPrisma()
    const rows = await prisma.agencyAction.findMany({ where: { targetId: { in: targetIds } }, orderBy: { createdAt: 'asc' } })
    return rows.map((row) => [row.action, row.targetType, row.agencyId, row.companyId, row.actorId])
  }

  it('records the recording switch, the ingest key, restream changes, going live and ending (the calls of the studio and of media:go-live / media:end)', async () => {
    const w = await world()
    const prisma = await getPrisma()
    const by = w.member.user.id
    await setShowcaseRecording(w.session.id, by, false, at(0))
    await setShowcaseRecording(w.session.id, by, true, at(1))
    await rotateIngestToken(w.session.id, by, at(2))
    const { id: destinationId } = await addDestination(
      w.session.id,
      by,
      restreamFormSchema().parse({ platform: 'YOUTUBE', streamKey: 'agency-key-AAAA' }),
      at(3),
    )
    await setDestinationEnabled(w.session.id, by, destinationId, false, at(4))
    await setDestinationEnabled(w.session.id, by, destinationId, true, at(5))
    await removeDestination(w.session.id, by, destinationId, at(6))
    expect(await goLiveAsManager(w.session.id, by, at(7))).toEqual({ status: 'LIVE', startedAt: at(7) })
    // A resume writes nothing, so nothing more is recorded.
    expect(await goLiveAsManager(w.session.id, by, at(8))).toEqual({ status: 'LIVE', startedAt: at(7) })
    expect(await endLiveAsManager(w.session.id, by, at(9))).toEqual({ status: 'ENDED', endedAt: at(9) })

    const session = await prisma.liveSession.findUniqueOrThrow({ where: { id: w.session.id } })
    expect(session).toMatchObject({ status: 'ENDED', hostId: by, recordingEnabled: true, startedAt: at(7), endedAt: at(9) })
    const ids = [w.agency.id, w.granting.company.id, by]
    expect(await actionsOn([w.session.id, destinationId])).toEqual([
      ['recording.off', 'showcase', ...ids],
      ['recording.on', 'showcase', ...ids],
      ['ingest.rotate', 'showcase', ...ids],
      ['restream.add', 'restream-destination', ...ids],
      ['restream.disable', 'restream-destination', ...ids],
      ['restream.enable', 'restream-destination', ...ids],
      ['restream.remove', 'restream-destination', ...ids],
      ['showcase.live', 'showcase', ...ids],
      ['showcase.end', 'showcase', ...ids],
    ])
  })

  it('after a revoke refuses going live and ending and writes nothing; a revoke between the check and the write rolls the write back', async () => {
    const w = await world()
    const prisma = await getPrisma()
    const by = w.member.user.id
    // Checked before the revoke: the audit hook re-reads the grant FOR SHARE in the write's transaction.
    const acting = await assertShowcaseManagement(w.session.id, by, 'manage:showcase:own')
    expect(acting).toMatchObject({ agency: { id: w.agency.id }, company: { id: w.granting.company.id }, user: { id: by } })
    await revokeGrant(w.granting.user, w.granting.company.id, w.grantId)

    expect(await refusal(() => goLiveAsManager(w.session.id, by, at(0)))).toBe('forbidden')
    expect(await refusal(() => endLiveAsManager(w.session.id, by, at(1)))).toBe('forbidden')
    expect(await refusal(() => setShowcaseRecording(w.session.id, by, false, at(2)))).toBe('forbidden')
    expect(await refusal(() => rotateIngestToken(w.session.id, by, at(3)))).toBe('forbidden')
    expect(await refusal(() => goLive(w.session.id, by, at(4), agencyAudit(acting, 'showcase.live', 'showcase', 'SHOWCASES', at(4))))).toBe('agency-no-grant')

    const session = await prisma.liveSession.findUniqueOrThrow({ where: { id: w.session.id } })
    expect(session).toMatchObject({ status: 'SCHEDULED', startedAt: null, endedAt: null, hostId: w.granting.user.id, recordingEnabled: true })
    expect(await prisma.showcaseIngest.count({ where: { sessionId: w.session.id } })).toBe(0)
    expect(await actionsOn([w.session.id])).toEqual([])
  })

  it('records nothing for the company’s own member going live and ending', async () => {
    const w = await world()
    const prisma = await getPrisma()
    expect(await assertShowcaseManagement(w.session.id, w.granting.user.id, 'manage:showcase:own')).toBeNull()
    await goLiveAsManager(w.session.id, w.granting.user.id, at(0))
    await endLiveAsManager(w.session.id, w.granting.user.id, at(1))
    expect(await prisma.liveSession.findUniqueOrThrow({ where: { id: w.session.id } })).toMatchObject({ status: 'ENDED', startedAt: at(0) })
    expect(await prisma.agencyAction.count({ where: { companyId: w.granting.company.id } })).toBe(0)
  })
})
