import '../../../tests/app-handler'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getPrisma } from '~/domain/db.server'
import { appGet, appPost, startAppHandler, type AppHandler } from '../../../tests/app-handler'
import { createBuyer, createExporter } from '../../../tests/fixtures'
import { cookiePair, mintCsrf } from '../../../tests/http'
import { GUEST_IDENTITY_BUDGET } from '~/utils/rate-limit.server'

// The replay view counter through React Router's real request handler: guests get a browser key minted
// as the socket gateway does, only a view's owner beats it, CSRF holds for the form fetch and
// navigator.sendBeacon send alike, and the budget answers 429. Plus the Replays lists on the public pages.

let app: AppHandler
let ipCounter = 0
const freshIp = () => `198.51.100.${(ipCounter = (ipCounter % 250) + 1)}`

beforeAll(async () => {
  app = await startAppHandler()
}, 120_000)

afterAll(async () => {
  // Unset when beforeAll failed.
  await (app as AppHandler | undefined)?.close()
})

const HOUR = 3_600_000

async function replay(
  exporter: Awaited<ReturnType<typeof createExporter>>,
  title: string,
  options: { published?: boolean; isPublic?: boolean; hasPoster?: boolean } = {},
) {
  const prisma = await getPrisma()
  const aired = new Date(Date.now() - 3 * HOUR)
  const session = await prisma.liveSession.create({
    data: {
      title,
      status: 'ENDED',
      isPublic: options.isPublic ?? true,
      hostId: exporter.user.id,
      companyId: exporter.company.id,
      scheduledStartAt: aired,
      scheduledEndAt: new Date(aired.getTime() + HOUR),
      startedAt: aired,
      endedAt: new Date(aired.getTime() + HOUR),
    },
  })
  const recording = await prisma.recording.create({
    data: {
      sessionId: session.id,
      status: 'READY',
      published: options.published ?? true,
      startedAt: aired,
      durationMs: 754_000,
      hasPoster: options.hasPoster ?? false,
    },
  })
  return { session, recording }
}

const url = (sessionId: string) => `/live/${sessionId}/replay-views`
const post = async (sessionId: string, body: Record<string, string>, cookies: string[] = [], clientIp = freshIp()) =>
  app.handle(await appPost(url(sessionId), body, cookies, { clientIp }))
const guestCookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map(cookiePair)
    .find((pair) => pair.startsWith('tc_guest='))

describe('POST /live/:sessionId/replay-views', () => {
  let exporter: Awaited<ReturnType<typeof createExporter>>
  let shown: Awaited<ReturnType<typeof replay>>
  beforeAll(async () => {
    exporter = await createExporter()
    shown = await replay(exporter, 'Counted replay')
  })

  it('a guest without a key gets one (the gateway’s signed tc_guest cookie) with the view; its heartbeats need that cookie', async () => {
    const started = await post(shown.session.id, { intent: 'start' })
    expect(started.status).toBe(200)
    expect(started.headers.get('Cache-Control')).toBe('no-store')
    const { viewId } = (await started.json()) as { viewId: string }
    const guest = guestCookieOf(started)
    expect(guest).toMatch(/^tc_guest=[\w-]+\.[\w-]+$/)
    expect(started.headers.getSetCookie().find((value) => value.startsWith('tc_guest='))).toMatch(/HttpOnly; SameSite=Lax/)
    const view = await (await getPrisma()).replayView.findUniqueOrThrow({ where: { id: viewId } })
    expect(view).toMatchObject({ recordingId: shown.recording.id, userId: null, guestKey: guest?.slice('tc_guest='.length).split('.')[0] })

    // A second start from the same browser keeps its key (no new cookie).
    const again = await post(shown.session.id, { intent: 'start' }, [guest!])
    expect(again.status).toBe(200)
    expect(guestCookieOf(again)).toBeUndefined()

    // The heartbeat as navigator.sendBeacon sends it: an urlencoded form with the token, the cookies and our Origin.
    const beat = await post(shown.session.id, { intent: 'heartbeat', viewId, watchedSeconds: '2' }, [guest!])
    expect(beat.status).toBe(200)
    expect(await beat.json()).toEqual({ creditedSeconds: 2 })

    // Without the cookie, with another guest's key, or as a signed-in account: not this visitor's view.
    const other = guestCookieOf(await post(shown.session.id, { intent: 'start' }))
    const buyer = await createBuyer()
    for (const cookies of [[], [other!], [buyer.cookie]]) {
      expect((await post(shown.session.id, { intent: 'heartbeat', viewId, watchedSeconds: '1' }, cookies)).status).toBe(404)
    }
    // A key with a forged signature is no key: it owns nothing, and a start with it gets a fresh one minted.
    const forged = `${guest!.split('.')[0]}.forged-signature-forged-signat`
    expect((await post(shown.session.id, { intent: 'heartbeat', viewId, watchedSeconds: '1' }, [forged])).status).toBe(404)
    const restarted = await post(shown.session.id, { intent: 'start' }, [forged])
    expect(guestCookieOf(restarted)).not.toBe(guest)
    expect(guestCookieOf(restarted)).toMatch(/^tc_guest=/)
    expect(await (await getPrisma()).replayView.findUniqueOrThrow({ where: { id: viewId } })).toMatchObject({ watchedSeconds: 2 })
  })

  it('beyond the network’s budget of new guest identities (shared with the socket handshake), a guest watches uncounted', async () => {
    const ip = freshIp()
    for (let i = 0; i < GUEST_IDENTITY_BUDGET.points; i++) expect(guestCookieOf(await post(shown.session.id, { intent: 'start' }, [], ip))).toBeDefined()
    const views = () => getPrisma().then((prisma) => prisma.replayView.count({ where: { recordingId: shown.recording.id } }))
    const before = await views()
    const over = await post(shown.session.id, { intent: 'start' }, [], ip)
    expect(over.status).toBe(200)
    expect(await over.json()).toEqual({ viewId: null })
    expect(guestCookieOf(over)).toBeUndefined()
    expect(await views()).toBe(before)
  })

  it('a signed-in buyer’s view belongs to the account (no guest key), and a replay they may not see is 404', async () => {
    const buyer = await createBuyer()
    const started = await post(shown.session.id, { intent: 'start' }, [buyer.cookie])
    expect(started.status).toBe(200)
    expect(guestCookieOf(started)).toBeUndefined()
    const { viewId } = (await started.json()) as { viewId: string }
    expect(await (await getPrisma()).replayView.findUniqueOrThrow({ where: { id: viewId } })).toMatchObject({ userId: buyer.user.id, guestKey: null })

    const unpublished = await replay(exporter, 'Unpublished replay', { published: false })
    expect((await post(unpublished.session.id, { intent: 'start' }, [buyer.cookie])).status).toBe(404)
    expect((await post(unpublished.session.id, { intent: 'start' })).status).toBe(404)
    expect((await post(unpublished.session.id, { intent: 'start' }, [exporter.cookie])).status).toBe(200)
    const closed = await replay(exporter, 'Members-only replay', { isPublic: false })
    expect((await post(closed.session.id, { intent: 'start' })).status).toBe(404)
    expect((await post(closed.session.id, { intent: 'start' }, [buyer.cookie])).status).toBe(200)
    expect((await post('no-such-session', { intent: 'start' }, [buyer.cookie])).status).toBe(404)
  })

  it('CSRF holds: no token, a token of another browser, or another site’s Origin is 403', async () => {
    const csrf = await mintCsrf()
    const other = await mintCsrf()
    const attempt = (headers: Record<string, string>, body: URLSearchParams) =>
      app.handle(
        new Request(`http://localhost${url(shown.session.id)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
          body,
        }),
      )
    const views = () => getPrisma().then((prisma) => prisma.replayView.count({ where: { recordingId: shown.recording.id } }))
    const before = await views()
    expect((await attempt({ Cookie: csrf.cookie, Origin: 'http://localhost' }, new URLSearchParams({ intent: 'start' }))).status).toBe(403)
    expect((await attempt({ Cookie: csrf.cookie, Origin: 'http://localhost' }, new URLSearchParams({ intent: 'start', csrf: other.token }))).status).toBe(403)
    expect((await attempt({ Cookie: csrf.cookie, Origin: 'https://evil.example' }, new URLSearchParams({ intent: 'start', csrf: csrf.token }))).status).toBe(
      403,
    )
    expect(await views()).toBe(before)
  })

  it('heartbeats beyond the budget answer 429 with Retry-After', async () => {
    const buyer = await createBuyer()
    const ip = freshIp()
    const { viewId } = (await (await post(shown.session.id, { intent: 'start' }, [buyer.cookie], ip)).json()) as { viewId: string }
    const statuses: number[] = []
    for (let i = 0; i < 31; i++) statuses.push((await post(shown.session.id, { intent: 'heartbeat', viewId, watchedSeconds: '0' }, [buyer.cookie], ip)).status)
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true)
    const refused = await post(shown.session.id, { intent: 'heartbeat', viewId, watchedSeconds: '0' }, [buyer.cookie], ip)
    expect(statuses[30]).toBe(429)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0)
  })
})

describe('Replays on the exporter page and the fair page', () => {
  it('list the visible replays with poster or placeholder, duration and a link; unpublished and private ones stay hidden from guests', async () => {
    const prisma = await getPrisma()
    const exporter = await createExporter()
    const organizer = await createBuyer()
    const fair = await prisma.tradeFair.create({
      data: {
        slug: `replays-page-${crypto.randomUUID().slice(0, 8)}`,
        name: 'Replay Page Expo',
        startsAt: new Date(Date.now() - 24 * HOUR),
        endsAt: new Date(Date.now() + 24 * HOUR),
        timeZone: 'Asia/Seoul',
        status: 'LIVE',
        organizerId: organizer.user.id,
      },
    })
    const withPoster = await replay(exporter, 'Poster replay', { hasPoster: true })
    const plain = await replay(exporter, 'Plain replay')
    await replay(exporter, 'Hidden unpublished replay', { published: false })
    await replay(exporter, 'Hidden private replay', { isPublic: false })
    await prisma.liveSession.updateMany({ where: { id: { in: [withPoster.session.id, plain.session.id] } }, data: { fairId: fair.id, approvedAt: new Date() } })

    for (const path of [`/exporters/${exporter.company.slug}`, `/fairs/${fair.slug}`]) {
      const response = await app.handle(appGet(path))
      expect(response.status, path).toBe(200)
      const html = await response.text()
      expect(html, path).toContain('id="replays-title"')
      expect(html).toContain(`href="/live/${withPoster.session.id}"`)
      expect(html).toContain(`href="/live/${plain.session.id}"`)
      expect(html).toMatch(new RegExp(`src="/media/recordings/${withPoster.recording.id}/poster\\.jpg\\?exp=\\d+&amp;sig=[\\w-]+"`))
      expect(html).toContain('data-testid="replay-placeholder"')
      expect(html).toContain('12:34')
      expect(html).not.toContain('Hidden unpublished replay')
      expect(html).not.toContain('Hidden private replay')
    }
    // Signed in, the private showcase's replay is listed too (never the unpublished one).
    const buyer = await createBuyer()
    const html = await (await app.handle(appGet(`/exporters/${exporter.company.slug}`, [buyer.cookie]))).text()
    expect(html).toContain('Hidden private replay')
    expect(html).not.toContain('Hidden unpublished replay')
  })
})
