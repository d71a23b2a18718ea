import { MEDIA_PATH_PREFIX } from '../../app/domain/replays/media-urls.server.ts'
import { UPLOAD_URL_PREFIX } from '../../app/utils/uploads.server.ts'
import { WHIP_PATH } from '../ingest/whip-http.ts'

/** Paths Express serves itself, before React Router: prefix → group. */
const SERVER_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['/healthz', 'health'],
  ['/metrics', 'metrics'],
  ['/assets/', 'assets'],
  [`${UPLOAD_URL_PREFIX}/`, 'uploads'],
  [`${MEDIA_PATH_PREFIX}/`, 'recording-files'],
  [WHIP_PATH, 'whip'],
  ['/webhooks/', 'webhooks'],
  // React Router's lazy route discovery.
  ['/__manifest', 'route-manifest'],
]

/**
 * The first path segment of every route in app/routes.ts (route-groups.test.ts keeps this list in step
 * with it). A URL is labelled by its first segment only, so ids, tokens and slugs never become labels.
 */
export const APP_ROUTE_SEGMENTS: ReadonlySet<string> = new Set([
  'login',
  'signup',
  'logout',
  'forgot-password',
  'reset-password',
  'preferences',
  'settings',
  'dashboard',
  'exporter',
  'buyer',
  'organizer',
  'meetings',
  'invitations',
  'fairs',
  'admin',
  'hub',
  'advisor',
  'consultations',
  'agency',
  'catalog',
  'exporters',
  'inquiries',
  'notifications',
  'orders',
  'studio',
  'live',
  'embed',
  'oembed',
  'engagement',
  'rsvp',
  'unsubscribe',
])

/** A low-cardinality label for a request path: a server prefix's group, the app area, or 'other'. */
export function routeGroup(pathname: string): string {
  for (const [prefix, group] of SERVER_PREFIXES) {
    if (pathname === prefix || pathname.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)) return group
  }
  // HLS playlists are polled every few seconds by every player: their own group.
  if (pathname.endsWith('.m3u8')) return 'hls'
  // Single-fetch data requests: /catalog.data, /catalog/abc.data, and /_root.data for the index.
  const first = (pathname.split('/')[1] ?? '').replace(/\.data$/, '')
  if (first === '' || first === '_root') return 'home'
  return APP_ROUTE_SEGMENTS.has(first) ? first : 'other'
}
