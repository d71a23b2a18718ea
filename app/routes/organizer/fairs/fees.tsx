import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link } from 'react-router'
import type { Route } from './+types/fees'
import { CsrfInput } from '~/components/csrf-input'
import { OrderStatusBadge } from '~/components/order-status-badge'
import { Button } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { Field, SelectField } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { requirePermission } from '~/domain/accounts/permissions.server'
import { PRICE_CURRENCIES } from '~/domain/catalog/product-rules'
import { getFairFees, setFairBoothFee } from '~/domain/payments/booth-fees.server'
import { BoothFeeSchema } from '~/domain/payments/schemas'
import { isPaymentsEnabled } from '~/domain/payments/stripe.server'
import { currencyFractionDigits, formatMoney } from '~/lib/money'
import { useRootData } from '~/lib/use-root-data'
import { validateCsrf } from '~/utils/csrf.server'
import { resolveLocale } from '~/utils/preferences.server'
import { redirectWithToast } from '~/utils/toast.server'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.boothFees')])

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requirePermission(request, 'manage:fair')
  const locale = await resolveLocale(request, user)
  return { fair: await getFairFees(user, params.fairId, locale), paymentsEnabled: isPaymentsEnabled() }
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requirePermission(request, 'manage:fair')
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: BoothFeeSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  await setFairBoothFee(user, params.fairId, submission.value)
  return redirectWithToast(`/organizer/fairs/${params.fairId}/fees`, 'payments.toast.feeSaved')
}

export default function FairFeesRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const { fair } = loaderData
  const [form, fields] = useForm({
    id: 'booth-fee',
    lastResult: actionData?.result,
    defaultValue: {
      fee: fair.fee ? String(fair.fee.amountMinor / 10 ** currencyFractionDigits(fair.fee.currency)) : '',
      currency: fair.fee?.currency ?? 'USD',
    },
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: BoothFeeSchema }),
  })
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm text-slate-600">
          <Link to="/organizer" className="hover:underline">
            {t('dashboard.organizerTitle')}
          </Link>
        </p>
        <h1 className="text-2xl font-bold tracking-tight">{t('payments.feesTitle', { fair: fair.name })}</h1>
      </header>
      {!loaderData.paymentsEnabled ? (
        <p role="note" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          {t('payments.operatorNotice')}
        </p>
      ) : null}
      <Card id="fee" title={t('payments.boothFee')}>
        <Form method="post" className="flex flex-wrap items-end gap-3" {...getFormProps(form)}>
          <CsrfInput />
          <input type="hidden" name="intent" value="set-fee" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <Field
            label={t('payments.feeAmount')}
            hint={t('payments.feeHint')}
            errors={fields.fee.errors}
            inputProps={{ ...getInputProps(fields.fee, { type: 'number' }), min: 0, step: '0.01' }}
          />
          <SelectField
            label={t('payments.currency')}
            errors={fields.currency.errors}
            options={PRICE_CURRENCIES.map((c) => ({ value: c, label: c }))}
            selectProps={getSelectProps(fields.currency)}
          />
          <Button type="submit">{t('common.save')}</Button>
        </Form>
        <p className="mt-2 text-sm text-slate-600">
          {fair.fee ? t('payments.boothFeeIs', { fee: formatMoney(fair.fee.amountMinor, fair.fee.currency, locale) }) : t('payments.boothFree')}
        </p>
      </Card>
      <Card id="booths" title={t('payments.exhibitorBooths')}>
        {fair.booths.length === 0 ? (
          <EmptyState>{t('payments.noBooths')}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {fair.booths.map((booth) => (
              <li key={booth.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  {booth.code} · {booth.company}
                </span>
                <span className="flex items-center gap-2">
                  {booth.approvedAt ? t('payments.boothApproved') : t('payments.boothAwaiting')}
                  {booth.order ? (
                    <Link to={`/orders/${booth.order.id}`} className="hover:underline">
                      <OrderStatusBadge status={booth.order.status} />
                    </Link>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  )
}
