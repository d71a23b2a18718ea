import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { Form, Link, useNavigation } from 'react-router'
import type { Route } from './+types/meeting'
import { handleMeetingAction, loadMeeting } from './meeting.server'
import { AttendanceCard } from './+shared/attendance-card'
import { CsrfInput } from '~/components/csrf-input'
import { SlotPicker } from '~/components/slot-picker'
import { StatusBadge } from '~/components/status-badge'
import { VerifiedBuyerBadge } from '~/components/verified-buyer'
import { Button, buttonClass } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { Field, FieldErrors, SelectField } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { OUTCOME_STATUSES, OutcomeSchema, ProposeSchema, SeatInterpreterSchema } from '~/domain/meetings/schemas'
import { formatMoney } from '~/lib/money'
import { useRootData } from '~/lib/use-root-data'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.meeting')])

export async function loader({ request, params }: Route.LoaderArgs) {
  return loadMeeting(request, params.meetingId)
}

export async function action({ request, params }: Route.ActionArgs) {
  return handleMeetingAction(request, params.meetingId)
}

type LoaderData = Route.ComponentProps['loaderData']
type ActionResult = Route.ComponentProps['actionData']

function IntentButton({ intent, label, variant = 'primary' }: { intent: string; label: string; variant?: 'primary' | 'secondary' | 'danger' }) {
  const navigation = useNavigation()
  return (
    <Form method="post">
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <Button type="submit" variant={variant} disabled={navigation.state !== 'idle'}>
        {label}
      </Button>
    </Form>
  )
}

function ProposeForm({ lastResult, slots, otherName }: { lastResult: ActionResult; slots: LoaderData['proposals']; otherName: string }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'propose',
    lastResult: navigation.state === 'idle' ? lastResult?.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProposeSchema }),
    shouldValidate: 'onSubmit',
  })
  return (
    <Form method="post" className="space-y-3" {...getFormProps(form)}>
      <CsrfInput />
      <input type="hidden" name="intent" value="propose" />
      <SlotPicker name={fields.slotStart.name} slots={slots} otherName={otherName} errors={fields.slotStart.errors} idPrefix="propose-slot" />
      <Button type="submit" variant="secondary" disabled={navigation.state !== 'idle' || slots.length === 0}>
        {t('meetings.detail.proposeSubmit')}
      </Button>
    </Form>
  )
}

function OutcomeForm({ lastResult, meeting }: { lastResult: ActionResult; meeting: LoaderData['meeting'] }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const cents = (value: number | null) => (value === null ? '' : String(value / 100))
  const [form, fields] = useForm({
    id: 'outcome',
    lastResult: navigation.state === 'idle' ? lastResult?.result : undefined,
    defaultValue: {
      status: meeting.status === 'NO_SHOW' ? 'NO_SHOW' : 'HELD',
      consultationValueUsd: cents(meeting.outcome.consultationValueUsdCents),
      expectedContractValueUsd: cents(meeting.outcome.expectedContractValueUsdCents),
      contractValueUsd: cents(meeting.outcome.contractValueUsdCents),
      nextStep: meeting.outcome.nextStep ?? '',
      outcomeNotes: meeting.outcome.outcomeNotes ?? '',
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OutcomeSchema }),
    shouldValidate: 'onBlur',
  })
  return (
    <Form method="post" className="space-y-3" {...getFormProps(form)}>
      <CsrfInput />
      <input type="hidden" name="intent" value="outcome" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <SelectField
        label={t('meetings.outcome.status')}
        errors={fields.status.errors}
        options={OUTCOME_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        selectProps={getSelectProps(fields.status)}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          label={t('meetings.outcome.consultationValue')}
          errors={fields.consultationValueUsd.errors}
          inputProps={{ ...getInputProps(fields.consultationValueUsd, { type: 'number' }), min: 0, step: '0.01', inputMode: 'decimal' }}
        />
        <Field
          label={t('meetings.outcome.expectedContractValue')}
          errors={fields.expectedContractValueUsd.errors}
          inputProps={{ ...getInputProps(fields.expectedContractValueUsd, { type: 'number' }), min: 0, step: '0.01', inputMode: 'decimal' }}
        />
        <Field
          label={t('outcomes.meetingContractValue')}
          errors={fields.contractValueUsd.errors}
          inputProps={{ ...getInputProps(fields.contractValueUsd, { type: 'number' }), min: 0, step: '0.01', inputMode: 'decimal' }}
        />
      </div>
      <Field
        label={t('meetings.outcome.nextStep')}
        errors={fields.nextStep.errors}
        inputProps={{ ...getInputProps(fields.nextStep, { type: 'text' }), maxLength: 500 }}
      />
      <div>
        <label htmlFor={fields.outcomeNotes.id} className="block text-sm font-medium text-slate-800">
          {t('meetings.outcome.notes')}
        </label>
        <textarea
          {...getTextareaProps(fields.outcomeNotes)}
          rows={3}
          maxLength={5000}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <FieldErrors id={fields.outcomeNotes.errorId} errors={fields.outcomeNotes.errors} />
      </div>
      <Button type="submit" disabled={navigation.state !== 'idle'}>
        {t('meetings.outcome.save')}
      </Button>
    </Form>
  )
}

function InterpreterForm({ lastResult, seated }: { lastResult: ActionResult; seated: string | null }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'seat-interpreter',
    lastResult: navigation.state === 'idle' ? lastResult?.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SeatInterpreterSchema }),
    shouldValidate: 'onSubmit',
  })
  return (
    <Form method="post" className="space-y-3" {...getFormProps(form)}>
      <CsrfInput />
      <input type="hidden" name="intent" value="seat-interpreter" />
      <p className="text-sm text-slate-600">{seated ? t('meetings.interpreterSeat.seated', { name: seated }) : t('meetings.interpreterSeat.none')}</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field
        label={t('meetings.interpreterSeat.email')}
        errors={fields.email.errors}
        inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'off', maxLength: 254 }}
      />
      <Button type="submit" disabled={navigation.state !== 'idle'}>
        {seated ? t('meetings.interpreterSeat.replace') : t('meetings.interpreterSeat.submit')}
      </Button>
    </Form>
  )
}

export default function MeetingRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const { meeting, side, otherName, times, canRespond, canSeatInterpreter, proposals, started, viewerZone } = loaderData
  const intent = (actionData?.result as { initialValue?: { intent?: string } } | undefined)?.initialValue?.intent
  const formErrors =
    intent !== 'outcome' && intent !== 'propose' && intent !== 'seat-interpreter'
      ? (actionData?.result as { error?: Record<string, string[]> } | undefined)?.error?.['']
      : undefined
  const pending = meeting.status === 'REQUESTED' || meeting.status === 'RESCHEDULE_PROPOSED'
  const accepted = meeting.status === 'ACCEPTED'
  const closed = ['HELD', 'NO_SHOW'].includes(meeting.status)
  const party = side === 'buyer' || side === 'exporter'
  const usd = (cents: number | null) => (cents === null ? '—' : formatMoney(cents, 'USD', locale))
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header>
        <p className="text-sm text-slate-600">
          <Link to="/meetings" className="hover:underline">
            {t('meetings.index.title')}
          </Link>
        </p>
        <h1 className="text-2xl font-bold tracking-tight">
          {t('meetings.detail.title', { name: !party ? `${meeting.buyer.companyName} × ${meeting.company.name}` : otherName })}
        </h1>
        <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <StatusBadge status={meeting.status} />
          {meeting.fair ? <span>{meeting.fair.name}</span> : null}
          <VerifiedBuyerBadge badge={meeting.buyerVerified} detailed />
        </div>
        {loaderData.actingAgency ? (
          <p className="mt-2 rounded-md bg-amber-50 p-2 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="acting-agency">
            {t('agency.actingBanner', loaderData.actingAgency)}
          </p>
        ) : null}
      </header>
      {formErrors ? <FormErrors id="meeting-errors" errors={formErrors} /> : null}
      <Card id="when" title={t('meetings.detail.when')}>
        <dl className="grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-slate-500">{t('meetings.detail.yourTime', { zone: viewerZone })}</dt>
          <dd>
            <time dateTime={meeting.startsAt} data-testid="meeting-starts-at" className="font-semibold">
              {times.viewer}
            </time>
          </dd>
          <dt className="text-slate-500">{t('meetings.detail.buyerTime', { name: meeting.buyer.companyName })}</dt>
          <dd>
            {times.buyer} <span className="text-xs text-slate-500">({meeting.buyer.timeZone})</span>
          </dd>
          <dt className="text-slate-500">{t('meetings.detail.exporterTime', { name: meeting.company.name })}</dt>
          <dd>
            {times.exporter} <span className="text-xs text-slate-500">({meeting.company.timeZone})</span>
          </dd>
          {meeting.interpreterLanguage ? (
            <>
              <dt className="text-slate-500">{t('meetings.detail.interpreter')}</dt>
              <dd lang={meeting.interpreterLanguage}>{meeting.interpreterLanguage.toUpperCase()}</dd>
            </>
          ) : null}
          {meeting.agenda ? (
            <>
              <dt className="text-slate-500">{t('meetings.detail.agenda')}</dt>
              <dd className="whitespace-pre-line break-words">{meeting.agenda}</dd>
            </>
          ) : null}
        </dl>
        {meeting.participants.length > 0 ? (
          <p className="mt-3 text-sm text-slate-600">
            {t('meetings.detail.participants')}: {meeting.participants.map((p) => `${p.name} (${t(`meetings.roles.${p.role}`)})`).join(', ')}
          </p>
        ) : null}
      </Card>

      <AttendanceCard
        status={meeting.status}
        attendance={meeting.attendance}
        side={side}
        started={started}
        names={{ buyer: meeting.buyer.companyName, exporter: meeting.company.name }}
      />

      {canSeatInterpreter ? (
        <Card id="interpreter" title={t('meetings.interpreterSeat.title', { language: (meeting.interpreterLanguage ?? '').toUpperCase() })}>
          <InterpreterForm
            lastResult={intent === 'seat-interpreter' ? actionData : undefined}
            seated={meeting.participants.find((p) => p.role === 'INTERPRETER')?.name ?? null}
          />
        </Card>
      ) : null}

      {pending && party ? (
        <Card id="respond" title={canRespond ? t('meetings.detail.respondTitle') : t('meetings.detail.waitingTitle')}>
          {canRespond ? (
            <div className="space-y-4">
              <p className="text-sm">
                {t(meeting.status === 'RESCHEDULE_PROPOSED' ? 'meetings.detail.newTimeProposed' : 'meetings.detail.requested', { name: otherName })}
              </p>
              <div className="flex flex-wrap gap-2">
                <IntentButton intent="accept" label={t('meetings.detail.accept')} />
                <IntentButton intent="decline" label={t('meetings.detail.decline')} variant="secondary" />
              </div>
              <details className="rounded-md border border-slate-200 p-3">
                <summary className="cursor-pointer text-sm font-medium">{t('meetings.detail.proposeTitle')}</summary>
                <div className="mt-3">
                  <ProposeForm lastResult={intent === 'propose' ? actionData : undefined} slots={proposals} otherName={otherName} />
                </div>
              </details>
            </div>
          ) : (
            <div className="space-y-3">
              <p className="text-sm">{t('meetings.detail.waiting', { name: otherName })}</p>
              <IntentButton intent="cancel" label={t('meetings.detail.withdraw')} variant="secondary" />
            </div>
          )}
        </Card>
      ) : null}

      {(accepted || closed) && meeting.isParticipant ? (
        <Card id="join" title={t('meetings.detail.joinTitle')}>
          <div className="flex flex-wrap gap-2">
            {accepted ? (
              <Link to={`/meetings/${meeting.id}/room`} className={buttonClass('primary')}>
                {t('meetings.detail.openRoom')}
              </Link>
            ) : null}
            <a href={`/meetings/${meeting.id}/invite.ics`} download className={buttonClass('secondary')}>
              {t('meetings.detail.downloadIcs')}
            </a>
            {accepted && !started ? <IntentButton intent="cancel" label={t('meetings.detail.cancel')} variant="secondary" /> : null}
          </div>
        </Card>
      ) : null}

      {(accepted || closed) && (party || closed) ? (
        <Card id="outcome" title={t('meetings.outcome.title')}>
          {closed ? (
            <dl className="mb-4 grid gap-2 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-slate-500">{t('meetings.outcome.consultationValue')}</dt>
                <dd className="font-semibold">{usd(meeting.outcome.consultationValueUsdCents)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t('meetings.outcome.expectedContractValue')}</dt>
                <dd className="font-semibold">{usd(meeting.outcome.expectedContractValueUsdCents)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t('outcomes.meetingContractValue')}</dt>
                <dd className="font-semibold">{usd(meeting.outcome.contractValueUsdCents)}</dd>
              </div>
              <div className="sm:col-span-2">
                <dt className="text-slate-500">{t('meetings.outcome.nextStep')}</dt>
                <dd>{meeting.outcome.nextStep ?? '—'}</dd>
              </div>
              {meeting.outcome.outcomeNotes ? (
                <div className="sm:col-span-2">
                  <dt className="text-slate-500">{t('meetings.outcome.notes')}</dt>
                  <dd className="whitespace-pre-line break-words">{meeting.outcome.outcomeNotes}</dd>
                </div>
              ) : null}
            </dl>
          ) : null}
          {party && started ? (
            <OutcomeForm lastResult={intent === 'outcome' ? actionData : undefined} meeting={meeting} />
          ) : party ? (
            <p className="text-sm text-slate-600">{t('meetings.outcome.afterStart')}</p>
          ) : null}
        </Card>
      ) : null}
    </div>
  )
}
