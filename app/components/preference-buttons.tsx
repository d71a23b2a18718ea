import { useTranslation } from 'react-i18next'
import { Form, useNavigation } from 'react-router'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'

/** undefined: not known for one fair (several fairs behind a select), so no button is pressed */
type Level = 'MUST_MEET' | 'WOULD_LIKE' | null | undefined

/**
 * "Must meet / Would like / No preference" for one counterpart at one fair: a small form posting
 * intent=preference with the chosen level. The current level is pressed (aria-pressed).
 */
export function PreferenceButtons({
  level,
  label,
  hidden = {},
  fairSelect,
}: {
  level: Level
  /** Accessible name of the group, e.g. "Your wish to meet Acme" */
  label: string
  hidden?: Record<string, string>
  /** Several fairs in common: the exporter picks which one */
  fairSelect?: { name: string; options: Array<{ value: string; label: string }>; id: string }
}) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const choices = [
    { value: 'MUST_MEET', text: t('meetings.preference.mustMeet'), current: level === 'MUST_MEET' },
    { value: 'WOULD_LIKE', text: t('meetings.preference.wouldLike'), current: level === 'WOULD_LIKE' },
    { value: 'NONE', text: t('meetings.preference.none'), current: level === null },
  ] as const
  return (
    <Form method="post" preventScrollReset className="flex flex-wrap items-center gap-2" role="group" aria-label={label}>
      <CsrfInput />
      <input type="hidden" name="intent" value="preference" />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fairSelect ? (
        <>
          <label htmlFor={fairSelect.id} className="sr-only">
            {t('meetings.preference.fair')}
          </label>
          <select id={fairSelect.id} name={fairSelect.name} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
            {fairSelect.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </>
      ) : null}
      {choices.map((choice) => (
        <Button
          key={choice.value}
          type="submit"
          name="level"
          value={choice.value}
          variant={choice.current ? 'primary' : 'secondary'}
          aria-pressed={choice.current}
          disabled={navigation.state !== 'idle'}
        >
          {choice.text}
        </Button>
      ))}
    </Form>
  )
}
