import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form } from 'react-router'
import type { Route } from './+types/rates'
import { CsrfInput } from '~/components/csrf-input'
import { LocalTime } from '~/components/local-time'
import { Button } from '~/components/ui/button'
import { Card, cardTitleId, EmptyState } from '~/components/ui/card'
import { Field, SelectField } from '~/components/ui/field'
import { Cell, Table } from '~/components/ui/table'
import { requirePermission } from '~/domain/accounts/permissions.server'
import { deleteExchangeRate, listExchangeRateChanges, listExchangeRates, mayManageRates, saveExchangeRate } from '~/domain/fairs/rates.server'
import { RATE_CURRENCIES, RateSchema } from '~/domain/fairs/schemas'
import { validateCsrf } from '~/utils/csrf.server'
import { redirectWithToast } from '~/utils/toast.server'
import { pageTitle } from '~/lib/meta'
import { formatDate } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.exchangeRates')])

export async function loader({ request }: Route.LoaderArgs) {
  // Organizers read the rates their KPIs use; only admins change them (mayManageRates).
  const user = await requirePermission(request, 'view:organizer-dashboard')
  const [rates, changes] = await Promise.all([listExchangeRates(), listExchangeRateChanges()])
  return { rates, changes, canManage: mayManageRates(user) }
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, 'view:organizer-dashboard')
  const formData = await request.formData()
  await validateCsrf(request, formData)
  // The domain re-reads the actor's role and refuses anyone but an admin (403).
  if (formData.get('intent') === 'delete') {
    const rateId = formData.get('rateId')
    await deleteExchangeRate(user.id, typeof rateId === 'string' ? rateId : '')
  } else {
    const submission = parseWithZod(formData, { schema: RateSchema })
    if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
    await saveExchangeRate(user.id, submission.value)
  }
  return redirectWithToast('/organizer/rates', 'fairs.rateSaved')
}

export default function RatesRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const { canManage, changes } = loaderData
  // A rate's day (YYYY-MM-DD) and its decimal, in the reader's notation.
  const day = (value: string) => formatDate(`${value}T00:00:00Z`, { locale, timeZone: 'UTC' })
  const rateFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 10 })
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
      {canManage ? (
        <Card id="add-rate" title={t('fairs.addRate')}>
          <Form method="post" className="grid gap-3 sm:grid-cols-4 sm:items-end" {...getFormProps(form)}>
            <CsrfInput />
            <input type="hidden" name="intent" value="rate" />
            <SelectField
              label={t('inquiries.currency')}
              errors={fields.currency.errors}
              options={RATE_CURRENCIES.map((c) => ({ value: c, label: c }))}
              selectProps={getSelectProps(fields.currency)}
            />
            <Field
              label={t('fairs.usdPerUnit')}
              errors={fields.usdPerUnit.errors}
              inputProps={{ ...getInputProps(fields.usdPerUnit, { type: 'number' }), step: 'any', min: 0 }}
            />
            <Field label={t('fairs.validFrom')} errors={fields.validFrom.errors} inputProps={getInputProps(fields.validFrom, { type: 'date' })} />
            <Button type="submit">{t('fairs.save')}</Button>
          </Form>
        </Card>
      ) : (
        <p role="note" className="max-w-3xl rounded-md bg-slate-100 p-3 text-sm text-slate-700">
          {t('fairs.ratesReadOnly')}
        </p>
      )}
      <Card id="rates" title={t('fairs.ratesTitle')}>
        {loaderData.rates.length === 0 ? (
          <EmptyState>{t('common.none')}</EmptyState>
        ) : (
          <Table
            labelledBy={cardTitleId('rates')}
            columns={[
              { label: t('inquiries.currency') },
              { label: t('fairs.usdPerUnit') },
              { label: t('fairs.validFrom') },
              canManage && { label: t('fairs.delete'), hideLabel: true },
            ]}
          >
            {loaderData.rates.map((rate) => (
              <tr key={rate.id}>
                <Cell>{rate.currency}</Cell>
                <Cell numeric>{rateFormat.format(Number(rate.usdPerUnit))}</Cell>
                <Cell>{day(rate.validFrom)}</Cell>
                {canManage ? (
                  <Cell align="end">
                    <Form method="post">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="delete" />
                      <input type="hidden" name="rateId" value={rate.id} />
                      <Button
                        type="submit"
                        variant="ghost"
                        className="min-h-8 px-2 py-1"
                        aria-label={t('fairs.deleteRate', { currency: rate.currency, date: day(rate.validFrom) })}
                      >
                        {t('fairs.delete')}
                      </Button>
                    </Form>
                  </Cell>
                ) : null}
              </tr>
            ))}
          </Table>
        )}
      </Card>
      <Card id="rate-history" title={t('fairs.rateHistory')}>
        {changes.length === 0 ? (
          <EmptyState>{t('fairs.rateHistoryEmpty')}</EmptyState>
        ) : (
          <Table
            labelledBy={cardTitleId('rate-history')}
            columns={[
              { label: t('fairs.rateChangeWhen') },
              { label: t('fairs.rateChangeWho') },
              { label: t('inquiries.currency') },
              { label: t('fairs.validFrom') },
              { label: t('fairs.rateChangeOld') },
              { label: t('fairs.rateChangeNew') },
            ]}
          >
            {changes.map((change) => (
              <tr key={change.id}>
                <Cell>
                  <LocalTime value={change.at} />
                </Cell>
                <Cell>
                  {change.actorName} <span className="text-slate-500">({change.actorEmail})</span>
                </Cell>
                <Cell>{change.currency}</Cell>
                <Cell>{day(change.validFrom)}</Cell>
                <Cell numeric>{change.oldUsdPerUnit === null ? t('fairs.rateNone') : rateFormat.format(Number(change.oldUsdPerUnit))}</Cell>
                <Cell numeric>{change.newUsdPerUnit === null ? t('fairs.rateNone') : rateFormat.format(Number(change.newUsdPerUnit))}</Cell>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </div>
  )
}
