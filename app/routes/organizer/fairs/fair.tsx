import { useTranslation } from 'react-i18next'
import { Form, Link } from 'react-router'
import type { Route } from './+types/fair'
import { FairEditor } from './+shared/fair-editor'
import { handleManageFairAction, loadManagedFair } from './fair.server'
import { CsrfInput } from '~/components/csrf-input'
import { LocalTime } from '~/components/local-time'
import { StatusBadge } from '~/components/status-badge'
import { BuyerVerificationControls } from '~/components/verified-buyer'
import { Button, buttonClass } from '~/components/ui/button'
import { RowActionForm } from '~/components/ui/row-action-form'
import { Card, cardTitleId, EmptyState } from '~/components/ui/card'
import { FormErrors } from '~/components/ui/form-errors'
import { Cell, Table } from '~/components/ui/table'
import { countryName } from '~/lib/countries'
import { useRootData } from '~/lib/use-root-data'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [args.loaderData.fair.name, t('pageTitle.manageFair')])

export async function loader({ request, params }: Route.LoaderArgs) {
  return loadManagedFair(request, params.fairId)
}

export async function action({ request, params }: Route.ActionArgs) {
  return handleManageFairAction(request, params.fairId)
}

const INPUT = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm'

export default function ManageFairRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const { fair, buyerVerifications, mayChangeAnyVerification } = loaderData
  const result = actionData?.result as { initialValue?: { intent?: string }; error?: Record<string, string[] | null> } | undefined
  const saveResult = result?.initialValue?.intent === 'save' ? actionData?.result : undefined
  const otherErrors = result && result.initialValue?.intent !== 'save' ? (result.error?.[''] ?? undefined) : undefined
  const pending = fair.registrations.filter((r) => r.status === 'PENDING')
  const decided = fair.registrations.filter((r) => r.status !== 'PENDING')
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <p className="text-sm text-slate-600">
            <Link to="/organizer/fairs" className="hover:underline">
              {t('fairs.manageTitle')}
            </Link>
          </p>
          <h1 className="text-2xl font-bold tracking-tight">{fair.name}</h1>
          <p className="text-sm text-slate-600">
            <StatusBadge status={fair.status} /> · {fair.timeZone}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link to={`/fairs/${fair.slug}`} className={buttonClass('secondary')}>
            {t('fairs.publicPage')}
          </Link>
          <Link to={`/organizer/fairs/${fair.id}/schedule`} className={buttonClass('secondary')}>
            {t('schedule.title')}
          </Link>
          <Link to={`/organizer/fairs/${fair.id}/fees`} className={buttonClass('secondary')}>
            {t('payments.boothFeeLink')}
          </Link>
          <Link to={`/organizer/fairs/${fair.id}/dashboard`} className={buttonClass()}>
            {t('fairs.kpiDashboard')}
          </Link>
        </div>
      </header>
      {otherErrors ? <FormErrors id="action-errors" errors={otherErrors} /> : null}

      <Card id="registrations" title={t('fairs.registrations')}>
        {fair.registrations.length === 0 ? (
          <EmptyState>{t('common.none')}</EmptyState>
        ) : (
          <Table
            labelledBy={cardTitleId('registrations')}
            columns={[
              { label: t('fairs.registrant') },
              { label: t('fairs.kind') },
              { label: t('fairs.country') },
              { label: t('dashboard.status') },
              { label: t('buyerVerification.column') },
              { label: t('fairs.decision'), hideLabel: true },
            ]}
          >
            {[...pending, ...decided].map((r) => (
              <tr key={r.id} data-testid={`registration-${r.id}`}>
                <Cell>
                  {r.name}
                  <span className="block text-xs text-slate-500">{r.contact}</span>
                </Cell>
                <Cell>{t(`fairs.kinds.${r.kind}`)}</Cell>
                <Cell>{r.country ? countryName(r.country, locale) : '—'}</Cell>
                <Cell>
                  <StatusBadge status={r.status} />
                </Cell>
                <Cell className="min-w-56">
                  {r.buyerId && buyerVerifications[r.buyerId] ? (
                    <BuyerVerificationControls
                      buyerId={r.buyerId}
                      companyName={r.name}
                      badge={buyerVerifications[r.buyerId]?.badge ?? null}
                      history={buyerVerifications[r.buyerId]?.history ?? []}
                      readOnly={!mayChangeAnyVerification && !buyerVerifications[r.buyerId]?.underThisFair}
                    />
                  ) : (
                    '—'
                  )}
                </Cell>
                <Cell>
                  {r.status === 'PENDING' ? (
                    <div className="flex gap-2">
                      <RowActionForm
                        intent="approve"
                        fields={{ registrationId: r.id }}
                        variant="primary"
                        text={t('fairs.approve')}
                        label={t('fairs.approveName', { name: r.name })}
                      />
                      <RowActionForm
                        intent="reject"
                        fields={{ registrationId: r.id }}
                        variant="secondary"
                        text={t('fairs.reject')}
                        label={t('fairs.rejectName', { name: r.name })}
                      />
                    </div>
                  ) : null}
                </Cell>
              </tr>
            ))}
          </Table>
        )}
      </Card>

      <Card id="programme" title={t('fairs.programme')}>
        {fair.sessions.length === 0 ? (
          <EmptyState>{t('fairs.noProposals')}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {fair.sessions.map((s) => (
              <li key={s.id} className="grid gap-2 py-3 lg:grid-cols-[1fr_auto]" data-testid={`programme-${s.id}`}>
                <div>
                  <p className="font-medium">
                    {s.title} <span className="text-sm font-normal text-slate-600">· {s.company}</span>
                  </p>
                  <p className="text-sm text-slate-600">
                    {s.approved ? <StatusBadge status="APPROVED" /> : <StatusBadge status="PENDING" />}{' '}
                    <LocalTime value={s.startsAt} otherZone={fair.timeZone} />
                  </p>
                </div>
                {s.status === 'SCHEDULED' ? (
                  <div className="flex flex-wrap items-end gap-2">
                    <RowActionForm
                      intent="place"
                      fields={{ sessionId: s.id }}
                      variant="primary"
                      text={s.approved ? t('fairs.move') : t('fairs.approveAndPlace')}
                      label={t(s.approved ? 'fairs.moveFor' : 'fairs.placeFor', { title: s.title })}
                      className="flex flex-wrap items-end gap-2"
                    >
                      <label className="text-xs text-slate-600">
                        {t('fairs.placeStart', { zone: fair.timeZone })}
                        <input
                          type="datetime-local"
                          name="startsAt"
                          defaultValue={s.wallClockStart}
                          required
                          className={INPUT}
                          aria-label={t('fairs.placeStartFor', { title: s.title })}
                        />
                      </label>
                      <label className="text-xs text-slate-600">
                        {t('fairs.durationMinutes')}
                        <input type="number" name="durationMinutes" min={10} max={480} defaultValue={s.durationMinutes} required className={`${INPUT} w-24`} />
                      </label>
                    </RowActionForm>
                    {s.approved ? <RowActionForm intent="unplace" fields={{ sessionId: s.id }} text={t('fairs.unplace')} /> : null}
                  </div>
                ) : (
                  <div className="flex flex-wrap items-center gap-2">
                    <StatusBadge status={s.status} />
                    {s.replay ? (
                      <>
                        <span className="text-xs text-slate-600">{s.replay.published ? t('replayAdmin.published') : t('replayAdmin.unpublished')}</span>
                        {s.replay.status === 'READY' ? (
                          <Link to={`/live/${s.id}`} className="text-sm text-brand-700 hover:underline">
                            {t('replayAdmin.watch')}
                          </Link>
                        ) : null}
                        {s.replay.published ? (
                          <RowActionForm
                            intent="unpublish-replay"
                            fields={{ recordingId: s.replay.id }}
                            variant="secondary"
                            text={t('replayAdmin.unpublish')}
                            label={t('replayAdmin.unpublishFor', { title: s.title })}
                          />
                        ) : null}
                      </>
                    ) : null}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card id="halls" title={t('fairs.halls')}>
          {fair.halls.length === 0 ? (
            <EmptyState>{t('common.none')}</EmptyState>
          ) : (
            <ul className="list-inside list-disc text-sm">
              {fair.halls.map((hall) => (
                <li key={hall.id}>{hall.name}</li>
              ))}
            </ul>
          )}
          <Form method="post" className="mt-3 flex flex-wrap items-end gap-2">
            <CsrfInput />
            <input type="hidden" name="intent" value="hall" />
            <label className="text-xs text-slate-600">
              {t('fairs.hallName')}
              <input name="name" required maxLength={120} className={INPUT} />
            </label>
            <label className="text-xs text-slate-600">
              {t('fairs.hallNameKo')}
              <input name="nameKo" maxLength={120} className={INPUT} />
            </label>
            <Button type="submit" variant="secondary" className="min-h-8 px-3 py-1">
              {t('fairs.addHall')}
            </Button>
          </Form>
        </Card>
        <Card id="booths" title={t('dashboard.booths')}>
          {fair.booths.length === 0 ? (
            <EmptyState>{t('common.none')}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {fair.booths.map((booth) => (
                <li key={booth.id} className="py-2">
                  <p className="text-sm font-medium">{booth.company}</p>
                  <RowActionForm
                    intent="booth"
                    fields={{ boothId: booth.id }}
                    variant="secondary"
                    text={t('common.save', { defaultValue: 'Save' })}
                    className="grid grid-cols-[6rem_1fr] gap-2 sm:grid-cols-[6rem_10rem_1fr_auto] sm:items-end"
                  >
                    <label className="text-xs text-slate-600">
                      {t('fairs.boothCode')}
                      <input name="code" defaultValue={booth.code} required className={INPUT} />
                    </label>
                    <label className="text-xs text-slate-600">
                      {t('fairs.hall')}
                      <select name="hallId" defaultValue={booth.hallId ?? ''} className={INPUT}>
                        <option value="">—</option>
                        {fair.halls.map((hall) => (
                          <option key={hall.id} value={hall.id}>
                            {hall.name}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label className="text-xs text-slate-600">
                      {t('fairs.headline')}
                      <input name="headline" defaultValue={booth.headline} maxLength={200} className={INPUT} />
                    </label>
                  </RowActionForm>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      <Card id="details" title={t('fairs.details')}>
        <FairEditor defaults={fair.form} lastResult={saveResult} submitLabel={t('fairs.save')} />
      </Card>
    </div>
  )
}
