import { parseWithZod } from '@conform-to/zod/v4'
import { data } from 'react-router'
import { readFairForm, saveFairForm } from './+shared/fair-editor.server'
import { handleBuyerVerificationForm, isBuyerVerificationIntent } from '~/routes/+shared/buyer-verification-form.server'
import { roleHasPermission } from '~/domain/accounts/permissions'
import { buyerVerificationsOf } from '~/domain/buyers/verification.server'
import { requireFairManager } from '~/domain/fairs/access.server'
import { addHall, decideRegistration, getFairForManagement, placeSession, unplaceSession, updateBooth } from '~/domain/fairs/fairs.server'
import { ManageFairActionSchema } from '~/domain/fairs/schemas'
import { setReplayPublished } from '~/domain/replays/retention.server'
import { requestNow } from '~/utils/clock.server'
import { resolveLocale } from '~/utils/preferences.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'

export async function loadManagedFair(request: Request, fairId: string) {
  const { user } = await requireFairManager(request, fairId)
  const fair = await getFairForManagement(fairId, await resolveLocale(request, user))
  // Only approved buyers may be verified from a fair's page (docs/verified-buyers.md).
  const buyerIds = fair.registrations.flatMap((r) => (r.buyerId && r.status === 'APPROVED' ? [r.buyerId] : []))
  return { fair, buyerVerifications: await buyerVerificationsOf(buyerIds, fairId), mayChangeAnyVerification: roleHasPermission(user.role, 'verify:buyer:any') }
}

const TOAST = {
  hall: 'fairs.hallAdded',
  approve: 'fairs.registrationApproved',
  reject: 'fairs.registrationRejected',
  booth: 'fairs.boothSaved',
  place: 'fairs.sessionPlaced',
  unplace: 'fairs.sessionUnplaced',
  'unpublish-replay': 'replayAdmin.toast.unpublished',
}

export async function handleManageFairAction(request: Request, fairId: string) {
  const { user } = await requireFairManager(request, fairId)
  const { formData, failure } = await readFairForm(request)
  if (!formData) return failure
  if (formData.get('intent') === 'save') return saveFairForm(formData, { organizerId: user.id, fairId })
  if (isBuyerVerificationIntent(formData.get('intent'))) {
    return handleBuyerVerificationForm(request, user, formData, { fairId, redirectTo: `/organizer/fairs/${fairId}` })
  }
  const submission = parseWithZod(formData, { schema: ManageFairActionSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const input = submission.value
  try {
    switch (input.intent) {
      case 'hall':
        await addHall(fairId, input)
        break
      case 'approve':
      case 'reject':
        await decideRegistration(fairId, input.registrationId, input.intent === 'approve' ? 'APPROVED' : 'REJECTED')
        break
      case 'booth':
        await updateBooth(fairId, input)
        break
      case 'place':
        await placeSession(fairId, input)
        break
      case 'unplace':
        await unplaceSession(fairId, input.sessionId)
        break
      case 'unpublish-replay':
        await setReplayPublished(user, input.recordingId, false, requestNow(request))
        break
    }
  } catch (error) {
    return formErrorFromDomain(submission, error, { only: ['already-decided', 'booth-code-taken', 'invalid-hall'], status: 409 })
  }
  return redirectWithToast(`/organizer/fairs/${fairId}`, TOAST[input.intent])
}
