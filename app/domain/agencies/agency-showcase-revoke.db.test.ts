import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { agencyGrantingWorld, unique } from '../../../tests/agency-fixtures'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { type IdentityEvent, onIdentityEvent } from '~/domain/accounts/identity-events.server'
import { onIngestRevoked } from '~/domain/live/ingest-status.server'
import { resolveIngest, rotateIngestToken } from '~/domain/live/ingest.server'
import { addDestination, restreamFormSchema } from '~/domain/restream/destinations.server'
import { revokeGrant, updateGrantScopes } from './grants.server'
import { removeAgencyMember } from './admin.server'
import type { AgencyScopeName } from './scopes'

// Taking SHOWCASES away cuts off what the agency already holds (showcase-revoke.server.ts, ADR 026): the
// company's ingest keys, the restream destinations the agency added, its members' open connections.

const now = new Date('2030-03-04T00:00:00Z')

async function world(scopes: readonly AgencyScopeName[] = ['SHOWCASES', 'RFQS_QUOTES']) {
  const prisma = await getPrisma()
  const { granting, agency, member, grantId } = await agencyGrantingWorld(scopes)
  const { membership } = member
  const session = await prisma.liveSession.create({
    data: {
      title: `Showcase ${unique()}`,
      hostId: granting.user.id,
      companyId: granting.company.id,
      scheduledStartAt: new Date('2030-03-04T01:00:00Z'),
      scheduledEndAt: new Date('2030-03-04T02:00:00Z'),
    },
  })
  return { granting, agency, member, membership, grantId, session }
}

/** The agency member copies the ingest key and adds a restream destination (needs SHOWCASES at the time). */
async function equip(w: Awaited<ReturnType<typeof world>>) {
  const token = await rotateIngestToken(w.session.id, w.member.user.id, now)
  const { id: destinationId } = await addDestination(
    w.session.id,
    w.member.user.id,
    restreamFormSchema().parse({ platform: 'YOUTUBE', streamKey: `agency-key-${unique()}` }),
    now,
  )
  return { token, destinationId }
}

let identity: IdentityEvent[] = []
let revokedIngest: string[] = []
const stops: Array<() => void> = []

beforeAll(async () => {
  await getPrisma()
  stops.push(onIdentityEvent((event) => identity.push(event)))
  stops.push(onIngestRevoked((sessionId) => revokedIngest.push(sessionId)))
})
afterEach(() => {
  identity = []
  revokedIngest = []
})
afterAll(async () => {
  for (const stop of stops) stop()
  await disconnectPrisma()
})

async function state(w: Awaited<ReturnType<typeof world>>, held: { token: string; destinationId: string }) {
  const prisma = await getPrisma()
  const destination = await prisma.restreamDestination.findUniqueOrThrow({ where: { id: held.destinationId }, select: { enabled: true } })
  return {
    ingest: (await resolveIngest(held.token, w.session.id, now)).target?.sessionId ?? null,
    destinationEnabled: destination.enabled,
    dropped: identity.filter((event) => event.kind === 'membership-changed' && event.userId === w.member.user.id),
    revokedIngest: revokedIngest.filter((sessionId) => sessionId === w.session.id),
  }
}

describe('taking SHOWCASES away from an agency', () => {
  it('a revoke deletes the ingest key, turns off the destinations the agency added and drops its members’ connections', async () => {
    const w = await world()
    const held = await equip(w)
    revokedIngest = []
    expect((await state(w, held)).ingest).toBe(w.session.id)
    await revokeGrant(w.granting.user, w.granting.company.id, w.grantId, now)
    expect(await state(w, held)).toEqual({
      ingest: null,
      destinationEnabled: false,
      dropped: [{ kind: 'membership-changed', userId: w.member.user.id, companyId: w.granting.company.id }],
      revokedIngest: [w.session.id],
    })
  })

  it('a scope change without SHOWCASES does the same; one keeping it touches nothing', async () => {
    const w = await world()
    const held = await equip(w)
    revokedIngest = []
    await updateGrantScopes(w.granting.user, w.granting.company.id, w.grantId, ['SHOWCASES'], now)
    expect(await state(w, held)).toEqual({ ingest: w.session.id, destinationEnabled: true, dropped: [], revokedIngest: [] })
    await updateGrantScopes(w.granting.user, w.granting.company.id, w.grantId, ['RFQS_QUOTES'], now)
    const after = await state(w, held)
    expect({ ingest: after.ingest, destinationEnabled: after.destinationEnabled, dropped: after.dropped.length }).toEqual({
      ingest: null,
      destinationEnabled: false,
      dropped: 1,
    })
  })

  it('revoking a grant without SHOWCASES touches neither the company’s ingest key nor its destinations', async () => {
    const w = await world(['RFQS_QUOTES'])
    // The company's own owner holds the key and the destination here.
    const token = await rotateIngestToken(w.session.id, w.granting.user.id, now)
    const { id: destinationId } = await addDestination(
      w.session.id,
      w.granting.user.id,
      restreamFormSchema().parse({ platform: 'YOUTUBE', streamKey: `own-key-${unique()}` }),
      now,
    )
    revokedIngest = []
    await revokeGrant(w.granting.user, w.granting.company.id, w.grantId, now)
    expect(await state(w, { token, destinationId })).toEqual({ ingest: w.session.id, destinationEnabled: true, dropped: [], revokedIngest: [] })
  })

  it('removing a member deletes the ingest keys they could see and drops their connections; the agency’s destinations stay', async () => {
    const w = await world()
    const held = await equip(w)
    revokedIngest = []
    await removeAgencyMember(w.membership.id, {}, now)
    const after = await state(w, held)
    expect(after).toEqual({
      ingest: null,
      destinationEnabled: true,
      dropped: [{ kind: 'membership-changed', userId: w.member.user.id, companyId: w.granting.company.id }],
      revokedIngest: [w.session.id],
    })
  })
})
