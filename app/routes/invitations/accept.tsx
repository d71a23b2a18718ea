import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Form, isRouteErrorResponse, Link, useNavigation } from 'react-router'
import type { Route } from './+types/accept'
import { handleInvitationAction, loadInvitation } from './accept.server'
import { CsrfInput } from '~/components/csrf-input'
import { ErrorPage } from '~/components/error-page'
import { Button, buttonClass } from '~/components/ui/button'
import { Field, SelectField } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { InvitationSignupSchema } from '~/domain/exporters/schemas'
import { formatDate, listTimeZones } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => [...pageTitle(args, (t) => [t('pageTitle.invitation')]), { name: 'robots', content: 'noindex' }]

export async function loader({ request, params }: Route.LoaderArgs) {
  return loadInvitation(request, params.token)
}

export async function action({ request, params }: Route.ActionArgs) {
  return handleInvitationAction(request, params.token)
}

export default function InvitationRoute({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale, timeZone: knownZone } = useRootData()
  const navigation = useNavigation()
  const { invitation, viewer } = loaderData
  const here = `/invitations/${params.token}`
  const [form, fields] = useForm({
    id: 'invitation-signup',
    lastResult: actionData?.result,
    defaultValue: { intent: 'signup', timeZone: knownZone },
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InvitationSignupSchema }),
  })
  const zones = useMemo(() => listTimeZones().map((zone) => ({ value: zone, label: zone })), [])
  const [browserZone, setBrowserZone] = useState<string | null>(null)
  // eslint-disable-next-line react-hooks/set-state-in-effect -- known only in the browser, set after hydration so server and client markup match
  useEffect(() => setBrowserZone(Intl.DateTimeFormat().resolvedOptions().timeZone), [])

  return (
    <section className="mx-auto max-w-xl rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
      <h1 className="text-2xl font-bold tracking-tight">{t('exporter.invitation.title', { company: invitation.companyName })}</h1>
      <p className="mt-2 text-sm text-slate-600">
        {t('exporter.invitation.body', {
          inviter: invitation.inviterName,
          company: invitation.companyName,
          role: t(`exporter.team.roles.${invitation.role}`),
          email: invitation.email,
        })}
      </p>
      <p className="mt-1 text-xs text-slate-500">
        {t('exporter.invitation.expires', { date: formatDate(invitation.expiresAt, { locale, timeZone: knownZone }) })}
      </p>
      {viewer ? (
        <div className="mt-6 space-y-4">
          <FormErrors id="invitation-errors" errors={viewer.blocker ? [viewer.blocker] : form.errors} />
          {viewer.blocker ? (
            <p className="text-sm text-slate-600">{t('exporter.invitation.signedInAs', { email: viewer.email })}</p>
          ) : (
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="accept" />
              <Button type="submit" disabled={navigation.state !== 'idle'}>
                {t('exporter.invitation.accept', { company: invitation.companyName })}
              </Button>
            </Form>
          )}
        </div>
      ) : (
        <div className="mt-6 space-y-6">
          <p className="text-sm">
            {t('exporter.invitation.haveAccount')}{' '}
            <Link to={`/login?${new URLSearchParams({ redirectTo: here })}`} className={buttonClass('secondary', 'ml-2')}>
              {t('nav.signIn')}
            </Link>
          </p>
          <div>
            <h2 className="text-lg font-semibold">{t('exporter.invitation.createAccount')}</h2>
            <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
              <CsrfInput />
              <input type="hidden" name="intent" value="signup" />
              <FormErrors id={form.errorId} errors={form.errors} />
              <div>
                <span className="block text-sm font-medium text-slate-800">{t('auth.email')}</span>
                <span className="mt-1 block text-sm">{invitation.email}</span>
              </div>
              <Field
                label={t('auth.name')}
                errors={fields.name.errors}
                inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'name' }}
              />
              <Field
                label={t('auth.password')}
                hint={t('auth.passwordHint')}
                errors={fields.password.errors}
                inputProps={{ ...getInputProps(fields.password, { type: 'password' }), autoComplete: 'new-password' }}
              />
              <SelectField
                key={browserZone ?? 'server'}
                label={t('auth.timeZone')}
                errors={fields.timeZone.errors}
                options={zones}
                selectProps={{ ...getSelectProps(fields.timeZone), defaultValue: actionData ? fields.timeZone.initialValue : (browserZone ?? knownZone) }}
              />
              <Button type="submit" className="w-full" disabled={navigation.state !== 'idle'}>
                {t('exporter.invitation.createAndJoin')}
              </Button>
            </Form>
          </div>
        </div>
      )}
    </section>
  )
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const { t } = useTranslation()
  if (isRouteErrorResponse(error) && (error.data as { reason?: string } | undefined)?.reason === 'invitation-invalid') {
    return (
      <section className="mx-auto max-w-xl py-16 text-center">
        <h1 className="text-2xl font-bold tracking-tight">{t('exporter.invitation.invalidTitle')}</h1>
        <p className="mt-4 text-slate-600">{t('exporter.invitation.invalidBody')}</p>
      </section>
    )
  }
  return (
    <ErrorPage kind={isRouteErrorResponse(error) && error.status === 403 ? 'forbidden' : 'generic'} status={isRouteErrorResponse(error) ? error.status : 500} />
  )
}
