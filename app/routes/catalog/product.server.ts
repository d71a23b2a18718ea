import { parseWithZod } from '@conform-to/zod/v4'
import { data } from 'react-router'
import { requirePermission } from '~/domain/accounts/permissions.server'
import { createInquiry } from '~/domain/inquiries/inquiries.server'
import { RfqSchema } from '~/domain/inquiries/schemas'
import { validateCsrf } from '~/utils/csrf.server'
import { consumeTradeBudget } from '~/utils/rate-limit.server'
import { getClientIp } from '~/utils/request.server'
import { redirectWithToast } from '~/utils/toast.server'

export async function handleRfq(request: Request, productId: string) {
  const user = await requirePermission(request, 'send:inquiry')
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: RfqSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  // The URL names the product; a different id in the form body is refused rather than trusted.
  if (submission.value.productId !== productId) throw data({ reason: 'invalid' }, { status: 400 })
  // Anti-automation: a valid RFQ costs a point of the account's and the address's budget; the form
  // comes back with its input and how long to wait.
  const budget = await consumeTradeBudget('rfq', { userId: user.id, ip: getClientIp(request) })
  if (!budget.allowed) {
    return data(
      { result: submission.reply({ formErrors: [`inquiries.errors.tooMany|${Math.ceil(budget.retryAfterSeconds / 60)}`] }) },
      { status: 429, headers: { 'Retry-After': String(budget.retryAfterSeconds) } },
    )
  }
  const inquiryId = await createInquiry(user, submission.value)
  // Asked from a live room: answer in place so the buyer stays in the stream.
  if (formData.get('stay') === '1') return data({ sent: true as const, inquiryId })
  return redirectWithToast(`/inquiries/${inquiryId}`, 'inquiries.sent')
}
