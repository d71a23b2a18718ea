import { parseWithZod } from '@conform-to/zod/v4'
import { data } from 'react-router'
import { createFair, setFairBanner, updateFair } from '~/domain/fairs/fairs.server'
import { FairSchema } from '~/domain/fairs/schemas'
import { validateCsrf } from '~/utils/csrf.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'
import { deleteUpload, filesOf, MB, parseUploadForm, sniffRasterImage, storeImage, uploadProblemResult } from '~/utils/uploads.server'

export const BANNER_MAX_BYTES = 5 * MB

/** Reads the fair form (multipart: it may carry a banner image) and checks its CSRF token. */
export async function readFairForm(request: Request) {
  const parsed = await parseUploadForm(request, { maxFileSize: BANNER_MAX_BYTES, maxFiles: 1 })
  if (parsed.problem) {
    const key = parsed.problem === 'tooLarge' ? 'fairs.errors.bannerTooLarge' : parsed.problem === 'tooMany' ? 'uploads.tooMany' : 'uploads.invalid'
    return { formData: null, failure: data({ result: uploadProblemResult('banner', key) }, { status: 400 }) }
  }
  await validateCsrf(request, parsed.formData)
  return { formData: parsed.formData, failure: null }
}

/** Saves the fair form (create when fairId is null); a taken slug goes back as a field error. */
export async function saveFairForm(formData: FormData, { organizerId, fairId }: { organizerId: string; fairId: string | null }) {
  const submission = parseWithZod(formData, { schema: FairSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  // The banner's bytes decide its type, never its name; checked before anything is saved.
  const [bannerFile] = filesOf(formData, 'banner')
  const banner = bannerFile ? await sniffRasterImage(bannerFile, BANNER_MAX_BYTES) : null
  if (bannerFile && !banner) return data({ result: submission.reply({ fieldErrors: { banner: ['uploads.notAnImage'] } }) }, { status: 400 })
  let id = fairId
  try {
    if (id) await updateFair(id, submission.value)
    else id = await createFair(organizerId, submission.value)
  } catch (error) {
    return formErrorFromDomain(submission, error, { only: ['slug-taken'] })
  }
  if (banner) await deleteUpload(await setFairBanner(id, await storeImage(banner)))
  return redirectWithToast(`/organizer/fairs/${id}`, 'fairs.saved')
}
