import '../../../tests/app-handler'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getPrisma } from '~/domain/db.server'
import { appGet, appPost, startAppHandler, type AppHandler } from '../../../tests/app-handler'
import { getRequest } from '../../../tests/http'
import { endedShowcase } from '../../../tests/replay-fixtures'
import { loader as watchLoader } from './watch'

// /live/:sessionId after the show: the replay page for those who may see the replay, the ended room otherwise.

let app: AppHandler

beforeAll(async () => {
  app = await startAppHandler()
}, 120_000)

afterAll(async () => {
  // Unset when beforeAll failed.
  await (app as AppHandler | undefined)?.close()
})

const watch = async (path: string, sessionId: string, cookies: string[] = []) =>
  (await watchLoader({ request: getRequest(path, cookies), params: { sessionId } } as never)) as {
    session: { access: string }
    replay: { sessionId: string; canManage: boolean } | null
    startAtSeconds: number
  }

const page = async (path: string, cookies: string[] = []) => {
  const response = await app.handle(appGet(path, cookies))
  expect(response.status, `GET ${path}`).toBe(200)
  return response.text()
}

const count = (html: string, pattern: RegExp) => html.match(new RegExp(pattern.source, 'g'))?.length ?? 0

describe('/live/:sessionId after the show', () => {
  it('renders the replay: labelled player with its test figures, chapters as buttons at their offsets, the chat as of 0:00', async () => {
    const { session, buyer, products } = await endedShowcase()
    const html = await page(`/live/${session.id}`, [buyer.cookie])
    expect(html).toMatch(
      /<section aria-label="Replay player"[^>]*data-testid="replay-player" data-state="idle" data-current-time-ms="0" data-frames-decoded="0"/,
    )
    expect(html).toContain('aria-label="Replay video: Noodle week"')
    expect(count(html, /data-testid="replay-chapter"/)).toBe(2)
    expect(html).toMatch(
      new RegExp(
        `<button type="button" data-testid="replay-chapter" data-offset-ms="10000" data-product-id="${products.kelp.id}" aria-label="Jump to Kelp noodles at 0:10"`,
      ),
    )
    expect(html).toMatch(
      new RegExp(`data-testid="replay-chapter" data-offset-ms="60000" data-product-id="${products.rice.id}" aria-label="Jump to Rice cakes at 1:00"`),
    )
    // At 0:00 only the message written before the recording started is shown; the rest appear as it plays.
    const chat = /<ol aria-label="Chat messages up to this point of the replay".*?<\/ol>/s.exec(html)?.[0] ?? ''
    expect(count(chat, /data-testid="replay-chat-message"/)).toBe(1)
    expect(chat).toContain('Before the start')
    expect(chat).not.toContain('Welcome!')
    // Viewers get no clip tools.
    expect(html).not.toContain('/clips"')
    // Nothing is pinned at 0:00, and the live room (WebRTC player, live chat) is not there.
    expect(html).not.toContain('data-testid="pinned-product"')
    expect(html).not.toContain('data-testid="player"')
  })

  it('renders in Korean for a Korean visitor', async () => {
    const { session } = await endedShowcase()
    const request = appGet(`/live/${session.id}`)
    request.headers.set('Accept-Language', 'ko-KR,ko;q=0.9')
    const html = await (await app.handle(request)).text()
    expect(html).toContain('aria-label="다시보기 플레이어"')
  })

  it('starts where ?t= asks', async () => {
    const { session, buyer } = await endedShowcase()
    const loaded = await watch(`/live/${session.id}?t=754`, session.id, [buyer.cookie])
    expect(loaded.replay).toMatchObject({ sessionId: session.id, canManage: false })
    expect(loaded.startAtSeconds).toBe(754)
  })

  it('keeps the ended room when there is no replay this visitor may see', async () => {
    const none = await endedShowcase({ recording: false })
    expect(await watch(`/live/${none.session.id}`, none.session.id)).toMatchObject({ session: { access: 'watch' }, replay: null, startAtSeconds: 0 })
    expect(await page(`/live/${none.session.id}`)).toContain('data-testid="player"')

    const unpublished = await endedShowcase({ published: false })
    expect((await watch(`/live/${unpublished.session.id}`, unpublished.session.id, [unpublished.buyer.cookie])).replay).toBeNull()
    const buyerPage = await page(`/live/${unpublished.session.id}`, [unpublished.buyer.cookie])
    expect(buyerPage).not.toContain('replay-player')
    expect(buyerPage).not.toContain('Kelp noodles')
    // The hosting company sees it, marked as not published.
    const memberPage = await page(`/live/${unpublished.session.id}`, [unpublished.exporter.cookie])
    expect(memberPage).toContain('data-testid="replay-player"')
    expect(memberPage).toContain('Not published: only the hosting company and the fair organizer can see this replay.')
    // … and the clip tools (a form posting to the clips route).
    expect(memberPage).toContain(`action="/live/${unpublished.session.id}/clips"`)

    // A private showcase tells a guest to sign in, and nothing about its replay.
    const closed = await endedShowcase({ isPublic: false })
    expect(await watch(`/live/${closed.session.id}`, closed.session.id)).toMatchObject({ session: { access: 'sign-in' }, replay: null })
  })

  it('an RFQ sent from the replay (the live room form) is linked to the showcase', async () => {
    const { session, buyer, products } = await endedShowcase()
    const sent = await app.handle(
      await appPost(
        `/catalog/${products.kelp.id}`,
        {
          intent: 'rfq',
          stay: '1',
          productId: products.kelp.id,
          liveSessionId: session.id,
          quantity: '500',
          destinationCountry: 'US',
          targetCurrency: 'USD',
          message: 'Seen in your replay at 0:10',
        },
        [buyer.cookie],
      ),
    )
    expect(sent.status).toBeLessThan(400)
    const inquiry = await (await getPrisma()).inquiry.findFirstOrThrow({ where: { buyerId: buyer.profile.id, productId: products.kelp.id } })
    expect(inquiry.liveSessionId).toBe(session.id)
  })
})
