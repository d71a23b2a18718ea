import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, redirect } from 'react-router'
import type { Route } from './+types/rates'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { Field, SelectField } from '~/components/ui/field'
import { requirePermission } from '~/domain/accounts/permissions.server'
import { deleteExchangeRate, listExchangeRates, saveExchangeRate } from '~/domain/fairs/rates.server'
import { RATE_CURRENCIES, RateSchema } from '~/domain/fairs/schemas'
import { validateCsrf } from '~/utils/csrf.server'
import { createToastCookie } from '~/utils/toast.server'

export const meta: Route.MetaFunction = () => [{ title: 'Exchange rates · Tradecast' }]

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, 'manage:fair')
  return { rates: await listExchangeRates() }
}

export async function action({ request }: Route.ActionArgs) {
  await requirePermission(request, 'manage:fair')
  const formData = await request.formData()
  await validateCsrf(request, formData)
  if (formData.get('intent') === 'delete') {
    await deleteExchangeRate(String(formData.get('rateId') ?? ''))
  } else {
    const submission = parseWithZod(formData, { schema: RateSchema })
    if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
    await saveExchangeRate(submission.value)
  }
  return redirect('/organizer/rates', { headers: { 'Set-Cookie': await createToastCookie({ messageKey: 'fairs.rateSaved' }) } })
}

export default function RatesRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const [form, fields] = useForm({
    id: 'rate',
    lastResult: actionData?.result,
    defaultValue: { currency: 'KRW', validFrom: new Date().toISOString().slice(0, 10) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RateSchema }),
    shouldValidate: 'onBlur',
  })
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t('fairs.ratesTitle')}</h1>
      <p className="max-w-3xl text-sm text-slate-600">{t('fairs.ratesIntro')}</p>
      <Card id="add-rate" title={t('fairs.addRate')}>
        <Form method="post" className="grid gap-3 sm:grid-cols-4 sm:items-end" {...getFormProps(form)}>
          <CsrfInput />
          <input type="hidden" name="intent" value="rate" />
          <SelectField label={t('inquiries.currency')} errors={fields.currency.errors} options={RATE_CURRENCIES.map((c) => ({ value: c, label: c }))} selectProps={getSelectProps(fields.currency)} />
          <Field label={t('fairs.usdPerUnit')} errors={fields.usdPerUnit.errors} inputProps={{ ...getInputProps(fields.usdPerUnit, { type: 'number' }), step: 'any', min: 0 }} />
          <Field label={t('fairs.validFrom')} errors={fields.validFrom.errors} inputProps={getInputProps(fields.validFrom, { type: 'date' })} />
          <Button type="submit">{t('fairs.save')}</Button>
        </Form>
      </Card>
      <Card id="rates" title={t('fairs.ratesTitle')}>
        {loaderData.rates.length === 0 ? (
          <EmptyState>{t('common.none')}</EmptyState>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-slate-500">
              <tr>
                <th scope="col" className="py-1 font-medium">{t('inquiries.currency')}</th>
                <th scope="col" className="py-1 font-medium">{t('fairs.usdPerUnit')}</th>
                <th scope="col" className="py-1 font-medium">{t('fairs.validFrom')}</th>
                <th scope="col"><span className="sr-only">{t('fairs.delete')}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {loaderData.rates.map((rate) => (
                <tr key={rate.id}>
                  <td className="py-1">{rate.currency}</td>
                  <td className="py-1 tabular-nums">{rate.usdPerUnit}</td>
                  <td className="py-1">{rate.validFrom}</td>
                  <td className="py-1 text-right">
                    <Form method="post">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="delete" />
                      <input type="hidden" name="rateId" value={rate.id} />
                      <Button type="submit" variant="ghost" className="min-h-8 px-2 py-1">{t('fairs.delete')}</Button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  )
}
