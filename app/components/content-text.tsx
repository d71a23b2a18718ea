import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { contentLanguageOf, languageName } from '~/lib/languages'
import { useRootData } from '~/lib/use-root-data'

type ContentTextProps = {
  /** The content language the text is written in, as the picker returned it (`pickTranslation`, `pickLocalizedText`). */
  lang: string
  as?: 'span' | 'p' | 'div' | 'h1' | 'h2' | 'h3'
  className?: string
  children: ReactNode
}

/**
 * A product's or company's own text. When it is not in the reader's language (no translation, so English
 * or another is shown), the element carries its real `lang` (screen readers pronounce it, fonts fit it)
 * and a small label names the language, in the reader's language.
 */
export function ContentText({ lang, as: Tag = 'span', className, children }: ContentTextProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const foreign = lang !== contentLanguageOf(locale)
  return (
    <Tag lang={foreign ? lang : undefined} className={className}>
      {children}
      {foreign ? (
        <>
          {' '}
          <span
            lang={locale}
            data-testid="content-language"
            className="inline-block whitespace-nowrap rounded bg-slate-100 px-1.5 align-middle text-xs font-normal leading-5 text-slate-600 ring-1 ring-slate-200"
          >
            {t('common.inLanguage', { language: languageName(lang, locale) })}
          </span>
        </>
      ) : null}
    </Tag>
  )
}
