import { getFormProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { Form, useNavigation } from 'react-router'
import type { Route } from './+types/new'
import { handleNewMeeting, loadNewMeeting } from './new.server'
import { CsrfInput } from '~/components/csrf-input'
import { SlotPicker } from '~/components/slot-picker'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { FieldErrors, SelectField } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { RequestMeetingSchema } from '~/domain/meetings/schemas'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.requestMeeting')])

export async function loader({ request }: Route.LoaderArgs) {
  return loadNewMeeting(request)
}

export async function action({ request }: Route.ActionArgs) {
  return handleNewMeeting(request)
}

export default function NewMeetingRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const { counterpart, slots, viewerZone, languages } = loaderData
  const [form, fields] = useForm({
    id: 'request-meeting',
    lastResult: navigation.state === 'idle' ? actionData?.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RequestMeetingSchema }),
    shouldValidate: 'onSubmit',
  })
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight">{t('meetings.new.title', { name: counterpart.name })}</h1>
        <p className="text-sm text-slate-600">{t('common.timesShownIn', { zone: viewerZone })}</p>
      </header>
      <Card id="request" title={t('meetings.new.formTitle')}>
        <Form method="post" className="space-y-4" {...getFormProps(form)}>
          <CsrfInput />
          <input type="hidden" name="intent" value="request" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <SlotPicker name={fields.slotStart.name} slots={slots} otherName={counterpart.name} errors={fields.slotStart.errors} idPrefix="slot" />
          <SelectField
            label={t('meetings.new.interpreter')}
            errors={fields.interpreterLanguage.errors}
            options={[{ value: '', label: t('meetings.new.noInterpreter') }, ...languages]}
            selectProps={getSelectProps(fields.interpreterLanguage)}
          />
          <div>
            <label htmlFor={fields.agenda.id} className="block text-sm font-medium text-slate-800">
              {t('meetings.new.agenda')}
            </label>
            <textarea
              {...getTextareaProps(fields.agenda)}
              rows={3}
              maxLength={2000}
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
            <FieldErrors id={fields.agenda.errorId} errors={fields.agenda.errors} />
          </div>
          <Button type="submit" disabled={navigation.state !== 'idle' || slots.length === 0}>
            {navigation.state === 'submitting' ? t('common.loading') : t('meetings.new.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  )
}
