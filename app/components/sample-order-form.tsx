import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Form, Link, useNavigation } from 'react-router'
import { CsrfInput } from '~/components/csrf-input'
import { Button, buttonClass } from '~/components/ui/button'
import { Field, SelectField } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { SampleOrderSchema } from '~/domain/payments/schemas'
import { countryOptions } from '~/lib/countries'
import { formatMoney } from '~/lib/money'
import { useRootData } from '~/lib/use-root-data'

export type SampleOrderFormProps = {
  productId: string
  /** Set when ordered from a live session (stored on the order) */
  liveSessionId?: string | null
  /** The product's sample policy as loaded on the server */
  sample: { priceMinor: number; currency: string; maxQuantity: number }
  defaultCountry?: string | null
  /** From isPaymentsEnabled() in the page's loader */
  paymentsEnabled: boolean
  lastResult?: SubmissionResult | null | undefined
}

/**
 * "Buy samples": quantity within the product's sample limit and a shipping country. It shows the total
 * from the price the server loaded, but the charge is computed again on the server from the database;
 * nothing here can change it. Posts to the product route (`/catalog/:productId`), so it works on any
 * page that shows a product, such as the live room's pinned products.
 */
export function SampleOrderForm({ productId, liveSessionId, sample, defaultCountry, paymentsEnabled, lastResult }: SampleOrderFormProps) {
  const { t } = useTranslation()
  const { locale, user } = useRootData()
  const navigation = useNavigation()
  const pending = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'buy-sample'
  const schema = useMemo(
    () => SampleOrderSchema.refine((value) => value.quantity <= sample.maxQuantity, { path: ['quantity'], error: 'payments.errors.over-max' }),
    [sample.maxQuantity],
  )
  const [form, fields] = useForm({
    id: liveSessionId ? `sample-order-${productId}` : 'sample-order',
    lastResult,
    defaultValue: { quantity: '1', shippingCountry: defaultCountry ?? 'US' },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const countries = useMemo(() => countryOptions(locale), [locale])
  const free = sample.priceMinor === 0
  const action = `/catalog/${productId}`

  if (!user) {
    return (
      <div className="space-y-3 text-sm text-slate-600">
        <p>{t('payments.sampleSignIn')}</p>
        <Link to={`/login?redirectTo=${encodeURIComponent(action)}`} className={buttonClass('secondary')}>
          {t('nav.signIn')}
        </Link>
      </div>
    )
  }
  if (user.role !== 'BUYER') return <p className="text-sm text-slate-600">{t('payments.sampleOnlyBuyers')}</p>
  if (!free && !paymentsEnabled) return <p className="text-sm text-slate-600">{t('payments.paymentsUnavailable')}</p>

  const quantity = Number(fields.quantity.value ?? 1)
  const validQuantity = Number.isInteger(quantity) && quantity >= 1 && quantity <= sample.maxQuantity
  return (
    <Form method="post" action={action} className="space-y-4" {...getFormProps(form)}>
      <CsrfInput />
      <input type="hidden" name="intent" value="buy-sample" />
      <input type="hidden" name="productId" value={productId} />
      {liveSessionId ? <input type="hidden" name="liveSessionId" value={liveSessionId} /> : null}
      <FormErrors id={form.errorId} errors={form.errors} />
      <p className="text-sm text-slate-700">
        {free ? t('payments.sampleFreeEach') : t('payments.samplePriceEach', { price: formatMoney(sample.priceMinor, sample.currency, locale) })}
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t('payments.sampleQuantity')}
          hint={t('payments.sampleMax', { max: sample.maxQuantity })}
          errors={fields.quantity.errors}
          inputProps={{ ...getInputProps(fields.quantity, { type: 'number' }), min: 1, max: sample.maxQuantity, step: 1 }}
        />
        <SelectField
          label={t('payments.shippingCountry')}
          errors={fields.shippingCountry.errors}
          options={countries}
          selectProps={getSelectProps(fields.shippingCountry)}
        />
      </div>
      <p className="text-sm" aria-live="polite">
        <span className="text-slate-600">{t('payments.total')}: </span>
        <strong className="tabular-nums" data-testid="sample-total">
          {validQuantity ? formatMoney(sample.priceMinor * quantity, sample.currency, locale) : '—'}
        </strong>
      </p>
      <Button type="submit" disabled={pending}>
        {pending ? t('payments.redirecting') : free ? t('payments.orderFreeSamples') : t('payments.buySamples')}
      </Button>
      {free ? null : <p className="text-xs text-slate-500">{t('payments.checkoutNote')}</p>}
    </Form>
  )
}
