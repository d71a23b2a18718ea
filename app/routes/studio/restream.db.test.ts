import { describe, expect, it } from 'vitest'
import { useTestHooksAndDatabase } from '../../../tests/test-hooks'
import { createBuyer, createExporter, createLiveShowcase } from '../../../tests/fixtures'
import { caught, getRequest, postAction } from '../../../tests/http'
import { HOSTILE } from '../../../tests/hostile'
import { getPrisma } from '~/domain/db.server'
import { addDestination, MAX_DESTINATIONS, openDestinationsForPublishing, restreamFormSchema } from '~/domain/restream/destinations.server'
import { action, loader } from '~/routes/studio/restream'
import { openSecret } from '~/utils/sealed-secrets.server'

// The studio's Restream panel over HTTP: who may manage destinations, the form's refusals (400 with field
// errors), keys sealed at rest and shown back masked only.

useTestHooksAndDatabase()

const KEY = 'abcd-efgh-ijkl-k3Zq'

async function post(sessionId: string, cookie: string, fields: Record<string, string>) {
  const response = (await postAction(action, `/studio/${sessionId}/restream`, [cookie], fields, { sessionId })) as Response
  return { status: response.status, body: (await response.json()) as { ok: boolean; fieldErrors?: Record<string, string[]>; formErrors?: string[] } }
}

async function list(sessionId: string, cookie: string) {
  const response = await loader({ request: getRequest(`/studio/${sessionId}/restream`, [cookie]), params: { sessionId } } as never)
  expect(response.headers.get('Cache-Control')).toBe('no-store')
  return (await response.json()) as {
    destinations: Array<{ id: string; maskedKey: string; serverUrl: string; enabled: boolean; platform: string }>
    uptime: Array<{ destinationId: string; runs: number; secondsSent: number }>
  }
}

describe('restream destinations in the studio', () => {
  it('adds a preset destination with its key sealed, lists it masked, turns it off and removes it', async () => {
    const { session, exporter } = await createLiveShowcase('Restream settings')
    const added = await post(session.id, exporter.cookie, { intent: 'add', platform: 'YOUTUBE', streamKey: KEY, label: 'Main channel' })
    expect(added).toEqual({ status: 200, body: { ok: true } })

    const { destinations } = await list(session.id, exporter.cookie)
    expect(destinations).toEqual([
      expect.objectContaining({ platform: 'YOUTUBE', serverUrl: 'rtmp://a.rtmp.youtube.com/live2', maskedKey: '••••••••k3Zq', enabled: true }),
    ])
    expect(JSON.stringify(destinations)).not.toContain(KEY)
    const prisma = await getPrisma()
    const row = await prisma.restreamDestination.findFirstOrThrow({ where: { sessionId: session.id } })
    expect(row.streamKeySealed).not.toContain(KEY)
    expect(openSecret(row.streamKeySealed)).toBe(KEY)
    expect(await openDestinationsForPublishing(session.id)).toEqual([expect.objectContaining({ streamKey: KEY })])

    const id = destinations[0]!.id
    // Its time on air so far (the run records) comes with the list.
    expect((await list(session.id, exporter.cookie)).uptime).toEqual([])
    await prisma.restreamRun.create({
      data: { sessionId: session.id, destinationId: id, platform: 'YOUTUBE', label: '', startedAt: new Date(), secondsSent: 125, endedAt: new Date() },
    })
    expect((await list(session.id, exporter.cookie)).uptime).toEqual([{ destinationId: id, runs: 1, secondsSent: 125 }])
    expect((await post(session.id, exporter.cookie, { intent: 'toggle', destinationId: id, enabled: 'false' })).status).toBe(200)
    expect((await list(session.id, exporter.cookie)).destinations[0]!.enabled).toBe(false)
    // A turned-off destination is not published.
    expect(await openDestinationsForPublishing(session.id)).toEqual([])
    expect((await post(session.id, exporter.cookie, { intent: 'remove', destinationId: id })).status).toBe(200)
    expect((await list(session.id, exporter.cookie)).destinations).toEqual([])
    expect(await post(session.id, exporter.cookie, { intent: 'remove', destinationId: id })).toEqual({
      status: 404,
      body: { ok: false, fieldErrors: {}, formErrors: ['restream.errors.notFound'] },
    })
  })

  it('answers hostile input with 400 and the field errors, storing nothing', async () => {
    const { session, exporter } = await createLiveShowcase('Hostile restream')
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ platform: 'CUSTOM', serverUrl: 'http://example.com/live', streamKey: KEY }, 'serverUrl', 'restream.errors.serverUrl.scheme'],
      [{ platform: 'CUSTOM', serverUrl: 'rtmp://user:secret@example.com/live', streamKey: KEY }, 'serverUrl', 'restream.errors.serverUrl.credentials'],
      [{ platform: 'CUSTOM', serverUrl: 'rtmp://127.0.0.1:1935/live', streamKey: KEY }, 'serverUrl', 'restream.errors.serverUrl.private-host'],
      [{ platform: 'CUSTOM', serverUrl: 'rtmp://100.64.0.1/live', streamKey: KEY }, 'serverUrl', 'restream.errors.serverUrl.private-host'],
      [{ platform: 'CUSTOM', serverUrl: 'rtmp://198.18.0.1/live', streamKey: KEY }, 'serverUrl', 'restream.errors.serverUrl.private-host'],
      [{ platform: 'CUSTOM', serverUrl: 'rtmp://224.0.0.1/live', streamKey: KEY }, 'serverUrl', 'restream.errors.serverUrl.private-host'],
      // Numeric hosts the resolver reads as loopback (inet_aton): refused as hosts, whatever the private-host rule.
      ...['127.1', '2130706433', '0x7f000001', '0177.0.0.1', '0'].map((host): [Record<string, string>, string, string] => [
        { platform: 'CUSTOM', serverUrl: `rtmp://${host}/app`, streamKey: KEY },
        'serverUrl',
        'restream.errors.serverUrl.host',
      ]),
      [{ platform: 'CUSTOM', serverUrl: 'rtmp://[::1]/app', streamKey: KEY }, 'serverUrl', 'restream.errors.serverUrl.host'],
      [
        { platform: 'CUSTOM', serverUrl: `rtmp://example.com/${HOSTILE.pathTraversal}`, streamKey: `${KEY}\n-f null` },
        'streamKey',
        'restream.errors.streamKey.characters',
      ],
      [{ platform: 'TIKTOK', streamKey: KEY }, 'serverUrl', 'restream.errors.serverUrl.required'],
      [{ platform: 'YOUTUBE', streamKey: HOSTILE.script }, 'streamKey', 'restream.errors.streamKey.characters'],
      [{ platform: 'YOUTUBE', streamKey: KEY, label: HOSTILE.rightToLeftOverride }, 'label', 'restream.errors.label'],
      [{ platform: 'PERISCOPE', streamKey: KEY }, 'platform', 'restream.errors.platform'],
    ]
    for (const [fields, field, message] of cases) {
      const answer = await post(session.id, exporter.cookie, { intent: 'add', ...fields })
      expect(answer.status, JSON.stringify(fields)).toBe(400)
      expect(answer.body.fieldErrors?.[field], JSON.stringify(fields)).toContain(message)
    }
    expect((await post(session.id, exporter.cookie, { intent: 'launch' })).status).toBe(400)
    const prisma = await getPrisma()
    expect(await prisma.restreamDestination.count({ where: { sessionId: session.id } })).toBe(0)
  })

  it('never stores more than the limit, even when adds arrive at once, and tells the host the limit', async () => {
    const { session, exporter } = await createLiveShowcase('Many at once')
    const form = restreamFormSchema().parse({ platform: 'YOUTUBE', streamKey: KEY })
    const results = await Promise.allSettled(Array.from({ length: MAX_DESTINATIONS + 4 }, () => addDestination(session.id, exporter.user.id, form, new Date())))
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(MAX_DESTINATIONS)
    const prisma = await getPrisma()
    expect(await prisma.restreamDestination.count({ where: { sessionId: session.id } })).toBe(MAX_DESTINATIONS)
    expect(await post(session.id, exporter.cookie, { intent: 'add', platform: 'YOUTUBE', streamKey: KEY })).toEqual({
      status: 409,
      body: { ok: false, fieldErrors: {}, formErrors: ['restream.errors.tooMany'] },
    })
  })

  it('refuses destinations on meetings and on ended or cancelled broadcasts', async () => {
    const prisma = await getPrisma()
    const form = restreamFormSchema().parse({ platform: 'YOUTUBE', streamKey: KEY })
    for (const [data, code] of [
      [{ kind: 'MEETING' }, 'restream-not-showcase'],
      [{ status: 'ENDED' }, 'restream-session-over'],
      [{ status: 'CANCELLED' }, 'restream-session-over'],
    ] as const) {
      const { session, exporter } = await createLiveShowcase('Not restreamable')
      await prisma.liveSession.update({ where: { id: session.id }, data })
      const refused = await addDestination(session.id, exporter.user.id, form, new Date()).catch((error: unknown) => error)
      expect(refused, JSON.stringify(data)).toMatchObject({ code, status: 409 })
      expect(await prisma.restreamDestination.count({ where: { sessionId: session.id } })).toBe(0)
    }
  })

  it('is for the showcase’s managers only', async () => {
    const { session } = await createLiveShowcase('Not yours')
    const other = await createExporter()
    const buyer = await createBuyer()
    for (const cookie of [other.cookie, buyer.cookie]) {
      const refused = await caught(() =>
        postAction(action, `/studio/${session.id}/restream`, [cookie], { intent: 'add', platform: 'YOUTUBE', streamKey: KEY }, { sessionId: session.id }),
      )
      expect(refused.status).toBe(403)
      expect(
        (await caught(() => loader({ request: getRequest(`/studio/${session.id}/restream`, [cookie]), params: { sessionId: session.id } } as never))).status,
      ).toBe(403)
    }
    const prisma = await getPrisma()
    expect(await prisma.restreamDestination.count({ where: { sessionId: session.id } })).toBe(0)
  })
})
