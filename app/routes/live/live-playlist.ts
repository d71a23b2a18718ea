import type { Route } from './+types/live-playlist'
import { getOptionalUser } from '~/domain/accounts/session.server'
import { LIVE_MEDIA_LINK_LIFETIME_SECONDS, signedMediaUrl } from '~/domain/replays/media-urls.server'
import { composeLivePlaylist } from '~/domain/replays/playlist'
import { loadPartPlaylists, recordingForVisitor } from '~/domain/replays/recordings.server'
import { getRecordingStorage } from '~/domain/replays/storage.server'
import { ComposedPlaylistCache } from '~/domain/replays/playlist-cache.server'

const LIVE_PLAYLISTS = new ComposedPlaylistCache(1000)

/** Segments in the rolling window of the live HLS rendition (2-s segments: ~12 s of media). */
export const LIVE_WINDOW_SEGMENTS = 6

/**
 * The live HLS rendition of a showcase that is live and being recorded: the fallback for viewers whose
 * WebRTC cannot connect or who arrive when the room is full. Same access rule as the live room.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  // Who may watch is checked per request; the body is the same for everyone who may (links are signed per
  // recording), so it is composed at most once a second, however many fallback viewers reload it.
  const { recording } = await recordingForVisitor(params.sessionId, await getOptionalUser(request), 'live')
  const body = await LIVE_PLAYLISTS.get(recording.id, async () =>
    composeLivePlaylist(await loadPartPlaylists(recording.id, getRecordingStorage()), {
      windowSize: LIVE_WINDOW_SEGMENTS,
      urlOf: (file) => signedMediaUrl(recording.id, file, { lifetimeSeconds: LIVE_MEDIA_LINK_LIFETIME_SECONDS }),
    }),
  )
  // Players reload a live playlist about once per segment: never cache it downstream.
  return new Response(body, { headers: { 'Content-Type': 'application/vnd.apple.mpegurl', 'Cache-Control': 'private, no-store' } })
}
