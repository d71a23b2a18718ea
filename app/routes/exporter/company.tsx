import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Form, Link, useNavigation } from 'react-router'
import type { Route } from './+types/company'
import { handleCompanyProfile } from './company.server'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { CheckboxGroup, TextAreaField } from '~/components/ui/checkbox-group'
import { Field, FieldErrors, SelectField } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { requireCompanyAdmin } from '~/domain/accounts/permissions.server'
import { getCompanyProfileForEdit } from '~/domain/exporters/company-profile.server'
import { MAX_EMBED_ORIGINS } from '~/domain/exporters/embed-origins'
import { companyProfileSchema } from '~/domain/exporters/schemas'
import { countryOptions } from '~/lib/countries'
import { languageOptions } from '~/lib/languages'
import { listTimeZones } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.companyProfile')])

export async function loader({ request }: Route.LoaderArgs) {
  const { membership } = await requireCompanyAdmin(request)
  return { ...(await getCompanyProfileForEdit(membership.company.id)), currentYear: new Date().getUTCFullYear() }
}

export async function action({ request }: Route.ActionArgs) {
  return handleCompanyProfile(request)
}

export default function CompanyProfileRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const navigation = useNavigation()
  const schema = useMemo(() => companyProfileSchema(loaderData.currentYear), [loaderData.currentYear])
  const [form, fields] = useForm({
    id: 'company-profile',
    lastResult: actionData?.result,
    defaultValue: loaderData.values,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const countries = useMemo(() => countryOptions(locale), [locale])
  const languages = useMemo(() => languageOptions(locale), [locale])
  const zones = useMemo(() => listTimeZones().map((zone) => ({ value: zone, label: zone })), [])
  const logoErrors = form.allErrors.logo

  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight">{t('exporter.company.title')}</h1>
        <Link to={`/exporters/${loaderData.slug}`} className="text-sm font-medium text-brand-700 underline">
          {t('exporter.company.viewPublic')}
        </Link>
      </div>
      <Form method="post" encType="multipart/form-data" className="mt-6 space-y-6" {...getFormProps(form)}>
        <CsrfInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Card id="basics" title={t('exporter.company.basics')}>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label={t('exporter.company.name')}
              errors={fields.name.errors}
              inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'organization' }}
            />
            <Field
              label={t('exporter.company.nameKo')}
              errors={fields.nameKo.errors}
              inputProps={{ ...getInputProps(fields.nameKo, { type: 'text' }), lang: 'ko' }}
            />
            <Field label={t('exporter.company.region')} errors={fields.region.errors} inputProps={getInputProps(fields.region, { type: 'text' })} />
            <Field label={t('exporter.company.city')} errors={fields.city.errors} inputProps={getInputProps(fields.city, { type: 'text' })} />
            <Field label={t('exporter.company.industry')} errors={fields.industry.errors} inputProps={getInputProps(fields.industry, { type: 'text' })} />
            <Field
              label={t('exporter.company.website')}
              hint={t('exporter.company.websiteHint')}
              errors={fields.website.errors}
              inputProps={{ ...getInputProps(fields.website, { type: 'text' }), inputMode: 'url', autoComplete: 'url' }}
            />
            <Field
              label={t('exporter.company.foundedYear')}
              errors={fields.foundedYear.errors}
              inputProps={{ ...getInputProps(fields.foundedYear, { type: 'number' }), min: 1900, max: loaderData.currentYear, step: 1 }}
            />
            <Field
              label={t('exporter.company.employeeCount')}
              errors={fields.employeeCount.errors}
              inputProps={{ ...getInputProps(fields.employeeCount, { type: 'number' }), min: 1, step: 1 }}
            />
            <Field
              label={t('exporter.company.exportExperienceYears')}
              errors={fields.exportExperienceYears.errors}
              inputProps={{ ...getInputProps(fields.exportExperienceYears, { type: 'number' }), min: 0, step: 1 }}
            />
            <SelectField label={t('common.timeZone')} errors={fields.timeZone.errors} options={zones} selectProps={getSelectProps(fields.timeZone)} />
            <Field
              label={t('exporter.company.hoursStart')}
              errors={fields.businessHoursStart.errors}
              inputProps={{ ...getInputProps(fields.businessHoursStart, { type: 'time' }), step: 60 }}
            />
            <Field
              label={t('exporter.company.hoursEnd')}
              errors={fields.businessHoursEnd.errors}
              inputProps={{ ...getInputProps(fields.businessHoursEnd, { type: 'time' }), step: 60 }}
            />
            <p className="text-sm text-slate-600 lg:col-span-2">{t('exporter.company.hoursHint')}</p>
          </div>
        </Card>
        <Card id="about" title={t('exporter.company.about')}>
          <div className="grid gap-4 lg:grid-cols-2">
            <TextAreaField
              label={t('exporter.company.description')}
              errors={fields.description.errors}
              textareaProps={{ ...getTextareaProps(fields.description), rows: 6 }}
            />
            <TextAreaField
              label={t('exporter.company.descriptionKo')}
              errors={fields.descriptionKo.errors}
              textareaProps={{ ...getTextareaProps(fields.descriptionKo), rows: 6, lang: 'ko' }}
            />
          </div>
        </Card>
        <Card id="markets" title={t('exporter.company.marketsAndLanguages')}>
          <div className="space-y-4">
            <CheckboxGroup
              legend={t('exporter.company.exportMarkets')}
              name={fields.exportMarkets.name}
              options={countries}
              defaultValue={fields.exportMarkets.initialValue as string[] | undefined}
              errors={fields.exportMarkets.errors}
              filterable
            />
            <CheckboxGroup
              legend={t('exporter.company.languages')}
              name={fields.languages.name}
              options={languages}
              defaultValue={fields.languages.initialValue as string[] | undefined}
              errors={fields.languages.errors}
            />
          </div>
        </Card>
        <Card id="logo" title={t('exporter.company.logo')}>
          <div className="flex flex-wrap items-start gap-4">
            {loaderData.logoPath ? (
              <img
                src={loaderData.logoPath}
                alt={t('exporter.company.currentLogo')}
                className="size-20 rounded-lg bg-white object-contain ring-1 ring-slate-200"
              />
            ) : null}
            <div className="space-y-2">
              <label htmlFor="company-logo" className="block text-sm font-medium text-slate-800">
                {t('exporter.company.uploadLogo')}
              </label>
              <input
                id="company-logo"
                type="file"
                name="logo"
                accept="image/png,image/jpeg,image/webp"
                aria-describedby="company-logo-hint"
                aria-invalid={logoErrors?.length ? true : undefined}
                className="block text-sm"
              />
              <p id="company-logo-hint" className="text-xs text-slate-500">
                {t('exporter.company.logoHint')}
              </p>
              <FieldErrors id="company-logo-error" errors={logoErrors} />
              {loaderData.logoPath ? (
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="removeLogo" />
                  {t('exporter.company.removeLogo')}
                </label>
              ) : null}
            </div>
          </div>
        </Card>
        <Card id="embed" title={t('embed.profile.title')}>
          <TextAreaField
            label={t('embed.profile.origins')}
            hint={t('embed.profile.originsHint', { max: MAX_EMBED_ORIGINS })}
            errors={fields.embedOrigins.errors}
            textareaProps={{
              ...getTextareaProps(fields.embedOrigins),
              rows: 4,
              spellCheck: false,
              autoCapitalize: 'off',
              placeholder: 'https://shop.example.com',
            }}
          />
        </Card>
        <Button type="submit" disabled={navigation.state !== 'idle'}>
          {t('common.save')}
        </Button>
      </Form>
    </div>
  )
}
