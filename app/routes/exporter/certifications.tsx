import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { clsx } from 'clsx'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation } from 'react-router'
import type { Route } from './+types/certifications'
import { CsrfInput } from '~/components/csrf-input'
import { Button, buttonClass } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { Field, SelectField } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { actingOf, agencyAudit, requireCompanyActor } from '~/domain/agencies/actor.server'
import { MARKET_BLOCS } from '~/domain/catalog/markets'
import { certificationServerSchema, deleteCertification, listCertifications, saveCertification } from '~/domain/exporters/certifications.server'
import { certificationTypeChoices, companyProductName, parseMarket } from '~/domain/exporters/readiness.server'
import { CertificationSchema, DeleteCertificationSchema } from '~/domain/exporters/schemas'
import { RECORD_ID_PATTERN } from '~/lib/record-id'
import { safeRedirectPath } from '~/utils/request.server'
import { resolveLocale } from '~/utils/preferences.server'
import { countryOptions } from '~/lib/countries'
import { formatDate } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { validateCsrf } from '~/utils/csrf.server'
import { redirectWithToast } from '~/utils/toast.server'
import { pageTitle } from '~/lib/meta'
import { certificationMarketLabel, certificationTypeLabel, marketName } from '~/components/certification-labels'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.certifications')])

const LIST_PATH = '/exporter/certifications'

export async function loader({ request }: Route.LoaderArgs) {
  // A company member, or an agency member acting for the company with the catalogue scope (ADR 026).
  const { user, company } = await requireCompanyActor(request, 'manage:certification:own')
  const companyId = company.id
  const [certifications, typeChoices] = await Promise.all([listCertifications(companyId, new Date()), certificationTypeChoices()])
  const params = new URL(request.url).searchParams
  const editId = params.get('edit')
  const editing = editId ? (certifications.find((c) => c.id === editId) ?? null) : null
  if (editId && !editing) throw data({ reason: 'not-found' }, { status: 404 })
  // Prefilled from a readiness panel: ?type=CPNP&market=EU&product=<id>&redirectTo=<path back>.
  const type = params.get('type')?.trim().toUpperCase() ?? ''
  const productId = params.get('product')
  let attach: { productId: string; name: string } | null = null
  if (productId && !editing) {
    if (!RECORD_ID_PATTERN.test(productId)) throw data({ reason: 'not-found' }, { status: 404 })
    attach = { productId, name: await companyProductName(companyId, productId, await resolveLocale(request, user)) }
  }
  const redirectTo = safeRedirectPath(params.get('redirectTo'), '')
  const prefill = {
    type: typeChoices.includes(type) ? type : null,
    market: parseMarket(params.get('market')),
    attach,
    redirectTo: redirectTo || null,
  }
  return { certifications, editing, typeChoices, prefill }
}

export async function action({ request }: Route.ActionArgs) {
  const actor = await requireCompanyActor(request, 'manage:certification:own')
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const companyId = actor.company.id
  const acting = actingOf(actor)
  if (formData.get('intent') === 'delete') {
    const parsed = DeleteCertificationSchema.safeParse(Object.fromEntries(formData))
    if (!parsed.success) throw data({ reason: 'bad-request' }, { status: 400 })
    await deleteCertification(companyId, parsed.data.certificationId, new Date(), agencyAudit(acting, 'certification.delete', 'certification', 'CATALOGUE'))
    return redirectWithToast('/exporter/certifications', 'exporter.certifications.deleted')
  }
  const submission = await parseWithZod(formData, { schema: certificationServerSchema(companyId, formData.get('certificationId')), async: true })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const action = submission.value.certificationId ? 'certification.update' : 'certification.create'
  await saveCertification(companyId, submission.value, new Date(), agencyAudit(acting, action, 'certification', 'CATALOGUE'))
  // Back to where the form was opened from (a readiness panel) when that is a path of this site.
  return redirectWithToast(safeRedirectPath(submission.value.redirectTo, LIST_PATH), 'exporter.certifications.saved')
}

const STATUS_CLASS = {
  expired: 'bg-red-50 text-red-800 ring-red-200',
  expiring: 'bg-amber-50 text-amber-800 ring-amber-200',
  valid: '',
  'no-expiry': '',
} as const

export default function CertificationsRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation()
  const { locale } = useRootData()
  const navigation = useNavigation()
  const { certifications, editing, typeChoices, prefill } = loaderData
  const [form, fields] = useForm({
    id: editing ? `certification-${editing.id}` : `certification-new-${prefill.type ?? ''}-${prefill.market ?? ''}-${prefill.attach?.productId ?? ''}`,
    lastResult: navigation.state === 'idle' ? actionData?.result : null,
    defaultValue: editing
      ? {
          intent: 'save',
          certificationId: editing.id,
          type: editing.type,
          market: editing.market,
          number: editing.number,
          issuer: editing.issuer,
          validFrom: editing.validFrom,
          validUntil: editing.validUntil,
        }
      : { intent: 'save', type: prefill.type ?? 'FDA', market: prefill.market ?? 'US' },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CertificationSchema }),
  })
  const markets = useMemo(() => [...MARKET_BLOCS.map((bloc) => ({ value: bloc, label: marketName(t, bloc, locale) })), ...countryOptions(locale)], [locale, t])
  // The fixed list's types in words; the catalogue's document types (CPNP, GACC…) by their code.
  const typeLabel = (type: string) => (i18n.exists(`exporter.certifications.types.${type}`) ? t(`exporter.certifications.types.${type}`) : type)
  // A refused type stays selected (with its error) rather than silently becoming another one.
  const submittedType = fields.type.value
  const typeOptions = [...typeChoices, ...(submittedType && !typeChoices.includes(submittedType) ? [submittedType] : [])].map((type) => ({
    value: type,
    label: typeLabel(type),
  }))
  // Certificate dates are calendar dates: show them as such (UTC), not shifted into a zone.
  const day = (value: string) => (value ? formatDate(`${value}T00:00:00Z`, { locale, timeZone: 'UTC' }) : '—')

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t('exporter.certifications.title')}</h1>
      <Card id="list" title={t('exporter.certifications.list')}>
        {certifications.length === 0 ? (
          <EmptyState>{t('exporter.certifications.empty')}</EmptyState>
        ) : (
          <ul className="space-y-2">
            {certifications.map((cert) => (
              <li
                key={cert.id}
                className={clsx('flex flex-wrap items-center justify-between gap-3 rounded-md p-3 text-sm ring-1 ring-slate-200', STATUS_CLASS[cert.status])}
              >
                <div>
                  <p className="font-semibold">
                    {certificationTypeLabel(t, cert.type)} · {certificationMarketLabel(t, cert.market, locale)} ·{' '}
                    <span className="font-normal">{cert.number}</span>
                  </p>
                  <p className="text-xs">
                    {cert.issuer ? `${cert.issuer} · ` : ''}
                    {day(cert.validFrom)} – {day(cert.validUntil)} · {t('exporter.certifications.products', { count: cert.productCount })}
                  </p>
                  {cert.status === 'expired' ? <p className="text-xs font-semibold">{t('exporter.certifications.expired')}</p> : null}
                  {cert.status === 'expiring' ? <p className="text-xs font-semibold">{t('exporter.certifications.expiring')}</p> : null}
                </div>
                <div className="flex gap-2">
                  <Link
                    to={`?edit=${cert.id}#editor`}
                    className={buttonClass('secondary')}
                    aria-label={t('exporter.certifications.editNamed', { name: `${cert.type} ${cert.number}` })}
                  >
                    {t('exporter.common.edit')}
                  </Link>
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="certificationId" value={cert.id} />
                    <Button type="submit" variant="ghost" aria-label={t('exporter.certifications.deleteNamed', { name: `${cert.type} ${cert.number}` })}>
                      {t('exporter.common.delete')}
                    </Button>
                  </Form>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {/* The target of #editor links (edit, and the readiness panels' "Add certificate"). */}
      <div id="editor" className="scroll-mt-4">
        <Card id="editor" title={editing ? t('exporter.certifications.edit') : t('exporter.certifications.add')}>
          <Form method="post" className="space-y-4" {...getFormProps(form)}>
            <CsrfInput />
            <input type="hidden" name="intent" value="save" />
            {editing ? <input type="hidden" name="certificationId" value={editing.id} /> : null}
            {prefill.redirectTo && !editing ? <input type="hidden" name="redirectTo" value={prefill.redirectTo} /> : null}
            <FormErrors id={form.errorId} errors={form.errors} />
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField
                label={t('exporter.certifications.type')}
                errors={fields.type.errors}
                options={typeOptions}
                selectProps={getSelectProps(fields.type)}
              />
              <SelectField
                label={t('exporter.certifications.market')}
                errors={fields.market.errors}
                options={markets}
                selectProps={getSelectProps(fields.market)}
              />
              <Field label={t('exporter.certifications.number')} errors={fields.number.errors} inputProps={getInputProps(fields.number, { type: 'text' })} />
              <Field label={t('exporter.certifications.issuer')} errors={fields.issuer.errors} inputProps={getInputProps(fields.issuer, { type: 'text' })} />
              <Field
                label={t('exporter.certifications.validFrom')}
                errors={fields.validFrom.errors}
                inputProps={getInputProps(fields.validFrom, { type: 'date' })}
              />
              <Field
                label={t('exporter.certifications.validUntil')}
                errors={fields.validUntil.errors}
                inputProps={getInputProps(fields.validUntil, { type: 'date' })}
              />
            </div>
            {prefill.attach && !editing ? (
              <div className="flex items-center gap-2 text-sm">
                <input type="hidden" name="productId" value={prefill.attach.productId} />
                <input id="attach-product" type="checkbox" name="attachProduct" value="on" defaultChecked className="h-4 w-4 rounded border-slate-300" />
                <label htmlFor="attach-product">{t('readinessExporter.attachTo', { name: prefill.attach.name })}</label>
              </div>
            ) : null}
            <div className="flex gap-3">
              <Button type="submit" disabled={navigation.state !== 'idle'}>
                {t('common.save')}
              </Button>
              {editing ? (
                <Link to="/exporter/certifications" className={buttonClass('secondary')}>
                  {t('common.cancel')}
                </Link>
              ) : null}
            </div>
          </Form>
        </Card>
      </div>
    </div>
  )
}
