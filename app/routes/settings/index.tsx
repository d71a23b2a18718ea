import { getFormProps, getInputProps, getSelectProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Form, useNavigation } from 'react-router'
import type { Route } from './+types/index'
import { handleSettings, loadSettings } from './settings.server'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'
import { Field, SelectField } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { ChangePasswordSchema, ProfileSchema } from '~/domain/accounts/schemas'
import { LOCALE_NAMES, SUPPORTED_LOCALES } from '~/lib/i18n'
import { formatDateTime, listTimeZones } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.settings')])

export async function loader({ request }: Route.LoaderArgs) {
  return loadSettings(request)
}

export async function action({ request }: Route.ActionArgs) {
  return handleSettings(request)
}

const SECTION = 'rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200'

export default function SettingsRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t('settings.title')}</h1>
      <ProfileSection profile={loaderData.profile} lastResult={actionData?.intent === 'profile' ? actionData.result : undefined} />
      <PasswordSection lastResult={actionData?.intent === 'change-password' ? actionData.result : undefined} />
      <SessionsSection sessions={loaderData.sessions} idleHours={loaderData.idleHours} />
    </div>
  )
}

type LastResult = SubmissionResult | undefined

function ProfileSection({ profile, lastResult }: { profile: { name: string; locale: string; timeZone: string }; lastResult: LastResult }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'settings-profile',
    lastResult,
    defaultValue: { ...profile, intent: 'profile' },
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProfileSchema }),
  })
  const zones = useMemo(() => listTimeZones().map((zone) => ({ value: zone, label: zone })), [])
  return (
    <section aria-labelledby="settings-profile-title" className={SECTION}>
      <h2 id="settings-profile-title" className="text-lg font-semibold">
        {t('settings.profile')}
      </h2>
      <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="intent" value="profile" />
        <Field label={t('auth.name')} errors={fields.name.errors} inputProps={getInputProps(fields.name, { type: 'text' })} />
        <SelectField
          label={t('common.language')}
          errors={fields.locale.errors}
          options={SUPPORTED_LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code], lang: code }))}
          selectProps={getSelectProps(fields.locale)}
        />
        <SelectField label={t('common.timeZone')} errors={fields.timeZone.errors} options={zones} selectProps={getSelectProps(fields.timeZone)} />
        <p className="text-xs text-slate-500">{t('settings.timeZoneHint')}</p>
        <Button type="submit" disabled={navigation.state !== 'idle'}>
          {t('common.save')}
        </Button>
      </Form>
    </section>
  )
}

function PasswordSection({ lastResult }: { lastResult: LastResult }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const pending = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'change-password'
  const [form, fields] = useForm({
    id: 'settings-password',
    lastResult,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
  })
  return (
    <section aria-labelledby="settings-password-title" className={SECTION}>
      <h2 id="settings-password-title" className="text-lg font-semibold">
        {t('account.password.title')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('account.password.intro')}</p>
      <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="intent" value="change-password" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field
          label={t('account.password.current')}
          errors={fields.currentPassword.errors}
          inputProps={{ ...getInputProps(fields.currentPassword, { type: 'password' }), autoComplete: 'current-password' }}
        />
        <Field
          label={t('account.password.new')}
          hint={t('auth.passwordHint')}
          errors={fields.newPassword.errors}
          inputProps={{ ...getInputProps(fields.newPassword, { type: 'password' }), autoComplete: 'new-password' }}
        />
        <Field
          label={t('account.password.confirm')}
          errors={fields.confirmPassword.errors}
          inputProps={{ ...getInputProps(fields.confirmPassword, { type: 'password' }), autoComplete: 'new-password' }}
        />
        <Button type="submit" disabled={pending}>
          {pending ? t('account.password.pending') : t('account.password.submit')}
        </Button>
      </Form>
    </section>
  )
}

type SessionRow = {
  handle: string
  current: boolean
  browser: string | null
  os: string | null
  ipAddress: string | null
  createdAt: string
  lastSeenAt: string
}

function SessionsSection({ sessions, idleHours }: { sessions: SessionRow[]; idleHours: number }) {
  const { t } = useTranslation()
  const { locale, timeZone } = useRootData()
  const navigation = useNavigation()
  const busy = navigation.state !== 'idle'
  const when = (iso: string) => formatDateTime(iso, { locale, timeZone })
  const deviceName = (session: SessionRow) =>
    session.browser || session.os
      ? t('account.sessions.device', { browser: session.browser ?? '?', os: session.os ?? '?' })
      : t('account.sessions.unknownDevice')
  const others = sessions.filter((session) => !session.current)
  return (
    <section aria-labelledby="settings-sessions-title" className={SECTION}>
      <h2 id="settings-sessions-title" className="text-lg font-semibold">
        {t('account.sessions.title')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('account.sessions.intro', { hours: idleHours })}</p>
      <ul aria-labelledby="settings-sessions-title" className="mt-4 divide-y divide-slate-200">
        {sessions.map((session) => (
          <li key={session.handle} className="flex flex-wrap items-start justify-between gap-3 py-3">
            <div>
              <p className="font-medium">
                {deviceName(session)}
                {session.current ? (
                  <span className="ml-2 rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-700 ring-1 ring-brand-200">
                    {t('account.sessions.thisDevice')}
                  </span>
                ) : null}
              </p>
              <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm text-slate-600">
                <dt>{t('account.sessions.ip')}</dt>
                <dd>{session.ipAddress ?? '—'}</dd>
                <dt>{t('account.sessions.created')}</dt>
                <dd>{when(session.createdAt)}</dd>
                <dt>{t('account.sessions.lastActive')}</dt>
                <dd>{when(session.lastSeenAt)}</dd>
              </dl>
            </div>
            {session.current ? null : (
              <Form method="post">
                <CsrfInput />
                <input type="hidden" name="intent" value="revoke-session" />
                <input type="hidden" name="session" value={session.handle} />
                <Button
                  type="submit"
                  variant="secondary"
                  disabled={busy}
                  aria-label={t('account.sessions.revokeLabel', { device: deviceName(session), when: when(session.lastSeenAt) })}
                >
                  {t('account.sessions.revoke')}
                </Button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <Form method="post" className="mt-4">
          <CsrfInput />
          <input type="hidden" name="intent" value="revoke-other-sessions" />
          <Button type="submit" variant="danger" disabled={busy}>
            {t('account.sessions.revokeOthers')}
          </Button>
        </Form>
      ) : (
        <p className="mt-4 text-sm text-slate-600">{t('account.sessions.noOthers')}</p>
      )}
    </section>
  )
}
