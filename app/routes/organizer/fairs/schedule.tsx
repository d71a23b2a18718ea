import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Form, Link, useNavigation } from 'react-router'
import type { Route } from './+types/schedule'
import { handleScheduleAction, loadSchedulePage } from './schedule.server'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'
import { Card, EmptyState, StatCard } from '~/components/ui/card'
import { FormErrors } from '~/components/ui/form-errors'
import { Cell, Table } from '~/components/ui/table'
import { useRootData } from '~/lib/use-root-data'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [args.loaderData.fair.name, t('pageTitle.meetingSchedule')])

export async function loader({ request, params }: Route.LoaderArgs) {
  return loadSchedulePage(request, params.fairId)
}

export async function action({ request, params }: Route.ActionArgs) {
  return handleScheduleAction(request, params.fairId)
}

type LoaderData = Route.ComponentProps['loaderData']
type DraftRow = { buyerId: string; exporterId: string; slotId: string; locked: boolean; weight: number; confirmed: boolean }
type Breaks = { total: number; mean: number; max: number; participantsWithBreaks: number; participants: number }
type RunSummary = {
  objective: number
  upperBound: number
  ratio: number
  milliseconds: number
  breaks: { before: Breaks; after: Breaks; lowerBound: number }
  refill: { releasedMeetings: number; freedPlaces: number; refilledPlaces: number; newMeetings: number } | null
}

/** Idle gaps in the participants' agendas after compaction, with the figure before it (ADR 022). */
function BreakStats({ breaks }: { breaks: RunSummary['breaks'] }) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })
  const before = (value: number) => (
    <span className="mt-1 block text-xs font-normal text-slate-500">{t('scheduleRefill.breaks.before', { value: number.format(value) })}</span>
  )
  return (
    <section aria-labelledby="schedule-breaks" className="space-y-2">
      <h2 id="schedule-breaks" className="text-lg font-semibold">
        {t('scheduleRefill.breaks.title')}
      </h2>
      <p className="text-sm text-slate-600">{t('scheduleRefill.breaks.hint', { participants: breaks.after.participants })}</p>
      <dl className="grid gap-4 sm:grid-cols-4" data-testid="schedule-breaks">
        <StatCard
          label={t('scheduleRefill.breaks.total')}
          value={
            <>
              {number.format(breaks.after.total)}
              {before(breaks.before.total)}
            </>
          }
        />
        <StatCard
          label={t('scheduleRefill.breaks.mean')}
          value={
            <>
              {number.format(breaks.after.mean)}
              {before(breaks.before.mean)}
            </>
          }
        />
        <StatCard
          label={t('scheduleRefill.breaks.max')}
          value={
            <>
              {number.format(breaks.after.max)}
              {before(breaks.before.max)}
            </>
          }
        />
        <StatCard
          label={t('scheduleRefill.breaks.withBreaks')}
          value={
            <>
              {number.format(breaks.after.participantsWithBreaks)}
              {before(breaks.before.participantsWithBreaks)}
            </>
          }
        />
      </dl>
    </section>
  )
}

function ScheduleEditor({
  loaderData,
  initial,
  initialLimit,
  run,
}: {
  loaderData: LoaderData
  initial: DraftRow[]
  initialLimit: string
  run: RunSummary | null
}) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const navigation = useNavigation()
  const [rows, setRows] = useState<DraftRow[]>(initial)
  const [limit, setLimit] = useState(initialLimit)
  const busyIntent = navigation.state !== 'idle' ? navigation.formData?.get('intent') : null
  const slotIndex = new Map(loaderData.slotOrder.map((id, index) => [id, index]))
  const exporterIndex = new Map(loaderData.exporterOrder.map((id, index) => [id, index]))
  const sorted = [...rows].sort(
    (a, b) =>
      (slotIndex.get(a.slotId) ?? 0) - (slotIndex.get(b.slotId) ?? 0) || (exporterIndex.get(a.exporterId) ?? 0) - (exporterIndex.get(b.exporterId) ?? 0),
  )
  const key = (row: DraftRow) => `${row.buyerId}|${row.exporterId}|${row.slotId}`
  const draft = JSON.stringify(rows.map(({ buyerId, exporterId, slotId, locked }) => ({ buyerId, exporterId, slotId, locked })))
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })
  const newCount = rows.filter((row) => !row.confirmed).length
  return (
    <div className="space-y-6">
      <Card id="run" title={t('schedule.runTitle')}>
        <Form method="post" className="flex flex-wrap items-end gap-3" aria-busy={busyIntent === 'run'}>
          <CsrfInput />
          <input type="hidden" name="draft" value={draft} />
          <div>
            <label htmlFor="maxPerExporter" className="block text-sm font-medium text-slate-800">
              {t('schedule.limit')}
            </label>
            <input
              id="maxPerExporter"
              name="maxPerExporter"
              type="number"
              min={1}
              max={100}
              required
              value={limit}
              onChange={(event) => setLimit(event.target.value)}
              className="mt-1 block w-32 rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
          </div>
          <Button type="submit" name="intent" value="run" disabled={busyIntent !== null && busyIntent !== undefined}>
            {busyIntent === 'run' ? t('schedule.running') : run ? t('schedule.rerun') : t('schedule.run')}
          </Button>
          {loaderData.freed.meetings > 0 ? (
            <Button type="submit" name="intent" value="refill" variant="secondary" disabled={busyIntent !== null && busyIntent !== undefined}>
              {busyIntent === 'refill' ? t('scheduleRefill.freed.refilling') : t('scheduleRefill.freed.refill')}
            </Button>
          ) : null}
          <Button
            type="submit"
            name="intent"
            value="publish"
            variant="secondary"
            disabled={newCount === 0 || (busyIntent !== null && busyIntent !== undefined)}
          >
            {busyIntent === 'publish' ? t('schedule.publishing') : t('schedule.publish', { count: newCount })}
          </Button>
        </Form>
        <p className="mt-2 text-xs text-slate-500">{t('schedule.lockHint')}</p>
        {busyIntent === 'run' || busyIntent === 'refill' ? (
          <p role="status" className="mt-3 flex items-center gap-2 text-sm text-brand-700">
            <span aria-hidden="true" className="size-3 animate-spin rounded-full border-2 border-brand-600 border-t-transparent" />
            {t('schedule.runningHint')}
          </p>
        ) : null}
      </Card>
      {run ? (
        <dl className="grid gap-4 sm:grid-cols-3" aria-label={t('schedule.quality')}>
          <StatCard label={t('schedule.objective')} value={number.format(run.objective)} />
          <StatCard label={t('schedule.bound')} value={number.format(run.upperBound)} />
          <StatCard
            label={t('schedule.ratio')}
            value={<span data-testid="schedule-ratio">{percent.format(run.ratio)}</span>}
            tone={run.ratio < 0.9 ? 'warn' : 'default'}
          />
        </dl>
      ) : null}
      {run?.refill ? (
        <p role="status" className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900" data-testid="schedule-refill-result">
          {t('scheduleRefill.freed.result', { count: run.refill.newMeetings, refilled: run.refill.refilledPlaces, freed: run.refill.freedPlaces })}
        </p>
      ) : null}
      {run ? <BreakStats breaks={run.breaks} /> : null}
      <Card id="draft" title={t('schedule.draftTitle', { count: rows.length })}>
        {sorted.length === 0 ? (
          <EmptyState>{t('schedule.empty')}</EmptyState>
        ) : (
          <Table
            caption={t('schedule.draftTitle', { count: rows.length })}
            columns={[
              { label: t('schedule.slot') },
              { label: t('schedule.buyer') },
              { label: t('schedule.exporter') },
              { label: t('schedule.weight'), align: 'end' },
              { label: t('schedule.lock') },
              { label: t('schedule.remove'), hideLabel: true },
            ]}
          >
            {sorted.map((row) => {
              const label = `${loaderData.buyers[row.buyerId] ?? row.buyerId} × ${loaderData.exporters[row.exporterId] ?? row.exporterId}`
              return (
                <tr key={key(row)}>
                  <Cell className="whitespace-nowrap">{loaderData.slots[row.slotId] ?? row.slotId}</Cell>
                  <Cell>{loaderData.buyers[row.buyerId] ?? row.buyerId}</Cell>
                  <Cell>{loaderData.exporters[row.exporterId] ?? row.exporterId}</Cell>
                  <Cell align="end" numeric>
                    {row.confirmed ? '—' : number.format(row.weight)}
                  </Cell>
                  <Cell>
                    {row.confirmed ? (
                      <span className="text-xs font-semibold text-emerald-700">{t('schedule.confirmed')}</span>
                    ) : (
                      <label className="inline-flex items-center gap-1">
                        <input
                          type="checkbox"
                          checked={row.locked}
                          onChange={(event) => setRows((current) => current.map((r) => (key(r) === key(row) ? { ...r, locked: event.target.checked } : r)))}
                          aria-label={t('schedule.lockLabel', { meeting: label })}
                        />
                        <span className="text-xs">{t('schedule.lock')}</span>
                      </label>
                    )}
                  </Cell>
                  <Cell>
                    {row.confirmed ? null : (
                      <button
                        type="button"
                        className="text-xs text-red-700 hover:underline"
                        onClick={() => setRows((current) => current.filter((r) => key(r) !== key(row)))}
                        aria-label={t('schedule.removeLabel', { meeting: label })}
                      >
                        {t('schedule.remove')}
                      </button>
                    )}
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

export default function FairScheduleRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { fair, counts } = loaderData
  const run = actionData?.run ?? null
  const initial: DraftRow[] = run ? run.meetings : loaderData.confirmed
  const errors = (actionData?.result as { error?: Record<string, string[]> } | undefined)?.error
  const formErrors = errors ? Object.values(errors).flat() : undefined
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm text-slate-600">
          <Link to={`/organizer/fairs/${fair.id}`} className="hover:underline">
            {fair.name}
          </Link>
        </p>
        <h1 className="text-2xl font-bold tracking-tight">{t('schedule.title')}</h1>
        <p className="text-sm text-slate-600">{t('common.timesShownIn', { zone: fair.timeZone })}</p>
      </header>
      <dl className="grid gap-4 sm:grid-cols-5">
        <StatCard label={t('schedule.counts.buyers')} value={counts.buyers} />
        <StatCard label={t('schedule.counts.exporters')} value={counts.exporters} />
        <StatCard label={t('schedule.counts.slots')} value={counts.slots} />
        <StatCard label={t('schedule.counts.confirmed')} value={counts.confirmed} />
        <StatCard
          label={t('schedule.counts.preferences')}
          value={
            <span data-testid="schedule-preferences">
              {counts.preferences}
              <span className="mt-1 block text-xs font-normal text-slate-500">
                {t('schedule.counts.preferencesDetail', { stored: counts.storedPreferences, mustMeet: counts.mustMeet, requests: counts.requestPreferences })}
              </span>
            </span>
          }
        />
      </dl>
      <Card id="freed" title={t('scheduleRefill.freed.title')}>
        <p className="text-sm text-slate-700" data-testid="schedule-freed">
          {loaderData.freed.meetings > 0
            ? t('scheduleRefill.freed.summary', { count: loaderData.freed.meetings, places: loaderData.freed.places })
            : t('scheduleRefill.freed.none')}
        </p>
        {loaderData.freed.meetings > 0 ? <p className="mt-2 text-xs text-slate-500">{t('scheduleRefill.freed.hint')}</p> : null}
      </Card>
      {formErrors?.length ? <FormErrors id="schedule-errors" errors={formErrors} /> : null}
      <ScheduleEditor
        key={run ? `${run.objective}-${run.meetings.length}-${run.milliseconds}` : 'initial'}
        loaderData={loaderData}
        initial={initial}
        initialLimit={(actionData?.result as { initialValue?: { maxPerExporter?: string } } | undefined)?.initialValue?.maxPerExporter ?? '8'}
        run={run}
      />
    </div>
  )
}
