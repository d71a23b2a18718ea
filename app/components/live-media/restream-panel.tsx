import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFetcher } from 'react-router'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { Field, FieldErrors, SelectField } from '~/components/ui/field'
import {
  MAX_DESTINATIONS,
  RESTREAM_PLATFORMS,
  retrySecondsLeft,
  type RestreamActionData,
  type RestreamPanelData,
  type RestreamPlatform,
} from '~/domain/restream/destinations'
import type { RestreamDestinationState, RestreamStatus } from '~/protocol/media'

// The studio's Restream panel: the showcase's RTMP destinations (app/routes/studio/restream.ts), each with
// its live state as the media socket reports it (media:restream), a Retry button when it waits or failed,
// and the add form (preset platforms fill in the server URL).

/** A clock ticking every second while some destination waits for a retry (its countdown). */
function useRetryClock(waiting: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!waiting) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [waiting])
  return now
}

/** The one form error with a value (the limit, from the same constant the server enforces). */
const TOO_MANY = 'restream.errors.tooMany'

export function RestreamPanel({
  sessionId,
  status,
  onRetry,
}: {
  sessionId: string
  /** The live states from the media socket (null before the server said). */
  status: RestreamStatus | null
  onRetry: (destinationId: string) => void
}) {
  const { t } = useTranslation()
  const path = `/studio/${sessionId}/restream`
  const list = useFetcher<RestreamPanelData>()
  const add = useFetcher<RestreamActionData>()
  const change = useFetcher<RestreamActionData>()
  const [platform, setPlatform] = useState<RestreamPlatform>('YOUTUBE')
  const form = useRef<HTMLFormElement>(null)
  const loaded = list.data

  useEffect(() => {
    if (list.state === 'idle' && !list.data) void list.load(path)
  }, [list, path])
  // After a change is saved: read the list again; a saved destination clears the form (the key leaves the page).
  const added = add.state === 'idle' && add.data?.ok === true
  useEffect(() => {
    if (added) form.current?.reset()
  }, [added, add.data])
  const settled = add.state === 'idle' && change.state === 'idle'
  useEffect(() => {
    if (settled && (add.data?.ok || change.data?.ok)) void list.load(path)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload once per finished submission
  }, [settled, add.data, change.data])

  const fieldErrors = add.data?.ok === false ? add.data.fieldErrors : {}
  const formErrors = [...(add.data?.ok === false ? add.data.formErrors : []), ...(change.data?.ok === false ? change.data.formErrors : [])]
  const preset = loaded?.presets[platform] ?? null
  const live = new Map((status?.destinations ?? []).map((entry) => [entry.id, entry.status]))
  const uptime = new Map((loaded?.uptime ?? []).map((entry) => [entry.destinationId, entry]))
  const now = useRetryClock([...live.values()].some((state) => state.state === 'retrying'))
  const stateText = (state: RestreamDestinationState) =>
    state.state === 'retrying'
      ? t('restream.states.retrying', { seconds: retrySecondsLeft(state, now), reason: t(`restream.reasons.${state.reason}`) })
      : state.state === 'failed'
        ? t('restream.states.failed', { reason: t(`restream.reasons.${state.reason}`) })
        : t(`restream.states.${state.state}`)

  return (
    <Card id="restream" title={t('restream.title')}>
      <div className="space-y-4">
        <p className="text-sm text-slate-600">{t('restream.intro')}</p>
        {loaded?.destinations.length === 0 ? <p className="text-sm text-slate-600">{t('restream.empty')}</p> : null}
        {loaded && loaded.destinations.length > 0 ? (
          <ul className="divide-y divide-slate-200" aria-label={t('restream.list.caption')} data-testid="restream-destinations">
            {loaded.destinations.map((destination) => {
              const name = destination.label || t(`restream.platforms.${destination.platform}`)
              const state = destination.enabled ? (live.get(destination.id) ?? { state: 'off' as const }) : null
              return (
                <li key={destination.id} className="space-y-1 py-2 text-sm" data-testid="restream-destination">
                  <div className="flex items-center justify-between gap-2">
                    <span className="font-medium">{name}</span>
                    <span role="status" className={state?.state === 'live' ? 'text-green-700' : state?.state === 'failed' ? 'text-red-700' : 'text-slate-600'}>
                      {state ? stateText(state) : t('restream.list.turnedOff')}
                    </span>
                  </div>
                  <p className="truncate text-xs text-slate-500">
                    {destination.serverUrl} · {t('restream.list.key', { masked: destination.maskedKey })}
                  </p>
                  {uptime.has(destination.id) ? (
                    <p className="text-xs text-slate-500" data-testid="restream-uptime">
                      {t('restream.list.uptime', {
                        minutes: Math.round((uptime.get(destination.id)?.secondsSent ?? 0) / 60),
                        count: uptime.get(destination.id)?.runs ?? 0,
                      })}
                    </p>
                  ) : null}
                  <div className="flex flex-wrap gap-2">
                    {state?.state === 'retrying' || state?.state === 'failed' ? (
                      <Button type="button" variant="secondary" onClick={() => onRetry(destination.id)} aria-label={t('restream.list.retryLabel', { name })}>
                        {t('restream.list.retry')}
                      </Button>
                    ) : null}
                    <change.Form method="post" action={path}>
                      <CsrfInput />
                      <input type="hidden" name="intent" value="toggle" />
                      <input type="hidden" name="destinationId" value={destination.id} />
                      <input type="hidden" name="enabled" value={destination.enabled ? 'false' : 'true'} />
                      <Button type="submit" variant="secondary" aria-pressed={destination.enabled} disabled={change.state !== 'idle'}>
                        {destination.enabled ? t('restream.list.disable') : t('restream.list.enable')}
                      </Button>
                    </change.Form>
                    <change.Form method="post" action={path}>
                      <CsrfInput />
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="destinationId" value={destination.id} />
                      <Button type="submit" variant="secondary" aria-label={t('restream.list.removeLabel', { name })} disabled={change.state !== 'idle'}>
                        {t('restream.list.remove')}
                      </Button>
                    </change.Form>
                  </div>
                </li>
              )
            })}
          </ul>
        ) : null}

        <add.Form method="post" action={path} ref={form} className="space-y-3" aria-labelledby="restream-add-legend" noValidate>
          <h3 id="restream-add-legend" className="text-sm font-semibold text-slate-800">
            {t('restream.form.legend')}
          </h3>
          <CsrfInput />
          <input type="hidden" name="intent" value="add" />
          <SelectField
            label={t('restream.form.platform')}
            errors={fieldErrors.platform}
            options={RESTREAM_PLATFORMS.map((value) => ({ value, label: t(`restream.platforms.${value}`) }))}
            selectProps={{
              id: 'restream-platform',
              name: 'platform',
              value: platform,
              onChange: (event) => setPlatform(event.target.value as RestreamPlatform),
            }}
          />
          <Field
            label={t('restream.form.label')}
            errors={fieldErrors.label}
            inputProps={{ id: 'restream-label', name: 'label', maxLength: 60, autoComplete: 'off' }}
          />
          <Field
            label={t('restream.form.serverUrl')}
            hint={preset ? t('restream.form.presetHint', { url: preset }) : t('restream.form.serverUrlHint')}
            errors={fieldErrors.serverUrl}
            inputProps={{ id: 'restream-server-url', name: 'serverUrl', type: 'url', inputMode: 'url', placeholder: preset ?? 'rtmps://', autoComplete: 'off' }}
          />
          <Field
            label={t('restream.form.streamKey')}
            hint={t('restream.form.streamKeyHint')}
            errors={fieldErrors.streamKey}
            inputProps={{ id: 'restream-stream-key', name: 'streamKey', type: 'password', autoComplete: 'off', spellCheck: false }}
          />
          <FieldErrors id="restream-form-errors" errors={formErrors.filter((error) => error !== TOO_MANY)} />
          {formErrors.includes(TOO_MANY) ? (
            <p id="restream-too-many" className="mt-1 text-sm text-red-700">
              {t(TOO_MANY, { max: MAX_DESTINATIONS })}
            </p>
          ) : null}
          <Button type="submit" disabled={add.state !== 'idle'}>
            {add.state !== 'idle' ? t('restream.form.adding') : t('restream.form.add')}
          </Button>
        </add.Form>
      </div>
    </Card>
  )
}
