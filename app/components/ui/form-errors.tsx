import { useErrorText } from './error-text'

/** Form-level errors; a message may carry one parameter after "|" (e.g. minutes to wait). */
export function FormErrors({ id, errors }: { id: string; errors?: string[] | undefined }) {
  const errorText = useErrorText()
  if (!errors?.length) return null
  return (
    <div id={id} role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
      {errors.map((error) => (
        <p key={error}>{errorText(error)}</p>
      ))}
    </div>
  )
}
