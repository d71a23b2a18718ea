import { parseWithZod } from '@conform-to/zod/v4'
import { data } from 'react-router'
import { agencyAudit, actingOf, requireCompanyActor } from '~/domain/agencies/actor.server'
import {
  deleteProductImage,
  getProductEditorOptions,
  getProductForEdit,
  moveProductImage,
  PRODUCT_EDITOR_ERRORS,
  productServerSchema,
  saveProduct,
} from '~/domain/catalog/product-editor.server'
import { ImageActionSchema, MAX_PRODUCT_IMAGES } from '~/domain/catalog/product-schema'
import { validateCsrf } from '~/utils/csrf.server'
import { resolveLocale } from '~/utils/preferences.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'
import { deleteUpload, deleteUploads, filesOf, MB, parseUploadForm, sniffRasterImage, storeImage, uploadProblemResult } from '~/utils/uploads.server'

export const PRODUCT_IMAGE_MAX_BYTES = 5 * MB

export async function loadProductEditor(request: Request, productId: string | null) {
  // A company member, or an agency member acting for the company with the catalogue scope (ADR 026).
  const actor = await requireCompanyActor(request, 'manage:product:own')
  const locale = await resolveLocale(request, actor.user)
  const companyId = actor.company.id
  const [options, product] = await Promise.all([
    getProductEditorOptions(companyId, locale),
    productId ? getProductForEdit(companyId, productId) : Promise.resolve(null),
  ])
  return { options, product, now: new Date().toISOString() }
}

/** Saves the editor (create when productId is null) or runs an image action (move, delete). */
export async function handleProductEditorAction(request: Request, productId: string | null, now = new Date()) {
  const actor = await requireCompanyActor(request, 'manage:product:own')
  const companyId = actor.company.id
  const acting = actingOf(actor)
  // Before reading a byte of the body: the product must be this company's (404 otherwise).
  if (productId) await getProductForEdit(companyId, productId)

  const parsed = await parseUploadForm(request, { maxFileSize: PRODUCT_IMAGE_MAX_BYTES, maxFiles: MAX_PRODUCT_IMAGES })
  if (!parsed.formData) {
    const key =
      parsed.problem === 'tooLarge' ? 'uploads.imageTooLarge' : parsed.problem === 'tooMany' ? 'exporter.products.errors.tooManyImages' : 'uploads.invalid'
    return data({ result: uploadProblemResult('images', key) }, { status: 400 })
  }
  const formData = parsed.formData
  await validateCsrf(request, formData)

  const intent = formData.get('intent')
  if (productId && typeof intent === 'string' && intent.startsWith('image-')) {
    const imageAction = ImageActionSchema.safeParse({ intent, imageId: formData.get('imageId') })
    if (!imageAction.success) throw data({ reason: 'bad-request' }, { status: 400 })
    const { imageId } = imageAction.data
    if (imageAction.data.intent === 'image-delete') {
      await deleteUpload(await deleteProductImage(companyId, productId, imageId, agencyAudit(acting, 'product.image-delete', 'product', 'CATALOGUE', now)))
    } else {
      const direction = imageAction.data.intent === 'image-up' ? 'up' : 'down'
      await moveProductImage(companyId, productId, imageId, direction, agencyAudit(acting, 'product.image-move', 'product', 'CATALOGUE', now))
    }
    return redirectWithToast(`/exporter/products/${productId}#images`, 'exporter.products.imagesUpdated')
  }

  const submission = await parseWithZod(formData, { schema: productServerSchema(companyId), async: true })
  if (submission.status !== 'success') return data({ result: submission.reply({ hideFields: ['images'] }) }, { status: 400 })

  const images = []
  for (const file of filesOf(formData, 'images')) {
    const image = await sniffRasterImage(file, PRODUCT_IMAGE_MAX_BYTES)
    if (!image) {
      return data({ result: submission.reply({ hideFields: ['images'], fieldErrors: { images: ['uploads.notAnImage'] } }) }, { status: 400 })
    }
    images.push(image)
  }
  const stored: string[] = []
  let saved: { id: string }
  try {
    for (const image of images) stored.push(await storeImage(image))
    const audit = agencyAudit(acting, productId ? 'product.update' : 'product.create', 'product', 'CATALOGUE', now)
    saved = await saveProduct(companyId, productId, submission.value, { newImagePaths: stored, now, ...(audit ? { audit } : {}) })
  } catch (error) {
    await deleteUploads(stored)
    return formErrorFromDomain(submission, error, { only: PRODUCT_EDITOR_ERRORS, hideFields: ['images'] })
  }
  return redirectWithToast(`/exporter/products/${saved.id}`, productId ? 'exporter.products.saved' : 'exporter.products.created')
}
