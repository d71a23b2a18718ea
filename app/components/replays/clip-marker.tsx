import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useFetcher, useRevalidator } from 'react-router'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'
import { Field, SelectField } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { CLIP_MAX_MS, CLIP_MIN_MS, CLIP_TITLE_MAX, CreateClipSchema, type ClipView } from '~/domain/replays/clip-schema'
import { formatOffset } from '~/domain/replays/timeline'

type CreateClipAnswer = { result?: SubmissionResult; clip: { id: string; status: 'PROCESSING' } | null }
type ClipStatusAnswer = { clip?: ClipView }

const POLL_MS = 2_000

/**
 * For those who manage a replay: mark a range at the player's current time (or type it as m:ss), name
 * it, attach a product, and publish it as a clip. The cut runs on the server; this shows it until it
 * is ready, then reloads the page's data so the clip appears in the list.
 */
export function ClipMarker({
  sessionId,
  currentTimeMs,
  durationMs,
  products,
}: {
  sessionId: string
  currentTimeMs: number
  durationMs: number
  products: ReadonlyArray<{ id: string; name: string }>
}) {
  const { t } = useTranslation()
  const create = useFetcher<CreateClipAnswer>()
  const status = useFetcher<ClipStatusAnswer>()
  const revalidator = useRevalidator()
  const action = `/live/${sessionId}/clips`
  const [form, fields] = useForm({
    id: `clip-marker-${sessionId}`,
    lastResult: create.data?.result ?? null,
    defaultValue: { title: '', start: formatOffset(0), end: formatOffset(Math.min(durationMs, 15_000)), productId: '' },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateClipSchema }),
  })

  const pendingId = create.data?.clip?.id ?? null
  const latest = status.data?.clip
  const polled = latest?.id === pendingId ? latest : undefined
  const phase: 'idle' | 'sending' | 'processing' | 'ready' | 'failed' =
    create.state !== 'idle' ? 'sending' : !pendingId ? 'idle' : polled?.status === 'READY' ? 'ready' : polled?.status === 'FAILED' ? 'failed' : 'processing'

  // While the cut runs, ask for its status every two seconds.
  const statusRef = useRef(status)
  useEffect(() => {
    statusRef.current = status
  })
  useEffect(() => {
    if (phase !== 'processing' || !pendingId) return
    const timer = setInterval(() => {
      if (statusRef.current.state === 'idle') void statusRef.current.load(`${action}?clip=${pendingId}`)
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [phase, pendingId, action])
  // Ready: the page's loader lists the new clip.
  const revalidateRef = useRef(revalidator.revalidate)
  useEffect(() => {
    revalidateRef.current = revalidator.revalidate
  })
  useEffect(() => {
    if (phase === 'ready') void revalidateRef.current()
  }, [phase])

  const mark = (name: 'start' | 'end') => {
    form.update({ name: fields[name].name, value: formatOffset(Math.min(currentTimeMs, durationMs)) })
  }

  return (
    <section aria-labelledby={`${form.id}-heading`} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id={`${form.id}-heading`} className="text-base font-semibold text-slate-900">
        {t('clips.marker.title')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        {t('clips.marker.hint', { min: CLIP_MIN_MS / 1000, max: CLIP_MAX_MS / 1000, length: formatOffset(durationMs) })}
      </p>
      <create.Form method="post" action={action} className="mt-3 space-y-4" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="intent" value="create-clip" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="flex items-end gap-2">
            <div className="grow">
              <Field
                label={t('clips.marker.start')}
                hint={t('clips.marker.clockHint')}
                errors={fields.start.errors}
                inputProps={{ ...getInputProps(fields.start, { type: 'text' }), inputMode: 'numeric', autoComplete: 'off' }}
              />
            </div>
            <Button type="button" variant="secondary" className="mb-6 shrink-0" onClick={() => mark('start')}>
              {t('clips.marker.markStart')}
            </Button>
          </div>
          <div className="flex items-end gap-2">
            <div className="grow">
              <Field
                label={t('clips.marker.end')}
                hint={t('clips.marker.clockHint')}
                errors={fields.end.errors}
                inputProps={{ ...getInputProps(fields.end, { type: 'text' }), inputMode: 'numeric', autoComplete: 'off' }}
              />
            </div>
            <Button type="button" variant="secondary" className="mb-6 shrink-0" onClick={() => mark('end')}>
              {t('clips.marker.markEnd')}
            </Button>
          </div>
          <Field
            label={t('clips.marker.clipTitle')}
            errors={fields.title.errors}
            inputProps={{ ...getInputProps(fields.title, { type: 'text' }), maxLength: CLIP_TITLE_MAX }}
          />
          <SelectField
            label={t('clips.marker.product')}
            errors={fields.productId.errors}
            options={[{ value: '', label: t('clips.marker.noProduct') }, ...products.map((product) => ({ value: product.id, label: product.name }))]}
            selectProps={getSelectProps(fields.productId)}
          />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={phase === 'sending'}>
            {phase === 'sending' ? t('clips.marker.sending') : t('clips.marker.submit')}
          </Button>
          <p role="status" aria-live="polite" className="text-sm text-slate-700" data-testid="clip-marker-status" data-phase={phase}>
            {phase === 'processing'
              ? t('clips.marker.processing')
              : phase === 'ready'
                ? t('clips.marker.ready')
                : phase === 'failed'
                  ? t('clips.marker.failed')
                  : ''}
          </p>
        </div>
      </create.Form>
    </section>
  )
}

/** A replay's clips, each playable on its own with its title and product. Renders nothing without clips. */
export function ReplayClips({ clips }: { clips: readonly ClipView[] }) {
  const { t } = useTranslation()
  if (clips.length === 0) return null
  return (
    <section aria-labelledby="replay-clips-title" className="space-y-3">
      <h2 id="replay-clips-title" className="text-base font-semibold text-slate-900">
        {t('clips.list.title')}
      </h2>
      <ul className="grid gap-4 sm:grid-cols-2">
        {clips.map((clip) => (
          <li key={clip.id} className="rounded-xl bg-white p-3 shadow-sm ring-1 ring-slate-200" data-testid="replay-clip" data-clip-id={clip.id}>
            <ClipCard clip={clip} />
          </li>
        ))}
      </ul>
    </section>
  )
}

/** One clip: its video (when cut), title, product and, for its managers, its state. */
export function ClipCard({ clip, headingLevel = 3 }: { clip: ClipView; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation()
  const Heading = headingLevel === 3 ? 'h3' : 'h4'
  return (
    <figure className="space-y-2">
      {clip.url ? (
        // Showcases are not captioned, so neither are their clips.
        // eslint-disable-next-line jsx-a11y/media-has-caption
        <video controls preload="metadata" playsInline src={clip.url} aria-label={clip.title} className="aspect-video w-full rounded-lg bg-slate-900" />
      ) : (
        <div className="flex aspect-video w-full items-center justify-center rounded-lg bg-slate-100 text-sm text-slate-600">
          {t(`clips.status.${clip.status}`)}
        </div>
      )}
      <figcaption>
        <Heading className="text-sm font-semibold text-slate-900">{clip.title}</Heading>
        <p className="text-xs text-slate-600">
          {formatOffset(clip.startMs)}–{formatOffset(clip.endMs)}
          {clip.productName ? ` · ${clip.productName}` : ''}
          {!clip.published ? ` · ${t('clips.list.unpublished')}` : ''}
        </p>
      </figcaption>
    </figure>
  )
}
