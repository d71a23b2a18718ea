import { parseWithZod } from '@conform-to/zod/v4'
import { data } from 'react-router'
import { z } from 'zod'
import { requireCompanyPermission } from '~/domain/accounts/permissions.server'
import { grantAgency, loadCompanyAgencies, revokeGrant, updateGrantScopes } from '~/domain/agencies/grants.server'
import { CompanyAgencyActionSchema } from '~/domain/agencies/schemas'
import { validateCsrf } from '~/utils/csrf.server'
import { resolveLocale } from '~/utils/preferences.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'
import { requestNow } from '~/utils/clock.server'

// /exporter/agencies: the company OWNER finds an export agency, grants it scopes, changes or revokes them,
// and reads what agencies did for the company (docs/export-agencies.md).

const SearchSchema = z.object({ q: z.string().trim().max(100).optional().catch(undefined) })

export async function loadCompanyAgenciesPage(request: Request) {
  const { user, membership } = await requireCompanyPermission(request, 'grant:agency:own')
  const locale = await resolveLocale(request, user)
  const { q } = SearchSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  return { q: q ?? '', company: membership.company.name, ...(await loadCompanyAgencies(membership.company.id, locale, q || undefined)) }
}

export async function handleCompanyAgenciesAction(request: Request) {
  const { user, membership } = await requireCompanyPermission(request, 'grant:agency:own')
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: CompanyAgencyActionSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), target: formData.get('agencyId') ?? formData.get('grantId') }, { status: 400 })
  const input = submission.value
  const companyId = membership.company.id
  const now = requestNow(request)
  try {
    switch (input.intent) {
      case 'grant':
        await grantAgency(user, companyId, input.agencyId, input.scopes, now)
        return await redirectWithToast('/exporter/agencies', 'agency.toast.granted')
      case 'update-scopes':
        await updateGrantScopes(user, companyId, input.grantId, input.scopes, now)
        return await redirectWithToast('/exporter/agencies', 'agency.toast.scopesUpdated')
      case 'revoke':
        await revokeGrant(user, companyId, input.grantId, now)
        return await redirectWithToast('/exporter/agencies', 'agency.toast.revoked')
    }
  } catch (error) {
    return formErrorFromDomain(submission, error, { only: ['conflict'], extra: { target: 'agencyId' in input ? input.agencyId : input.grantId } })
  }
}
