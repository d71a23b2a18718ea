import type { Express } from 'express'
import { MEDIA_PATH_PREFIX, verifyMediaLink } from '../../app/domain/replays/media-urls.server.ts'
import { getRecordingStorage, StoragePathError } from '../../app/domain/replays/storage.server.ts'

const CONTENT_TYPES: Record<string, string> = {
  ts: 'video/mp2t',
  m4s: 'video/iso.segment',
  mp4: 'video/mp4',
  jpg: 'image/jpeg',
}

/**
 * Files of recordings (segments, posters, clips) behind signed links (app/domain/replays/media-urls.server.ts):
 * no session lookup per segment, Range requests for clips, and a 404 for anything unsigned, expired or
 * outside the storage folder. Playlists are not served here: their routes decide who may watch.
 */
export function mountRecordingFiles(app: Express): void {
  app.get(`${MEDIA_PATH_PREFIX}/:recordingId/:file`, (req, res) => {
    const { recordingId, file } = req.params
    const extension = file.slice(file.lastIndexOf('.') + 1)
    const type = CONTENT_TYPES[extension]
    const check = verifyMediaLink(recordingId, file, req.query.exp, req.query.sig)
    if (!type || !check.ok) {
      res.status(404).type('text/plain').send('Not found')
      return
    }
    let filePath: string
    try {
      filePath = getRecordingStorage().pathOf(recordingId, file)
    } catch (error) {
      if (!(error instanceof StoragePathError)) throw error
      res.status(404).type('text/plain').send('Not found')
      return
    }
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.sendFile(
      filePath,
      {
        // A segment never changes once listed; the link itself expires (and is re-signed hourly).
        maxAge: '6h',
        immutable: true,
        dotfiles: 'deny',
        headers: { 'Content-Type': type, 'Cache-Control': 'private, max-age=21600, immutable' },
      },
      (error) => {
        if (error && !res.headersSent) res.status(404).type('text/plain').send('Not found')
      },
    )
  })
}
