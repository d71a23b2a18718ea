import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { data, Form, redirect, useNavigation } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/index'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'
import { Field, SelectField } from '~/components/ui/field'
import { requireUser } from '~/domain/accounts/session.server'
import { getPrisma } from '~/domain/db.server'
import { LOCALE_NAMES, SUPPORTED_LOCALES } from '~/lib/i18n'
import { isValidTimeZone, listTimeZones } from '~/lib/time'
import { validateCsrf } from '~/utils/csrf.server'
import { localeCookie } from '~/utils/preferences.server'
import { createToastCookie } from '~/utils/toast.server'

const SettingsSchema = z.object({
  name: z.string({ error: 'errors.required' }).trim().min(1, { error: 'errors.required' }).max(100, { error: 'errors.tooLong' }),
  locale: z.enum(SUPPORTED_LOCALES, { error: 'errors.invalidChoice' }),
  timeZone: z.string({ error: 'errors.required' }).refine(isValidTimeZone, { error: 'errors.invalidTimeZone' }),
})

export const meta: Route.MetaFunction = () => [{ title: 'Settings · Tradecast' }]

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request)
  return { name: user.name, locale: user.locale, timeZone: user.timeZone }
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: SettingsSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const prisma = await getPrisma()
  await prisma.user.update({ where: { id: user.id }, data: submission.value })
  if (user.role === 'BUYER') {
    await prisma.buyerProfile.updateMany({ where: { userId: user.id }, data: { timeZone: submission.value.timeZone } })
  }
  const headers = new Headers()
  headers.append('Set-Cookie', await localeCookie.serialize(submission.value.locale))
  headers.append('Set-Cookie', await createToastCookie({ messageKey: 'settings.saved' }))
  return redirect('/settings', { headers })
}

export default function SettingsRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'settings',
    lastResult: actionData?.result,
    defaultValue: loaderData,
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SettingsSchema }),
  })
  const zones = useMemo(() => listTimeZones().map((zone) => ({ value: zone, label: zone })), [])
  return (
    <section className="mx-auto max-w-xl rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
      <h1 className="text-2xl font-bold tracking-tight">{t('settings.title')}</h1>
      <Form method="post" className="mt-6 space-y-4" {...getFormProps(form)}>
        <CsrfInput />
        <Field label={t('auth.name')} errors={fields.name.errors} inputProps={getInputProps(fields.name, { type: 'text' })} />
        <SelectField
          label={t('common.language')}
          errors={fields.locale.errors}
          options={SUPPORTED_LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code] }))}
          selectProps={getSelectProps(fields.locale)}
        />
        <SelectField
          label={t('common.timeZone')}
          errors={fields.timeZone.errors}
          options={zones}
          selectProps={getSelectProps(fields.timeZone)}
        />
        <p className="text-xs text-slate-500">{t('settings.timeZoneHint')}</p>
        <Button type="submit" disabled={navigation.state !== 'idle'}>
          {t('common.save')}
        </Button>
      </Form>
    </section>
  )
}
