import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLiveShowcase, createUser } from '../../tests/fixtures'
import { getPrisma } from '~/domain/db.server'
import { rotateStudioIngestKey } from '~/domain/studio/studio.server'
import type { IngestService } from './service'
import { mountWhip } from './whip-http'

// The studio's one ingest key over real HTTP (docs/studio-booking.md): at /whip/studio it opens the
// showcase of the approved booking on air, and outside every slot it is refused with its own reason (403
// no-studio-slot), not as a wrong token. Authorization comes before any media, so no media layer is needed:
// a request that passes it stops at the content type (415).

let server: Server
let base = ''

beforeAll(async () => {
  const app = express()
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- every request here stops before the service is used
  mountWhip(app, () => ({}) as IngestService)
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

type Slot = { sessionId: string; companyId: string; startsAt: Date; endsAt: Date }

async function studioWithKey(...slots: Slot[]) {
  const prisma = await getPrisma()
  const { user: operator } = await createUser('STUDIO_OPERATOR')
  const studio = await prisma.studio.create({ data: { name: `Studio ${Date.now()}`, timeZone: 'UTC', openingHours: {} } })
  for (const slot of slots) {
    await prisma.studioBooking.create({
      data: {
        studioId: studio.id,
        companyId: slot.companyId,
        sessionId: slot.sessionId,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        showing: 'Demo',
        status: 'APPROVED',
      },
    })
  }
  return rotateStudioIngestKey(operator.id, studio.id, new Date())
}

const post = (path: string, token: string, contentType = 'text/plain') =>
  fetch(`${base}/whip/${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType }, body: 'v=0' })

describe('the studio ingest key at the WHIP endpoint', () => {
  it('is refused outside every approved slot with a clear reason', async () => {
    const key = await studioWithKey()
    const response = await post('studio', key)
    expect(response.status).toBe(403)
    const body = (await response.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('no-studio-slot')
    expect(body.error.message).toMatch(/No approved booking of Studio \d+ is on air now/)
  })

  it('opens the booking’s showcase during its slot (lead-in included), at /whip/studio and at its own id only', async () => {
    const { exporter, session } = await createLiveShowcase('Studio show')
    const { session: other } = await createLiveShowcase('Another show')
    const now = Date.now()
    // Starts in 10 minutes: inside the 15-minute lead-in.
    const key = await studioWithKey({
      sessionId: session.id,
      companyId: exporter.company.id,
      startsAt: new Date(now + 10 * 60_000),
      endsAt: new Date(now + 70 * 60_000),
    })
    expect((await post('studio', key)).status).toBe(415)
    expect((await post(session.id, key)).status).toBe(415)
    expect((await post(other.id, key)).status).toBe(401)
    expect((await post('studio', 'not-a-key-at-all-but-long-enough-0123456789')).status).toBe(401)
  })

  it('with two approved bookings on air at once: 409 studio-slot-ambiguous at /whip/studio, each showcase at its own id', async () => {
    const first = await createLiveShowcase('Set A show')
    const second = await createLiveShowcase('Set B show')
    const now = Date.now()
    const key = await studioWithKey(
      { sessionId: first.session.id, companyId: first.exporter.company.id, startsAt: new Date(now - 10 * 60_000), endsAt: new Date(now + 50 * 60_000) },
      { sessionId: second.session.id, companyId: second.exporter.company.id, startsAt: new Date(now + 5 * 60_000), endsAt: new Date(now + 65 * 60_000) },
    )
    const response = await post('studio', key)
    expect(response.status).toBe(409)
    const body = (await response.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('studio-slot-ambiguous')
    expect(body.error.message).toMatch(/use the WHIP URL \/whip\/<showcase id>/)
    expect((await post(first.session.id, key)).status).toBe(415)
    expect((await post(second.session.id, key)).status).toBe(415)
  })
})
