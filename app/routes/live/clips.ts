import { parseWithZod } from '@conform-to/zod/v4'
import { data } from 'react-router'
import type { Route } from './+types/clips'
import { getOptionalUser, requireUser } from '~/domain/accounts/session.server'
import { CreateClipSchema } from '~/domain/replays/clip-schema'
import { clipStatusFor, createClip, listRecordingClips } from '~/domain/replays/clips.server'
import { recordingForVisitor } from '~/domain/replays/recordings.server'
import { assertReplayAuthority } from '~/domain/replays/retention.server'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { resolveLocale } from '~/utils/preferences.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'

// A replay's clips as JSON (the clip marker's fetcher). GET: the clips this visitor may see, or with
// ?clip=<id> one clip's cut status for those who mark clips. POST: mark a clip (cut in the background).

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await getOptionalUser(request)
  const locale = await resolveLocale(request, user)
  const clipId = new URL(request.url).searchParams.get('clip')
  if (clipId !== null) {
    const signedIn = await requireUser(request)
    if (!/^[a-z0-9]{1,40}$/.test(clipId)) throw data({ reason: 'not-found' }, { status: 404 })
    return data({ clip: await clipStatusFor(signedIn, params.sessionId, clipId, locale) }, { headers: { 'Cache-Control': 'private, no-store' } })
  }
  const { recording, canManage } = await recordingForVisitor(params.sessionId, user, 'replay')
  return data(
    { clips: await listRecordingClips(recording.id, { includeUnpublished: canManage, locale }) },
    { headers: { 'Cache-Control': 'private, no-store' } },
  )
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  // Who may mark clips here is decided before the form is read: others learn nothing from its errors.
  await assertReplayAuthority(params.sessionId, user, 'clips')
  const submission = parseWithZod(formData, { schema: CreateClipSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), clip: null }, { status: 400 })
  const { title, start, end, productId } = submission.value
  try {
    const clip = await createClip(user, params.sessionId, { title, startMs: start, endMs: end, productId }, requestNow(request))
    return data({ result: submission.reply({ resetForm: true }), clip })
  } catch (error) {
    return formErrorFromDomain(submission, error, {
      only: ['clip-title', 'clip-range', 'clip-product', 'replay-not-ready', 'clip-queue-full'],
      extra: { clip: null },
    })
  }
}
