import { type FieldMetadata, getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, useNavigation } from 'react-router'
import type { Route } from './+types/profile'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'
import { Card, cardTitleId } from '~/components/ui/card'
import { Field, FieldErrors, SelectField } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { Cell, RowHeader, Table } from '~/components/ui/table'
import { requirePermission } from '~/domain/accounts/permissions.server'
import { getOwnOfficerProfile, saveOfficerProfile } from '~/domain/consultations/consultations.server'
import { OfficerProfileSchema } from '~/domain/consultations/schemas'
import { SLOT_LENGTHS, WEEKDAYS_MONDAY_FIRST } from '~/domain/consultations/topics'
import { pageTitle } from '~/lib/meta'
import { listTimeZones } from '~/lib/time'
import { validateCsrf } from '~/utils/csrf.server'
import { resolveLocale, resolveTimeZone } from '~/utils/preferences.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('consultations.profile.title')])

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, 'advise:consultations')
  const locale = await resolveLocale(request, user)
  const profile = await getOwnOfficerProfile(user.id)
  const hours = Object.fromEntries(
    (profile?.hours ?? []).flatMap((day) => [
      [`start${day.weekday}`, day.start],
      [`end${day.weekday}`, day.end],
    ]),
  )
  // Weekday names in the reader's language: 2026-03-01 was a Sunday (weekday 0).
  const weekdayNames = Object.fromEntries(
    [0, 1, 2, 3, 4, 5, 6].map((day) => [
      day,
      new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 2, 1 + day))),
    ]),
  )
  return {
    weekdayNames,
    zones: listTimeZones(),
    defaults: {
      officeName: profile?.officeName ?? '',
      markets: profile?.markets.join(', ') ?? '',
      languages: profile?.languages.join(', ') ?? '',
      timeZone: profile?.timeZone ?? resolveTimeZone(request, user).timeZone,
      slotMinutes: String(profile?.slotMinutes ?? 30),
      bio: profile?.bio ?? '',
      ...hours,
    },
  }
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, 'advise:consultations')
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: OfficerProfileSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  await saveOfficerProfile(user.id, submission.value)
  return redirectWithToast('/advisor', 'consultations.toast.profileSaved')
}

export default function AdvisorProfile({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const { defaults, zones, weekdayNames } = loaderData
  const [form, fields] = useForm({
    id: 'officer-profile',
    defaultValue: defaults,
    lastResult: navigation.state === 'idle' ? actionData?.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OfficerProfileSchema }),
    shouldValidate: 'onSubmit',
  })
  // The weekday fields (start0…end6) by name.
  const hourFields = fields as unknown as Record<string, FieldMetadata<string> | undefined>
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight">{t('consultations.profile.title')}</h1>
        <p className="text-sm text-slate-600">{t('consultations.profile.intro')}</p>
      </header>
      <Form method="post" className="space-y-6" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="intent" value="profile" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Card id="office" title={t('consultations.profile.office')}>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label={t('consultations.profile.officeName')}
              errors={fields.officeName.errors}
              inputProps={getInputProps(fields.officeName, { type: 'text' })}
            />
            <SelectField
              label={t('consultations.profile.timeZone')}
              errors={fields.timeZone.errors}
              options={zones.map((zone) => ({ value: zone, label: zone }))}
              selectProps={getSelectProps(fields.timeZone)}
            />
            <Field
              label={t('consultations.profile.markets')}
              hint={t('consultations.profile.marketsHint')}
              errors={fields.markets.errors}
              inputProps={getInputProps(fields.markets, { type: 'text' })}
            />
            <Field
              label={t('consultations.profile.languages')}
              hint={t('consultations.profile.languagesHint')}
              errors={fields.languages.errors}
              inputProps={getInputProps(fields.languages, { type: 'text' })}
            />
            <SelectField
              label={t('consultations.profile.slotMinutes')}
              errors={fields.slotMinutes.errors}
              options={SLOT_LENGTHS.map((minutes) => ({ value: String(minutes), label: t('consultations.profile.minutes', { count: minutes }) }))}
              selectProps={getSelectProps(fields.slotMinutes)}
            />
          </div>
          <div className="mt-4">
            <label htmlFor={fields.bio.id} className="block text-sm font-medium text-slate-800">
              {t('consultations.profile.bio')}
            </label>
            <textarea
              {...getTextareaProps(fields.bio)}
              rows={3}
              maxLength={2000}
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
            <FieldErrors id={fields.bio.errorId} errors={fields.bio.errors} />
          </div>
        </Card>
        <Card id="hours" title={t('consultations.profile.hours')}>
          <p className="mb-3 text-sm text-slate-600">{t('consultations.profile.hoursHint')}</p>
          <Table
            labelledBy={cardTitleId('hours')}
            columns={[{ label: t('consultations.profile.weekday') }, { label: t('consultations.profile.from') }, { label: t('consultations.profile.until') }]}
          >
            {WEEKDAYS_MONDAY_FIRST.map((day) => {
              const start = hourFields[`start${day}`]
              const end = hourFields[`end${day}`]
              if (!start || !end) return null
              const name = weekdayNames[day] ?? String(day)
              return (
                <tr key={day}>
                  <RowHeader>{name}</RowHeader>
                  <Cell>
                    <input
                      {...getInputProps(start, { type: 'time' })}
                      aria-label={t('consultations.profile.fromDay', { day: name })}
                      className="rounded-md border border-slate-300 px-2 py-1"
                    />
                  </Cell>
                  <Cell>
                    <input
                      {...getInputProps(end, { type: 'time' })}
                      aria-label={t('consultations.profile.untilDay', { day: name })}
                      className="rounded-md border border-slate-300 px-2 py-1"
                    />
                    <FieldErrors id={end.errorId} errors={end.errors} />
                  </Cell>
                </tr>
              )
            })}
          </Table>
        </Card>
        <Button type="submit" disabled={navigation.state !== 'idle'}>
          {navigation.state === 'submitting' ? t('common.loading') : t('consultations.profile.save')}
        </Button>
      </Form>
    </div>
  )
}
