import '../tests/app-env'
import { mkdtempSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { ServerBuild } from 'react-router'
import type { ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { getPrisma } from '~/domain/db.server'
import { appPost } from '../tests/app-handler'
import { createBuyer, createExporter, createProduct, createUser } from '../tests/fixtures'
import { endedShowcase } from '../tests/replay-fixtures'
import { createExpressApp } from './app'

// The embeddable player, oEmbed and the framing headers, over real HTTP through the Express edge (the
// one place headers are set, server/security.ts) in front of the app compiled from the sources.

// The app's recordings folder (a live show's still for oEmbed), read by the Vite-compiled app's own env.
const RECORDINGS_DIR = vi.hoisted(() => {
  const dir = `/tmp/tc-embed-recordings-${process.pid}`
  process.env.RECORDINGS_DIR = dir
  return dir
})

let vite: ViteDevServer
let server: Server
let base: string

beforeAll(async () => {
  const { createServer } = await import('vite')
  vite = await createServer({ server: { middlewareMode: true, hmr: false, watch: null }, appType: 'custom', logLevel: 'warn' })
  const build = (await vite.ssrLoadModule('virtual:react-router/server-build')) as ServerBuild
  const app = createExpressApp({ mode: 'production', build, clientDir: mkdtempSync(path.join(tmpdir(), 'tc-embed-client-')) })
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}, 120_000)

afterAll(async () => {
  await new Promise((resolve) => (server as Server | undefined)?.close(resolve) ?? resolve(null))
  await (vite as ViteDevServer | undefined)?.close()
  await rm(RECORDINGS_DIR, { recursive: true, force: true })
})

const HOUR = 3_600_000
type OembedBody = Record<string, unknown> & { html: string; error?: string; thumbnail_url?: string }
const json = async (response: Response) => (await response.json()) as OembedBody
const get = (pathname: string, cookies: string[] = []) => fetch(`${base}${pathname}`, { headers: { Cookie: cookies.join('; ') }, redirect: 'manual' })

async function showcase(
  data: { title?: string; isPublic?: boolean; status?: 'SCHEDULED' | 'LIVE' | 'ENDED' | 'CANCELLED'; fairId?: string; approvedAt?: Date } = {},
) {
  const prisma = await getPrisma()
  const exporter = await createExporter({ companyName: 'Seorak Foods' })
  await prisma.exporterCompany.update({
    where: { id: exporter.company.id },
    data: { embedOrigins: ['https://shop.example.com', 'https://*.seorak.example', 'http://127.0.0.1:5173'] },
  })
  const session = await prisma.liveSession.create({
    data: {
      title: data.title ?? 'Kelp week',
      description: 'secret launch details',
      status: data.status ?? 'SCHEDULED',
      isPublic: data.isPublic ?? true,
      hostId: exporter.user.id,
      companyId: exporter.company.id,
      scheduledStartAt: new Date(Date.now() + 2 * HOUR),
      scheduledEndAt: new Date(Date.now() + 3 * HOUR),
      ...(data.status === 'LIVE' ? { startedAt: new Date() } : {}),
      ...(data.fairId ? { fairId: data.fairId, approvedAt: data.approvedAt ?? null } : {}),
    },
  })
  return { exporter, session }
}

async function pin(sessionId: string, productId: string) {
  const prisma = await getPrisma()
  await prisma.liveSessionProduct.create({ data: { sessionId, productId, pinnedAt: new Date() } })
}

async function fair() {
  const prisma = await getPrisma()
  const organizer = await createUser('ORGANIZER')
  return prisma.tradeFair.create({
    data: {
      slug: `fair-${crypto.randomUUID().slice(0, 8)}`,
      name: 'Expo',
      startsAt: new Date(),
      endsAt: new Date(Date.now() + 48 * HOUR),
      timeZone: 'Asia/Seoul',
      status: 'LIVE',
      organizerId: organizer.user.id,
    },
  })
}

describe('/embed/:sessionId', () => {
  it('plays a public showcase without the site chrome, with the pinned products linking out to a new Tradecast tab', async () => {
    const { exporter, session } = await showcase({ status: 'LIVE' })
    const kelp = await createProduct(exporter.company.id, { name: 'Kelp noodles' })
    await pin(session.id, kelp.id)
    const response = await get(`/embed/${session.id}`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toMatch(/<meta name="robots" content="noindex"/)
    expect(html).toContain('aria-label="Showcase player"')
    expect(html).toMatch(/data-testid="embed-player" data-phase="connecting" data-transport="webrtc"/)
    expect(html).toContain('aria-label="Showcase video: Kelp week"')
    // No site header, footer or skip link inside the frame.
    expect(html).not.toContain('Skip to content')
    expect(html).not.toMatch(/<footer/)
    // The product card: its page (with this showcase as the quote's source) and the quote form, both in a new tab.
    const productUrl = `/catalog/${kelp.id}?session=${session.id}`
    expect(html).toContain(`<a href="${productUrl}" target="_blank" rel="noopener"`)
    expect(html).toContain(`<a href="${productUrl}#rfq" target="_blank" rel="noopener"`)
    expect(html).toMatch(/data-testid="embed-product"[^]*Kelp noodles[^]*Request quote/)
    expect(html).toContain(`<a href="/live/${session.id}" target="_blank" rel="noopener"`)
    expect(html).not.toContain('secret launch details')
  })

  it('says when a scheduled showcase starts, in the language ?lang= asks for', async () => {
    const { session } = await showcase()
    const english = await (await get(`/embed/${session.id}`)).text()
    expect(english).toContain('The showcase has not started yet.')
    expect(english).toContain('Starts ')
    const korean = await (await get(`/embed/${session.id}?lang=ko`)).text()
    expect(korean).toMatch(/<html lang="ko"/)
    expect(korean).toContain('쇼케이스가 아직 시작되지 않았습니다.')
    expect(korean).toContain('aria-label="쇼케이스 플레이어"')
  })

  it('plays the replay after the show when a guest may see it, and says the show ended when not', async () => {
    const published = await endedShowcase({ published: true })
    const replayHtml = await (await get(`/embed/${published.session.id}`)).text()
    expect(replayHtml).toMatch(/data-testid="embed-player" data-phase="idle" data-transport="hls"/)
    expect(replayHtml).toContain('>Replay<')
    // Before the first chapter plays, the products shown in the replay (the withdrawn one is gone).
    expect(replayHtml).toContain('Kelp noodles')
    expect(replayHtml).toContain('Rice cakes')
    expect(replayHtml).not.toContain('Old syrup')

    const unpublished = await endedShowcase({ published: false })
    const endedHtml = await (await get(`/embed/${unpublished.session.id}`)).text()
    expect(endedHtml).toContain('This showcase has ended.')
    expect(endedHtml).not.toContain('data-transport="hls"')
  })

  it('is "not available" (404) for private, unapproved, cancelled, removed, meeting and unknown sessions, whoever the browser is signed in as', async () => {
    const prisma = await getPrisma()
    const buyer = await createBuyer()
    const expo = await fair()
    const privateShow = await showcase({ isPublic: false })
    const proposal = await showcase({ fairId: expo.id })
    const cancelled = await showcase({ status: 'CANCELLED' })
    const removed = await endedShowcase({ published: true })
    await prisma.recording.update({ where: { sessionId: removed.session.id }, data: { status: 'REMOVED' } })
    const meeting = await prisma.liveSession.update({ where: { id: (await showcase()).session.id }, data: { kind: 'MEETING' } })
    for (const id of [privateShow.session.id, proposal.session.id, cancelled.session.id, removed.session.id, meeting.id, 'no-such-showcase']) {
      for (const cookies of [[], [buyer.cookie], [privateShow.exporter.cookie]]) {
        const response = await get(`/embed/${id}`, cookies)
        expect(response.status, `${id} ${cookies.length}`).toBe(404)
        const html = await response.text()
        expect(html).toContain('This showcase is not available')
        expect(html).not.toContain('Kelp week')
        expect(html).not.toContain('Skip to content')
      }
    }
    // An approved fair showcase plays.
    const approved = await showcase({ fairId: expo.id, approvedAt: new Date() })
    expect((await get(`/embed/${approved.session.id}`)).status).toBe(200)
  })
})

describe('framing headers', () => {
  const frameAncestors = (response: Response) => /frame-ancestors ([^;]*)/.exec(response.headers.get('content-security-policy') ?? '')?.[1]

  it("lets the company's sites frame its embed page (and no X-Frame-Options there); every other page refuses other sites", async () => {
    const { session } = await showcase()
    const embed = await get(`/embed/${session.id}`)
    expect(frameAncestors(embed)).toBe("'self' https://shop.example.com https://*.seorak.example http://127.0.0.1:5173")
    expect(embed.headers.get('x-frame-options')).toBeNull()

    for (const pathname of [`/live/${session.id}`, '/login', `/embed/${session.id}.data`, `/embed/${session.id}/extra`, '/oembed']) {
      const response = await get(pathname)
      expect(frameAncestors(response), pathname).toBe("'self'")
      expect(response.headers.get('x-frame-options'), pathname).toBe('SAMEORIGIN')
    }
  })

  it('frames nowhere else when the company lists no site, or the showcase is not one', async () => {
    const prisma = await getPrisma()
    const { exporter, session } = await showcase()
    await prisma.exporterCompany.update({ where: { id: exporter.company.id }, data: { embedOrigins: [] } })
    expect(frameAncestors(await get(`/embed/${session.id}`))).toBe("'self'")
    expect(frameAncestors(await get('/embed/no-such-showcase'))).toBe("'self'")
    // A stored value that is not an origin (written behind the form's back) never reaches the header.
    await prisma.exporterCompany.update({
      where: { id: exporter.company.id },
      data: { embedOrigins: ["https://ok.example.com 'unsafe-inline'", 'https://ok.example.com'] },
    })
    expect(frameAncestors(await get(`/embed/${session.id}`))).toBe("'self' https://ok.example.com")
  })

  it('serves the web component to any site: small plain JavaScript, loadable cross-origin', async () => {
    const response = await get('/embed.js')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/javascript/)
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    const source = await readFile(path.join(process.cwd(), 'public/embed.js'))
    expect(source.byteLength).toBeLessThan(3 * 1024)
    expect(await response.text()).toContain("customElements.define('tradecast-player'")
    // Other files keep same-origin.
    expect((await get('/favicon.svg')).headers.get('cross-origin-resource-policy')).toBe('same-origin')
  })
})

describe('company profile: sites allowed to embed', () => {
  const form = (embedOrigins: string) => {
    const body = new FormData()
    for (const [key, value] of Object.entries({
      name: 'Seorak Foods',
      region: 'Gangwon',
      industry: 'Processed food',
      exportExperienceYears: '3',
      timeZone: 'Asia/Seoul',
      businessHoursStart: '09:00',
      businessHoursEnd: '18:00',
      embedOrigins,
    }))
      body.append(key, value)
    return body
  }
  const post = async (body: FormData, cookie: string) => {
    const request = await appPost('/exporter/company', body, [cookie])
    return fetch(`${base}/exporter/company`, {
      method: 'POST',
      headers: { ...Object.fromEntries(request.headers), origin: base },
      body: await request.arrayBuffer(),
      redirect: 'manual',
    })
  }

  it('saves the canonical list and the embed page frames for it at once; a bad entry is refused with the field named', async () => {
    const prisma = await getPrisma()
    const { exporter, session } = await showcase()
    const saved = await post(form('HTTPS://Shop.Example.com/\nhttps://shop.example.com\r\nhttp://localhost:3000'), exporter.cookie)
    expect(saved.status).toBe(302)
    expect((await prisma.exporterCompany.findUniqueOrThrow({ where: { id: exporter.company.id } })).embedOrigins).toEqual([
      'https://shop.example.com',
      'http://localhost:3000',
    ])
    expect((await get(`/embed/${session.id}`)).headers.get('content-security-policy')).toContain(
      "frame-ancestors 'self' https://shop.example.com http://localhost:3000;",
    )

    for (const bad of ['https://shop.example.com/page', 'http://shop.example.com', '*', "https://a.example.com 'unsafe-inline'"]) {
      const refused = await post(form(bad), exporter.cookie)
      expect(refused.status, bad).toBe(400)
      expect(await refused.text()).toContain('without a path')
    }
    expect((await prisma.exporterCompany.findUniqueOrThrow({ where: { id: exporter.company.id } })).embedOrigins).toEqual([
      'https://shop.example.com',
      'http://localhost:3000',
    ])
  })
})

describe('snippets for the exporter', () => {
  it('the sessions page offers the iframe and the web component of each showcase, to copy', async () => {
    const { exporter, session } = await showcase()
    const html = await (await get('/exporter/sessions', [exporter.cookie])).text()
    expect(html).toContain(`data-testid="embed-snippet-${session.id}"`)
    expect(html).toContain(`&lt;iframe src=&quot;${base}/embed/${session.id}&quot; width=&quot;640&quot; height=&quot;360&quot; title=&quot;Kelp week&quot;`)
    expect(html).toContain(
      `&lt;script src=&quot;${base}/embed.js&quot; async&gt;&lt;/script&gt;\n&lt;tradecast-player session=&quot;${session.id}&quot;&gt;&lt;/tradecast-player&gt;`,
    )
  })
})

describe('snippets only for showcases whose embed plays', () => {
  it('shows why there is no snippet for a private showcase or one awaiting the fair’s approval', async () => {
    const { exporter, session } = await showcase({ isPublic: false })
    const html = await (await get('/exporter/sessions', [exporter.cookie])).text()
    expect(html).not.toContain(`data-testid="embed-snippet-${session.id}"`)
    expect(html).toContain(`data-testid="embed-unavailable-${session.id}"`)
    // Its embed indeed answers 404.
    expect((await get(`/embed/${session.id}`)).status).toBe(404)
  })
})

describe('/oembed', () => {
  const oembed = (query: Record<string, string>) => get(`/oembed?${new URLSearchParams(query)}`)

  it('answers a watch or embed link of a public showcase with the player iframe, sized within the bounds', async () => {
    const { exporter, session } = await showcase({ title: 'Kelp <week> & "more"' })
    const response = await oembed({ url: `${base}/live/${session.id}`, format: 'json', maxwidth: '480' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    // Public in caches, but its links and words depend on the Host and the caller's language.
    expect(response.headers.get('cache-control')).toBe('public, max-age=300')
    expect(response.headers.get('vary')).toBe('Host, Accept-Language, Cookie')
    expect(await response.json()).toEqual({
      version: '1.0',
      type: 'video',
      title: 'Kelp <week> & "more"',
      author_name: 'Seorak Foods',
      author_url: `${base}/exporters/${exporter.company.slug}`,
      provider_name: 'Tradecast',
      provider_url: `${base}/`,
      cache_age: 300,
      width: 480,
      height: 270,
      html: `<iframe src="${base}/embed/${session.id}" width="480" height="270" title="Kelp &lt;week&gt; &amp; &quot;more&quot;" allow="autoplay; fullscreen" allowfullscreen loading="lazy" style="border:0;max-width:100%"></iframe>`,
    })
    const fromEmbed = await json(await oembed({ url: `${base}/embed/${session.id}?lang=ko`, maxheight: '180' }))
    expect(fromEmbed).toMatchObject({ width: 320, height: 180 })
    expect(fromEmbed.html).toContain(`src="${base}/embed/${session.id}?lang=ko"`)
  })

  it("gives the replay's poster as the thumbnail", async () => {
    const { session } = await endedShowcase({ published: true, hasPoster: true })
    const body = await json(await oembed({ url: `${base}/live/${session.id}` }))
    expect(body.thumbnail_url).toMatch(new RegExp(`^${base}/media/recordings/[^?]+/poster\\.jpg\\?`))
    expect(body).toMatchObject({ thumbnail_width: 640, thumbnail_height: 360 })
  })

  it("gives a live show's recent still as the thumbnail while it is recorded", async () => {
    const prisma = await getPrisma()
    const { session } = await showcase({ status: 'LIVE' })
    const withoutStill = await json(await oembed({ url: `${base}/live/${session.id}` }))
    expect(withoutStill.thumbnail_url).toBeUndefined()
    const recording = await prisma.recording.create({ data: { sessionId: session.id, status: 'RECORDING', startedAt: new Date() } })
    await mkdir(path.join(RECORDINGS_DIR, recording.id), { recursive: true })
    await writeFile(path.join(RECORDINGS_DIR, recording.id, 'preview.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xd9]))
    const body = await json(await oembed({ url: `${base}/embed/${session.id}` }))
    expect(body.thumbnail_url).toMatch(new RegExp(`^${base}/media/recordings/${recording.id}/preview\\.jpg\\?.*&v=\\d+$`))
    expect(body).toMatchObject({ thumbnail_width: 640, thumbnail_height: 360 })
  })

  it('refuses unknown, private and foreign links (404), XML (501) and malformed queries (400)', async () => {
    const { session } = await showcase()
    const privateShow = await showcase({ isPublic: false })
    const notFound = [
      `${base}/live/no-such-showcase`,
      `${base}/live/${privateShow.session.id}`,
      `https://evil.example/live/${session.id}`,
      `${base.replace('127.0.0.1', 'localhost')}/live/${session.id}`,
      `${base}/live/${session.id}/clips`,
      `${base}/catalog/${session.id}`,
      `javascript:alert(1)//${base}/live/${session.id}`,
      `${base}/live/${session.id}"><script>alert(1)</script>`,
      `${base}/live/%27%20OR%201=1--`,
      'not a url',
    ]
    for (const url of notFound) {
      const response = await oembed({ url, format: 'json' })
      expect(response.status, url).toBe(404)
      expect(await response.json()).toEqual({ error: 'not-found' })
    }
    const xml = await oembed({ url: `${base}/live/${session.id}`, format: 'xml' })
    expect(xml.status).toBe(501)
    const queries: Array<Record<string, string>> = [
      {},
      { url: '' },
      { url: `${base}/live/${session.id}`, format: 'html' },
      { url: `${base}/live/${session.id}`, maxwidth: '99999999999999999999' },
      { url: `${base}/live/${session.id}`, maxwidth: '-1' },
      { url: `${base}/live/${session.id}`, maxheight: 'NaN' },
      { url: `${base}/live/${'x'.repeat(3000)}` },
    ]
    for (const query of queries) {
      const response = await oembed(query)
      expect(response.status, JSON.stringify(query)).toBe(400)
      expect((await json(response)).error).toBe('bad-request')
    }
  })

  it('is discoverable from the public watch page, not from a private one', async () => {
    const { session } = await showcase()
    const html = await (await get(`/live/${session.id}`)).text()
    const href = `${base}/oembed?${new URLSearchParams({ url: `${base}/live/${session.id}`, format: 'json' })}`.replaceAll('&', '&amp;')
    expect(html).toContain(`<link rel="alternate" type="application/json+oembed" href="${href}" title="Kelp week"/>`)
    const privateShow = await showcase({ isPublic: false })
    const buyer = await createBuyer()
    expect(await (await get(`/live/${privateShow.session.id}`, [buyer.cookie])).text()).not.toContain('application/json+oembed')
  })
})
