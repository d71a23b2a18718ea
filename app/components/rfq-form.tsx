import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Form, useFetcher, useNavigation } from 'react-router'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'
import { Field, FieldErrors, SelectField } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { INCOTERMS, PRICE_CURRENCIES } from '~/domain/catalog/product-rules'
import { RfqSchema } from '~/domain/inquiries/schemas'
import { countryOptions } from '~/lib/countries'
import { useRootData } from '~/lib/use-root-data'

type RfqFormProps = {
  productId: string
  liveSessionId?: string | null
  defaults: { quantity: number; destinationCountry: string; incoterm?: string | undefined }
  incoterms: readonly string[]
  certificationTypes: readonly string[]
  lastResult?: SubmissionResult | null | undefined
  /** Inline mode (e.g. in a live room): posts to the product's route without leaving the page. */
  inline?: { onSent: (inquiryId: string) => void } | undefined
}

type RfqActionData = { result?: SubmissionResult; sent?: boolean; inquiryId?: string }

/** The request-for-quote form, prefilled from the product (and the live session when asked there). */
export function RfqForm({ productId, liveSessionId, defaults, incoterms, certificationTypes, lastResult, inline }: RfqFormProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const navigation = useNavigation()
  const fetcher = useFetcher<RfqActionData>()
  const pending = inline ? fetcher.state !== 'idle' : navigation.state === 'submitting' && navigation.formData?.get('intent') === 'rfq'
  const sentId = fetcher.data?.sent ? fetcher.data.inquiryId : undefined
  useEffect(() => {
    if (sentId) inline?.onSent(sentId)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per sent inquiry
  }, [sentId])
  const [form, fields] = useForm({
    id: `rfq-${productId}`,
    lastResult: inline ? fetcher.data?.result : lastResult,
    defaultValue: {
      quantity: String(defaults.quantity),
      destinationCountry: defaults.destinationCountry,
      targetCurrency: 'USD',
      incoterm: defaults.incoterm ?? '',
    },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RfqSchema }),
  })
  const countries = useMemo(() => countryOptions(locale), [locale])
  const incotermChoices = incoterms.length ? incoterms : INCOTERMS
  const FormComponent = inline ? fetcher.Form : Form
  return (
    <FormComponent method="post" action={inline ? `/catalog/${productId}` : undefined} className="space-y-4" {...getFormProps(form)}>
      <CsrfInput />
      <input type="hidden" name="intent" value="rfq" />
      {inline ? <input type="hidden" name="stay" value="1" /> : null}
      <input type="hidden" name="productId" value={productId} />
      {liveSessionId ? <input type="hidden" name="liveSessionId" value={liveSessionId} /> : null}
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t('inquiries.quantity')}
          errors={fields.quantity.errors}
          inputProps={{ ...getInputProps(fields.quantity, { type: 'number' }), min: 1, step: 1 }}
        />
        <SelectField
          label={t('inquiries.destination')}
          errors={fields.destinationCountry.errors}
          options={countries}
          selectProps={getSelectProps(fields.destinationCountry)}
        />
        <Field
          label={t('inquiries.targetPrice')}
          errors={fields.targetPrice.errors}
          inputProps={{ ...getInputProps(fields.targetPrice, { type: 'number' }), min: 0, step: '0.01' }}
        />
        <SelectField
          label={t('inquiries.currency')}
          errors={fields.targetCurrency.errors}
          options={PRICE_CURRENCIES.map((c) => ({ value: c, label: c }))}
          selectProps={getSelectProps(fields.targetCurrency)}
        />
        <SelectField
          label={t('inquiries.incoterm')}
          errors={fields.incoterm.errors}
          options={[{ value: '', label: t('inquiries.anyIncoterm') }, ...incotermChoices.map((term) => ({ value: term, label: term }))]}
          selectProps={getSelectProps(fields.incoterm)}
        />
      </div>
      {certificationTypes.length ? (
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">{t('inquiries.certificationsNeeded')}</legend>
          <div className="mt-1 flex flex-wrap gap-3">
            {certificationTypes.map((type) => (
              <label key={type} className="flex items-center gap-1 text-sm">
                <input type="checkbox" name={fields.certificationsNeeded.name} value={type} />
                {type}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <div>
        <label htmlFor={fields.message.id} className="block text-sm font-medium text-slate-800">
          {t('inquiries.message')}
        </label>
        <textarea
          {...getTextareaProps(fields.message)}
          rows={4}
          maxLength={5000}
          placeholder={t('inquiries.messagePlaceholder')}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-600"
        />
        <FieldErrors id={fields.message.errorId} errors={fields.message.errors} />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t('inquiries.sending') : t('inquiries.send')}
      </Button>
    </FormComponent>
  )
}
