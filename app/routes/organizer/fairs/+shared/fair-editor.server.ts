import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect } from 'react-router'
import { createFair, SlugTakenError, updateFair } from '~/domain/fairs/fairs.server'
import { FairSchema } from '~/domain/fairs/schemas'
import { createToastCookie } from '~/utils/toast.server'

/** Saves the fair form (create when fairId is null); a taken slug goes back as a field error. */
export async function saveFairForm(formData: FormData, { organizerId, fairId }: { organizerId: string; fairId: string | null }) {
  const submission = parseWithZod(formData, { schema: FairSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  let id = fairId
  try {
    if (id) await updateFair(id, submission.value)
    else id = await createFair(organizerId, submission.value)
  } catch (error) {
    if (error instanceof SlugTakenError) return data({ result: submission.reply({ fieldErrors: { slug: ['fairs.errors.slugTaken'] } }) }, { status: 400 })
    throw error
  }
  return redirect(`/organizer/fairs/${id}`, { headers: { 'Set-Cookie': await createToastCookie({ messageKey: 'fairs.saved' }) } })
}
