import { useTranslation } from 'react-i18next'
import { FieldErrors } from '~/components/ui/field'

const SELECT_CLASS =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 aria-[invalid=true]:border-red-600'

/**
 * A time-zone select that offers a country's zones first (in their own group) and every other zone after.
 * Controlled: the form decides the default (browser zone, a country's only zone, or what was submitted).
 */
export function TimeZoneSelect({
  id,
  name,
  label,
  hint,
  errors,
  value,
  onChange,
  zones,
  countryZones,
  countryName,
}: {
  id: string
  name: string
  label: string
  hint?: string | undefined
  errors?: string[] | undefined
  value: string
  onChange: (zone: string) => void
  zones: readonly string[]
  countryZones: readonly string[]
  countryName: string | null
}) {
  const { t } = useTranslation()
  const errorId = `${id}-error`
  const hintId = `${id}-hint`
  const others = countryZones.length ? zones.filter((zone) => !countryZones.includes(zone)) : zones
  const options = (list: readonly string[]) =>
    list.map((zone) => (
      <option key={zone} value={zone}>
        {zone.replaceAll('_', ' ')}
      </option>
    ))
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        name={name}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={SELECT_CLASS}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[errors?.length ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined}
      >
        {countryZones.length && countryName ? (
          <>
            <optgroup label={t('account.timeZones.ofCountry', { country: countryName })}>{options(countryZones)}</optgroup>
            <optgroup label={t('account.timeZones.all')}>{options(others)}</optgroup>
          </>
        ) : (
          options(zones)
        )}
      </select>
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  )
}
