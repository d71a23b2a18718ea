import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExporter, createUser } from '../../../tests/fixtures'
import { getRequest, postAction } from '../../../tests/http'
import { requireUser } from '~/domain/accounts/session.server'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { isDomainError } from '~/domain/errors'
import { proposeSession } from '~/domain/fairs/fairs.server'
import { loader as scheduleLoader, action as scheduleAction } from '~/routes/exporter/sessions'
import { action as registerAction } from '~/routes/fairs/register'
import { parseDirectoryFilters } from './directory'
import { getShowcaseDirectory } from './directory.server'

// One timing rule for every scheduled showcase (not in the past, 10 minutes to 8 hours), whichever form
// schedules it — the exporter's schedule form, with or without a fair, and the fair's own proposal form —
// and the language a show is spoken in, stored as chosen so the directory's language filter finds it.

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const unique = () => randomUUID().slice(0, 8)
/** Wall clock "YYYY-MM-DDTHH:mm" in UTC: the test exporter's account zone. */
const utcWallClock = (instant: Date) => instant.toISOString().slice(0, 16)
/** Wall clock in Seoul: the test fairs' zone, which the fair's own form is filled in. */
const seoulWallClock = (instant: Date) => instant.toLocaleString('sv-SE', { timeZone: 'Asia/Seoul' }).slice(0, 16).replace(' ', 'T')

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

/** An exporter with an approved booth and registration at an OPEN fair that runs from yesterday for a week. */
async function exhibitorAtRunningFair(companyLanguages: string[] = []) {
  const prisma = await getPrisma()
  const organizer = await createUser('ORGANIZER')
  const now = Date.now()
  const fair = await prisma.tradeFair.create({
    data: {
      slug: `rules-${unique()}`,
      name: `Rules Fair ${unique()}`,
      startsAt: new Date(now - DAY),
      endsAt: new Date(now + 7 * DAY),
      timeZone: 'Asia/Seoul',
      status: 'OPEN',
      organizerId: organizer.user.id,
    },
  })
  const exporter = await createExporter()
  const region = `Rules ${unique()}`
  await prisma.exporterCompany.update({ where: { id: exporter.company.id }, data: { region, languages: companyLanguages } })
  await prisma.booth.create({
    data: { fairId: fair.id, companyId: exporter.company.id, code: `R${unique().slice(0, 6).toUpperCase()}`, approvedAt: new Date() },
  })
  await prisma.fairRegistration.create({
    data: { fairId: fair.id, userId: exporter.user.id, kind: 'EXHIBITOR', companyId: exporter.company.id, status: 'APPROVED', decidedAt: new Date() },
  })
  return { fair, exporter, region }
}

const sessionsOf = async (companyId: string) =>
  (await getPrisma()).liveSession.findMany({ where: { companyId }, orderBy: { createdAt: 'asc' }, select: { id: true, language: true, fairId: true } })

const schedule = (cookie: string, fields: Record<string, string>) =>
  postAction(scheduleAction, '/exporter/sessions', [cookie], { intent: 'schedule', title: 'Rules showcase', isPublic: 'on', ...fields })

const propose = (cookie: string, slug: string, fields: Record<string, string>) =>
  postAction(
    registerAction,
    `/fairs/${slug}/register`,
    [cookie],
    { intent: 'propose', title: 'Fair proposal', description: '', language: 'en', ...fields },
    { slug },
  )

/** The field errors of an action's 400 answer. */
function refusal(answer: unknown) {
  const wrapped = answer as { init?: { status?: number }; data?: { result?: { error?: Record<string, string[]> } } }
  expect(wrapped.init?.status).toBe(400)
  return wrapped.data?.result?.error ?? {}
}

describe('showcase language', () => {
  it('preselects the company’s first showcase language, stores a Korean show as ko, and the directory’s ?language=ko finds it', async () => {
    const { fair, exporter, region } = await exhibitorAtRunningFair(['ko', 'en'])
    const form = (await scheduleLoader({ request: getRequest('/exporter/sessions', [exporter.cookie]), params: {} } as never)) as { defaultLanguage: string }
    expect(form.defaultLanguage).toBe('ko')

    const start = new Date(Date.now() + 2 * DAY)
    const times = { startsAt: utcWallClock(start), endsAt: utcWallClock(new Date(start.getTime() + HOUR)) }
    const independent = (await schedule(exporter.cookie, { ...times, language: 'ko', fairId: '' })) as Response
    expect(independent.headers.get('Location')).toMatch(/^\/studio\//)
    const [korean] = await sessionsOf(exporter.company.id)
    expect(korean).toMatchObject({ language: 'ko', fairId: null })
    // Into the fair's programme from the same form: the language travels with the proposal.
    expect(((await schedule(exporter.cookie, { ...times, language: 'ja', fairId: fair.id })) as Response).status).toBe(302)
    // The fair's own proposal form.
    const seoulStart = seoulWallClock(new Date(Date.now() + 3 * DAY))
    expect(((await propose(exporter.cookie, fair.slug, { preferredStart: seoulStart, durationMinutes: '30', language: 'zh' })) as Response).status).toBe(302)
    expect((await sessionsOf(exporter.company.id)).map((s) => [s.language, s.fairId])).toEqual([
      ['ko', null],
      ['ja', fair.id],
      ['zh', fair.id],
    ])

    const listed = async (query: string) => {
      const { filters, rejected } = parseDirectoryFilters(new URLSearchParams(query))
      expect(rejected).toEqual([])
      const directory = await getShowcaseDirectory({ now: new Date(), locale: 'en', filters })
      return [...directory.startingSoon, ...directory.upcoming].map((entry) => entry.id)
    }
    expect(await listed(`language=ko&region=${encodeURIComponent(region)}`)).toEqual([korean!.id])
    expect(await listed(`language=en&region=${encodeURIComponent(region)}`)).toEqual([])
  })

  it('refuses a language outside the list; nothing is created', async () => {
    const { exporter } = await exhibitorAtRunningFair()
    const start = new Date(Date.now() + 2 * DAY)
    const times = { startsAt: utcWallClock(start), endsAt: utcWallClock(new Date(start.getTime() + HOUR)), fairId: '' }
    for (const language of ['xx', 'KO', "ko' OR 1=1 --", 'k'.repeat(300)]) {
      expect(refusal(await schedule(exporter.cookie, { ...times, language })).language).toEqual(['errors.invalidChoice'])
    }
    expect(await sessionsOf(exporter.company.id)).toEqual([])
  })
})

describe('one timing rule for every scheduled showcase', () => {
  it('refuses a start in the past through the fair’s own form and the schedule form (with and without a fair)', async () => {
    const { fair, exporter } = await exhibitorAtRunningFair()
    const yesterdayNoon = new Date(Date.now() - 20 * HOUR) // inside the fair, which opened a day ago
    const pastFair = refusal(await propose(exporter.cookie, fair.slug, { preferredStart: seoulWallClock(yesterdayNoon), durationMinutes: '60' }))
    expect(pastFair.preferredStart).toEqual(['liveMedia.schedule.errors.past'])
    const times = { startsAt: utcWallClock(yesterdayNoon), endsAt: utcWallClock(new Date(yesterdayNoon.getTime() + HOUR)) }
    for (const fairId of ['', fair.id]) {
      expect(refusal(await schedule(exporter.cookie, { ...times, fairId })).startsAt).toEqual(['liveMedia.schedule.errors.past'])
    }
    expect(await sessionsOf(exporter.company.id)).toEqual([])
  })

  it('refuses a 1-minute and a 10-hour show through both forms and through the fair’s rule itself; 10 minutes and 8 hours pass', async () => {
    const { fair, exporter } = await exhibitorAtRunningFair()
    const start = new Date(Date.now() + 2 * DAY)
    const startsAt = utcWallClock(start)
    for (const minutes of [1, 600]) {
      const endsAt = utcWallClock(new Date(start.getTime() + minutes * MINUTE))
      for (const fairId of ['', fair.id]) {
        expect(refusal(await schedule(exporter.cookie, { startsAt, endsAt, fairId })).endsAt).toEqual(['liveMedia.schedule.errors.duration'])
      }
      // The fair's form answers from its schema first …
      const answer = refusal(await propose(exporter.cookie, fair.slug, { preferredStart: seoulWallClock(start), durationMinutes: String(minutes) }))
      expect(answer.durationMinutes).toEqual(['fairs.errors.duration'])
      // … and the rule holds without it (another caller of the domain, a forged input).
      const refused = await proposeSession(
        await requireUser(getRequest('/', [exporter.cookie])),
        fair.id,
        { intent: 'propose', title: 'Direct', description: '', language: 'en', preferredStart: seoulWallClock(start), durationMinutes: minutes },
        new Date(),
      ).catch((error: unknown) => error)
      expect(isDomainError(refused) && refused.code).toBe('showcase-duration')
    }
    expect(await sessionsOf(exporter.company.id)).toEqual([])

    for (const minutes of [10, 480]) {
      const endsAt = utcWallClock(new Date(start.getTime() + minutes * MINUTE))
      expect(((await schedule(exporter.cookie, { startsAt, endsAt, fairId: '' })) as Response).status).toBe(302)
      expect(((await schedule(exporter.cookie, { startsAt, endsAt, fairId: fair.id })) as Response).status).toBe(302)
    }
    expect(await sessionsOf(exporter.company.id)).toHaveLength(4)
  })
})
