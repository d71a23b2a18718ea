import { parseWithZod } from '@conform-to/zod/v4'
import { data } from 'react-router'
import type { Route } from './+types/follow'
import { requireUser } from '~/domain/accounts/session.server'
import { setFollowing } from '~/domain/engagement/follows.server'
import { FollowSchema } from '~/domain/engagement/schemas'
import { validateCsrf } from '~/utils/csrf.server'
import { safeRedirectPath } from '~/utils/request.server'
import { redirectWithToast } from '~/utils/toast.server'

/** Only POST is served here (a GET without a loader would be logged as a server error). */
export function loader() {
  return new Response(null, { status: 405, headers: { Allow: 'POST' } })
}

/** Follow or stop following an exporter or a fair (the Follow buttons post here), then back to the page. */
export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: FollowSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const { target, id, following } = submission.value
  await setFollowing(user, target, id, following)
  return redirectWithToast(
    safeRedirectPath(formData.get('returnTo'), '/buyer/following'),
    following ? 'engagement.toast.followed' : 'engagement.toast.unfollowed',
  )
}
