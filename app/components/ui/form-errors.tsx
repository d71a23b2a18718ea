import { useTranslation } from 'react-i18next'

/** Form-level errors; a message may carry one parameter after "|" (e.g. minutes to wait). */
export function FormErrors({ id, errors }: { id: string; errors?: string[] | undefined }) {
  const { t } = useTranslation()
  if (!errors?.length) return null
  return (
    <div id={id} role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
      {errors.map((error) => {
        const [key = '', minutes] = error.split('|')
        return <p key={error}>{t(key, { minutes })}</p>
      })}
    </div>
  )
}
