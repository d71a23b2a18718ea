import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Form } from 'react-router'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'

// The small one-row forms of the studio pages (docs/studio-booking.md): each posts an intent and the ids
// it acts on, and its button names the object for screen readers, as one row holds several such buttons.

/** A one-button form in a list or table row, with optional fields before the button. */
export function StudioRowForm({
  intent,
  fields,
  label,
  text,
  variant = 'ghost',
  className,
  children,
}: {
  intent: string
  /** Hidden fields: the ids the action acts on. */
  fields: Record<string, string>
  /** The button's accessible name, naming what it acts on. */
  label: string
  text: string
  variant?: 'ghost' | 'secondary'
  className?: string
  children?: ReactNode
}) {
  return (
    <Form method="post" className={className}>
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <Button type="submit" variant={variant} className="min-h-8 px-2 py-1" aria-label={label}>
        {text}
      </Button>
    </Form>
  )
}

/** Cancel a booking with a reason (required of the operator, optional for the exporter). */
export function CancelBookingForm({ bookingId, reasonRequired, label, text }: { bookingId: string; reasonRequired: boolean; label: string; text: string }) {
  const { t } = useTranslation()
  return (
    <StudioRowForm intent="cancel" fields={{ bookingId }} label={label} text={text} className="flex flex-wrap items-end justify-end gap-2">
      <label className="text-xs">
        <span className="sr-only">{t('studioBooking.cancelReason')}</span>
        <input
          name="reason"
          required={reasonRequired}
          maxLength={500}
          placeholder={t('studioBooking.cancelReason')}
          className="rounded-md border border-slate-300 px-2 py-1 text-xs"
        />
      </label>
    </StudioRowForm>
  )
}
