import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { createI18n } from '~/lib/i18n'
import { FieldErrors } from './field'
import { FormErrors } from './form-errors'

const render = (locale: 'en' | 'ko', node: React.ReactNode) => renderToStaticMarkup(<I18nextProvider i18n={createI18n(locale)}>{node}</I18nextProvider>)

describe('form and field errors', () => {
  it('show a message key in the reader’s language, with its parameter', () => {
    expect(render('ko', <FieldErrors id="e" errors={['errors.invalidEmail']} />)).toContain('올바른 이메일 주소를 입력하세요.')
    expect(render('en', <FormErrors id="e" errors={['errors.tooManyAttempts|15']} />)).toContain('Try again in 15 minutes.')
  })

  it('never show zod’s own English, only a message in the reader’s language', () => {
    const zodText = 'Too big: expected string to have <=100 characters'
    const ko = render('ko', <FieldErrors id="e" errors={[zodText]} />)
    expect(ko).not.toContain('Too big')
    expect(ko).toContain('이 값을 확인하세요.')
    expect(render('en', <FormErrors id="e" errors={['Invalid input: expected "save"']} />)).toContain('Check this value.')
  })
})
