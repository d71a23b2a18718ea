import { z } from 'zod'
import { embedPath } from '~/lib/embed-paths'

// oEmbed (https://oembed.com) for showcases: a CMS given the link of a watch page (/live/:id) or of the
// embed page (/embed/:id) asks GET /oembed?url=…&format=json&maxwidth=&maxheight= and gets the player's
// iframe. Only links to this site are answered; the pure parts (query, sizes, markup) live here.

export const OEMBED_DEFAULT_WIDTH = 640
export const OEMBED_DEFAULT_HEIGHT = 360
/** The recorder's poster (server/recording/ffmpeg.ts posterArgs: 640 wide, 16:9 video). */
export const OEMBED_THUMBNAIL = { width: 640, height: 360 } as const

const dimension = z
  .string()
  .regex(/^\d{1,6}$/, { error: 'a whole number of pixels' })
  .transform(Number)
  .pipe(z.number().int().min(1).max(100_000))

export const OembedQuerySchema = z.object({
  url: z.string().min(1).max(2048),
  format: z.enum(['json', 'xml']).default('json'),
  maxwidth: dimension.optional(),
  maxheight: dimension.optional(),
})

export type OembedQuery = z.infer<typeof OembedQuerySchema>

const SHOWCASE_PATH = /^\/(?:live|embed)\/([A-Za-z0-9_-]{1,40})\/?$/

/**
 * The showcase id a link names, when it is a watch or embed page of `origin` (this site: same scheme, host
 * and port; no credentials), else null. Anything else (another host, javascript:, a path elsewhere) is null.
 */
export function showcaseIdFromUrl(raw: string, origin: string): string | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (url.origin !== new URL(origin).origin || url.username !== '' || url.password !== '') return null
  return SHOWCASE_PATH.exec(url.pathname)?.[1] ?? null
}

/** 16:9 within the consumer's bounds (640×360 when it gives none; never larger than asked). */
export function oembedSize(maxwidth?: number, maxheight?: number): { width: number; height: number } {
  let width = Math.min(OEMBED_DEFAULT_WIDTH, maxwidth ?? OEMBED_DEFAULT_WIDTH)
  let height = Math.round((width * 9) / 16)
  if (maxheight !== undefined && height > maxheight) {
    height = maxheight
    width = Math.round((height * 16) / 9)
  }
  return { width: Math.max(1, width), height: Math.max(1, height) }
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char)

/** The iframe a CMS pastes (also the snippet shown to the exporter). */
export function embedIframeHtml({
  origin,
  sessionId,
  title,
  width,
  height,
  lang,
}: {
  origin: string
  sessionId: string
  title: string
  width: number
  height: number
  lang?: string | undefined
}): string {
  const src = `${origin}${embedPath(sessionId)}${lang ? `?${new URLSearchParams({ lang })}` : ''}`
  return `<iframe src="${escapeHtml(src)}" width="${width}" height="${height}" title="${escapeHtml(title)}" allow="autoplay; fullscreen" allowfullscreen loading="lazy" style="border:0;max-width:100%"></iframe>`
}
