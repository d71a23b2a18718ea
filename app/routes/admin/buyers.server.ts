import { z } from 'zod'
import { handleBuyerVerificationForm } from '~/routes/+shared/buyer-verification-form.server'
import { requirePermission } from '~/domain/accounts/permissions.server'
import { BUYER_LIST_FILTERS, listBuyersForVerification } from '~/domain/buyers/verification.server'
import { validateCsrf } from '~/utils/csrf.server'

// The admin's buyers list (docs/verified-buyers.md); the verify/revoke form handler is shared with a
// fair's page (routes/+shared/buyer-verification-form.server.ts).

const ListSchema = z.object({
  verified: z.enum(BUYER_LIST_FILTERS).catch('all').default('all'),
  q: z.string().trim().max(100).optional().catch(undefined),
})

export async function loadAdminBuyers(request: Request) {
  await requirePermission(request, 'verify:buyer:any')
  const filter = ListSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  return { filter, ...(await listBuyersForVerification({ verified: filter.verified, query: filter.q || undefined })) }
}

export async function handleAdminBuyersAction(request: Request) {
  const user = await requirePermission(request, 'verify:buyer:any')
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const url = new URL(request.url)
  return handleBuyerVerificationForm(request, user, formData, { fairId: null, redirectTo: `${url.pathname}${url.search}` })
}
