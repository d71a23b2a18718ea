import { useTranslation } from 'react-i18next'

/**
 * Form and field errors are message keys (from the zod schema or a DomainError), optionally with one
 * parameter after "|" (minutes to wait). A message that is no key — zod's own English for an input the
 * form never sends as such, e.g. a tampered hidden field or an over-long value without its own message —
 * is never shown as is: the reader gets a generic message in their language.
 */
export function useErrorText(): (message: string) => string {
  const { t, i18n } = useTranslation()
  return (message) => {
    const [key = '', minutes] = message.split('|')
    return i18n.exists(key) ? t(key, { minutes }) : t('errors.invalidValue')
  }
}
