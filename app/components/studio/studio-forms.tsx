import { useTranslation } from 'react-i18next'
import { RowActionForm } from '~/components/ui/row-action-form'

/** Cancel a studio booking with a reason (required of the operator, optional for the exporter; docs/studio-booking.md). */
export function CancelBookingForm({ bookingId, reasonRequired, label, text }: { bookingId: string; reasonRequired: boolean; label: string; text: string }) {
  const { t } = useTranslation()
  return (
    <RowActionForm intent="cancel" fields={{ bookingId }} label={label} text={text} className="flex flex-wrap items-end justify-end gap-2">
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
    </RowActionForm>
  )
}
