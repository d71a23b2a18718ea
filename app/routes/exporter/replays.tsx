import { parseWithZod } from '@conform-to/zod/v4'
import { clsx } from 'clsx'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation } from 'react-router'
import type { Route } from './+types/replays'
import { CsrfInput } from '~/components/csrf-input'
import { LocalTime } from '~/components/local-time'
import { ClipCard } from '~/components/replays/clip-marker'
import { Button } from '~/components/ui/button'
import { Card, EmptyState } from '~/components/ui/card'
import { FormErrors } from '~/components/ui/form-errors'
import { companyRoleHasPermission } from '~/domain/accounts/permissions'
import { requireExporterMember } from '~/domain/accounts/permissions.server'
import { ManageReplaySchema, type ClipView } from '~/domain/replays/clip-schema'
import { listClipsByRecording, removeClip, setClipPublished } from '~/domain/replays/clips.server'
import { deleteReplay, listCompanyReplays, setReplayPublished, type CompanyReplay } from '~/domain/replays/retention.server'
import { formatOffset } from '~/domain/replays/timeline'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { resolveLocale } from '~/utils/preferences.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.replays')])

export async function loader({ request }: Route.LoaderArgs) {
  const { user, membership } = await requireExporterMember(request)
  const locale = await resolveLocale(request, user)
  const replays = await listCompanyReplays(
    { userId: user.id, companyId: membership.company.id, canManageAll: companyRoleHasPermission(membership.role, 'manage:showcase:own') },
    locale,
  )
  const clips = await listClipsByRecording(
    replays.filter((replay) => replay.status !== 'REMOVED').map((replay) => replay.id),
    { locale, now: requestNow(request).getTime() },
  )
  return { replays, clips }
}

const TOAST = {
  publish: 'replayAdmin.toast.published',
  unpublish: 'replayAdmin.toast.unpublished',
  delete: 'replayAdmin.toast.deleted',
  'publish-clip': 'replayAdmin.toast.clipPublished',
  'unpublish-clip': 'replayAdmin.toast.clipUnpublished',
  'delete-clip': 'replayAdmin.toast.clipDeleted',
} as const

export async function action({ request }: Route.ActionArgs) {
  const { user } = await requireExporterMember(request)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: ManageReplaySchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const input = submission.value
  const now = requestNow(request)
  try {
    switch (input.intent) {
      case 'publish':
      case 'unpublish':
        await setReplayPublished(user, input.recordingId, input.intent === 'publish', now)
        break
      case 'delete':
        await deleteReplay(user, input.recordingId, now)
        break
      case 'publish-clip':
      case 'unpublish-clip':
        await setClipPublished(user, input.clipId, input.intent === 'publish-clip', now)
        break
      case 'delete-clip':
        await removeClip(user, input.clipId, now)
        break
    }
  } catch (error) {
    return formErrorFromDomain(submission, error, { only: ['replay-recording'] })
  }
  return redirectWithToast('/exporter/replays', TOAST[input.intent])
}

function IntentButton({
  intent,
  name,
  value,
  label,
  accessibleLabel,
  variant = 'secondary',
}: {
  intent: string
  name: 'recordingId' | 'clipId'
  value: string
  label: string
  /** The accessible name when the visible label alone is ambiguous (a replay's and its clips' buttons side by side). */
  accessibleLabel?: string
  variant?: 'secondary' | 'danger' | 'ghost'
}) {
  const navigation = useNavigation()
  const busy = navigation.state !== 'idle' && navigation.formData?.get('intent') === intent && navigation.formData.get(name) === value
  return (
    <Form method="post">
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={name} value={value} />
      <Button type="submit" variant={variant} className="min-h-8 px-3 py-1" disabled={busy} aria-busy={busy || undefined} aria-label={accessibleLabel}>
        {label}
      </Button>
    </Form>
  )
}

const STATUS_TONE: Record<CompanyReplay['status'], string> = {
  RECORDING: 'bg-red-100 text-red-800',
  READY: 'bg-emerald-100 text-emerald-800',
  FAILED: 'bg-amber-100 text-amber-800',
  REMOVED: 'bg-slate-200 text-slate-700',
}

export default function ExporterReplaysRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const errors = actionData?.result.error?.[''] ?? undefined
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight">{t('replayAdmin.title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('replayAdmin.intro')}</p>
      </header>
      <FormErrors id="replay-errors" errors={errors} />
      <Card id="replays" title={t('replayAdmin.list')}>
        {loaderData.replays.length === 0 ? (
          <EmptyState>{t('replayAdmin.empty')}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {loaderData.replays.map((replay) => (
              <ReplayRow key={replay.id} replay={replay} clips={loaderData.clips[replay.id] ?? []} />
            ))}
          </ul>
        )}
      </Card>
    </div>
  )
}

function ReplayRow({ replay, clips }: { replay: CompanyReplay; clips: readonly ClipView[] }) {
  const { t } = useTranslation()
  const playable = replay.status === 'READY'
  return (
    <li className="space-y-3 py-4" data-testid={`replay-${replay.id}`}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="font-medium">
            {playable ? (
              <Link to={`/live/${replay.sessionId}`} className="text-brand-700 hover:underline">
                {replay.title}
              </Link>
            ) : (
              replay.title
            )}
          </h3>
          <p className="text-sm text-slate-600">
            <LocalTime value={replay.airedAt} /> · {t('replayAdmin.duration', { duration: formatOffset(replay.durationMs) })}
          </p>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-xs">
            <span className={clsx('rounded-full px-2 py-0.5 font-semibold', STATUS_TONE[replay.status])}>{t(`replayAdmin.status.${replay.status}`)}</span>
            <Link
              to={`/exporter/sessions/${replay.sessionId}/leads`}
              className="text-brand-700 hover:underline"
              aria-label={t('leads.linkFor', { title: replay.title })}
            >
              {t('leads.link')}
            </Link>
            {replay.status !== 'REMOVED' ? (
              <span className={clsx('rounded-full px-2 py-0.5 font-semibold', replay.published ? 'bg-sky-100 text-sky-800' : 'bg-slate-100 text-slate-700')}>
                {replay.published ? t('replayAdmin.published') : t('replayAdmin.unpublished')}
              </span>
            ) : null}
          </p>
        </div>
        <dl className="grid grid-cols-2 gap-x-4 text-sm">
          <dt className="text-slate-500">{t('replayAdmin.viewers')}</dt>
          <dd className="text-right font-semibold tabular-nums">{replay.uniqueViewers}</dd>
          <dt className="text-slate-500">{t('replayAdmin.watchTime')}</dt>
          <dd className="text-right font-semibold tabular-nums">{t('replayAdmin.minutes', { count: Math.round(replay.watchSeconds / 60) })}</dd>
        </dl>
      </div>
      {replay.canManage && replay.status !== 'REMOVED' ? (
        <div className="flex flex-wrap items-start gap-2">
          {replay.published ? (
            <IntentButton
              intent="unpublish"
              name="recordingId"
              value={replay.id}
              label={t('replayAdmin.unpublish')}
              accessibleLabel={t('replayAdmin.unpublishFor', { title: replay.title })}
            />
          ) : (
            <IntentButton
              intent="publish"
              name="recordingId"
              value={replay.id}
              label={t('replayAdmin.publish')}
              accessibleLabel={t('replayAdmin.publishFor', { title: replay.title })}
            />
          )}
          {replay.status !== 'RECORDING' ? (
            <details className="group">
              <summary
                aria-label={t('replayAdmin.deleteFor', { title: replay.title })}
                className="inline-flex min-h-8 cursor-pointer items-center rounded-md px-3 py-1 text-sm font-semibold text-red-700 ring-1 ring-red-200 hover:bg-red-50"
              >
                {t('replayAdmin.delete')}
              </summary>
              <div
                role="group"
                aria-label={t('replayAdmin.confirmLabel')}
                className="mt-2 max-w-md space-y-2 rounded-md bg-red-50 p-3 text-sm text-red-900 ring-1 ring-red-200"
              >
                <p>{t('replayAdmin.confirmDelete', { title: replay.title })}</p>
                <IntentButton
                  intent="delete"
                  name="recordingId"
                  value={replay.id}
                  label={t('replayAdmin.confirmDeleteButton')}
                  accessibleLabel={t('replayAdmin.confirmDeleteFor', { title: replay.title })}
                  variant="danger"
                />
              </div>
            </details>
          ) : null}
        </div>
      ) : null}
      {replay.status === 'REMOVED' && replay.removedAt ? (
        <p className="text-sm text-slate-600">
          {t('replayAdmin.removedOn')} <LocalTime value={replay.removedAt} />
        </p>
      ) : null}
      {clips.length > 0 ? (
        <div>
          <h4 className="text-sm font-semibold text-slate-800">{t('replayAdmin.clips', { count: clips.length })}</h4>
          <ul className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {clips.map((clip) => (
              <li key={clip.id} className="space-y-2 rounded-lg p-2 ring-1 ring-slate-200" data-testid={`clip-${clip.id}`}>
                <ClipCard clip={clip} headingLevel={4} />
                <p className="text-xs text-slate-600">{t(`clips.status.${clip.status}`)}</p>
                {replay.canManage ? (
                  <div className="flex flex-wrap gap-2">
                    {clip.published ? (
                      <IntentButton
                        intent="unpublish-clip"
                        name="clipId"
                        value={clip.id}
                        label={t('replayAdmin.unpublishClip')}
                        accessibleLabel={t('replayAdmin.unpublishClipFor', { title: clip.title })}
                      />
                    ) : (
                      <IntentButton
                        intent="publish-clip"
                        name="clipId"
                        value={clip.id}
                        label={t('replayAdmin.publishClip')}
                        accessibleLabel={t('replayAdmin.publishClipFor', { title: clip.title })}
                      />
                    )}
                    <details>
                      <summary
                        aria-label={t('replayAdmin.deleteClipFor', { title: clip.title })}
                        className="inline-flex min-h-8 cursor-pointer items-center rounded-md px-3 py-1 text-sm font-semibold text-red-700 ring-1 ring-red-200 hover:bg-red-50"
                      >
                        {t('replayAdmin.deleteClip')}
                      </summary>
                      <div className="mt-2 space-y-2 rounded-md bg-red-50 p-2 text-xs text-red-900 ring-1 ring-red-200">
                        <p>{t('replayAdmin.confirmDeleteClip', { title: clip.title })}</p>
                        <IntentButton
                          intent="delete-clip"
                          name="clipId"
                          value={clip.id}
                          label={t('replayAdmin.confirmDeleteButton')}
                          accessibleLabel={t('replayAdmin.confirmDeleteClipFor', { title: clip.title })}
                          variant="danger"
                        />
                      </div>
                    </details>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </li>
  )
}
