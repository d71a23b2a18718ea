import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react'
import { useErrorText } from './error-text'

const CONTROL_CLASS =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 aria-[invalid=true]:border-red-600'

/** Error messages are i18n keys (from the zod schema); anything else reads as a generic message (useErrorText). */
export function FieldErrors({ id, errors }: { id: string; errors?: string[] | undefined }) {
  const errorText = useErrorText()
  if (!errors?.length) return null
  return (
    <ul id={id} className="mt-1 text-sm text-red-700">
      {errors.map((error) => (
        <li key={error}>{errorText(error)}</li>
      ))}
    </ul>
  )
}

type FieldProps = {
  label: ReactNode
  hint?: ReactNode
  errors?: string[] | undefined
  inputProps: InputHTMLAttributes<HTMLInputElement> & { id: string }
}

export function Field({ label, hint, errors, inputProps }: FieldProps) {
  const errorId = `${inputProps.id}-error`
  const hintId = `${inputProps.id}-hint`
  return (
    <div>
      <label htmlFor={inputProps.id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        {...inputProps}
        className={CONTROL_CLASS}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[errors?.length ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined}
      />
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  )
}

type SelectFieldProps = {
  label: ReactNode
  errors?: string[] | undefined
  /** `lang` when an option's label is in another language than the page (a language named in itself). */
  options: ReadonlyArray<{ value: string; label: string; lang?: string }>
  selectProps: SelectHTMLAttributes<HTMLSelectElement> & { id: string }
}

export function SelectField({ label, errors, options, selectProps }: SelectFieldProps) {
  const errorId = `${selectProps.id}-error`
  return (
    <div>
      <label htmlFor={selectProps.id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        {...selectProps}
        className={CONTROL_CLASS}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldErrors id={errorId} errors={errors} />
    </div>
  )
}
