import { useId, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { FieldErrors } from './field'

type CheckboxGroupProps = {
  legend: ReactNode
  name: string
  options: ReadonlyArray<{ value: string; label: string }>
  defaultValue?: readonly string[] | undefined
  errors?: string[] | undefined
  hint?: ReactNode
  /** Long lists (countries, HS chapters) get a text box that narrows the visible options. */
  filterable?: boolean
}

/** A multi-select as native checkboxes: accessible and works without JavaScript. */
export function CheckboxGroup({ legend, name, options, defaultValue, errors, hint, filterable = false }: CheckboxGroupProps) {
  const { t } = useTranslation()
  const id = useId()
  const [filter, setFilter] = useState('')
  const [checked, setChecked] = useState<ReadonlySet<string>>(() => new Set(defaultValue ?? []))
  const needle = filter.trim().toLocaleLowerCase()
  const errorId = `${id}-error`
  return (
    <fieldset aria-describedby={errors?.length ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-800">
        {legend}
        {checked.size > 0 ? <span className="ml-2 text-xs font-normal text-slate-500">({t('exporter.common.selected', { count: checked.size })})</span> : null}
      </legend>
      {hint ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      {filterable ? (
        <input
          type="search"
          aria-label={t('exporter.common.filterOptions')}
          placeholder={t('exporter.common.filterOptions')}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          className="mt-2 block w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm"
        />
      ) : null}
      <div className={`mt-2 grid gap-1 sm:grid-cols-2 lg:grid-cols-3 ${filterable ? 'max-h-56 overflow-y-auto rounded-md p-2 ring-1 ring-slate-200' : ''}`}>
        {options.map((option) => {
          const visible =
            !needle || option.label.toLocaleLowerCase().includes(needle) || option.value.toLocaleLowerCase().includes(needle) || checked.has(option.value)
          return (
            <label key={option.value} className={`flex items-center gap-2 text-sm ${visible ? '' : 'hidden'}`}>
              <input
                type="checkbox"
                name={name}
                value={option.value}
                defaultChecked={defaultValue?.includes(option.value)}
                onChange={(event) => {
                  const next = new Set(checked)
                  if (event.target.checked) next.add(option.value)
                  else next.delete(option.value)
                  setChecked(next)
                }}
              />
              {option.label}
            </label>
          )
        })}
      </div>
      <FieldErrors id={errorId} errors={errors} />
    </fieldset>
  )
}

type TextAreaFieldProps = {
  label: ReactNode
  errors?: string[] | undefined
  hint?: ReactNode
  textareaProps: React.TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string }
}

export function TextAreaField({ label, errors, hint, textareaProps }: TextAreaFieldProps) {
  const errorId = `${textareaProps.id}-error`
  const hintId = `${textareaProps.id}-hint`
  return (
    <div>
      <label htmlFor={textareaProps.id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        rows={4}
        {...textareaProps}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 aria-[invalid=true]:border-red-600"
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
