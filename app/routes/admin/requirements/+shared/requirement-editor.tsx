import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { Form, useNavigation } from 'react-router'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'
import { Field, FieldErrors, SelectField } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { RequirementFormSchema } from '~/domain/readiness/requirement-form'
import { ISSUER_TYPES, REQUIREMENT_KINDS, REQUIREMENT_SCOPES } from '~/domain/readiness/requirement-schema'

/** The catalogue's content languages, in the order the form lists them (English first: it is required). */
export const CONTENT_LANGUAGES = ['en', 'ko', 'zh', 'ja', 'ru', 'mn'] as const

/** The native name of each content language, marked with its own lang. */
const LANGUAGE_NAMES: Record<(typeof CONTENT_LANGUAGES)[number], string> = {
  en: 'English',
  ko: '한국어',
  zh: '中文',
  ja: '日本語',
  ru: 'Русский',
  mn: 'Монгол',
}

export type RequirementFormDefaults = Record<string, unknown>

/** Every error of a field and of its items ("hs" and "hs[3]"), for the list fields typed as text. */
function allErrorsOf(all: Record<string, string[]> | undefined): string[] | undefined {
  const errors = [...new Set(Object.values(all ?? {}).flat())]
  return errors.length ? errors : undefined
}

const TEXTAREA_CLASS = 'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-600'

/** Create/edit form of a market requirement: every field of MarketRequirementSchema, lists as comma-separated text. */
export function RequirementEditor({
  defaults,
  lastResult,
  codeFixed,
  checkedOn,
  submitLabel,
}: {
  defaults?: RequirementFormDefaults
  lastResult?: SubmissionResult | null | undefined
  /** Editing: the code is shown, not typed (it names the rule in the audit). */
  codeFixed: string | null
  /** The day the source was last checked (formatted), shown beside the "checked today" box. */
  checkedOn: string | null
  submitLabel: string
}) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'requirement',
    lastResult: lastResult ?? undefined,
    defaultValue: { kind: 'certificate', scope: 'product', leadTimeDays: { min: '7', max: '30' }, ...defaults },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RequirementFormSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const name = fields.name.getFieldset()
  const howToGet = fields.howToGet.getFieldset()
  const leadTime = fields.leadTimeDays.getFieldset()
  const issuerTypes = new Set((fields.issuerTypes.initialValue as string[] | string | undefined) ?? [])
  const label = (field: string) => t(`readinessAdmin.fields.${field}`)
  return (
    <Form method="post" className="space-y-6" {...getFormProps(form)}>
      <CsrfInput />
      <input type="hidden" name="intent" value="save" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="grid gap-4 sm:grid-cols-2">
        {codeFixed ? (
          <div>
            <p className="block text-sm font-medium text-slate-800">{label('code')}</p>
            <p className="mt-1 font-mono text-sm">{codeFixed}</p>
            <p className="mt-1 text-xs text-slate-500">{t('readinessAdmin.form.codeFixed')}</p>
            <input type="hidden" name={fields.code.name} value={codeFixed} />
          </div>
        ) : (
          <Field
            label={label('code')}
            hint={t('readinessAdmin.form.codeHint')}
            errors={fields.code.errors}
            inputProps={{ ...getInputProps(fields.code, { type: 'text' }), autoCapitalize: 'characters', spellCheck: false }}
          />
        )}
        <Field
          label={label('market')}
          hint={t('readinessAdmin.form.marketHint')}
          errors={fields.market.errors}
          inputProps={{ ...getInputProps(fields.market, { type: 'text' }), autoCapitalize: 'characters', maxLength: 4 }}
        />
        <SelectField
          label={label('kind')}
          errors={fields.kind.errors}
          options={REQUIREMENT_KINDS.map((kind) => ({ value: kind, label: t(`readiness.kind.${kind}`) }))}
          selectProps={getSelectProps(fields.kind)}
        />
        <SelectField
          label={label('scope')}
          errors={fields.scope.errors}
          options={REQUIREMENT_SCOPES.map((scope) => ({ value: scope, label: t(`readiness.scope.${scope}`) }))}
          selectProps={getSelectProps(fields.scope)}
        />
        <Field
          label={label('documentTypes')}
          hint={t('readinessAdmin.form.documentTypesHint')}
          errors={allErrorsOf(fields.documentTypes.allErrors)}
          inputProps={{ ...getInputProps(fields.documentTypes, { type: 'text' }), spellCheck: false }}
        />
        <Field
          label={label('sourceUrl')}
          errors={fields.sourceUrl.errors}
          inputProps={{ ...getInputProps(fields.sourceUrl, { type: 'url' }), spellCheck: false }}
        />
        <Field
          label={label('hs')}
          hint={t('readinessAdmin.form.hsHint')}
          errors={allErrorsOf(fields.hs.allErrors)}
          inputProps={{ ...getInputProps(fields.hs, { type: 'text' }), inputMode: 'numeric', spellCheck: false }}
        />
        <Field
          label={label('exceptHs')}
          hint={t('readinessAdmin.form.exceptHsHint')}
          errors={allErrorsOf(fields.exceptHs.allErrors)}
          inputProps={{ ...getInputProps(fields.exceptHs, { type: 'text' }), inputMode: 'numeric', spellCheck: false }}
        />
      </div>

      {(
        [
          ['name', name, false],
          ['howToGet', howToGet, true],
        ] as const
      ).map(([key, fieldset, multiline]) => (
        <fieldset key={key} className="space-y-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-semibold text-slate-800">{label(key)}</legend>
          <p className="text-xs text-slate-500">{t('readinessAdmin.form.languagesHint')}</p>
          <div className="grid gap-3 sm:grid-cols-2">
            {CONTENT_LANGUAGES.map((lang) => {
              const field = fieldset[lang]
              const languageLabel = (
                <span lang={lang}>
                  {LANGUAGE_NAMES[lang]}
                  {lang === 'en' ? ` · ${t('readinessAdmin.form.required')}` : ''}
                </span>
              )
              return multiline ? (
                <div key={lang}>
                  <label htmlFor={field.id} className="block text-sm font-medium text-slate-800">
                    {languageLabel}
                  </label>
                  <textarea
                    {...getTextareaProps(field)}
                    lang={lang}
                    rows={3}
                    className={TEXTAREA_CLASS}
                    aria-invalid={field.errors?.length ? true : undefined}
                    aria-describedby={field.errors?.length ? field.errorId : undefined}
                  />
                  <FieldErrors id={field.errorId} errors={field.errors} />
                </div>
              ) : (
                <Field key={lang} label={languageLabel} errors={field.errors} inputProps={{ ...getInputProps(field, { type: 'text' }), lang }} />
              )
            })}
          </div>
          <FieldErrors id={fields[key].errorId} errors={fields[key].errors} />
        </fieldset>
      ))}

      <fieldset aria-describedby={fields.issuerTypes.errors?.length ? fields.issuerTypes.errorId : undefined}>
        <legend className="block text-sm font-medium text-slate-800">{label('issuerTypes')}</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {ISSUER_TYPES.map((issuer) => (
            <label key={issuer} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={fields.issuerTypes.name} value={issuer} defaultChecked={issuerTypes.has(issuer)} />
              {t(`readiness.issuer.${issuer}`)}
            </label>
          ))}
        </div>
        <FieldErrors id={fields.issuerTypes.errorId} errors={allErrorsOf(fields.issuerTypes.allErrors)} />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-1 block text-sm font-medium text-slate-800">{label('leadTimeDays')}</legend>
        <Field
          label={t('readinessAdmin.form.leadMin')}
          errors={leadTime.min.errors}
          inputProps={{ ...getInputProps(leadTime.min, { type: 'number' }), min: 0, max: 730, step: 1 }}
        />
        <Field
          label={t('readinessAdmin.form.leadMax')}
          errors={leadTime.max.errors}
          inputProps={{ ...getInputProps(leadTime.max, { type: 'number' }), min: 0, max: 730, step: 1 }}
        />
        <div className="sm:col-span-2">
          <FieldErrors id={fields.leadTimeDays.errorId} errors={fields.leadTimeDays.errors} />
        </div>
      </fieldset>

      <div className="space-y-2">
        <label className="flex items-center gap-2 text-sm">
          <input {...getInputProps(fields.voucherEligible, { type: 'checkbox' })} />
          {label('voucherEligible')}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input {...getInputProps(fields.markChecked, { type: 'checkbox' })} />
          {t('readinessAdmin.form.markChecked')}
        </label>
        <p className="text-xs text-slate-500">{checkedOn ? t('readinessAdmin.form.lastChecked', { date: checkedOn }) : t('readiness.notChecked')}</p>
      </div>

      <Button type="submit" disabled={navigation.state === 'submitting'}>
        {submitLabel}
      </Button>
    </Form>
  )
}
