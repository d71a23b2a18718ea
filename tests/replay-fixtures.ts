import { getPrisma } from '~/domain/db.server'
import { createBuyer, createExporter, createProduct } from './fixtures'

// A replay to test the replay page with: an ended public showcase of a new exporter, its READY recording
// in two parts with a gap, product pins (one product withdrawn since) and chat (one message removed).

// The show went live at T0; the recorder wrote a first part of 60 s, crashed, and a second part of 60 s
// started 90 s after T0 (30 s of the show are not in the replay).
export const T0 = new Date('2026-11-30T10:00:00.000Z')
export const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000)

export async function endedShowcase(options: { published?: boolean; isPublic?: boolean; hasPoster?: boolean; recording?: boolean } = {}) {
  const prisma = await getPrisma()
  const exporter = await createExporter({ companyName: 'Gangwon Noodles' })
  const [kelp, rice, withdrawn] = [
    await createProduct(exporter.company.id, { name: 'Kelp noodles' }),
    await createProduct(exporter.company.id, { name: 'Rice cakes' }),
    await createProduct(exporter.company.id, { name: 'Old syrup' }),
  ]
  const session = await prisma.liveSession.create({
    data: {
      title: 'Noodle week',
      description: 'Three noodles, one broth',
      status: 'ENDED',
      isPublic: options.isPublic ?? true,
      startedAt: T0,
      endedAt: at(150),
      hostId: exporter.user.id,
      companyId: exporter.company.id,
      scheduledStartAt: T0,
      scheduledEndAt: at(3600),
    },
  })
  if (options.recording !== false) {
    await prisma.recording.create({
      data: {
        sessionId: session.id,
        status: 'READY',
        published: options.published ?? true,
        startedAt: T0,
        finalizedAt: at(150),
        durationMs: 120_000,
        hasPoster: options.hasPoster ?? false,
        parts: {
          create: [
            { index: 0, startedAt: T0, endedAt: at(60), durationMs: 60_000 },
            { index: 1, startedAt: at(90), endedAt: at(150), durationMs: 60_000 },
          ],
        },
      },
    })
  }
  const pin = (productId: string, pinned: boolean, seconds: number) =>
    prisma.liveSessionEvent.create({
      data: {
        sessionId: session.id,
        kind: pinned ? 'PRODUCT_PINNED' : 'PRODUCT_UNPINNED',
        actorId: exporter.user.id,
        data: { productId },
        createdAt: at(seconds),
      },
    })
  await pin(kelp.id, true, 10) // → 0:10
  await pin(withdrawn.id, true, 20)
  await pin(rice.id, true, 75) // in the gap: starts with the second part → 1:00
  await pin(kelp.id, false, 100) // second part, 10 s in → 1:10
  // A moderation event is no chapter.
  await prisma.liveSessionEvent.create({
    data: { sessionId: session.id, kind: 'SLOW_MODE_CHANGED', actorId: exporter.user.id, data: { seconds: 5 }, createdAt: at(30) },
  })
  await prisma.product.update({ where: { id: withdrawn.id }, data: { status: 'ARCHIVED' } })

  const buyer = await createBuyer()
  const say = (body: string, seconds: number, author: { authorId?: string; guestKey?: string; guestName?: string }, removedAt?: Date) =>
    prisma.chatMessage.create({ data: { sessionId: session.id, body, createdAt: at(seconds), removedAt: removedAt ?? null, ...author } })
  await say('Before the start', -20, { authorId: buyer.user.id })
  await say('Welcome!', 5, { authorId: exporter.user.id })
  await say('spam spam', 30, { guestKey: 'g-spam', guestName: 'Spammer' }, at(31))
  await say('Is kelp gluten free?', 50, { guestKey: 'g-1', guestName: 'Mina' })
  await say('Price for 1000 packs?', 95, { authorId: buyer.user.id })
  return { exporter, buyer, session, products: { kelp, rice, withdrawn } }
}
