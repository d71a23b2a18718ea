import { parseWithZod } from '@conform-to/zod/v4'
import { data } from 'react-router'
import { requirePermission } from '~/domain/accounts/permissions.server'
import { deleteRequirement, requireRequirement, saveRequirement, type Actor } from '~/domain/readiness/catalogue-admin.server'
import { RequirementFormSchema, requirementFromForm } from '~/domain/readiness/requirement-form'
import { isoDay } from '~/lib/time'
import { validateCsrf } from '~/utils/csrf.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'

/** Only admins edit the catalogue (403 for everyone else, LOGIN for guests). */
export async function requireCatalogueAdmin(request: Request): Promise<Actor> {
  const user = await requirePermission(request, 'manage:requirements')
  return { id: user.id, name: user.name, email: user.email }
}

/**
 * The create/edit form's POST: intent "save" (create when `code` is null; on edit the URL's code wins over
 * any posted one, since codes never change) or "delete" (edit only, with its confirmation ticked).
 */
export async function requirementEditorAction(request: Request, code: string | null) {
  const actor = await requireCatalogueAdmin(request)
  // An unknown code is a 404 whatever was posted.
  const existing = code ? await requireRequirement(code) : null
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const intent = formData.get('intent')
  if (code && intent === 'delete') {
    if (formData.get('confirm') !== 'on') return data({ result: null, deleteError: 'readinessAdmin.errors.confirmDelete' }, { status: 400 })
    await deleteRequirement(code, { actor })
    return redirectWithToast('/admin/requirements', 'readinessAdmin.toast.deleted')
  }
  if (code) formData.set('code', code)
  const submission = parseWithZod(formData, { schema: RequirementFormSchema })
  if (intent !== 'save' || submission.status !== 'success') {
    return data({ result: submission.reply(), deleteError: null }, { status: 400 })
  }
  const now = new Date()
  const requirement = requirementFromForm(submission.value, { previousCheckedOn: existing?.checkedOn ?? null, today: isoDay(now) })
  try {
    await saveRequirement(requirement, { actor, mode: code ? 'update' : 'create', now })
  } catch (error) {
    return formErrorFromDomain(submission, error, { only: ['requirement-code-taken'], extra: { deleteError: null } })
  }
  return redirectWithToast(
    `/admin/requirements/${encodeURIComponent(requirement.code)}`,
    code ? 'readinessAdmin.toast.updated' : 'readinessAdmin.toast.created',
  )
}
