import { parseWithZod } from '@conform-to/zod/v4'
import { data } from 'react-router'
import { requirePermission } from '~/domain/accounts/permissions.server'
import { STAFF_ERRORS, createStaffAccount, listStaffAccounts, resendStaffInvitation } from '~/domain/accounts/staff.server'
import { StaffActionSchema } from '~/domain/accounts/staff-schema'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'

// /admin/staff: admins create the accounts of the people who run the hub (docs/hub-staff.md).

export async function loadStaffAccounts(request: Request) {
  await requirePermission(request, 'view:admin')
  return { accounts: await listStaffAccounts(requestNow(request)) }
}

export async function handleStaffAction(request: Request) {
  const admin = await requirePermission(request, 'view:admin')
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: StaffActionSchema })
  const target = formData.get('userId') ?? formData.get('intent')
  if (submission.status !== 'success') return data({ result: submission.reply(), target }, { status: 400 })
  const input = submission.value
  const now = requestNow(request)
  try {
    if (input.intent === 'create-staff') {
      await createStaffAccount(input, admin, now)
      return await redirectWithToast('/admin/staff', 'staff.toast.created')
    }
    await resendStaffInvitation(input.userId, admin, now)
    return await redirectWithToast('/admin/staff', 'staff.toast.resent')
  } catch (error) {
    return formErrorFromDomain(submission, error, { only: STAFF_ERRORS, extra: { target } })
  }
}
