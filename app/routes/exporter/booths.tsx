import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect } from 'react-router'
import type { Route } from './+types/booths'
import { CsrfInput } from '~/components/csrf-input'
import { OrderStatusBadge } from '~/components/order-status-badge'
import { Button } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { FormErrors } from '~/components/ui/form-errors'
import { requireExporterMember, requirePermission } from '~/domain/accounts/permissions.server'
import { listCompanyBooths, startBoothFeeCheckout } from '~/domain/payments/booth-fees.server'
import { exhibitingFairs } from '~/domain/on-site/booth-leads.server'
import { ORDER_ERRORS } from '~/domain/payments/errors'
import { PayBoothFeeSchema } from '~/domain/payments/schemas'
import { isPaymentsEnabled } from '~/domain/payments/stripe.server'
import { formatMoney } from '~/lib/money'
import { formatDate } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { validateCsrf } from '~/utils/csrf.server'
import { resolveLocale } from '~/utils/preferences.server'
import { appOrigin } from '~/utils/request.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.booths')])

export async function loader({ request }: Route.LoaderArgs) {
  const { user, membership } = await requireExporterMember(request)
  const locale = await resolveLocale(request, user)
  return {
    booths: await listCompanyBooths(membership.company.id, locale),
    paymentsEnabled: isPaymentsEnabled(),
    // On site: the booth scanner of each fair the company exhibits at (docs/fair-on-site.md).
    scanFairs: await exhibitingFairs(membership.company.id, { locale }),
  }
}

export async function action({ request }: Route.ActionArgs) {
  await requireExporterMember(request)
  const user = await requirePermission(request, 'pay:booth-fee')
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: PayBoothFeeSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  try {
    return redirect(await startBoothFeeCheckout(user, submission.value.boothId, { origin: appOrigin(request) }))
  } catch (error) {
    return formErrorFromDomain(submission, error, { only: ORDER_ERRORS })
  }
}

export default function ExporterBoothsRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t('payments.boothsTitle')}</h1>
      <FormErrors id="booth-errors" errors={actionData?.result.error?.[''] ?? undefined} />
      <Card id="booths" title={t('payments.myBooths')}>
        {loaderData.booths.length === 0 ? (
          <EmptyState>{t('payments.noBooths')}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {loaderData.booths.map((booth) => (
              <li key={booth.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <p className="font-medium">
                    {booth.fair.name} · {t('payments.booth')} {booth.code}
                  </p>
                  <p className="text-sm text-slate-600">
                    {formatDate(booth.fair.startsAt, { locale, timeZone: booth.fair.timeZone })} ·{' '}
                    {booth.fee ? t('payments.boothFeeIs', { fee: formatMoney(booth.fee.amountMinor, booth.fee.currency, locale) }) : t('payments.boothFree')}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  {booth.approvedAt ? (
                    <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-800">{t('payments.boothApproved')}</span>
                  ) : (
                    <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-800">{t('payments.boothAwaiting')}</span>
                  )}
                  {booth.order ? (
                    <Link to={`/orders/${booth.order.id}`} className="text-sm hover:underline">
                      <OrderStatusBadge status={booth.order.status} />
                    </Link>
                  ) : null}
                  {booth.canPay && loaderData.paymentsEnabled ? (
                    <Form method="post">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="pay-booth-fee" />
                      <input type="hidden" name="boothId" value={booth.id} />
                      <Button type="submit">{t('payments.payBoothFee')}</Button>
                    </Form>
                  ) : booth.canPay ? (
                    <span className="text-sm text-slate-600">{t('payments.paymentsUnavailable')}</span>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {loaderData.scanFairs.length > 0 ? (
        <Card id="booth-scans" title={t('onSite.booth.fairsTitle')}>
          <ul className="space-y-2">
            {loaderData.scanFairs.map((fair) => (
              <li key={fair.id}>
                <Link to={`/exporter/fairs/${fair.id}/booth-scan`} className="font-medium text-brand-700 hover:underline">
                  {t('onSite.booth.scanLink', { fair: fair.name })}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  )
}
