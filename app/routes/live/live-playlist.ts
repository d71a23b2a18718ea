import type { Route } from './+types/live-playlist'
import { getOptionalUser } from '~/domain/accounts/session.server'
import { LIVE_MEDIA_LINK_LIFETIME_SECONDS, signedMediaUrl } from '~/domain/replays/media-urls.server'
import { composeLivePlaylist } from '~/domain/replays/playlist'
import { loadPartPlaylists, recordingForVisitor } from '~/domain/replays/recordings.server'
import { getRecordingStorage } from '~/domain/replays/storage.server'

/** Segments in the rolling window of the live HLS rendition (2-s segments: ~12 s of media). */
export const LIVE_WINDOW_SEGMENTS = 6

/**
 * The live HLS rendition of a showcase that is live and being recorded: the fallback for viewers whose
 * WebRTC cannot connect or who arrive when the room is full. Same access rule as the live room.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { recording } = await recordingForVisitor(params.sessionId, await getOptionalUser(request), 'live')
  const parts = await loadPartPlaylists(recording.id, getRecordingStorage())
  const body = composeLivePlaylist(parts, {
    windowSize: LIVE_WINDOW_SEGMENTS,
    urlOf: (file) => signedMediaUrl(recording.id, file, { lifetimeSeconds: LIVE_MEDIA_LINK_LIFETIME_SECONDS }),
  })
  // Players reload a live playlist about once per segment: never cache it.
  return new Response(body, { headers: { 'Content-Type': 'application/vnd.apple.mpegurl', 'Cache-Control': 'private, no-store' } })
}
