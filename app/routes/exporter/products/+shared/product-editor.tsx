import { getFieldsetProps, getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Form, Link, useNavigation } from 'react-router'
import { CsrfInput } from '~/components/csrf-input'
import { Button, buttonClass } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { CheckboxGroup, TextAreaField } from '~/components/ui/checkbox-group'
import { Field, FieldErrors, SelectField } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { hsChapterTitle } from '~/domain/catalog/hs-chapters'
import { MAX_PRICE_TIERS, MAX_PRODUCT_IMAGES, PRODUCT_STATUSES, PRODUCT_UNITS, ProductSchema } from '~/domain/catalog/product-schema'
import { formatHsCode, hsChapter, INCOTERMS, normalizeHsCode, PRICE_CURRENCIES, PRODUCT_LOCALES } from '~/domain/catalog/product-rules'
import { certificationStatus } from '~/domain/exporters/certification-status'
import { countryOptions } from '~/lib/countries'
import { useRootData } from '~/lib/use-root-data'

type EditorProps = {
  options: {
    categories: ReadonlyArray<{ value: string; label: string }>
    certifications: ReadonlyArray<{ id: string; type: string; market: string; number: string; validUntil: string | null }>
  }
  product: {
    id: string
    images: ReadonlyArray<{ id: string; path: string; alt: string }>
    values: Record<string, unknown>
  } | null
  now: string
  lastResult: SubmissionResult | null | undefined
}

const NEW_PRODUCT_DEFAULTS = {
  status: 'DRAFT',
  unit: 'pcs',
  leadTimeDays: '14',
  sampleCurrency: 'USD',
  priceTiers: [{ currency: 'USD' }],
}

/** The product form (create and edit) and, when editing, the image list with its own small forms. */
export function ProductEditor({ options, product, now, lastResult }: EditorProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: product ? `product-${product.id}` : 'product-new',
    lastResult: navigation.state === 'idle' ? lastResult : null,
    defaultValue: { intent: 'save', ...(product?.values ?? NEW_PRODUCT_DEFAULTS) },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProductSchema }),
  })
  const countries = useMemo(() => countryOptions(locale), [locale])
  const translations = fields.translations.getFieldset()
  const tiers = fields.priceTiers.getFieldList()
  const [hsInput, setHsInput] = useState(fields.hsCode.initialValue ?? '')
  const hsDigits = normalizeHsCode(hsInput)
  const [sampleAvailable, setSampleAvailable] = useState(fields.sampleAvailable.initialValue === 'on')
  const imageCount = product?.images.length ?? 0
  const pending = navigation.state !== 'idle'
  const imageErrors = form.allErrors.images

  return (
    <>
      <Form method="post" encType="multipart/form-data" className="space-y-6" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="intent" value="save" />
        <FormErrors id={form.errorId} errors={form.errors} />

        <Card id="names" title={t('exporter.products.namesTitle')}>
          <p className="mb-3 text-xs text-slate-500">{t('exporter.products.namesHint')}</p>
          <div className="space-y-4">
            {PRODUCT_LOCALES.map((code) => {
              const entry = translations[code].getFieldset()
              const open = code === 'en' || Boolean(entry.name.initialValue) || Boolean(entry.name.errors?.length)
              const body = (
                <fieldset {...getFieldsetProps(translations[code])} className="grid gap-3 lg:grid-cols-2" lang={code}>
                  <legend className="sr-only">{t(`exporter.products.locales.${code}`)}</legend>
                  <Field
                    label={t('exporter.products.name', { language: t(`exporter.products.locales.${code}`) })}
                    errors={entry.name.errors}
                    inputProps={getInputProps(entry.name, { type: 'text' })}
                  />
                  <TextAreaField
                    label={t('exporter.products.description', { language: t(`exporter.products.locales.${code}`) })}
                    errors={entry.description.errors}
                    textareaProps={{ ...getTextareaProps(entry.description), rows: 3 }}
                  />
                </fieldset>
              )
              return code === 'en' ? (
                <div key={code}>{body}</div>
              ) : (
                <details key={code} open={open} className="rounded-md p-3 ring-1 ring-slate-200">
                  <summary className="cursor-pointer text-sm font-medium">
                    {t(`exporter.products.locales.${code}`)} · {t('exporter.common.optional')}
                  </summary>
                  <div className="mt-3">{body}</div>
                </details>
              )
            })}
          </div>
        </Card>

        <Card id="classification" title={t('exporter.products.classification')}>
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label={t('exporter.products.category')}
              errors={fields.categoryId.errors}
              options={[{ value: '', label: '—' }, ...options.categories]}
              selectProps={getSelectProps(fields.categoryId)}
            />
            <div>
              <Field
                label={t('exporter.products.hsCode')}
                hint={t('exporter.products.hsCodeHint')}
                errors={fields.hsCode.errors}
                inputProps={{
                  ...getInputProps(fields.hsCode, { type: 'text' }),
                  inputMode: 'numeric',
                  onInput: (event) => setHsInput(event.currentTarget.value),
                }}
              />
              <p className="mt-1 text-sm text-slate-700" aria-live="polite">
                {hsDigits
                  ? t('catalog.chapter', { chapter: hsChapter(hsDigits), title: hsChapterTitle(hsChapter(hsDigits), locale) ?? '?' }) +
                    ` · ${formatHsCode(hsDigits)}`
                  : null}
              </p>
            </div>
            <SelectField
              label={t('exporter.products.status')}
              errors={fields.status.errors}
              options={PRODUCT_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
              selectProps={getSelectProps(fields.status)}
            />
          </div>
        </Card>

        <Card id="terms" title={t('exporter.products.termsTitle')}>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field
              label={t('exporter.products.moq')}
              errors={fields.moq.errors}
              inputProps={{ ...getInputProps(fields.moq, { type: 'number' }), min: 1, step: 1 }}
            />
            <Field
              label={t('exporter.products.unit')}
              errors={fields.unit.errors}
              inputProps={{ ...getInputProps(fields.unit, { type: 'text' }), list: 'product-units' }}
            />
            <datalist id="product-units">
              {PRODUCT_UNITS.map((unit) => (
                <option key={unit} value={unit} />
              ))}
            </datalist>
            <Field
              label={t('exporter.products.leadTime')}
              errors={fields.leadTimeDays.errors}
              inputProps={{ ...getInputProps(fields.leadTimeDays, { type: 'number' }), min: 0, step: 1 }}
            />
          </div>
          <div className="mt-4">
            <CheckboxGroup
              legend={t('catalog.incoterms')}
              name={fields.incoterms.name}
              options={INCOTERMS.map((term) => ({ value: term, label: term }))}
              defaultValue={fields.incoterms.initialValue as string[] | undefined}
              errors={fields.incoterms.errors}
            />
          </div>
        </Card>

        <Card id="prices" title={t('catalog.priceTiers')}>
          <p className="mb-3 text-xs text-slate-500">{t('exporter.products.tiersHint', { max: MAX_PRICE_TIERS })}</p>
          <FieldErrors id={`${fields.priceTiers.id}-error`} errors={fields.priceTiers.errors} />
          <ol className="space-y-3">
            {tiers.map((tier, index) => {
              const tierFields = tier.getFieldset()
              return (
                <li key={tier.key}>
                  <fieldset {...getFieldsetProps(tier)} className="grid items-end gap-3 rounded-md p-3 ring-1 ring-slate-200 sm:grid-cols-[1fr_1fr_8rem_auto]">
                    <legend className="px-1 text-xs font-medium text-slate-600">{t('exporter.products.tier', { number: index + 1 })}</legend>
                    <Field
                      label={t('catalog.fromQuantity')}
                      errors={tierFields.minQuantity.errors}
                      inputProps={{ ...getInputProps(tierFields.minQuantity, { type: 'number' }), min: 1, step: 1 }}
                    />
                    <Field
                      label={t('catalog.unitPrice')}
                      errors={tierFields.unitPrice.errors}
                      inputProps={{ ...getInputProps(tierFields.unitPrice, { type: 'number' }), min: 0, step: 'any' }}
                    />
                    <SelectField
                      label={t('exporter.products.currency')}
                      errors={tierFields.currency.errors}
                      options={PRICE_CURRENCIES.map((c) => ({ value: c, label: c }))}
                      selectProps={getSelectProps(tierFields.currency)}
                    />
                    <Button
                      variant="ghost"
                      {...form.remove.getButtonProps({ name: fields.priceTiers.name, index })}
                      disabled={tiers.length <= 1}
                      aria-label={t('exporter.products.removeTier', { number: index + 1 })}
                    >
                      {t('exporter.common.remove')}
                    </Button>
                  </fieldset>
                </li>
              )
            })}
          </ol>
          <Button
            variant="secondary"
            className="mt-3"
            {...form.insert.getButtonProps({ name: fields.priceTiers.name, defaultValue: { currency: tiers.at(-1)?.getFieldset().currency.value ?? 'USD' } })}
            disabled={tiers.length >= MAX_PRICE_TIERS}
          >
            {t('exporter.products.addTier')}
          </Button>
        </Card>

        <Card id="sample" title={t('catalog.samplePolicy')}>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name={fields.sampleAvailable.name}
              defaultChecked={fields.sampleAvailable.initialValue === 'on'}
              onChange={(event) => setSampleAvailable(event.target.checked)}
            />
            {t('exporter.products.sampleAvailable')}
          </label>
          <div className={`mt-3 grid gap-4 sm:grid-cols-3 ${sampleAvailable ? '' : 'opacity-60'}`}>
            <Field
              label={t('exporter.products.samplePrice')}
              hint={t('exporter.products.samplePriceHint')}
              errors={fields.samplePrice.errors}
              inputProps={{ ...getInputProps(fields.samplePrice, { type: 'number' }), min: 0, step: 'any' }}
            />
            <SelectField
              label={t('exporter.products.currency')}
              errors={fields.sampleCurrency.errors}
              options={PRICE_CURRENCIES.map((c) => ({ value: c, label: c }))}
              selectProps={getSelectProps(fields.sampleCurrency)}
            />
            <Field
              label={t('exporter.products.sampleMaxQuantity')}
              errors={fields.sampleMaxQuantity.errors}
              inputProps={{ ...getInputProps(fields.sampleMaxQuantity, { type: 'number' }), min: 1, step: 1 }}
            />
          </div>
          <div className="mt-4">
            <TextAreaField
              label={t('exporter.products.sampleShippingNote')}
              errors={fields.sampleShippingNote.errors}
              textareaProps={{ ...getTextareaProps(fields.sampleShippingNote), rows: 2 }}
            />
          </div>
          <label className="mt-4 flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name={fields.freeSamplesVerifiedOnly.name}
              defaultChecked={fields.freeSamplesVerifiedOnly.initialValue === 'on'}
              aria-describedby="free-samples-verified-hint"
              className="mt-1"
            />
            <span>
              {t('buyerVerification.samples.setting')}
              <span id="free-samples-verified-hint" className="block text-xs text-slate-600">
                {t('buyerVerification.samples.settingHint')}
              </span>
            </span>
          </label>
        </Card>

        <Card id="markets" title={t('catalog.targetMarkets')}>
          <CheckboxGroup
            legend={t('exporter.products.targetMarkets')}
            name={fields.targetMarkets.name}
            options={countries}
            defaultValue={fields.targetMarkets.initialValue as string[] | undefined}
            errors={fields.targetMarkets.errors}
            filterable
          />
        </Card>

        <Card id="certifications" title={t('catalog.certifications')}>
          {options.certifications.length === 0 ? (
            <p className="text-sm text-slate-600">
              {t('exporter.products.noCertifications')}{' '}
              <Link to="/exporter/certifications" className="font-medium text-brand-700 underline">
                {t('exporter.nav.certifications')}
              </Link>
            </p>
          ) : (
            <fieldset>
              <legend className="text-sm font-medium text-slate-800">{t('exporter.products.linkCertifications')}</legend>
              <ul className="mt-2 space-y-1">
                {options.certifications.map((cert) => {
                  const status = certificationStatus(cert.validUntil, new Date(now))
                  return (
                    <li key={cert.id}>
                      <label className="flex items-center gap-2 text-sm">
                        <input
                          type="checkbox"
                          name={fields.certificationIds.name}
                          value={cert.id}
                          defaultChecked={(fields.certificationIds.initialValue as string[] | undefined)?.includes(cert.id)}
                        />
                        {cert.type} · {cert.market} · {cert.number}
                        {status === 'expired' ? <span className="font-semibold text-red-700">{t('exporter.certifications.expired')}</span> : null}
                        {status === 'expiring' ? <span className="font-semibold text-amber-700">{t('exporter.certifications.expiring')}</span> : null}
                      </label>
                    </li>
                  )
                })}
              </ul>
              <FieldErrors id={`${fields.certificationIds.id}-error`} errors={fields.certificationIds.errors} />
            </fieldset>
          )}
        </Card>

        <Card id="images" title={t('exporter.products.images')}>
          {product && product.images.length > 0 ? (
            <ol className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
              {product.images.map((image, index) => (
                <li key={image.id} className="rounded-md p-2 ring-1 ring-slate-200">
                  <img
                    src={image.path}
                    alt={image.alt || t('exporter.products.imageNumber', { number: index + 1 })}
                    className="aspect-[4/3] w-full rounded bg-slate-100 object-cover"
                  />
                  <div className="mt-2 flex flex-wrap gap-1">
                    {/* These buttons submit the small per-image forms rendered after this form (form attribute). */}
                    <button
                      type="submit"
                      form={`image-${image.id}`}
                      name="intent"
                      value="image-up"
                      disabled={index === 0 || pending}
                      className={buttonClass('ghost', 'min-h-8 px-2 py-1 text-xs')}
                      aria-label={t('exporter.products.moveImageUp', { number: index + 1 })}
                    >
                      ↑
                    </button>
                    <button
                      type="submit"
                      form={`image-${image.id}`}
                      name="intent"
                      value="image-down"
                      disabled={index === product.images.length - 1 || pending}
                      className={buttonClass('ghost', 'min-h-8 px-2 py-1 text-xs')}
                      aria-label={t('exporter.products.moveImageDown', { number: index + 1 })}
                    >
                      ↓
                    </button>
                    <button
                      type="submit"
                      form={`image-${image.id}`}
                      name="intent"
                      value="image-delete"
                      disabled={pending}
                      className={buttonClass('ghost', 'min-h-8 px-2 py-1 text-xs text-red-700')}
                      aria-label={t('exporter.products.deleteImage', { number: index + 1 })}
                    >
                      {t('exporter.common.delete')}
                    </button>
                  </div>
                </li>
              ))}
            </ol>
          ) : null}
          <label htmlFor="product-images" className="block text-sm font-medium text-slate-800">
            {t('exporter.products.addImages')}
          </label>
          <input
            id="product-images"
            type="file"
            name="images"
            multiple
            accept="image/png,image/jpeg,image/webp"
            disabled={imageCount >= MAX_PRODUCT_IMAGES}
            aria-describedby="product-images-hint"
            aria-invalid={imageErrors?.length ? true : undefined}
            className="mt-1 block text-sm"
          />
          <p id="product-images-hint" className="mt-1 text-xs text-slate-500">
            {t('exporter.products.imagesHint', { max: MAX_PRODUCT_IMAGES, left: MAX_PRODUCT_IMAGES - imageCount })}
          </p>
          <FieldErrors id="product-images-error" errors={imageErrors} />
        </Card>

        <div className="flex gap-3">
          <Button type="submit" disabled={pending}>
            {product ? t('common.save') : t('exporter.products.create')}
          </Button>
          <Link to="/exporter/products" className={buttonClass('secondary')}>
            {t('common.cancel')}
          </Link>
        </div>
      </Form>
      {product?.images.map((image) => (
        <Form key={image.id} id={`image-${image.id}`} method="post" className="hidden">
          <CsrfInput />
          <input type="hidden" name="imageId" value={image.id} />
        </Form>
      ))}
    </>
  )
}
