import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { Form, useNavigation } from 'react-router'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'
import { Field, FieldErrors, SelectField } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { FAIR_LANGUAGES, FAIR_STATUSES, FairSchema, REPLAY_POLICIES, REPLAY_RETENTION_MAX_DAYS } from '~/domain/fairs/schemas'
import { listTimeZones } from '~/lib/time'

export type FairFormValues = {
  name: string
  nameKo: string
  slug: string
  startsAt: string
  endsAt: string
  timeZone: string
  description: string
  descriptionKo: string
  languages: string[]
  status: string
  replayPolicy: string
  /** Days, or '' to keep replays. */
  replayRetentionDays: string
}

/** Create/edit form of a fair; dates are wall-clock times in the fair's own zone. */
export function FairEditor({
  defaults,
  lastResult,
  submitLabel,
}: {
  defaults?: Partial<FairFormValues>
  lastResult?: SubmissionResult | undefined
  submitLabel: string
}) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'fair',
    lastResult,
    defaultValue: { timeZone: 'Asia/Seoul', status: 'DRAFT', languages: ['en', 'ko'], replayPolicy: 'PUBLISH', replayRetentionDays: '', ...defaults },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: FairSchema }),
    shouldValidate: 'onBlur',
  })
  const selectedLanguages = new Set((fields.languages.initialValue as string[] | undefined) ?? [])
  return (
    <Form method="post" encType="multipart/form-data" className="space-y-4" {...getFormProps(form)}>
      <CsrfInput />
      <input type="hidden" name="intent" value="save" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('fairs.name')} errors={fields.name.errors} inputProps={getInputProps(fields.name, { type: 'text' })} />
        <Field label={t('fairs.nameKo')} errors={fields.nameKo.errors} inputProps={getInputProps(fields.nameKo, { type: 'text' })} />
        <Field label={t('fairs.slug')} hint={t('fairs.slugHint')} errors={fields.slug.errors} inputProps={getInputProps(fields.slug, { type: 'text' })} />
        <SelectField
          label={t('fairs.timeZone')}
          errors={fields.timeZone.errors}
          options={listTimeZones().map((zone) => ({ value: zone, label: zone }))}
          selectProps={getSelectProps(fields.timeZone)}
        />
        <Field
          label={t('fairs.startsAt')}
          hint={t('fairs.wallClockHint')}
          errors={fields.startsAt.errors}
          inputProps={getInputProps(fields.startsAt, { type: 'datetime-local' })}
        />
        <Field label={t('fairs.endsAt')} errors={fields.endsAt.errors} inputProps={getInputProps(fields.endsAt, { type: 'datetime-local' })} />
        <SelectField
          label={t('fairs.status')}
          errors={fields.status.errors}
          options={FAIR_STATUSES.map((status) => ({ value: status, label: t(`fairs.statuses.${status}`) }))}
          selectProps={getSelectProps(fields.status)}
        />
        <fieldset>
          <legend className="block text-sm font-medium text-slate-800">{t('fairs.languages')}</legend>
          <div className="mt-2 flex flex-wrap gap-3">
            {FAIR_LANGUAGES.map((code) => (
              <label key={code} className="flex items-center gap-1 text-sm">
                <input type="checkbox" name={fields.languages.name} value={code} defaultChecked={selectedLanguages.has(code)} />
                {code}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-1 block text-sm font-medium text-slate-800">{t('replayAdmin.policy.legend')}</legend>
        <SelectField
          label={t('replayAdmin.policy.label')}
          errors={fields.replayPolicy.errors}
          options={REPLAY_POLICIES.map((policy) => ({ value: policy, label: t(`replayAdmin.policy.${policy}`) }))}
          selectProps={getSelectProps(fields.replayPolicy)}
        />
        <Field
          label={t('replayAdmin.policy.retention')}
          hint={t('replayAdmin.policy.retentionHint', { max: REPLAY_RETENTION_MAX_DAYS })}
          errors={fields.replayRetentionDays.errors}
          inputProps={{ ...getInputProps(fields.replayRetentionDays, { type: 'number' }), min: 1, max: REPLAY_RETENTION_MAX_DAYS, step: 1 }}
        />
      </fieldset>
      {(['description', 'descriptionKo'] as const).map((name) => (
        <div key={name}>
          <label htmlFor={fields[name].id} className="block text-sm font-medium text-slate-800">
            {t(`fairs.${name}`)}
          </label>
          <textarea {...getTextareaProps(fields[name])} rows={3} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
          <FieldErrors id={fields[name].errorId} errors={fields[name].errors} />
        </div>
      ))}
      <div>
        <label htmlFor="fair-banner" className="block text-sm font-medium text-slate-800">
          {t('fairs.banner')}
        </label>
        <input
          id="fair-banner"
          name="banner"
          type="file"
          accept="image/png,image/jpeg,image/webp"
          aria-describedby="fair-banner-hint fair-banner-error"
          className="mt-1 block text-sm"
        />
        <p id="fair-banner-hint" className="mt-1 text-xs text-slate-500">
          {t('fairs.bannerHint')}
        </p>
        <FieldErrors id="fair-banner-error" errors={form.allErrors.banner} />
      </div>
      <Button type="submit" disabled={navigation.state === 'submitting'}>
        {submitLabel}
      </Button>
    </Form>
  )
}
