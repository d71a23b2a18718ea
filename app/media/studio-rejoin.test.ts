import { describe, expect, it } from 'vitest'
import { studioRejoin } from './studio-rejoin'

describe('studioRejoin', () => {
  it('stays in preview until the show is live, whatever the page did before', () => {
    expect(studioRejoin('SCHEDULED', { encoder: false, wasBroadcasting: false })).toBe('preview')
    expect(studioRejoin('SCHEDULED', { encoder: false, wasBroadcasting: true })).toBe('preview')
  })

  it('broadcasts again by itself after any drop when this page was broadcasting (a server restart included)', () => {
    expect(studioRejoin('LIVE', { encoder: false, wasBroadcasting: true })).toBe('publish')
  })

  it('asks for one click on a page that joins a live show it was not broadcasting', () => {
    expect(studioRejoin('LIVE', { encoder: false, wasBroadcasting: false })).toBe('resumable')
  })

  it('publishes nothing from the browser when an encoder feeds the show', () => {
    expect(studioRejoin('LIVE', { encoder: true, wasBroadcasting: true })).toBe('live')
    expect(studioRejoin('LIVE', { encoder: true, wasBroadcasting: false })).toBe('live')
  })
})
