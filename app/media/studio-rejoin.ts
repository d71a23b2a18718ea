import type { SessionStatus } from '~/protocol/media'

/**
 * What the studio does once its host join is done, at the first connection and at every rejoin
 * (a network drop, a media reset, a server restart or crash):
 * - preview: the show is not live yet;
 * - live: an encoder feeds the show, the browser publishes nothing;
 * - publish: this page was broadcasting before the drop, so it broadcasts again by itself (viewers
 *   get the picture back without the host having to notice the drop);
 * - resumable: the show is live but this page never broadcast it (opened or reloaded mid-show, maybe on
 *   another device): one click to broadcast from here, so two studio pages never take turns unasked.
 */
export type StudioRejoin = 'preview' | 'live' | 'publish' | 'resumable'

export function studioRejoin(status: SessionStatus, { encoder, wasBroadcasting }: { encoder: boolean; wasBroadcasting: boolean }): StudioRejoin {
  if (status !== 'LIVE') return 'preview'
  if (encoder) return 'live'
  return wasBroadcasting ? 'publish' : 'resumable'
}
