import { parseWithZod } from '@conform-to/zod/v4'
import { data } from 'react-router'
import { requireCompanyAdmin } from '~/domain/accounts/permissions.server'
import { updateCompanyProfile } from '~/domain/exporters/company-profile.server'
import { companyProfileSchema } from '~/domain/exporters/schemas'
import { validateCsrf } from '~/utils/csrf.server'
import { redirectWithToast } from '~/utils/toast.server'
import { deleteUpload, filesOf, MB, parseUploadForm, sniffRasterImage, storeImage, uploadProblemResult } from '~/utils/uploads.server'

export const LOGO_MAX_BYTES = 2 * MB

export async function handleCompanyProfile(request: Request, now = new Date()) {
  const { membership } = await requireCompanyAdmin(request)
  const parsed = await parseUploadForm(request, { maxFileSize: LOGO_MAX_BYTES, maxFiles: 1 })
  if (!parsed.formData) {
    const key = parsed.problem === 'tooLarge' ? 'uploads.logoTooLarge' : parsed.problem === 'tooMany' ? 'uploads.tooMany' : 'uploads.invalid'
    return data({ result: uploadProblemResult('logo', key) }, { status: 400 })
  }
  const formData = parsed.formData
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: companyProfileSchema(now.getUTCFullYear()) })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })

  const [logoFile] = filesOf(formData, 'logo')
  let logoPath: string | undefined
  if (logoFile) {
    const image = await sniffRasterImage(logoFile, LOGO_MAX_BYTES)
    if (!image) return data({ result: submission.reply({ fieldErrors: { logo: ['uploads.notAnImage'] } }) }, { status: 400 })
    logoPath = await storeImage(image)
  }
  try {
    await updateCompanyProfile(membership.company.id, submission.value, { logoPath })
  } catch (error) {
    await deleteUpload(logoPath)
    throw error
  }
  return redirectWithToast('/exporter/company', 'exporter.company.saved')
}
