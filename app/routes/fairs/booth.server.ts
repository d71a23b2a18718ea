import { parseWithZod } from '@conform-to/zod/v4'
import { data } from 'react-router'
import { getOptionalUser, requireUser } from '~/domain/accounts/session.server'
import { getBoothPage } from '~/domain/fairs/public.server'
import { buyerPreferenceAtBooth, findBoothParties, setMeetingPreference } from '~/domain/meetings/preferences.server'
import { PreferenceSchema } from '~/domain/meetings/schemas'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { resolveLocale } from '~/utils/preferences.server'
import { redirectWithToast } from '~/utils/toast.server'

export async function loadBoothPage(request: Request, slug: string, code: string) {
  const user = await getOptionalUser(request)
  const locale = await resolveLocale(request, user)
  const page = await getBoothPage(slug, code, { now: requestNow(request), locale, viewer: user ? { id: user.id, role: user.role } : null })
  // Only a signed-in buyer approved for this fair gets the "who I want to meet" controls.
  const preference = user ? await buyerPreferenceAtBooth(user, await findBoothParties(slug, code)) : null
  return { ...page, preference }
}

/** intent=preference: the buyer's wish to meet this exhibitor at this fair (fair and company from the URL). */
export async function handleBoothAction(request: Request, slug: string, code: string) {
  const user = await requireUser(request)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: PreferenceSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const { fairId, companyId } = await findBoothParties(slug, code)
  const level = submission.value.level === 'NONE' ? null : submission.value.level
  await setMeetingPreference(user, { fairId, side: 'buyer', companyId, level })
  return redirectWithToast(`/fairs/${slug}/booths/${code}`, level ? 'meetings.preference.saved' : 'meetings.preference.cleared')
}
