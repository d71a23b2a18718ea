import { useTranslation } from 'react-i18next'
import { FieldErrors } from '~/components/ui/field'

export type SlotOption = { start: string; viewer: string; other: string; otherDayOffset: number }

/**
 * Radio list of meeting slots: each time in the viewer's zone with the other party's local time beside
 * it. Labels come from the server so both renders match.
 */
export function SlotPicker({
  name,
  slots,
  otherName,
  errors,
  idPrefix,
}: {
  name: string
  slots: readonly SlotOption[]
  otherName: string
  errors?: string[]
  idPrefix: string
}) {
  const { t } = useTranslation()
  const errorId = `${idPrefix}-error`
  return (
    <fieldset aria-describedby={errors?.length ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-800">{t('meetings.new.chooseTime')}</legend>
      <p className="text-xs text-slate-500">{t('meetings.new.chooseTimeHint', { name: otherName })}</p>
      {slots.length === 0 ? (
        <p className="mt-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">{t('meetings.new.noSlots')}</p>
      ) : (
        <ul className="mt-2 max-h-96 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2">
          {slots.map((slot, index) => (
            <li key={slot.start}>
              <label
                htmlFor={`${idPrefix}-${index}`}
                className="flex cursor-pointer items-start gap-3 rounded-md p-2 hover:bg-slate-50 has-[:checked]:bg-brand-50"
              >
                <input id={`${idPrefix}-${index}`} type="radio" name={name} value={slot.start} required className="mt-1" />
                <span className="text-sm">
                  <span className="block font-medium">{slot.viewer}</span>
                  <span className="block text-xs text-slate-600">
                    {t('meetings.theirTime', { name: otherName, time: slot.other })}
                    {slot.otherDayOffset !== 0 ? ` (${t(slot.otherDayOffset > 0 ? 'meetings.nextDay' : 'meetings.previousDay')})` : ''}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <FieldErrors id={errorId} errors={errors} />
    </fieldset>
  )
}
