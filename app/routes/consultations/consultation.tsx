import { useTranslation } from 'react-i18next'
import { Form, Link, useNavigation } from 'react-router'
import type { Route } from './+types/consultation'
import { handleConsultationAction, loadConsultation } from './consultation.server'
import { ConsultationStatusBadge } from '~/components/consultations/status-badge'
import { CsrfInput } from '~/components/csrf-input'
import { Button, buttonClass } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { FormErrors } from '~/components/ui/form-errors'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('consultations.detail.pageTitle')])

export async function loader({ request, params }: Route.LoaderArgs) {
  return loadConsultation(request, params.consultationId)
}

export async function action({ request, params }: Route.ActionArgs) {
  return handleConsultationAction(request, params.consultationId)
}

export default function ConsultationPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const c = loaderData
  const busy = navigation.state !== 'idle'
  const errors = navigation.state === 'idle' ? actionData?.result.error?.[''] : undefined
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-1">
        <p className="text-sm text-slate-600">
          <Link to={c.side === 'officer' ? '/advisor' : '/exporter/consultations'} className="hover:underline">
            {t('consultations.detail.back')}
          </Link>
        </p>
        <h1 className="text-2xl font-bold tracking-tight">{t('consultations.detail.title', { title: c.title })}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <ConsultationStatusBadge status={c.status} />
          <time dateTime={c.startsAt} data-testid="consultation-starts-at" className="sr-only">
            {c.startsAt}
          </time>
        </div>
      </header>
      <FormErrors id="consultation-errors" errors={errors ?? undefined} />
      <section aria-labelledby="consultation-times" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 id="consultation-times" className="sr-only">
          {t('consultations.detail.times')}
        </h2>
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          {c.times.map((time) => (
            <div key={time.key} data-testid={`consultation-time-${time.key}`}>
              <dt className="text-slate-600">{time.key === 'viewer' ? t('consultations.detail.yourTime', { zone: time.label }) : time.label}</dt>
              <dd className="font-medium">{time.text}</dd>
            </div>
          ))}
        </dl>
      </section>
      <div className="flex flex-wrap gap-2">
        {c.can.enterRoom ? (
          <Link to={`/consultations/${c.id}/room`} className={buttonClass('primary')}>
            {t('consultations.detail.openRoom')}
          </Link>
        ) : null}
        {c.can.confirm ? (
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="confirm" />
            <Button type="submit" disabled={busy}>
              {t('consultations.detail.confirm')}
            </Button>
          </Form>
        ) : null}
        {c.can.cancel ? (
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="cancel" />
            <Button type="submit" variant="secondary" disabled={busy}>
              {t('consultations.detail.cancel')}
            </Button>
          </Form>
        ) : null}
      </div>
      {c.can.roomSoon ? <p className="text-sm text-slate-600">{t('consultations.detail.roomOpensBefore')}</p> : null}
      <Card id="request" title={t('consultations.detail.request')}>
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-600">{t('consultations.detail.exporter')}</dt>
            <dd>
              {c.company.name} ({c.requesterName})
              {c.company.overseasKorean ? (
                <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
                  {c.company.residence ? t('consultations.overseasKoreanIn', { country: c.company.residence }) : t('consultations.overseasKorean')}
                </span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('consultations.detail.officer')}</dt>
            <dd>
              {c.officer.officeName} ({c.officer.name})
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('consultations.detail.market')}</dt>
            <dd data-testid="consultation-market">{c.market}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('consultations.detail.topic')}</dt>
            <dd>{t(`consultations.topics.${c.topic}`)}</dd>
          </div>
        </dl>
        <h3 className="mt-4 text-sm font-semibold">{t('consultations.detail.question')}</h3>
        <p className="mt-1 whitespace-pre-line text-sm">{c.question}</p>
        {c.products.length > 0 ? (
          <>
            <h3 className="mt-4 text-sm font-semibold">{t('consultations.detail.products')}</h3>
            <ul className="mt-1 list-inside list-disc text-sm" data-testid="consultation-products">
              {c.products.map((product) => (
                <li key={product.id}>
                  <Link to={`/catalog/${product.id}`} className="text-brand-700 hover:underline">
                    {product.name}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Card>
      <Card id="notes" title={t('consultations.detail.notes')}>
        {c.can.writeNotes ? (
          <Form method="post" className="space-y-2">
            <CsrfInput />
            <input type="hidden" name="intent" value="notes" />
            <label htmlFor="advisor-notes" className="sr-only">
              {t('consultations.detail.notes')}
            </label>
            <textarea
              id="advisor-notes"
              name="advisorNotes"
              defaultValue={c.advisorNotes}
              rows={6}
              maxLength={10_000}
              className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
            <Button type="submit" variant="secondary" disabled={busy}>
              {t('consultations.detail.saveNotes')}
            </Button>
          </Form>
        ) : c.advisorNotes ? (
          <p className="whitespace-pre-line text-sm" data-testid="advisor-notes">
            {c.advisorNotes}
          </p>
        ) : (
          <p className="text-sm text-slate-600">{t('consultations.detail.noNotes')}</p>
        )}
      </Card>
      <Card id="tasks" title={t('consultations.detail.tasks')}>
        {c.tasks.length === 0 ? (
          <p className="text-sm text-slate-600">{t('consultations.detail.noTasks')}</p>
        ) : (
          <ul className="space-y-2" data-testid="consultation-tasks">
            {c.tasks.map((task) => (
              <li key={task.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md p-2 ring-1 ring-slate-200">
                <span className={task.done ? 'text-sm text-slate-500 line-through' : 'text-sm'}>
                  {task.title}
                  {task.dueOn ? <span className="ml-2 text-xs text-slate-600">{t('consultations.detail.due', { date: task.dueOn })}</span> : null}
                  <span className="sr-only"> — {task.done ? t('consultations.detail.taskDone') : t('consultations.detail.taskOpen')}</span>
                </span>
                <Form method="post">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="toggle-task" />
                  <input type="hidden" name="taskId" value={task.id} />
                  <input type="hidden" name="done" value={task.done ? 'false' : 'true'} />
                  <Button
                    type="submit"
                    variant="secondary"
                    disabled={busy}
                    aria-label={
                      task.done ? t('consultations.detail.reopenTask', { title: task.title }) : t('consultations.detail.markTaskDone', { title: task.title })
                    }
                  >
                    {task.done ? t('consultations.detail.reopen') : t('consultations.detail.markDone')}
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        {c.can.writeNotes ? (
          <Form method="post" className="mt-4 flex flex-wrap items-end gap-3">
            <CsrfInput />
            <input type="hidden" name="intent" value="add-task" />
            <div className="grow">
              <label htmlFor="task-title" className="block text-sm font-medium text-slate-800">
                {t('consultations.detail.taskTitle')}
              </label>
              <input id="task-title" name="title" required maxLength={300} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
            </div>
            <div>
              <label htmlFor="task-due" className="block text-sm font-medium text-slate-800">
                {t('consultations.detail.taskDue')}
              </label>
              <input id="task-due" name="dueOn" type="date" className="mt-1 block rounded-md border border-slate-300 px-3 py-2 text-sm" />
            </div>
            <Button type="submit" variant="secondary" disabled={busy}>
              {t('consultations.detail.addTask')}
            </Button>
          </Form>
        ) : null}
      </Card>
      {c.can.recordOutcome ? (
        <Card id="outcome" title={t('consultations.detail.outcome')}>
          <p className="mb-3 text-sm text-slate-600">
            {t('consultations.detail.joined', {
              officer: c.joined.officer ? t('consultations.detail.joinedYes') : t('consultations.detail.joinedNo'),
              exporter: c.joined.requester ? t('consultations.detail.joinedYes') : t('consultations.detail.joinedNo'),
            })}
          </p>
          <div className="flex flex-wrap gap-2">
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="outcome" />
              <input type="hidden" name="status" value="HELD" />
              <Button type="submit" disabled={busy || c.status === 'HELD'}>
                {t('consultations.detail.markHeld')}
              </Button>
            </Form>
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="outcome" />
              <input type="hidden" name="status" value="NO_SHOW" />
              <Button type="submit" variant="secondary" disabled={busy || c.status === 'NO_SHOW'}>
                {t('consultations.detail.markNoShow')}
              </Button>
            </Form>
          </div>
        </Card>
      ) : null}
    </div>
  )
}
