import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExporter, createProduct, createUser } from '../../../tests/fixtures'
import { caught, getRequest, postAction } from '../../../tests/http'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { action as scheduleAction, loader as scheduleLoader } from '~/routes/exporter/sessions'
import { loader as calendarLoader } from '~/routes/live/calendar-ics'
import { action as manageAction } from '~/routes/organizer/fairs/fair'
import { loader as fairsIndexLoader } from '~/routes/fairs/index'
import { loader as publicFairLoader } from '~/routes/fairs/fair'
import { action as registerAction } from '~/routes/fairs/register'
import { getBoothPage, getPublicFair, listPublicFairs } from './public.server'

// The way in to a fair: the public index, the programme that leads to viewer pages and calendars, and
// an exporter scheduling a showcase into a fair from the schedule form (the fair's one proposal rule).

const HOUR = 3_600_000
const DAY = 24 * HOUR
const unique = () => randomUUID().slice(0, 8)

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

type FairStatus = 'DRAFT' | 'OPEN' | 'LIVE' | 'CLOSED'

async function makeFair(organizerId: string, startsAt: Date, endsAt: Date, status: FairStatus = 'OPEN', timeZone = 'Asia/Seoul') {
  const prisma = await getPrisma()
  return prisma.tradeFair.create({
    data: { slug: `disc-${unique()}`, name: `Discovery Fair ${unique()}`, startsAt, endsAt, timeZone, status, organizerId },
  })
}

async function approvedBooth(fairId: string, companyId: string, approvedAt: Date | null = new Date()) {
  const prisma = await getPrisma()
  return prisma.booth.create({ data: { fairId, companyId, code: `D${unique().slice(0, 6).toUpperCase()}`, approvedAt } })
}

type ShowOptions = { status?: 'SCHEDULED' | 'LIVE' | 'ENDED' | 'CANCELLED'; isPublic?: boolean; approved?: boolean; title?: string; description?: string }

async function makeShow(exporter: { user: { id: string }; company: { id: string } }, fairId: string | null, start: Date, options: ShowOptions = {}) {
  const prisma = await getPrisma()
  return prisma.liveSession.create({
    data: {
      title: options.title ?? `Show ${unique()}`,
      description: options.description ?? '',
      status: options.status ?? 'SCHEDULED',
      isPublic: options.isPublic ?? true,
      scheduledStartAt: start,
      scheduledEndAt: new Date(start.getTime() + HOUR),
      hostId: exporter.user.id,
      companyId: exporter.company.id,
      fairId,
      approvedAt: fairId && options.approved !== false ? new Date() : null,
      ...(options.status === 'LIVE' ? { startedAt: start } : {}),
    },
  })
}

const ids = (fairs: Array<{ id: string }>) => fairs.map((fair) => fair.id)
/** Wall clock "YYYY-MM-DDTHH:mm" of an instant in Seoul (the test fairs' zone). */
const seoulWallClock = (instant: Date) => instant.toLocaleString('sv-SE', { timeZone: 'Asia/Seoul' }).slice(0, 16).replace(' ', 'T')

describe('fairs index', () => {
  it('puts each fair in one bucket — current, upcoming, past — never lists a DRAFT, and counts what a visitor can see', async () => {
    // Decades ahead and later on every run: on a shared database this run's fairs are the newest of their buckets.
    const now = new Date(Date.now() + 80 * 365 * DAY)
    const organizer = await createUser('ORGANIZER')
    const running = await makeFair(organizer.user.id, new Date(now.getTime() - DAY), new Date(now.getTime() + 2 * DAY), 'LIVE')
    const openRunning = await makeFair(organizer.user.id, new Date(now.getTime() - HOUR), new Date(now.getTime() + DAY), 'OPEN')
    const soon = await makeFair(organizer.user.id, new Date(now.getTime() + 10 * DAY), new Date(now.getTime() + 12 * DAY), 'OPEN')
    const later = await makeFair(organizer.user.id, new Date(now.getTime() + 30 * DAY), new Date(now.getTime() + 31 * DAY), 'OPEN')
    const ended = await makeFair(organizer.user.id, new Date(now.getTime() - 5 * DAY), new Date(now.getTime() - DAY), 'LIVE')
    const closedEarly = await makeFair(organizer.user.id, new Date(now.getTime() - DAY), new Date(now.getTime() + DAY), 'CLOSED')
    const draftRunning = await makeFair(organizer.user.id, new Date(now.getTime() - DAY), new Date(now.getTime() + DAY), 'DRAFT')
    const draftUpcoming = await makeFair(organizer.user.id, new Date(now.getTime() + DAY), new Date(now.getTime() + 2 * DAY), 'DRAFT')

    // What the running fair's card counts: approved booths; listed programme shows; shows live now.
    const a = await createExporter()
    const b = await createExporter()
    const pending = await createExporter()
    await approvedBooth(running.id, a.company.id)
    await approvedBooth(running.id, b.company.id)
    await approvedBooth(running.id, pending.company.id, null)
    await makeShow(a, running.id, new Date(now.getTime() - 10 * 60_000), { status: 'LIVE' })
    await makeShow(b, running.id, new Date(now.getTime() + HOUR))
    await makeShow(b, running.id, new Date(now.getTime() + 2 * HOUR), { approved: false }) // proposal: not in the programme
    await makeShow(b, running.id, new Date(now.getTime() + 3 * HOUR), { isPublic: false }) // private: not listed
    await makeShow(b, running.id, new Date(now.getTime() + 4 * HOUR), { status: 'CANCELLED' })

    const { current, upcoming, past } = await listPublicFairs({ now, locale: 'en' })
    const all = [...ids(current), ...ids(upcoming), ...ids(past)]
    expect(ids(current)).toEqual(expect.arrayContaining([running.id, openRunning.id]))
    // Current: the one closing first comes first.
    expect(ids(current).indexOf(openRunning.id)).toBeLessThan(ids(current).indexOf(running.id))
    expect(ids(upcoming)).toEqual(expect.arrayContaining([soon.id, later.id]))
    expect(ids(upcoming).indexOf(soon.id)).toBeLessThan(ids(upcoming).indexOf(later.id))
    expect(ids(past)).toEqual(expect.arrayContaining([ended.id, closedEarly.id]))
    for (const fair of [running, openRunning, soon, later, ended, closedEarly]) expect(all.filter((id) => id === fair.id)).toHaveLength(1)
    expect(all).not.toContain(draftRunning.id)
    expect(all).not.toContain(draftUpcoming.id)

    const card = current.find((fair) => fair.id === running.id)!
    expect(card).toMatchObject({ slug: running.slug, status: 'LIVE', timeZone: 'Asia/Seoul', exhibitors: 2, showcases: 2, liveNow: 1 })
    expect(card.startsAt).toBe(running.startsAt.toISOString())
    expect(current.find((fair) => fair.id === openRunning.id)).toMatchObject({ exhibitors: 0, showcases: 0, liveNow: 0 })
  })

  it('the /fairs page answers anyone, signed in or not', async () => {
    const guest = await fairsIndexLoader({ request: getRequest('/fairs'), params: {} } as never)
    expect(Array.isArray(guest.current) && Array.isArray(guest.upcoming) && Array.isArray(guest.past)).toBe(true)
    const buyer = await createUser('BUYER')
    await expect(Promise.resolve(fairsIndexLoader({ request: getRequest('/fairs', [buyer.cookie]), params: {} } as never))).resolves.toHaveProperty('current')
  })
})

describe('fair page programme', () => {
  it('lists only listed shows, says what is live now, and each booth leads to its exporter’s live or next show', async () => {
    const now = new Date('2031-06-02T02:00:00Z')
    const organizer = await createUser('ORGANIZER')
    const fair = await makeFair(organizer.user.id, new Date(now.getTime() - DAY), new Date(now.getTime() + 3 * DAY), 'LIVE')
    const a = await createExporter({ companyName: 'Alpha Live' })
    const b = await createExporter({ companyName: 'Beta Next' })
    const c = await createExporter({ companyName: 'Gamma Quiet' })
    for (const exporter of [a, b, c]) await approvedBooth(fair.id, exporter.company.id)
    const aLater = await makeShow(a, fair.id, new Date(now.getTime() + 5 * HOUR))
    const aLive = await makeShow(a, fair.id, new Date(now.getTime() - 20 * 60_000), { status: 'LIVE' })
    const bPast = await makeShow(b, fair.id, new Date(now.getTime() - 5 * HOUR), { status: 'ENDED' })
    const bNext = await makeShow(b, fair.id, new Date(now.getTime() + 2 * HOUR))
    const cPrivate = await makeShow(c, fair.id, new Date(now.getTime() + HOUR), { isPublic: false })
    const cProposal = await makeShow(c, fair.id, new Date(now.getTime() + HOUR), { approved: false })

    const page = await getPublicFair(fair.slug, { now, locale: 'en', viewer: null })
    expect(page.programme.map((s) => s.id)).toEqual([bPast.id, aLive.id, bNext.id, aLater.id])
    expect(page.programme.map((s) => s.id)).not.toContain(cPrivate.id)
    expect(page.programme.map((s) => s.id)).not.toContain(cProposal.id)
    expect(page.liveNow.map((s) => s.id)).toEqual([aLive.id])
    const booths = new Map(page.halls.flatMap((hall) => hall.booths).map((booth) => [booth.companyName, booth.showcase]))
    expect(booths.get('Alpha Live')).toMatchObject({ id: aLive.id, live: true })
    expect(booths.get('Beta Next')).toMatchObject({ id: bNext.id, live: false, startsAt: bNext.scheduledStartAt.toISOString() })
    expect(booths.get('Gamma Quiet')).toBeNull()
    // The booth pages list the same shows: Gamma's private show and waiting proposal on neither.
    const gamma = await getBoothPage(fair.slug, page.halls.flatMap((hall) => hall.booths).find((booth) => booth.companyName === 'Gamma Quiet')!.code, {
      now,
      locale: 'en',
      viewer: null,
    })
    expect([...gamma.upcoming, ...gamma.past]).toEqual([])
    const alpha = await getBoothPage(fair.slug, page.halls.flatMap((hall) => hall.booths).find((booth) => booth.companyName === 'Alpha Live')!.code, {
      now,
      locale: 'en',
      viewer: null,
    })
    expect(alpha.upcoming.map((s) => s.id)).toEqual([aLive.id, aLater.id])
  })
})

describe('showcase calendar file (.ics)', () => {
  const ics = (sessionId: string, cookies: string[] = []) =>
    calendarLoader({ request: getRequest(`/live/${encodeURIComponent(sessionId)}/calendar.ics`, cookies), params: { sessionId } } as never)

  it('a listed show: title, company, the viewer page and UTC times, for a guest', async () => {
    const exporter = await createExporter({ companyName: 'Calendar Foods' })
    const start = new Date('2031-09-01T01:30:00Z')
    const show = await makeShow(exporter, null, start, { title: 'Buckwheat, live', description: 'Soba from Chuncheon' })
    const response = await ics(show.id)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toContain('text/calendar')
    expect(response.headers.get('Content-Disposition')).toContain(`tradecast-showcase-${show.id}.ics`)
    const text = (await response.text()).replace(/\r\n[ \t]/g, '') // unfold long lines
    expect(text).toContain('BEGIN:VCALENDAR')
    expect(text).toContain('METHOD:PUBLISH')
    expect(text).toContain(`UID:showcase-${show.id}@tradecast.app`)
    expect(text).toContain('DTSTART:20310901T013000Z')
    expect(text).toContain('DTEND:20310901T023000Z')
    expect(text).toContain('SUMMARY:Buckwheat\\, live — Calendar Foods')
    expect(text).toContain(`URL;VALUE=URI:http://localhost/live/${show.id}`)
    expect(text).toContain(
      `DESCRIPTION:Live showcase by Calendar Foods\\nLanguage spoken: English\\n\\nSoba from Chuncheon\\n\\nWatch it live: http://localhost/live/${show.id}`,
    )
    expect(text).not.toContain('ATTENDEE')

    // A guest whose browser asks for Korean downloads it described in Korean.
    const korean = getRequest(`/live/${show.id}/calendar.ics`)
    korean.headers.set('Accept-Language', 'ko-KR,ko;q=0.9')
    const koText = (await (await calendarLoader({ request: korean, params: { sessionId: show.id } } as never)).text()).replace(/\r\n[ \t]/g, '')
    expect(koText).toContain(
      `DESCRIPTION:Calendar Foods의 라이브 쇼케이스\\n진행 언어: 영어\\n\\nSoba from Chuncheon\\n\\n라이브로 시청하기: http://localhost/live/${show.id}`,
    )
  })

  it('an approved fair show has one; private, unapproved, cancelled, unknown and hostile ids are 404 — even to the host', async () => {
    const organizer = await createUser('ORGANIZER')
    const fair = await makeFair(organizer.user.id, new Date('2031-10-01T00:00:00Z'), new Date('2031-10-04T00:00:00Z'))
    const exporter = await createExporter()
    await approvedBooth(fair.id, exporter.company.id)
    const placed = await makeShow(exporter, fair.id, new Date('2031-10-02T01:00:00Z'))
    expect((await ics(placed.id)).status).toBe(200)
    const hidden = [
      await makeShow(exporter, null, new Date('2031-10-02T03:00:00Z'), { isPublic: false }),
      await makeShow(exporter, fair.id, new Date('2031-10-02T04:00:00Z'), { approved: false }),
      await makeShow(exporter, null, new Date('2031-10-02T05:00:00Z'), { status: 'CANCELLED' }),
    ]
    for (const show of hidden) {
      expect((await caught(() => ics(show.id))).status).toBe(404)
      expect((await caught(() => ics(show.id, [exporter.cookie]))).status).toBe(404)
    }
    for (const forged of ['c' + 'x'.repeat(24), '../../etc/passwd', 'a\u0000b', "' OR 1=1 --", 'x'.repeat(500)]) {
      expect((await caught(() => ics(forged))).status).toBe(404)
    }
  })
})

describe('scheduling a showcase into a fair', () => {
  /** Wall clock "YYYY-MM-DDTHH:mm" in UTC (the test exporter's zone). */
  const wallClock = (instant: Date) => instant.toISOString().slice(0, 16)
  const sessionsOf = async (companyId: string) => (await getPrisma()).liveSession.findMany({ where: { companyId }, orderBy: { createdAt: 'asc' } })

  async function setUp() {
    const organizer = await createUser('ORGANIZER')
    const now = Date.now()
    const fair = await makeFair(organizer.user.id, new Date(now + DAY), new Date(now + 4 * DAY), 'OPEN')
    const exporter = await createExporter()
    await approvedBooth(fair.id, exporter.company.id)
    return { organizer, fair, exporter, start: new Date(now + 2 * DAY) }
  }

  const schedule = (cookie: string, fields: Record<string, string>) =>
    postAction(scheduleAction, '/exporter/sessions', [cookie], { intent: 'schedule', title: 'Fair showcase', isPublic: 'on', ...fields })

  /** The field errors of an action's 400 answer (data({ result }, { status: 400 })). */
  async function refusal(answer: unknown) {
    const wrapped = answer as { init?: { status?: number }; data?: { result?: { error?: Record<string, string[]> } } }
    expect(wrapped.init?.status).toBe(400)
    return wrapped.data?.result?.error ?? {}
  }

  it('offers the fairs the company exhibits at, proposes into one (awaiting the organizer), and after approval it is in the programme', async () => {
    const { organizer, fair, exporter, start } = await setUp()
    const prisma = await getPrisma()
    const product = await createProduct(exporter.company.id)
    // The form offers this fair; not a fair where the booth is still pending, nor one that ended.
    const pendingFair = await makeFair(organizer.user.id, new Date(Date.now() + DAY), new Date(Date.now() + 3 * DAY))
    await approvedBooth(pendingFair.id, exporter.company.id, null)
    const endedFair = await makeFair(organizer.user.id, new Date(Date.now() - 3 * DAY), new Date(Date.now() - DAY))
    await approvedBooth(endedFair.id, exporter.company.id)
    const form = (await scheduleLoader({ request: getRequest('/exporter/sessions', [exporter.cookie]), params: {} } as never)) as {
      fairs: Array<{ id: string }>
    }
    expect(form.fairs.map((f) => f.id)).toEqual([fair.id])

    const answer = (await schedule(exporter.cookie, {
      fairId: fair.id,
      startsAt: wallClock(start),
      endsAt: wallClock(new Date(start.getTime() + HOUR)),
      productIds: product.id,
    })) as Response
    expect(answer.status).toBe(302)
    expect(answer.headers.get('Location')).toBe('/exporter/sessions#my-sessions')
    const [session] = await sessionsOf(exporter.company.id)
    expect(session).toMatchObject({ fairId: fair.id, approvedAt: null, isPublic: true, kind: 'SHOWCASE', status: 'SCHEDULED', hostId: exporter.user.id })
    expect(session!.scheduledStartAt.toISOString()).toBe(new Date(wallClock(start) + ':00Z').toISOString())
    expect(await prisma.liveSession.findUniqueOrThrow({ where: { id: session!.id }, select: { featuredProducts: { select: { productId: true } } } })).toEqual({
      featuredProducts: [{ productId: product.id }],
    })
    // Waiting: not in the public programme, no calendar file.
    const before = await getPublicFair(fair.slug, { now: new Date(), locale: 'en', viewer: null })
    expect(before.programme.map((s) => s.id)).not.toContain(session!.id)

    // The organizer approves it as today (places it), then it is in the programme and has a calendar file.
    const placed = (await postAction(
      manageAction,
      `/organizer/fairs/${fair.id}`,
      [organizer.cookie],
      {
        intent: 'place',
        sessionId: session!.id,
        startsAt: seoulWallClock(start),
        durationMinutes: '45',
      },
      { fairId: fair.id },
    )) as Response
    expect(placed.status).toBe(302)
    const page = (await publicFairLoader({ request: getRequest(`/fairs/${fair.slug}`), params: { slug: fair.slug } } as never)) as Awaited<
      ReturnType<typeof getPublicFair>
    >
    expect(page.programme.map((s) => s.id)).toContain(session!.id)
    expect((await calendarLoader({ request: getRequest(`/live/${session!.id}/calendar.ics`), params: { sessionId: session!.id } } as never)).status).toBe(200)
  })

  it('refuses a fair without an approved booth, a forged or hostile fair id, a draft, an ended fair, a time outside the fair and a private show; nothing is created', async () => {
    const { organizer, fair, exporter, start } = await setUp()
    const other = await createExporter()
    const otherFair = await makeFair(organizer.user.id, fair.startsAt, fair.endsAt)
    await approvedBooth(otherFair.id, other.company.id) // another company's booth, not ours
    const pendingFair = await makeFair(organizer.user.id, fair.startsAt, fair.endsAt)
    await approvedBooth(pendingFair.id, exporter.company.id, null)
    const draftFair = await makeFair(organizer.user.id, fair.startsAt, fair.endsAt, 'DRAFT')
    await approvedBooth(draftFair.id, exporter.company.id)
    const closedFair = await makeFair(organizer.user.id, fair.startsAt, fair.endsAt, 'CLOSED')
    await approvedBooth(closedFair.id, exporter.company.id)
    const inFair = { startsAt: wallClock(start), endsAt: wallClock(new Date(start.getTime() + HOUR)) }

    for (const fairId of [otherFair.id, pendingFair.id, draftFair.id, 'c' + 'z'.repeat(24)]) {
      expect((await refusal(await schedule(exporter.cookie, { fairId, ...inFair }))).fairId).toEqual(['fairs.errors.not-exhibitor'])
    }
    for (const fairId of ['../../etc/passwd', "' OR 1=1 --", 'a\u0000b', 'x'.repeat(41)]) {
      expect((await refusal(await schedule(exporter.cookie, { fairId, ...inFair }))).fairId).toEqual(['fairs.errors.not-exhibitor'])
    }
    expect((await refusal(await schedule(exporter.cookie, { fairId: closedFair.id, ...inFair }))).fairId).toEqual(['fairs.errors.fair-ended'])
    // Before the fair opens and running past its close.
    const before = new Date(fair.startsAt.getTime() - 2 * HOUR)
    const lateEnd = new Date(fair.endsAt.getTime() + HOUR)
    for (const [from, to] of [
      [before, new Date(before.getTime() + HOUR)],
      [new Date(fair.endsAt.getTime() - HOUR), lateEnd],
    ] as const) {
      const errors = await refusal(await schedule(exporter.cookie, { fairId: fair.id, startsAt: wallClock(from), endsAt: wallClock(to) }))
      expect(errors.startsAt).toEqual(['fairs.errors.outside-fair'])
    }
    // Straddling the whole three-day fair is first of all longer than any showcase may last.
    const straddling = await refusal(await schedule(exporter.cookie, { fairId: fair.id, startsAt: wallClock(before), endsAt: wallClock(lateEnd) }))
    expect(straddling.endsAt).toEqual(['liveMedia.schedule.errors.duration'])
    // The "public" box left unticked: the checkbox sends nothing.
    const privateAnswer = await postAction(scheduleAction, '/exporter/sessions', [exporter.cookie], {
      intent: 'schedule',
      title: 'Private',
      fairId: fair.id,
      ...inFair,
    })
    expect((await refusal(privateAnswer)).isPublic).toEqual(['fairs.errors.private-fair-showcase'])
    // A buyer or an organizer cannot use the form at all.
    const buyer = await createUser('BUYER')
    expect((await caught(() => schedule(buyer.cookie, { fairId: fair.id, ...inFair }))).status).toBe(403)
    expect(await sessionsOf(exporter.company.id)).toEqual([])

    // Without a fair the form schedules an independent showcase as before.
    const independent = (await schedule(exporter.cookie, { fairId: '', ...inFair })) as Response
    expect(independent.headers.get('Location')).toMatch(/^\/studio\//)
    expect((await sessionsOf(exporter.company.id)).map((s) => [s.fairId, s.approvedAt])).toEqual([[null, null]])
  })

  it('the fair’s own proposal form obeys the same rule: a time outside the fair is a form error', async () => {
    const { fair, exporter } = await setUp()
    const prisma = await getPrisma()
    await prisma.fairRegistration.create({
      data: { fairId: fair.id, userId: exporter.user.id, kind: 'EXHIBITOR', companyId: exporter.company.id, status: 'APPROVED', decidedAt: new Date() },
    })
    const propose = (preferredStart: string) =>
      postAction(
        registerAction,
        `/fairs/${fair.slug}/register`,
        [exporter.cookie],
        {
          intent: 'propose',
          title: 'Proposal',
          description: '',
          language: 'en',
          preferredStart,
          durationMinutes: '30',
        },
        { slug: fair.slug },
      )
    // Seoul wall clock (the fair's zone): two hours before it opens, then two hours after.
    const opening = seoulWallClock(new Date(fair.startsAt.getTime() - 2 * HOUR))
    expect((await refusal(await propose(opening))).preferredStart).toEqual(['fairs.errors.outside-fair'])
    expect(await sessionsOf(exporter.company.id)).toEqual([])
    const inside = seoulWallClock(new Date(fair.startsAt.getTime() + 2 * HOUR))
    expect(((await propose(inside)) as Response).status).toBe(302)
    expect((await sessionsOf(exporter.company.id)).map((s) => [s.fairId, s.approvedAt])).toEqual([[fair.id, null]])
  })
})
