import { parseWithZod } from '@conform-to/zod/v4'
import { data } from 'react-router'
import { requireUser } from '~/domain/accounts/session.server'
import { requireInquiryAccess, requireSide } from '~/domain/inquiries/access.server'
import { agencyAudit } from '~/domain/agencies/actor.server'
import { addQuote, changeInquiryStatus, hasUnreadActivity, markInquiryRead, postInquiryMessage } from '~/domain/inquiries/inquiries.server'
import { getInquiryThread } from '~/domain/inquiries/queries.server'
import { inquiryReadinessGap } from '~/domain/readiness/buyer-readiness.server'
import { InquiryActionSchema } from '~/domain/inquiries/schemas'
import { validateCsrf } from '~/utils/csrf.server'
import { resolveLocale } from '~/utils/preferences.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'

export async function loadThread(request: Request, inquiryId: string) {
  const user = await requireUser(request)
  const { side, agency } = await requireInquiryAccess(user, inquiryId)
  const locale = await resolveLocale(request, user)
  // A GET changes nothing: the page posts `intent=read` once shown (see the route component).
  const [inquiry, needsRead, readinessGap] = await Promise.all([
    getInquiryThread(inquiryId, locale),
    side === 'organizer' ? false : hasUnreadActivity(inquiryId, side),
    // The exporter sees, before quoting, what the product lacks for the buyer's destination.
    side === 'exporter' ? inquiryReadinessGap(inquiryId, { locale }) : null,
  ])
  return {
    side,
    inquiry,
    viewerId: user.id,
    needsRead,
    readinessGap,
    actingAgency: agency ? { agency: agency.agency.name, company: agency.company.name } : null,
  }
}

export async function handleThreadAction(request: Request, inquiryId: string) {
  const user = await requireUser(request)
  const { side, agency } = await requireInquiryAccess(user, inquiryId)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: InquiryActionSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const input = submission.value
  if (input.intent === 'read') {
    requireSide(side, 'buyer', 'exporter')
    await markInquiryRead(inquiryId, side as 'buyer' | 'exporter')
    return data({ read: true })
  }
  let toastKey: string
  switch (input.intent) {
    case 'message':
      requireSide(side, 'buyer', 'exporter')
      await postInquiryMessage(
        user,
        inquiryId,
        side as 'buyer' | 'exporter',
        input.body,
        new Date(),
        agencyAudit(agency, 'inquiry.message', 'inquiry-message', 'RFQS_QUOTES'),
      )
      toastKey = 'inquiries.messageSent'
      break
    case 'quote':
      requireSide(side, 'exporter')
      if (new Date(`${input.validUntil}T23:59:59Z`) < new Date()) {
        return data({ result: submission.reply({ fieldErrors: { validUntil: ['inquiries.errors.pastDate'] } }) }, { status: 400 })
      }
      await addQuote(user, inquiryId, input, new Date(), agencyAudit(agency, 'inquiry.quote', 'quote', 'RFQS_QUOTES'))
      toastKey = 'inquiries.quoteSent'
      break
    case 'status':
      requireSide(side, 'exporter')
      try {
        await changeInquiryStatus(user, inquiryId, input, new Date(), agencyAudit(agency, `inquiry.stage.${input.status}`, 'inquiry', 'RFQS_QUOTES'))
      } catch (error) {
        return formErrorFromDomain(submission, error, {
          only: [
            'invalid-transition',
            'conflict',
            'no-rate',
            'value-required',
            'value-invalid',
            'value-not-used',
            'date-invalid',
            'date-in-future',
            'date-before-previous',
          ],
        })
      }
      toastKey = 'inquiries.statusUpdated'
      break
  }
  return redirectWithToast(`/inquiries/${inquiryId}`, toastKey)
}
