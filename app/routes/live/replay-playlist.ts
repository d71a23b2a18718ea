import type { Route } from './+types/replay-playlist'
import { getOptionalUser } from '~/domain/accounts/session.server'
import { signedMediaUrl } from '~/domain/replays/media-urls.server'
import { composeVodPlaylist } from '~/domain/replays/playlist'
import { loadPartPlaylists, recordingForVisitor } from '~/domain/replays/recordings.server'
import { getRecordingStorage } from '~/domain/replays/storage.server'

/** The replay as one HLS VOD playlist with signed segment links; 404 for anyone who may not see it. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { recording } = await recordingForVisitor(params.sessionId, await getOptionalUser(request), 'replay')
  const parts = await loadPartPlaylists(recording.id, getRecordingStorage())
  const body = composeVodPlaylist(parts, { ended: true, urlOf: (file) => signedMediaUrl(recording.id, file) })
  return new Response(body, {
    headers: { 'Content-Type': 'application/vnd.apple.mpegurl', 'Cache-Control': 'private, max-age=60', Vary: 'Cookie' },
  })
}
