import { randomUUID } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createBuyer, createExporter } from '../../../tests/fixtures'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import type { JobDefinition } from '~/domain/jobs/jobs.server'
import { RedisJobQueue } from '~/domain/jobs/redis-queue.server'
import { reminderJob, type ReminderJobData } from './reminders.server'
import { setAccountRsvp } from './rsvps.server'

// Two server processes sharing a Redis (BullMQ; TEST_REDIS_URL): both reconcile at boot and both schedule the
// same reminder, and each recipient gets it once. Two queues with their own connections stand for the two
// processes; the run uses the real clock (BullMQ's delay), so the show starts ten minutes and a moment from now.

const redisUrl = process.env.TEST_REDIS_URL
if (!redisUrl) console.info('app/domain/engagement/engagement-redis.db.test.ts skipped: set TEST_REDIS_URL to a Redis to run it')

const open: RedisJobQueue[] = []
beforeAll(async () => {
  await getPrisma()
})
afterEach(async () => {
  await Promise.all(open.splice(0).map((queue) => queue.close()))
})
afterAll(async () => {
  await disconnectPrisma()
})

describe.skipIf(!redisUrl)('showcase reminders on Redis', () => {
  it('two processes sharing Redis send the 10-minute reminder once to each recipient', async () => {
    const prisma = await getPrisma()
    const exporter = await createExporter()
    const start = new Date(Date.now() + 10 * 60_000 + 800)
    const session = await prisma.liveSession.create({
      data: {
        title: 'Redis show',
        hostId: exporter.user.id,
        companyId: exporter.company.id,
        scheduledStartAt: start,
        scheduledEndAt: new Date(start.getTime() + 3_600_000),
      },
    })
    const buyers = await Promise.all([createBuyer(), createBuyer()])
    for (const buyer of buyers) await setAccountRsvp(buyer.user, session.id, true, new Date())

    const prefix = `tc-test-${randomUUID().slice(0, 8)}`
    const [a, b] = [0, 1].map(() => {
      const queue = new RedisJobQueue({ url: redisUrl!, prefix, definitions: [reminderJob as unknown as JobDefinition<unknown>], onError: () => undefined })
      open.push(queue)
      return queue
    }) as [RedisJobQueue, RedisJobQueue]
    // Both boot (each reconciles from the database), then both schedule the same job (an RSVP on each).
    await Promise.all([a.start(), b.start()])
    const spec = {
      key: `${session.id}:starts-10m`,
      runAt: new Date(start.getTime() - 10 * 60_000),
      data: { sessionId: session.id, kind: 'starts-10m', plannedStart: start.toISOString() } satisfies ReminderJobData,
    }
    await Promise.all([a.schedule(reminderJob.name, spec, 5), b.schedule(reminderJob.name, spec, 5)])

    const delivered = () => prisma.reminderDelivery.count({ where: { sessionId: session.id, kind: 'starts-10m' } })
    await expect.poll(delivered, { timeout: 15_000, interval: 100 }).toBe(2)
    await new Promise((resolve) => setTimeout(resolve, 800))
    expect(await delivered()).toBe(2)
    expect(await prisma.notification.count({ where: { userId: { in: buyers.map((buyer) => buyer.user.id) }, kind: 'showcase.reminder10m' } })).toBe(2)
    for (const buyer of buyers)
      expect(await prisma.emailOutbox.count({ where: { to: buyer.user.email, subject: { endsWith: 'starts in 10 minutes' } } })).toBe(1)
  })
})
