import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form } from 'react-router'
import type { Route } from './+types/on-site'
import { OnSiteHeader } from './+shared/on-site-header'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { Field } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { Cell, Table } from '~/components/ui/table'
import { SlotMeetingTables } from '~/components/on-site/slot-meeting-tables'
import { pickLocalized } from '~/domain/catalog/translations'
import { requireFairManager } from '~/domain/fairs/access.server'
import { MeetingTablesSchema, OnSiteSetupSchema } from '~/domain/on-site/schemas'
import { getMeetingTables, moveMeetingToTable, setMeetingTables, tablesBySlot } from '~/domain/on-site/tables.server'
import { pageTitle } from '~/lib/meta'
import { formatDateTime } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { resolveLocale } from '~/utils/preferences.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [args.loaderData.fair.name, t('onSite.pageTitle.setup')])

/** The fair's venue meeting tables (docs/fair-on-site.md): how many, and how each slot's meetings are seated. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, fair } = await requireFairManager(request, params.fairId)
  const locale = await resolveLocale(request, user)
  const [meetingTables, slots] = await Promise.all([getMeetingTables(fair.id), tablesBySlot(fair.id, locale, { now: requestNow(request) })])
  return { fair: { id: fair.id, name: pickLocalized(fair.name, fair.nameI18n, locale), timeZone: fair.timeZone }, meetingTables, slots }
}

export async function action({ request, params }: Route.ActionArgs) {
  const { fair } = await requireFairManager(request, params.fairId)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: OnSiteSetupSchema })
  const intent = formData.get('intent') === 'move-table' ? 'move-table' : 'set-tables'
  if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
  const input = submission.value
  const now = requestNow(request)
  try {
    if (input.intent === 'set-tables') await setMeetingTables(fair.id, input.meetingTables, { now })
    else await moveMeetingToTable(fair.id, input, { now })
  } catch (error) {
    return formErrorFromDomain(submission, error, { only: ['bad-table-count', 'bad-table-number', 'table-move-closed'], extra: { intent: input.intent } })
  }
  const moved = input.intent === 'move-table'
  return redirectWithToast(`/organizer/fairs/${fair.id}/on-site${moved ? '#slots' : ''}`, moved ? 'onSite.setup.moved' : 'onSite.setup.saved')
}

export default function OnSiteSetupRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const { fair, slots } = loaderData
  // A refused move (the slot started meanwhile, or the table count shrank) shows above the slots.
  const moveResult = actionData?.intent === 'move-table' ? actionData.result : undefined
  const moveErrors = Object.values(moveResult?.error ?? {}).flatMap((errors) => errors ?? [])
  const [form, fields] = useForm({
    id: 'meeting-tables',
    lastResult: actionData?.intent === 'move-table' ? undefined : actionData?.result,
    defaultValue: { meetingTables: String(loaderData.meetingTables) },
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MeetingTablesSchema }),
  })
  return (
    <div className="space-y-6">
      <OnSiteHeader
        fair={fair}
        other={{ page: 'check-in', label: t('onSite.setup.checkInLink') }}
        title={t('onSite.setup.title', { fair: fair.name })}
        intro={t('onSite.setup.intro')}
      />
      <Card id="tables" title={t('onSite.setup.tablesLabel')}>
        <Form method="post" className="flex flex-wrap items-end gap-3" {...getFormProps(form)}>
          <CsrfInput />
          <input type="hidden" name="intent" value="set-tables" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <Field
            label={t('onSite.setup.tablesLabel')}
            hint={t('onSite.setup.tablesHint')}
            errors={fields.meetingTables.errors}
            inputProps={{ ...getInputProps(fields.meetingTables, { type: 'number' }), min: 0, max: 500, step: 1 }}
          />
          <Button type="submit">{t('onSite.setup.save')}</Button>
        </Form>
      </Card>
      <Card id="slots" title={t('onSite.setup.slotsTitle')}>
        {moveErrors.length > 0 ? <FormErrors id="move-table-errors" errors={moveErrors} /> : null}
        {slots.length === 0 ? (
          <EmptyState>{t('onSite.setup.noSlots')}</EmptyState>
        ) : (
          <Table
            caption={t('onSite.setup.slotsTitle')}
            columns={[
              { label: t('onSite.setup.slot') },
              { label: t('onSite.setup.seated'), align: 'end' },
              { label: t('onSite.setup.online'), align: 'end' },
              { label: t('onSite.setup.meetings') },
            ]}
          >
            {slots.map((slot) => {
              const slotLabel = formatDateTime(slot.startsAt, { locale, timeZone: fair.timeZone })
              return (
                <tr key={slot.id} className="align-top">
                  <Cell>{slotLabel}</Cell>
                  <Cell align="end" numeric>
                    {slot.seated}
                  </Cell>
                  <Cell align="end" numeric>
                    {slot.online}
                  </Cell>
                  <Cell>
                    <SlotMeetingTables slotLabel={slotLabel} meetings={slot.meetings} tableCount={loaderData.meetingTables} open={slot.open} />
                  </Cell>
                </tr>
              )
            })}
          </Table>
        )}
      </Card>
    </div>
  )
}
