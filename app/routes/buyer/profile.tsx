import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { data, Form, useNavigation } from 'react-router'
import type { Route } from './+types/profile'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { CheckboxGroup } from '~/components/ui/checkbox-group'
import { Field, SelectField } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { requirePermission } from '~/domain/accounts/permissions.server'
import { BUYER_TYPES } from '~/domain/accounts/schemas'
import { BuyerProfileSchema, VOLUME_BANDS } from '~/domain/buyers/profile-schema'
import { getBuyerProfileForEdit, updateBuyerProfile } from '~/domain/buyers/profile.server'
import { getLeadListOptOut, LeadListOptOutSchema, setLeadListOptOut } from '~/domain/leads/opt-out.server'
import { HS_CHAPTER_CODES, hsChapterTitle } from '~/domain/catalog/hs-chapters'
import { countryOptions } from '~/lib/countries'
import { languageOptions } from '~/lib/languages'
import { listTimeZones } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { validateCsrf } from '~/utils/csrf.server'
import { resolveLocale } from '~/utils/preferences.server'
import { redirectWithToast } from '~/utils/toast.server'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.buyerProfile')])

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, 'view:buyer-dashboard')
  const profile = await getBuyerProfileForEdit(user.id, await resolveLocale(request, user))
  return { ...profile, leadListOptOut: await getLeadListOptOut(user.id) }
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, 'view:buyer-dashboard')
  const formData = await request.formData()
  await validateCsrf(request, formData)
  // Leads (issue 21): the small form under the profile, its own intent.
  if (formData.get('intent') === 'lead-list') {
    const optOut = parseWithZod(formData, { schema: LeadListOptOutSchema })
    if (optOut.status !== 'success') return data({ result: optOut.reply() }, { status: 400 })
    await setLeadListOptOut(user.id, optOut.value.leadListOptOut)
    return redirectWithToast('/buyer/profile', 'leads.optOut.saved')
  }
  const submission = parseWithZod(formData, { schema: BuyerProfileSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  await updateBuyerProfile(user.id, submission.value)
  return redirectWithToast('/buyer/profile', 'buyerProfile.saved')
}

export default function BuyerProfileRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'buyer-profile',
    lastResult: navigation.state === 'idle' ? actionData?.result : null,
    defaultValue: loaderData.values,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: BuyerProfileSchema }),
  })
  const countries = useMemo(() => countryOptions(locale), [locale])
  const languages = useMemo(() => languageOptions(locale), [locale])
  const zones = useMemo(() => listTimeZones().map((zone) => ({ value: zone, label: zone })), [])
  const chapters = useMemo(() => HS_CHAPTER_CODES.map((code) => ({ value: code, label: `${code} · ${hsChapterTitle(code, locale) ?? ''}` })), [locale])

  return (
    <div>
      <h1 className="text-2xl font-bold tracking-tight">{t('buyerProfile.title')}</h1>
      <Form method="post" className="mt-6 space-y-6" {...getFormProps(form)}>
        <CsrfInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Card id="company" title={t('buyerProfile.company')}>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label={t('auth.companyName')}
              errors={fields.companyName.errors}
              inputProps={{ ...getInputProps(fields.companyName, { type: 'text' }), autoComplete: 'organization' }}
            />
            <SelectField label={t('auth.country')} errors={fields.country.errors} options={countries} selectProps={getSelectProps(fields.country)} />
            <SelectField
              label={t('auth.businessType')}
              errors={fields.businessType.errors}
              options={BUYER_TYPES.map((type) => ({ value: type, label: t(`businessTypes.${type}`) }))}
              selectProps={getSelectProps(fields.businessType)}
            />
            <Field
              label={t('buyerProfile.website')}
              errors={fields.website.errors}
              inputProps={{ ...getInputProps(fields.website, { type: 'text' }), inputMode: 'url', autoComplete: 'url' }}
            />
            <SelectField
              label={t('buyerProfile.yearlyVolume')}
              errors={fields.yearlyVolume.errors}
              options={[{ value: '', label: '—' }, ...VOLUME_BANDS.map((band) => ({ value: band, label: t(`buyerProfile.volumes.${band}`) }))]}
              selectProps={getSelectProps(fields.yearlyVolume)}
            />
          </div>
        </Card>
        <Card id="interests" title={t('buyerProfile.interests')}>
          <div className="space-y-4">
            <CheckboxGroup
              legend={t('buyerProfile.categories')}
              name={fields.interests.name}
              options={loaderData.categories}
              defaultValue={fields.interests.initialValue as string[] | undefined}
              errors={fields.interests.errors}
            />
            <CheckboxGroup
              legend={t('buyerProfile.hsChapters')}
              hint={t('buyerProfile.hsChaptersHint')}
              name={fields.hsChapters.name}
              options={chapters}
              defaultValue={fields.hsChapters.initialValue as string[] | undefined}
              errors={fields.hsChapters.errors}
              filterable
            />
          </div>
        </Card>
        <Card id="availability" title={t('buyerProfile.availability')}>
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField label={t('common.timeZone')} errors={fields.timeZone.errors} options={zones} selectProps={getSelectProps(fields.timeZone)} />
            <Field
              label={t('buyerProfile.hoursStart')}
              errors={fields.businessHoursStart.errors}
              inputProps={{ ...getInputProps(fields.businessHoursStart, { type: 'time' }), step: 60 }}
            />
            <Field
              label={t('buyerProfile.hoursEnd')}
              errors={fields.businessHoursEnd.errors}
              inputProps={{ ...getInputProps(fields.businessHoursEnd, { type: 'time' }), step: 60 }}
            />
          </div>
          <p className="mt-2 text-xs text-slate-500">{t('buyerProfile.hoursHint')}</p>
          <div className="mt-4">
            <CheckboxGroup
              legend={t('buyerProfile.languages')}
              name={fields.languages.name}
              options={languages}
              defaultValue={fields.languages.initialValue as string[] | undefined}
              errors={fields.languages.errors}
            />
          </div>
        </Card>
        <Button type="submit" disabled={navigation.state !== 'idle'}>
          {t('common.save')}
        </Button>
      </Form>
      <Form method="post" className="mt-6" id="lead-list" data-testid="lead-list-form">
        <CsrfInput />
        <input type="hidden" name="intent" value="lead-list" />
        <Card id="lead-list-card" title={t('leads.optOut.legend')}>
          <div className="space-y-3">
            <p className="text-sm text-slate-600">{t('leads.privacy.notice')}</p>
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="leadListOptOut" defaultChecked={loaderData.leadListOptOut} className="mt-0.5" aria-describedby="lead-list-hint" />
              <span>{t('leads.optOut.label')}</span>
            </label>
            <p id="lead-list-hint" className="text-xs text-slate-600">
              {t('leads.optOut.hint')}
            </p>
            <Button type="submit" variant="secondary" disabled={navigation.state !== 'idle'}>
              {t('leads.optOut.save')}
            </Button>
          </div>
        </Card>
      </Form>
    </div>
  )
}
