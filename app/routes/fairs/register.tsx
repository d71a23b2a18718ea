import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link } from 'react-router'
import type { Route } from './+types/register'
import { CsrfInput } from '~/components/csrf-input'
import { LocalTime } from '~/components/local-time'
import { StatusBadge } from '~/components/status-badge'
import { Button } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { Field, FieldErrors, SelectField } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { requireUser } from '~/domain/accounts/session.server'
import { pickLocalized } from '~/domain/catalog/translations'
import { isDomainError } from '~/domain/errors'
import { getOpenFairBySlug, getRegistration, listOwnProposals, proposeSession, registerForFair } from '~/domain/fairs/fairs.server'
import { FAIR_LANGUAGES, ProposeSessionSchema, RegistrationActionSchema } from '~/domain/fairs/schemas'
import { languageName } from '~/lib/languages'
import { instantToWallClock } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { resolveLocale } from '~/utils/preferences.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.fairRegistration')])

async function loadFair(slug: string) {
  const fair = await getOpenFairBySlug(slug)
  if (!fair || fair.status === 'DRAFT') throw data({ reason: 'not-found' }, { status: 404 })
  return fair
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request)
  const locale = await resolveLocale(request, user)
  const fair = await loadFair(params.slug)
  const registration = await getRegistration(fair.id, user.id)
  const company = user.exporterMember?.company
  const proposals = company && registration?.status === 'APPROVED' ? await listOwnProposals(company.id, fair.id, locale) : []
  return {
    fair: {
      slug: fair.slug,
      name: pickLocalized(fair.name, fair.nameI18n, locale),
      status: fair.status,
      timeZone: fair.timeZone,
      defaultStart: instantToWallClock(fair.startsAt, fair.timeZone),
    },
    role: user.role,
    registration,
    canPropose: Boolean(company) && registration?.status === 'APPROVED' && registration.kind === 'EXHIBITOR',
    proposals,
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request)
  const fair = await loadFair(params.slug)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: RegistrationActionSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  if (submission.value.intent === 'register') {
    try {
      await registerForFair(user, fair.id)
    } catch (error) {
      return formErrorFromDomain(submission, error, { only: ['closed', 'forbidden', 'no-company'], status: 400 })
    }
    return redirectWithToast(`/fairs/${fair.slug}/register`, 'fairs.registered')
  }
  try {
    await proposeSession(user, fair.id, submission.value, requestNow(request))
  } catch (error) {
    // This form has a start and a duration and no fair field: the fair's dates and a past start go on the
    // start, the showcase's length on the duration, "ended" on the form.
    const code = isDomainError(error) ? error.code : ''
    const field = code === 'outside-fair' || code === 'showcase-past' ? 'preferredStart' : code === 'showcase-duration' ? 'durationMinutes' : ''
    return formErrorFromDomain(submission, error, { only: ['outside-fair', 'fair-ended', 'showcase-past', 'showcase-duration'], status: 400, field })
  }
  return redirectWithToast(`/fairs/${fair.slug}/register`, 'fairs.proposed')
}

function ProposeForm({
  lastResult,
  defaultStart,
  zone,
}: {
  lastResult: Route.ComponentProps['actionData'] extends infer A ? (A extends { result: infer R } ? R : undefined) : undefined
  defaultStart: string
  zone: string
}) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const [form, fields] = useForm({
    id: 'propose',
    lastResult,
    defaultValue: { preferredStart: defaultStart, durationMinutes: '30', language: 'en' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProposeSessionSchema }),
    shouldValidate: 'onBlur',
  })
  return (
    <Form method="post" className="space-y-3" {...getFormProps(form)}>
      <CsrfInput />
      <input type="hidden" name="intent" value="propose" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field label={t('fairs.sessionTitle')} errors={fields.title.errors} inputProps={getInputProps(fields.title, { type: 'text' })} />
      <div>
        <label htmlFor={fields.description.id} className="block text-sm font-medium text-slate-800">
          {t('fairs.description')}
        </label>
        <textarea {...getTextareaProps(fields.description)} rows={2} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
        <FieldErrors id={fields.description.errorId} errors={fields.description.errors} />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field
          label={t('fairs.preferredStart', { zone })}
          errors={fields.preferredStart.errors}
          inputProps={getInputProps(fields.preferredStart, { type: 'datetime-local' })}
        />
        <Field
          label={t('fairs.durationMinutes')}
          errors={fields.durationMinutes.errors}
          inputProps={{ ...getInputProps(fields.durationMinutes, { type: 'number' }), min: 10, max: 480 }}
        />
        <SelectField
          label={t('fairs.language')}
          errors={fields.language.errors}
          options={FAIR_LANGUAGES.map((code) => ({ value: code, label: languageName(code, locale) }))}
          selectProps={getSelectProps(fields.language)}
        />
      </div>
      <Button type="submit">{t('fairs.propose')}</Button>
    </Form>
  )
}

export default function RegisterRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { fair, registration, canPropose, proposals, role } = loaderData
  const intent = (actionData?.result as { initialValue?: { intent?: string } } | undefined)?.initialValue?.intent
  const registerErrors = intent === 'register' ? ((actionData?.result as { error?: Record<string, string[] | null> }).error?.[''] ?? undefined) : undefined
  const canRegister = role === 'EXPORTER' || role === 'BUYER'
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm text-slate-600">
          <Link to={`/fairs/${fair.slug}`} className="hover:underline">
            {fair.name}
          </Link>
        </p>
        <h1 className="text-2xl font-bold tracking-tight">{t('fairs.registerTitle', { fair: fair.name })}</h1>
      </header>
      <Card id="registration" title={t('fairs.registration')}>
        {registration ? (
          <p className="flex items-center gap-2 text-sm" data-testid="registration-status">
            {t(`fairs.kinds.${registration.kind}`)} · <StatusBadge status={registration.status} />
            {registration.status === 'PENDING' ? <span className="text-slate-600">{t('fairs.pendingExplained')}</span> : null}
          </p>
        ) : canRegister ? (
          <Form method="post" className="space-y-3">
            <CsrfInput />
            <input type="hidden" name="intent" value="register" />
            <FormErrors id="register-errors" errors={registerErrors} />
            <p className="text-sm text-slate-600">{role === 'EXPORTER' ? t('fairs.registerExhibitorHint') : t('fairs.registerBuyerHint')}</p>
            <Button type="submit">{role === 'EXPORTER' ? t('fairs.registerAsExhibitor') : t('fairs.registerAsBuyer')}</Button>
          </Form>
        ) : (
          <EmptyState>{t('fairs.registerNotForRole')}</EmptyState>
        )}
      </Card>
      {canPropose ? (
        <Card id="propose-card" title={t('fairs.proposeTitle')}>
          <ProposeForm lastResult={intent === 'propose' ? actionData?.result : undefined} defaultStart={fair.defaultStart} zone={fair.timeZone} />
          {proposals.length > 0 ? (
            <ul className="mt-4 divide-y divide-slate-100 text-sm">
              {proposals.map((p) => (
                <li key={p.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <span>{p.title}</span>
                  <span>
                    <StatusBadge status={p.approved ? 'APPROVED' : 'PENDING'} /> <LocalTime value={p.startsAt} otherZone={fair.timeZone} />
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </Card>
      ) : null}
    </div>
  )
}
