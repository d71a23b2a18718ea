import { getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFetcher, useLocation } from 'react-router'
import { CsrfInput } from '~/components/csrf-input'
import { Button, buttonClass } from '~/components/ui/button'
import { Field } from '~/components/ui/field'
import { useErrorText } from '~/components/ui/error-text'
import { FormErrors } from '~/components/ui/form-errors'
import { GuestRsvpSchema } from '~/domain/engagement/schemas'
import { useRootData } from '~/lib/use-root-data'

type RsvpActionData = { result?: SubmissionResult; sent?: boolean }

/** One-click RSVP toggle of a signed-in account (the watch page, programme rows, directory cards). */
export function RsvpToggle({ sessionId, title, going, compact = false }: { sessionId: string; title: string; going: boolean; compact?: boolean }) {
  const { t } = useTranslation()
  const fetcher = useFetcher<RsvpActionData>()
  const location = useLocation()
  const pending = fetcher.formData?.get('going')
  const shown = pending === undefined || pending === null ? going : pending === 'true'
  const errorText = useErrorText()
  const refusal = fetcher.data?.result?.error?.['']?.[0]
  return (
    <fetcher.Form method="post" action={`/live/${sessionId}/rsvp`} className="inline-flex flex-wrap items-center gap-2">
      <CsrfInput />
      <input type="hidden" name="intent" value="rsvp" />
      <input type="hidden" name="going" value={shown ? 'false' : 'true'} />
      <input type="hidden" name="returnTo" value={`${location.pathname}${location.search}`} />
      <button
        type="submit"
        aria-pressed={shown}
        title={shown ? t('engagement.rsvp.withdrawFor', { title }) : t('engagement.rsvp.rsvpFor', { title })}
        className={buttonClass(shown ? 'secondary' : 'primary', compact ? 'px-2 py-1 text-xs' : undefined)}
        disabled={fetcher.state !== 'idle'}
      >
        <span aria-hidden="true">{shown ? '✓ ' : ''}</span>
        {shown ? t('engagement.rsvp.going') : t('engagement.rsvp.rsvp')}
        {/* The name keeps the visible word first (WCAG 2.5.3) and says which show, for lists of several. */}
        <span className="sr-only"> · {title}</span>
      </button>
      {refusal ? (
        <span role="alert" className="text-xs text-red-700">
          {errorText(refusal)}
        </span>
      ) : null}
    </fetcher.Form>
  )
}

/**
 * The watch page's RSVP box for a scheduled showcase: the one-click toggle for accounts (with the .ics of
 * the RSVP), the e-mail form for guests (with the page's language and the browser's zone for their mails).
 */
export function RsvpPanel({ sessionId, title, going, mailOff = false }: { sessionId: string; title: string; going: boolean; mailOff?: boolean }) {
  const { t } = useTranslation()
  const { user, locale } = useRootData()
  return (
    <section aria-labelledby="rsvp-title" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="rsvp-title" className="text-base font-semibold">
        {t('engagement.rsvp.heading')}
      </h2>
      {user ? (
        <div className="mt-2 space-y-2">
          <p className="text-sm text-slate-600">{t('engagement.rsvp.goingNote')}</p>
          <RsvpToggle sessionId={sessionId} title={title} going={going} />
          {going && mailOff ? <ResubscribeNotice email={user.email} action={`/live/${sessionId}/rsvp`} /> : null}
          {going ? (
            <p>
              <a href={`/live/${sessionId}/rsvp.ics`} download className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
                {t('engagement.rsvp.calendar')}
              </a>
            </p>
          ) : null}
        </div>
      ) : (
        <GuestRsvpForm sessionId={sessionId} locale={locale} />
      )}
    </section>
  )
}

/**
 * "Reminder mail is off for this address" with a one-click "turn it back on" (a POST with intent
 * "resubscribe"): shown where an RSVP of an address that chose "stop all reminder mail" is confirmed.
 */
export function ResubscribeNotice({ email, action }: { email: string; action?: string }) {
  const { t } = useTranslation()
  const location = useLocation()
  const fetcher = useFetcher()
  return (
    <div role="status" className="space-y-2 rounded-lg bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
      <p>{t('engagement.rsvp.mailOff', { email })}</p>
      <fetcher.Form method="post" action={action}>
        <CsrfInput />
        <input type="hidden" name="intent" value="resubscribe" />
        <input type="hidden" name="returnTo" value={`${location.pathname}${location.search}`} />
        <Button type="submit" disabled={fetcher.state !== 'idle'}>
          {t('engagement.rsvp.resubscribe')}
        </Button>
      </fetcher.Form>
    </div>
  )
}

function GuestRsvpForm({ sessionId, locale }: { sessionId: string; locale: string }) {
  const { t } = useTranslation()
  const fetcher = useFetcher<RsvpActionData>()
  const [browserZone, setBrowserZone] = useState('')
  // eslint-disable-next-line react-hooks/set-state-in-effect -- known only in the browser, set after hydration so server and client markup match
  useEffect(() => setBrowserZone(Intl.DateTimeFormat().resolvedOptions().timeZone), [])
  const [form, fields] = useForm({
    id: `rsvp-guest-${sessionId}`,
    lastResult: fetcher.data?.result,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: GuestRsvpSchema }),
  })
  return (
    <div className="mt-2 space-y-3">
      <p className="text-sm text-slate-600">{t('engagement.rsvp.guestLead')}</p>
      {fetcher.data?.sent ? (
        <p role="status" className="rounded-lg bg-emerald-50 p-3 text-sm text-emerald-900 ring-1 ring-emerald-200">
          {t('engagement.rsvp.sent')}
        </p>
      ) : null}
      <fetcher.Form method="post" action={`/live/${sessionId}/rsvp`} className="space-y-3" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="intent" value="rsvp-guest" />
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="timeZone" value={browserZone} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field
          label={t('engagement.rsvp.email')}
          hint={t('engagement.rsvp.privacy')}
          errors={fields.email.errors}
          inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'email', required: true }}
        />
        <Button type="submit" disabled={fetcher.state !== 'idle'}>
          {fetcher.state !== 'idle' ? t('engagement.rsvp.sending') : t('engagement.rsvp.submit')}
        </Button>
      </fetcher.Form>
    </div>
  )
}
