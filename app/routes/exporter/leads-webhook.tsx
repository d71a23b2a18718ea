import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { clsx } from 'clsx'
import { useTranslation } from 'react-i18next'
import { data, Form, useNavigation } from 'react-router'
import type { Route } from './+types/leads-webhook'
import { CsrfInput } from '~/components/csrf-input'
import { LocalTime } from '~/components/local-time'
import { Button } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { Field } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { requireCompanyAdmin } from '~/domain/accounts/permissions.server'
import { webhookFormSchema } from '~/domain/leads/webhook-url'
import { startLeadSweep } from '~/domain/leads/webhook-jobs.server'
import { deleteWebhook, getWebhook, rotateWebhookSecret, saveWebhook, setWebhookEnabled, webhookPolicy } from '~/domain/leads/webhooks.server'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'
import { resolveLocale } from '~/utils/preferences.server'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('leads.webhook.pageTitle')])

// The webhook sends buyers' names and e-mail addresses out of Tradecast: the company's owners and admins set it.
export async function loader({ request }: Route.LoaderArgs) {
  const { user, membership } = await requireCompanyAdmin(request)
  const hook = await getWebhook(membership.company.id, await resolveLocale(request, user))
  return {
    production: webhookPolicy().production,
    hook: hook && {
      url: hook.url,
      enabled: hook.enabled,
      deliveries: hook.deliveries.map((delivery) => ({
        ...delivery,
        createdAt: delivery.createdAt.toISOString(),
        nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
        lastAttemptAt: delivery.lastAttemptAt?.toISOString() ?? null,
      })),
    },
  }
}

export async function action({ request }: Route.ActionArgs) {
  const { user, membership } = await requireCompanyAdmin(request)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const policy = webhookPolicy()
  const submission = parseWithZod(formData, { schema: webhookFormSchema(policy) })
  if (submission.status !== 'success') return data({ result: submission.reply(), secret: null }, { status: 400 })
  const companyId = membership.company.id
  const now = requestNow(request)
  const input = submission.value
  try {
    switch (input.intent) {
      case 'save': {
        const { secret } = await saveWebhook(companyId, user.id, input.url, policy)
        await startLeadSweep(companyId, now)
        // The secret is shown on this answer only (never stored readable, never in a redirect or a cookie).
        if (secret) return data({ result: submission.reply({ resetForm: true }), secret })
        return await redirectWithToast('/exporter/leads/webhook', 'leads.webhook.saved')
      }
      case 'rotate': {
        const { secret } = await rotateWebhookSecret(companyId)
        return data({ result: submission.reply(), secret })
      }
      case 'toggle':
        await setWebhookEnabled(companyId, input.enabled)
        if (input.enabled) await startLeadSweep(companyId, now)
        return await redirectWithToast('/exporter/leads/webhook', 'leads.webhook.toggled')
      case 'delete':
        await deleteWebhook(companyId)
        return await redirectWithToast('/exporter/leads/webhook', 'leads.webhook.deleted')
    }
  } catch (error) {
    return formErrorFromDomain(submission, error, { only: ['webhook-url', 'not-found'], extra: { secret: null } })
  }
}

const STATUS_TONE = {
  PENDING: 'bg-amber-100 text-amber-900',
  DELIVERED: 'bg-emerald-100 text-emerald-800',
  FAILED: 'bg-red-100 text-red-800',
  CANCELLED: 'bg-slate-100 text-slate-800',
} as const

function IntentForm({
  intent,
  label,
  variant = 'secondary',
  extra,
}: {
  intent: string
  label: string
  variant?: 'secondary' | 'danger'
  extra?: Record<string, string>
}) {
  const navigation = useNavigation()
  const busy = navigation.state !== 'idle' && navigation.formData?.get('intent') === intent
  return (
    <Form method="post">
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(extra ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} disabled={busy} aria-busy={busy || undefined}>
        {label}
      </Button>
    </Form>
  )
}

export default function LeadsWebhookRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const { hook } = loaderData
  const result = actionData?.result
  const [form, fields] = useForm({
    id: 'webhook',
    lastResult: result,
    defaultValue: { intent: 'save', url: hook?.url ?? '' },
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: webhookFormSchema({ production: loaderData.production }) }),
  })
  const saving = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'save'
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight">{t('leads.webhook.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('leads.webhook.intro')}</p>
      </header>

      {actionData?.secret ? (
        <section role="status" aria-labelledby="webhook-secret" className="space-y-2 rounded-xl bg-amber-50 p-4 ring-1 ring-amber-300">
          <h2 id="webhook-secret" className="font-semibold">
            {t('leads.webhook.secretTitle')}
          </h2>
          <p className="text-sm">{t('leads.webhook.secretOnce')}</p>
          <code className="block break-all rounded bg-white p-2 text-sm" data-testid="webhook-secret">
            {actionData.secret}
          </code>
        </section>
      ) : null}

      <Card id="webhook-settings" title={t('leads.webhookLink')}>
        <Form method="post" {...getFormProps(form)} className="space-y-3">
          <CsrfInput />
          <input type="hidden" name="intent" value="save" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <Field
            label={t('leads.webhook.url')}
            hint={t('leads.webhook.urlHint')}
            errors={fields.url.errors}
            inputProps={{ ...getInputProps(fields.url, { type: 'url' }), autoComplete: 'off', inputMode: 'url' }}
          />
          <Button type="submit" disabled={saving} aria-busy={saving || undefined}>
            {t('leads.webhook.save')}
          </Button>
        </Form>
        {hook ? (
          <div className="mt-4 flex flex-wrap items-center gap-2 border-t border-slate-100 pt-4 text-sm">
            <span className="mr-2">{t('leads.webhook.state', { state: hook.enabled ? t('leads.webhook.enabled') : t('leads.webhook.disabled') })}</span>
            <IntentForm
              intent="toggle"
              label={hook.enabled ? t('leads.webhook.turnOff') : t('leads.webhook.turnOn')}
              extra={{ enabled: hook.enabled ? 'false' : 'true' }}
            />
            <IntentForm intent="rotate" label={t('leads.webhook.rotate')} />
            <IntentForm intent="delete" label={t('leads.webhook.delete')} variant="danger" />
          </div>
        ) : null}
      </Card>

      {hook ? (
        <Card id="webhook-deliveries" title={t('leads.webhook.deliveries')}>
          {hook.deliveries.length === 0 ? (
            <EmptyState>{t('leads.webhook.noDeliveries')}</EmptyState>
          ) : (
            <div role="region" aria-labelledby="deliveries-caption" tabIndex={0} className="overflow-x-auto">
              <table className="w-full text-left text-sm" data-testid="webhook-deliveries">
                <caption id="deliveries-caption" className="sr-only">
                  {t('leads.webhook.deliveriesCaption')}
                </caption>
                <thead className="text-xs text-slate-500">
                  <tr>
                    {(['created', 'lead', 'source', 'score', 'status', 'attempts', 'lastError', 'nextAttempt'] as const).map((column) => (
                      <th key={column} scope="col" className="py-1 pr-3 font-medium">
                        {t(`leads.webhook.columns.${column}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {hook.deliveries.map((delivery) => (
                    <tr key={delivery.id}>
                      <td className="py-2 pr-3 text-xs">
                        <LocalTime value={delivery.createdAt} />
                      </td>
                      <th scope="row" className="py-2 pr-3 text-left font-medium">
                        {delivery.leadName}
                      </th>
                      <td className="py-2 pr-3">
                        {delivery.source.kind === 'on-site'
                          ? t('leads.webhook.source.onSite', { fair: delivery.source.name || '—' })
                          : delivery.source.name || '—'}
                      </td>
                      <td className="py-2 pr-3 tabular-nums">{delivery.score}</td>
                      <td className="py-2 pr-3">
                        <span className={clsx('rounded-full px-2 py-0.5 text-xs font-semibold', STATUS_TONE[delivery.status])}>
                          {t(`leads.webhook.status.${delivery.status}`)}
                        </span>
                      </td>
                      <td className="py-2 pr-3 tabular-nums">{delivery.attempts}</td>
                      <td className="py-2 pr-3 text-xs">
                        {delivery.status === 'CANCELLED'
                          ? t(`leads.webhook.cancelled.${delivery.lastError === 'opted-out' ? 'optedOut' : 'notALead'}`)
                          : (delivery.lastError ?? '—')}
                      </td>
                      <td className="py-2 pr-3 text-xs">{delivery.nextAttemptAt ? <LocalTime value={delivery.nextAttemptAt} /> : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      ) : null}
    </div>
  )
}
