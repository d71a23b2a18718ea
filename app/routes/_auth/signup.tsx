import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Form, Link, useNavigation, useSearchParams } from 'react-router'
import type { Route } from './+types/signup'
import { handleSignup } from './signup.server'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'
import { Field, SelectField } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { BUYER_TYPES, SIGNUP_HONEYPOT_FIELD, SignupSchema } from '~/domain/accounts/schemas'
import { requireAnonymous } from '~/domain/accounts/session.server'
import { TimeZoneSelect } from '~/components/time-zone-select'
import { countryOptions } from '~/lib/countries'
import { defaultTimeZone, timeZonesOfCountry } from '~/lib/country-time-zones'
import { listTimeZones } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.signup')])

export async function loader({ request }: Route.LoaderArgs) {
  await requireAnonymous(request)
  return null
}

export async function action({ request }: Route.ActionArgs) {
  return handleSignup(request)
}

export default function SignupRoute({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale, timeZone: knownZone } = useRootData()
  const navigation = useNavigation()
  const [searchParams] = useSearchParams()
  const redirectTo = searchParams.get('redirectTo') ?? ''
  const pending = navigation.state !== 'idle' && navigation.formAction?.startsWith('/signup') === true
  const [form, fields] = useForm({
    id: 'signup',
    lastResult: actionData?.result,
    defaultValue: { accountType: 'BUYER', region: 'Gangwon' },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignupSchema }),
  })
  const [accountType, setAccountType] = useState(fields.accountType.initialValue ?? 'BUYER')
  const countries = useMemo(() => countryOptions(locale), [locale])
  const zones = useMemo(() => listTimeZones(), [])
  const [country, setCountry] = useState(fields.country.initialValue ?? '')
  const countryZones = useMemo(() => (accountType === 'BUYER' ? timeZonesOfCountry(country, zones) : []), [accountType, country, zones])
  // After a failed submit the zone sent is kept; otherwise the server's guess (valid without JS) until the browser says its own.
  const [timeZone, setTimeZone] = useState(() => fields.timeZone.initialValue ?? defaultTimeZone(null, knownZone, zones))
  const [zonePickedByHand, setZonePickedByHand] = useState(fields.timeZone.initialValue !== undefined)
  useEffect(() => {
    if (zonePickedByHand) return
    // eslint-disable-next-line react-hooks/set-state-in-effect -- known only in the browser, set after hydration so server and client markup match
    setTimeZone(defaultTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone, knownZone, zones))
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, after hydration
  }, [])
  const chooseCountry = (next: string) => {
    setCountry(next)
    // A country with one zone settles the question, unless the person already chose a zone.
    const ofCountry = timeZonesOfCountry(next, zones)
    if (!zonePickedByHand && ofCountry.length === 1 && ofCountry[0]) setTimeZone(ofCountry[0])
  }

  return (
    <section className="mx-auto max-w-xl rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
      <h1 className="text-2xl font-bold tracking-tight">{t('auth.signupTitle')}</h1>
      <Form method="post" className="mt-6 space-y-5" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        {/* Honeypot: off screen, out of the tab order and hidden from assistive technology; robots fill it. */}
        <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
          <label htmlFor="signup-website">{t('account.honeypot')}</label>
          <input id="signup-website" type="text" name={SIGNUP_HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <FormErrors id={form.errorId} errors={form.errors} />
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">{t('auth.accountType')}</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {(['BUYER', 'EXPORTER'] as const).map((type) => (
              <label
                key={type}
                className="flex cursor-pointer items-start gap-2 rounded-md p-3 ring-1 ring-slate-300 has-checked:bg-brand-50 has-checked:ring-brand-500"
              >
                <input
                  type="radio"
                  name={fields.accountType.name}
                  value={type}
                  defaultChecked={accountType === type}
                  onChange={() => setAccountType(type)}
                  className="mt-1"
                />
                <span className="text-sm">{type === 'BUYER' ? t('auth.roleBuyer') : t('auth.roleExporter')}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <Field label={t('auth.name')} errors={fields.name.errors} inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'name' }} />
        <Field label={t('auth.email')} errors={fields.email.errors} inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'email' }} />
        <Field
          label={t('auth.password')}
          hint={t('auth.passwordHint')}
          errors={fields.password.errors}
          inputProps={{ ...getInputProps(fields.password, { type: 'password' }), autoComplete: 'new-password' }}
        />
        <Field
          label={t('auth.companyName')}
          errors={fields.companyName.errors}
          inputProps={{ ...getInputProps(fields.companyName, { type: 'text' }), autoComplete: 'organization' }}
        />
        {accountType === 'BUYER' ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label={t('auth.country')}
              errors={fields.country.errors}
              options={[{ value: '', label: '—' }, ...countries]}
              selectProps={{ ...getSelectProps(fields.country), onChange: (event) => chooseCountry(event.target.value) }}
            />
            <SelectField
              label={t('auth.businessType')}
              errors={fields.businessType.errors}
              options={BUYER_TYPES.map((type) => ({ value: type, label: t(`businessTypes.${type}`) }))}
              selectProps={getSelectProps(fields.businessType)}
            />
          </div>
        ) : (
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t('auth.region')} errors={fields.region.errors} inputProps={getInputProps(fields.region, { type: 'text' })} />
            <Field label={t('auth.industry')} errors={fields.industry.errors} inputProps={getInputProps(fields.industry, { type: 'text' })} />
            {/* Overseas Korean entrepreneurs register as exporters and book trade-officer consultations (docs/consultations.md). */}
            <div className="sm:col-span-2">
              <label className="flex items-start gap-2 text-sm">
                <input {...getInputProps(fields.overseasKorean, { type: 'checkbox' })} className="mt-1" aria-describedby="overseas-korean-hint" />
                <span>
                  <span className="font-medium">{t('consultations.signup.overseasKorean')}</span>
                  <span id="overseas-korean-hint" className="block text-xs text-slate-600">
                    {t('consultations.signup.overseasKoreanHint')}
                  </span>
                </span>
              </label>
            </div>
            <SelectField
              label={t('consultations.signup.residenceCountry')}
              errors={fields.residenceCountry.errors}
              options={[{ value: '', label: '—' }, ...countries]}
              selectProps={getSelectProps(fields.residenceCountry)}
            />
          </div>
        )}
        <TimeZoneSelect
          id={fields.timeZone.id}
          name={fields.timeZone.name}
          label={t('auth.timeZone')}
          hint={t('account.timeZones.hint')}
          errors={fields.timeZone.errors}
          value={timeZone}
          onChange={(zone) => {
            setTimeZone(zone)
            setZonePickedByHand(true)
          }}
          zones={zones}
          countryZones={countryZones}
          countryName={countries.find((option) => option.value === country)?.label ?? null}
        />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? t('auth.signupPending') : t('auth.signupSubmit')}
        </Button>
      </Form>
      <p className="mt-6 text-sm text-slate-600">
        {t('auth.haveAccount')}{' '}
        <Link to={redirectTo ? `/login?${new URLSearchParams({ redirectTo })}` : '/login'} className="font-semibold text-brand-700 underline">
          {t('nav.signIn')}
        </Link>
      </p>
    </section>
  )
}
