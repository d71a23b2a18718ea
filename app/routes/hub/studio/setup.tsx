import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form } from 'react-router'
import type { Route } from './+types/setup'
import { CsrfInput } from '~/components/csrf-input'
import { LocalTime } from '~/components/local-time'
import { RowActionForm } from '~/components/ui/row-action-form'
import { WEEK_ORDER, weekdayName } from '~/components/studio/studio-parts'
import { Button } from '~/components/ui/button'
import { Card, cardTitleId, EmptyState } from '~/components/ui/card'
import { CheckboxGroup } from '~/components/ui/checkbox-group'
import { Field, SelectField } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { Cell, Table } from '~/components/ui/table'
import { requirePermission } from '~/domain/accounts/permissions.server'
import { BlackoutSchema, CREW_ROLES, DeleteBlackoutSchema, DeleteResourceSchema, HoursSchema, RESOURCE_KINDS, ResourceSchema } from '~/domain/studio/schemas'
import {
  addBlackout,
  deleteBlackout,
  deleteResource,
  listResources,
  operatorStudio,
  rotateStudioIngestKey,
  saveHours,
  saveResource,
  STUDIO_INGEST_LEAD_IN_MINUTES,
  studioIngestCredential,
} from '~/domain/studio/studio.server'
import { LANGUAGE_CODES, languageName } from '~/lib/languages'
import { pageTitle } from '~/lib/meta'
import { listTimeZones } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { appOrigin } from '~/utils/request.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'

// The studio's setup (docs/studio-booking.md): name, zone, weekly hours and free-cancellation period;
// blackout days; resources (sets, crew, equipment); the encoder's studio ingest key.

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('studioBooking.setup.title')])

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, 'manage:studio')
  const studio = await operatorStudio(user.id)
  const [resources, ingest] = await Promise.all([listResources(studio.id), studioIngestCredential(user.id, studio.id)])
  const origin = appOrigin(request)
  return {
    studio,
    resources,
    ingest: ingest ? { token: ingest.token, masked: ingest.masked, rotatedAt: ingest.rotatedAt.toISOString() } : null,
    whipUrl: `${origin}/whip/studio`,
    rtmpUrl: `rtmp://${new URL(origin).hostname}/live`,
    leadIn: STUDIO_INGEST_LEAD_IN_MINUTES,
    zones: listTimeZones(),
  }
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, 'manage:studio')
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const studio = await operatorStudio(user.id)
  const intent = formData.get('intent')
  switch (intent) {
    case 'hours': {
      const submission = parseWithZod(formData, { schema: HoursSchema })
      if (submission.status !== 'success') return data({ result: submission.reply(), form: 'hours' }, { status: 400 })
      await saveHours(user.id, studio.id, submission.value)
      return redirectWithToast('/hub/studio/setup', 'studioBooking.setup.saved')
    }
    case 'blackout': {
      const submission = parseWithZod(formData, { schema: BlackoutSchema })
      if (submission.status !== 'success') return data({ result: submission.reply(), form: 'blackout' }, { status: 400 })
      try {
        await addBlackout(user.id, studio.id, submission.value)
      } catch (error) {
        return formErrorFromDomain(submission, error, { only: ['blackout-has-bookings'], extra: { form: 'blackout' } })
      }
      return redirectWithToast('/hub/studio/setup', 'studioBooking.setup.saved')
    }
    case 'delete-blackout': {
      const submission = parseWithZod(formData, { schema: DeleteBlackoutSchema })
      if (submission.status !== 'success') return data({ result: submission.reply(), form: 'blackout' }, { status: 400 })
      await deleteBlackout(user.id, studio.id, submission.value.blackoutId)
      return redirectWithToast('/hub/studio/setup', 'studioBooking.setup.saved')
    }
    case 'delete-resource': {
      const submission = parseWithZod(formData, { schema: DeleteResourceSchema })
      if (submission.status !== 'success') return data({ result: submission.reply(), form: 'resources' }, { status: 400 })
      try {
        await deleteResource(user.id, studio.id, submission.value.resourceId)
      } catch (error) {
        return formErrorFromDomain(submission, error, { only: ['resource-in-use'], field: '', extra: { form: 'resources' } })
      }
      return redirectWithToast('/hub/studio/setup', 'studioBooking.setup.deleted')
    }
    case 'rotate-ingest': {
      await rotateStudioIngestKey(user.id, studio.id, requestNow(request))
      return redirectWithToast('/hub/studio/setup#ingest', 'studioBooking.setup.ingestRotated')
    }
    default: {
      const submission = parseWithZod(formData, { schema: ResourceSchema })
      if (submission.status !== 'success') return data({ result: submission.reply(), form: 'resources' }, { status: 400 })
      await saveResource(user.id, studio.id, submission.value)
      return redirectWithToast('/hub/studio/setup', 'studioBooking.setup.saved')
    }
  }
}

export default function StudioSetupRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const { studio, resources, ingest } = loaderData
  const errorsOf = (form: string) => (actionData?.form === form ? (actionData.result.error ?? {}) : {})
  const hoursErrors = errorsOf('hours')
  const blackoutErrors = errorsOf('blackout')
  const resourceErrors = errorsOf('resources')
  const languageOptions = LANGUAGE_CODES.map((code) => ({ value: code, label: languageName(code, locale) }))
  const list = (errors: Record<string, string[] | null | undefined>, name: string) => errors[name] ?? undefined
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t('studioBooking.setup.title')}</h1>

      <Card id="hours" title={t('studioBooking.setup.hoursTitle')}>
        <Form method="post" className="space-y-4">
          <CsrfInput />
          <input type="hidden" name="intent" value="hours" />
          <FormErrors id="hours-errors" errors={list(hoursErrors, '')} />
          <div className="grid gap-3 sm:grid-cols-3">
            <Field
              label={t('studioBooking.setup.name')}
              errors={list(hoursErrors, 'name')}
              inputProps={{ id: 'studio-name', name: 'name', required: true, defaultValue: studio.name, maxLength: 120 }}
            />
            <SelectField
              label={t('studioBooking.setup.zone')}
              errors={list(hoursErrors, 'timeZone')}
              options={loaderData.zones.map((zone) => ({ value: zone, label: zone }))}
              selectProps={{ id: 'studio-zone', name: 'timeZone', defaultValue: studio.timeZone }}
            />
            <Field
              label={t('studioBooking.setup.freeCancelHours')}
              errors={list(hoursErrors, 'freeCancelHours')}
              inputProps={{
                id: 'studio-free-cancel',
                name: 'freeCancelHours',
                type: 'number',
                min: 0,
                max: 336,
                required: true,
                defaultValue: studio.freeCancelHours,
              }}
            />
          </div>
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">{t('studioBooking.setup.weeklyHours', { zone: studio.timeZone })}</legend>
            <p className="text-xs text-slate-600">{t('studioBooking.setup.weeklyHoursHint')}</p>
            <div className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
              {WEEK_ORDER.map((day) => {
                const hours = studio.openingHours[`${day}`]
                const name = weekdayName(day, locale)
                return (
                  <div key={day} className="rounded-md p-2 ring-1 ring-slate-200">
                    <p className="text-sm font-medium">{name}</p>
                    <div className="mt-1 flex gap-2">
                      <label className="text-xs">
                        {t('studioBooking.setup.opens')}
                        <input
                          type="time"
                          name={`open${day}`}
                          defaultValue={hours?.open ?? ''}
                          aria-label={t('studioBooking.setup.opensOn', { day: name })}
                          className="block rounded-md border border-slate-300 px-2 py-1"
                        />
                      </label>
                      <label className="text-xs">
                        {t('studioBooking.setup.closes')}
                        <input
                          type="time"
                          name={`close${day}`}
                          defaultValue={hours?.close ?? ''}
                          aria-label={t('studioBooking.setup.closesOn', { day: name })}
                          className="block rounded-md border border-slate-300 px-2 py-1"
                        />
                      </label>
                    </div>
                    <FormErrors id={`hours-${day}-errors`} errors={list(hoursErrors, `close${day}`)} />
                  </div>
                )
              })}
            </div>
          </fieldset>
          <Button type="submit">{t('studioBooking.setup.saveHours')}</Button>
        </Form>
      </Card>

      <Card id="blackouts" title={t('studioBooking.blackoutsTitle')}>
        <Form method="post" className="grid gap-3 sm:grid-cols-[auto_1fr_auto] sm:items-end">
          <CsrfInput />
          <input type="hidden" name="intent" value="blackout" />
          <Field
            label={t('studioBooking.setup.blackoutDay')}
            errors={list(blackoutErrors, 'day')}
            inputProps={{ id: 'blackout-day', name: 'day', type: 'date', required: true }}
          />
          <Field
            label={t('studioBooking.setup.blackoutReason')}
            errors={list(blackoutErrors, 'reason')}
            inputProps={{ id: 'blackout-reason', name: 'reason', required: true, maxLength: 200 }}
          />
          <Button type="submit">{t('studioBooking.setup.addBlackout')}</Button>
        </Form>
        <FormErrors id="blackout-errors" errors={list(blackoutErrors, '')} />
        {studio.blackouts.length === 0 ? (
          <div className="mt-3">
            <EmptyState>{t('studioBooking.setup.noBlackouts')}</EmptyState>
          </div>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100 text-sm">
            {studio.blackouts.map((blackout) => (
              <li key={blackout.id} className="flex items-center justify-between gap-2 py-2">
                <span>
                  <time dateTime={blackout.day}>{blackout.day}</time> — {blackout.reason}
                </span>
                <RowActionForm
                  intent="delete-blackout"
                  fields={{ blackoutId: blackout.id }}
                  label={t('studioBooking.setup.removeBlackout', { day: blackout.day })}
                  text={t('studioBooking.setup.remove')}
                />
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card id="resources" title={t('studioBooking.resourcesTitle')}>
        <FormErrors id="resources-errors" errors={list(resourceErrors, '')} />
        {resources.length === 0 ? (
          <EmptyState>{t('studioBooking.setup.noResources')}</EmptyState>
        ) : (
          <Table
            labelledBy={cardTitleId('resources')}
            columns={[
              { label: t('studioBooking.setup.resource') },
              { label: t('studioBooking.setup.kind') },
              { label: t('studioBooking.columns.actions'), hideLabel: true },
            ]}
          >
            {resources.map((resource) => (
              <tr key={resource.id} data-testid="studio-resource-row">
                <Cell>
                  <RowActionForm
                    intent="resource"
                    fields={{ resourceId: resource.id, kind: resource.kind, ...(resource.crewRole ? { crewRole: resource.crewRole } : {}) }}
                    label={t('studioBooking.setup.saveResource', { name: resource.name })}
                    text={t('studioBooking.setup.save')}
                    variant="secondary"
                    className="flex flex-wrap items-end gap-2"
                  >
                    <label className="text-xs">
                      <span className="sr-only">{t('studioBooking.setup.nameOf', { name: resource.name })}</span>
                      <input
                        name="name"
                        defaultValue={resource.name}
                        required
                        maxLength={120}
                        className="rounded-md border border-slate-300 px-2 py-1 text-sm"
                      />
                    </label>
                    {resource.kind === 'CREW' ? (
                      <label className="text-xs">
                        <span className="sr-only">{t('studioBooking.setup.languagesOf', { name: resource.name })}</span>
                        <select
                          name="languages"
                          multiple
                          defaultValue={resource.languages}
                          className="h-16 rounded-md border border-slate-300 px-2 py-1 text-xs"
                        >
                          {languageOptions.map((option) => (
                            <option key={option.value} value={option.value}>
                              {option.label}
                            </option>
                          ))}
                        </select>
                      </label>
                    ) : null}
                    <label className="flex items-center gap-1 text-xs">
                      <input type="checkbox" name="active" defaultChecked={resource.active} />
                      {t('studioBooking.setup.active')}
                    </label>
                  </RowActionForm>
                </Cell>
                <Cell>
                  {t(`studioBooking.kind.${resource.kind}`)}
                  {resource.crewRole ? ` · ${t(`studioBooking.crewRole.${resource.crewRole}`)}` : ''}
                  {resource.languages.length ? (
                    <span className="block text-xs text-slate-600">{resource.languages.map((l) => languageName(l, locale)).join(', ')}</span>
                  ) : null}
                </Cell>
                <Cell align="end">
                  <RowActionForm
                    intent="delete-resource"
                    fields={{ resourceId: resource.id }}
                    label={t('studioBooking.setup.deleteResource', { name: resource.name })}
                    text={t('studioBooking.setup.remove')}
                  />
                </Cell>
              </tr>
            ))}
          </Table>
        )}
        <h3 className="mt-6 text-sm font-semibold text-slate-800">{t('studioBooking.setup.addResource')}</h3>
        <Form method="post" className="mt-2 space-y-3">
          <CsrfInput />
          <input type="hidden" name="intent" value="resource" />
          <div className="grid gap-3 sm:grid-cols-3">
            <SelectField
              label={t('studioBooking.setup.kind')}
              errors={list(resourceErrors, 'kind')}
              options={RESOURCE_KINDS.map((kind) => ({ value: kind, label: t(`studioBooking.kind.${kind}`) }))}
              selectProps={{ id: 'resource-kind', name: 'kind' }}
            />
            <SelectField
              label={t('studioBooking.setup.crewRole')}
              errors={list(resourceErrors, 'crewRole')}
              options={[
                { value: '', label: t('studioBooking.setup.notCrew') },
                ...CREW_ROLES.map((role) => ({ value: role, label: t(`studioBooking.crewRole.${role}`) })),
              ]}
              selectProps={{ id: 'resource-crew-role', name: 'crewRole' }}
            />
            <Field
              label={t('studioBooking.setup.name')}
              errors={list(resourceErrors, 'name')}
              inputProps={{ id: 'resource-name', name: 'name', required: true, maxLength: 120 }}
            />
          </div>
          <CheckboxGroup
            legend={t('studioBooking.setup.languages')}
            name="languages"
            filterable
            errors={list(resourceErrors, 'languages')}
            options={languageOptions}
          />
          <input type="hidden" name="active" value="true" />
          <Button type="submit">{t('studioBooking.setup.addResource')}</Button>
        </Form>
      </Card>

      <Card id="ingest" title={t('studioBooking.setup.ingestTitle')}>
        <p className="text-sm text-slate-700">{t('studioBooking.setup.ingestIntro', { minutes: loaderData.leadIn })}</p>
        <p className="mt-2 text-sm text-slate-700">{t('studioBooking.setup.ingestOverlap')}</p>
        <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">{t('studioBooking.setup.whipUrl')}</dt>
          <dd>
            <code className="break-all">{loaderData.whipUrl}</code>
          </dd>
          <dt className="font-medium">{t('studioBooking.setup.rtmpUrl')}</dt>
          <dd>
            <code className="break-all">{loaderData.rtmpUrl}</code>
          </dd>
          <dt className="font-medium">{t('studioBooking.setup.ingestKey')}</dt>
          <dd>
            {ingest ? (
              <>
                <details>
                  <summary className="cursor-pointer">
                    <code>{ingest.masked}</code>
                  </summary>
                  <code className="break-all" data-testid="studio-ingest-key">
                    {ingest.token}
                  </code>
                </details>
                <span className="text-xs text-slate-600">
                  {t('studioBooking.setup.rotatedAt')} <LocalTime value={ingest.rotatedAt} />
                </span>
              </>
            ) : (
              t('studioBooking.setup.noIngestKey')
            )}
          </dd>
        </dl>
        <Form method="post" className="mt-3">
          <CsrfInput />
          <input type="hidden" name="intent" value="rotate-ingest" />
          <Button type="submit" variant="secondary">
            {ingest ? t('studioBooking.setup.rotateIngest') : t('studioBooking.setup.createIngest')}
          </Button>
        </Form>
      </Card>
    </div>
  )
}
