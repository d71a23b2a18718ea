import { parseWithZod } from '@conform-to/zod/v4'
import { data } from 'react-router'
import { requirePermission } from '~/domain/accounts/permissions.server'
import { addAgencyMember, createAgency, listAgenciesForAdmin, removeAgencyMember } from '~/domain/agencies/admin.server'
import { AdminAgencyActionSchema } from '~/domain/agencies/schemas'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { resolveLocale } from '~/utils/preferences.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'

// /admin/agencies: admins create export agencies and add or remove their members (docs/export-agencies.md).

export async function loadAdminAgencies(request: Request) {
  const user = await requirePermission(request, 'view:admin')
  return { agencies: await listAgenciesForAdmin(await resolveLocale(request, user)) }
}

export async function handleAdminAgenciesAction(request: Request) {
  const admin = await requirePermission(request, 'view:admin')
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: AdminAgencyActionSchema })
  const target = formData.get('agencyId') ?? formData.get('intent')
  if (submission.status !== 'success') return data({ result: submission.reply(), target }, { status: 400 })
  const input = submission.value
  const now = requestNow(request)
  try {
    switch (input.intent) {
      case 'create-agency':
        await createAgency(input, now)
        return await redirectWithToast('/admin/agencies', 'agency.toast.agencyCreated')
      case 'add-member':
        await addAgencyMember({ ...input, locale: await resolveLocale(request, admin) }, admin, now)
        return await redirectWithToast('/admin/agencies', 'agency.toast.memberAdded')
      case 'remove-member':
        await removeAgencyMember(input.memberId, {}, now)
        return await redirectWithToast('/admin/agencies', 'agency.toast.memberRemoved')
    }
  } catch (error) {
    return formErrorFromDomain(submission, error, {
      only: ['conflict', 'not-agency-account', 'already-member', 'name-required', 'last-lead'],
      extra: { target },
    })
  }
}
