import type { Route } from './+types/oembed'
import { isDomainError } from '~/domain/errors'
import { oembedFor } from '~/domain/live/embed.server'
import { OembedQuerySchema, showcaseIdFromUrl } from '~/domain/live/oembed'
import { isSupportedLocale } from '~/lib/i18n'
import { resolveLocale } from '~/utils/preferences.server'
import { appOrigin } from '~/utils/request.server'

// oEmbed provider endpoint (https://oembed.com §2.2): GET /oembed?url=<watch or embed page>&format=json.
// Public and cookie-free in what it answers (a guest's view): CMSs call it from their servers, scripts
// from any site (CORS *). 400 for a malformed query, 404 for a link that is not a showcase a guest may
// watch on this site, 501 for format=xml (JSON only).

const JSON_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Access-Control-Allow-Origin': '*',
  'Cache-Control': 'public, max-age=300',
  // A shared cache must not hand one host's (or one language's) answer to another: the links carry the
  // request's origin, the title the caller's language (the switch's cookie or Accept-Language).
  Vary: 'Host, Accept-Language, Cookie',
  'X-Content-Type-Options': 'nosniff',
}

const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: JSON_HEADERS })

export async function loader({ request }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams
  const parsed = OembedQuerySchema.safeParse({
    url: params.get('url') ?? undefined,
    format: params.get('format') ?? undefined,
    maxwidth: params.get('maxwidth') ?? undefined,
    maxheight: params.get('maxheight') ?? undefined,
  })
  if (!parsed.success) return answer(400, { error: 'bad-request', fields: [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))] })
  const query = parsed.data
  if (query.format === 'xml') return answer(501, { error: 'not-implemented', message: 'Only format=json is provided.' })
  const origin = appOrigin(request)
  const sessionId = showcaseIdFromUrl(query.url, origin)
  if (sessionId === null) return answer(404, { error: 'not-found' })
  // The language of the title and names: the link's ?lang=, else the caller's headers.
  const linkLang = new URL(query.url).searchParams.get('lang')
  const linkLocale = isSupportedLocale(linkLang) ? linkLang : null
  const locale = linkLocale ?? (await resolveLocale(request, null))
  try {
    return answer(200, await oembedFor(sessionId, { origin, locale, lang: linkLocale ?? undefined, maxwidth: query.maxwidth, maxheight: query.maxheight }))
  } catch (error) {
    if (isDomainError(error) && error.code === 'not-found') return answer(404, { error: 'not-found' })
    throw error
  }
}
