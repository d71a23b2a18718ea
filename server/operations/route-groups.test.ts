import { describe, expect, it } from 'vitest'
import routes from '../../app/routes'
import { APP_ROUTE_SEGMENTS, routeGroup } from './route-groups'

type Entry = { path?: string | undefined; children?: Entry[] | undefined }

/** The first segment of every path in the route config (layouts add no segment here). */
function firstSegments(entries: Entry[]): string[] {
  return entries.flatMap((entry) => [...(entry.path && entry.path !== '*' ? [entry.path.split('/')[0]!] : []), ...firstSegments(entry.children ?? [])])
}

describe('routeGroup', () => {
  it('knows the first segment of every route in app/routes.ts, and nothing else', () => {
    expect(new Set(firstSegments(routes as Entry[]))).toEqual(APP_ROUTE_SEGMENTS)
  })

  it('labels a URL by its area, never by its ids, tokens or query', () => {
    expect(routeGroup('/')).toBe('home')
    expect(routeGroup('/_root.data')).toBe('home')
    expect(routeGroup('/catalog/cm123abc')).toBe('catalog')
    expect(routeGroup('/catalog.data')).toBe('catalog')
    expect(routeGroup('/reset-password/8f1b2c-secret-token')).toBe('reset-password')
    expect(routeGroup('/live/cm123/live.m3u8')).toBe('hls')
    expect(routeGroup('/media/recordings/cm1/part-0001.ts')).toBe('recording-files')
    expect(routeGroup('/healthz')).toBe('health')
    expect(routeGroup('/healthz/ready')).toBe('health')
    expect(routeGroup('/healthzzz')).toBe('other')
    expect(routeGroup('/whip/cm123')).toBe('whip')
    expect(routeGroup('/uploads/ab12.png')).toBe('uploads')
    expect(routeGroup('/assets/entry-abc.js')).toBe('assets')
    expect(routeGroup('/wp-admin/install.php')).toBe('other')
    expect(routeGroup('/cm-random-id-from-a-scanner')).toBe('other')
  })
})
