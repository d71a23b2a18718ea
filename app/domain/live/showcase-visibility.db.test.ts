import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBuyer, createExporter, createUser } from '../../../tests/fixtures'
import { getRequest } from '../../../tests/http'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { getExporterDashboard } from '~/domain/exporters/dashboard.server'
import { loader as exporterPageLoader } from '~/routes/exporters/profile'
import { loader as watchLoader } from '~/routes/live/watch'

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

const HOUR = 3_600_000

async function showcases() {
  const prisma = await getPrisma()
  const exporter = await createExporter()
  const organizer = await createUser('ORGANIZER')
  const fair = await prisma.tradeFair.create({
    data: {
      slug: `fair-${Math.random().toString(36).slice(2, 10)}`,
      name: 'Expo',
      startsAt: new Date(),
      endsAt: new Date(Date.now() + 48 * HOUR),
      timeZone: 'Asia/Seoul',
      status: 'LIVE',
      organizerId: organizer.user.id,
    },
  })
  const make = (title: string, data: { isPublic?: boolean; fairId?: string; approvedAt?: Date }) =>
    prisma.liveSession.create({
      data: {
        title,
        description: `${title} — secret launch details`,
        hostId: exporter.user.id,
        companyId: exporter.company.id,
        scheduledStartAt: new Date(Date.now() + 2 * HOUR),
        scheduledEndAt: new Date(Date.now() + 3 * HOUR),
        ...data,
      },
    })
  return {
    exporter,
    open: await make('Open show', {}),
    closed: await make('Closed show', { isPublic: false }),
    proposed: await make('Proposed show', { fairId: fair.id }),
    approved: await make('Approved fair show', { fairId: fair.id, approvedAt: new Date() }),
  }
}

describe('showcase visibility', () => {
  it('the public exporter page lists only public showcases, and fair proposals once approved; the company dashboard still lists all', async () => {
    const { exporter } = await showcases()
    const page = (await exporterPageLoader({
      request: getRequest(`/exporters/${exporter.company.slug}`),
      params: { slug: exporter.company.slug },
    } as never)) as {
      profile: { showcases: Array<{ title: string }> }
    }
    expect(page.profile.showcases.map((s) => s.title).sort()).toEqual(['Approved fair show', 'Open show'])
    const dashboard = await getExporterDashboard(exporter.company.id, { now: new Date(), locale: 'en' })
    expect(dashboard.upcomingSessions.map((s) => s.title).sort()).toEqual(['Approved fair show', 'Closed show', 'Open show', 'Proposed show'])
  })

  it('/live/:id of a non-public showcase tells an anonymous visitor only to sign in (no title, description or host)', async () => {
    const { closed, open } = await showcases()
    const watch = async (id: string, cookies: string[] = []) =>
      ((await watchLoader({ request: getRequest(`/live/${id}`, cookies), params: { sessionId: id } } as never)) as { session: Record<string, unknown> }).session
    const anonymous = await watch(closed.id)
    expect(anonymous).toEqual({ id: closed.id, access: 'sign-in' })
    expect(JSON.stringify(anonymous)).not.toContain('secret')

    // A signed-in buyer may watch (the room's access rule) and gets the page as before.
    const buyer = await createBuyer()
    expect(await watch(closed.id, [buyer.cookie])).toMatchObject({ access: 'watch', title: 'Closed show', description: 'Closed show — secret launch details' })
    // Public showcases stay open to everyone.
    expect(await watch(open.id)).toMatchObject({ access: 'watch', description: 'Open show — secret launch details' })
  })
})
