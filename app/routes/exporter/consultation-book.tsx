import { getFormProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, useNavigation } from 'react-router'
import type { Route } from './+types/consultation-book'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { FieldErrors, SelectField } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { requireExporterMember } from '~/domain/accounts/permissions.server'
import { pickTranslation } from '~/domain/catalog/translations'
import { bookConsultation, freeSlotsOf, getOfficer } from '~/domain/consultations/consultations.server'
import { BookConsultationSchema } from '~/domain/consultations/schemas'
import { CONSULTATION_TOPICS } from '~/domain/consultations/topics'
import { getPrisma } from '~/domain/db.server'
import { formatSlotInZone } from '~/domain/matchmaking/slot-finder'
import { countryName } from '~/lib/countries'
import { pageTitle } from '~/lib/meta'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { consumeTradeBudget } from '~/utils/rate-limit.server'
import { getClientIp } from '~/utils/request.server'
import { resolveLocale, resolveTimeZone } from '~/utils/preferences.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('consultations.book.pageTitle')])

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, membership } = await requireExporterMember(request)
  const locale = await resolveLocale(request, user)
  const viewerZone = resolveTimeZone(request, user).timeZone
  const now = requestNow(request)
  const officer = await getOfficer(params.officerId)
  const prisma = await getPrisma()
  const [slots, products] = await Promise.all([
    freeSlotsOf(officer, now),
    prisma.product.findMany({
      where: { companyId: membership.company.id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: 50,
      select: { id: true, translations: { select: { locale: true, name: true } } },
    }),
  ])
  const market = new URL(request.url).searchParams.get('market')?.toUpperCase()
  return {
    officer: { officeName: officer.officeName, name: officer.user.name, timeZone: officer.timeZone, bio: officer.bio },
    viewerZone,
    markets: officer.markets.map((code) => ({ value: code, label: countryName(code, locale) })),
    defaultMarket: market && officer.markets.includes(market) ? market : (officer.markets[0] ?? ''),
    products: products.map((product) => ({ id: product.id, name: pickTranslation(product.translations, locale)?.name ?? product.id })),
    // Labels made here, once, so server and browser render the same text: each slot in both zones.
    slots: slots.map((slot) => ({
      start: slot.start.toISOString(),
      mine: formatSlotInZone(slot, { locale, timeZone: viewerZone }),
      officer: formatSlotInZone(slot, { locale, timeZone: officer.timeZone }),
    })),
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user } = await requireExporterMember(request)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: BookConsultationSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  // Anti-automation: a booking costs a point of the account's and the address's daily budget, like a meeting request.
  const budget = await consumeTradeBudget('meetingRequest', { userId: user.id, ip: getClientIp(request) })
  if (!budget.allowed) {
    return data(
      { result: submission.reply({ formErrors: ['consultations.errors.tooMany'] }) },
      { status: 429, headers: { 'Retry-After': String(budget.retryAfterSeconds) } },
    )
  }
  let consultationId: string
  try {
    consultationId = await bookConsultation(user, params.officerId, submission.value, requestNow(request))
  } catch (error) {
    return formErrorFromDomain(submission, error, { only: ['slot-unavailable', 'market-not-advised', 'unknown-product'] })
  }
  return redirectWithToast(`/consultations/${consultationId}`, 'consultations.toast.booked')
}

export default function BookConsultation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const { officer, viewerZone, markets, defaultMarket, products, slots } = loaderData
  const [form, fields] = useForm({
    id: 'book-consultation',
    defaultValue: { market: defaultMarket, topic: 'MARKET_ENTRY' },
    lastResult: navigation.state === 'idle' ? actionData?.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: BookConsultationSchema }),
    shouldValidate: 'onSubmit',
  })
  const slotErrorId = 'slot-error'
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight">{t('consultations.book.title', { office: officer.officeName })}</h1>
        <p className="text-sm text-slate-600">
          {officer.name} · {officer.timeZone}
        </p>
        {officer.bio ? <p className="mt-2 text-sm text-slate-700">{officer.bio}</p> : null}
      </header>
      <Form method="post" className="space-y-6" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="intent" value="book" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Card id="slot" title={t('consultations.book.chooseTime')}>
          <fieldset aria-describedby={fields.slotStart.errors?.length ? slotErrorId : undefined}>
            <legend className="text-sm text-slate-600">{t('consultations.book.bothZones', { mine: viewerZone, officer: officer.timeZone })}</legend>
            {slots.length === 0 ? (
              <p className="mt-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">{t('consultations.book.noSlots')}</p>
            ) : (
              <ul className="mt-2 max-h-96 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2" data-testid="consultation-slots">
                {slots.map((slot, index) => (
                  <li key={slot.start}>
                    <label
                      htmlFor={`slot-${index}`}
                      className="flex cursor-pointer items-start gap-3 rounded-md p-2 hover:bg-slate-50 has-[:checked]:bg-brand-50"
                    >
                      <input id={`slot-${index}`} type="radio" name={fields.slotStart.name} value={slot.start} required className="mt-1" />
                      <span className="text-sm" data-testid="consultation-slot" data-start={slot.start}>
                        <span className="block font-medium" data-testid="slot-mine">
                          {t('consultations.book.yourTime', { zone: viewerZone, time: slot.mine })}
                        </span>
                        <span className="block text-xs text-slate-600" data-testid="slot-officer">
                          {t('consultations.book.officerTime', { office: officer.officeName, zone: officer.timeZone, time: slot.officer })}
                        </span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
            <FieldErrors id={slotErrorId} errors={fields.slotStart.errors} />
          </fieldset>
        </Card>
        <Card id="about" title={t('consultations.book.about')}>
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField label={t('consultations.book.market')} errors={fields.market.errors} options={markets} selectProps={getSelectProps(fields.market)} />
            <SelectField
              label={t('consultations.book.topic')}
              errors={fields.topic.errors}
              options={CONSULTATION_TOPICS.map((topic) => ({ value: topic, label: t(`consultations.topics.${topic}`) }))}
              selectProps={getSelectProps(fields.topic)}
            />
          </div>
          <div className="mt-4">
            <label htmlFor={fields.question.id} className="block text-sm font-medium text-slate-800">
              {t('consultations.book.question')}
            </label>
            <textarea
              {...getTextareaProps(fields.question)}
              rows={4}
              maxLength={4000}
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
            <FieldErrors id={fields.question.errorId} errors={fields.question.errors} />
          </div>
          {products.length > 0 ? (
            <fieldset className="mt-4">
              <legend className="text-sm font-medium text-slate-800">{t('consultations.book.products')}</legend>
              <ul className="mt-2 grid gap-1 sm:grid-cols-2">
                {products.map((product) => (
                  <li key={product.id}>
                    <label className="flex items-center gap-2 text-sm">
                      <input type="checkbox" name={fields.productIds.name} value={product.id} />
                      {product.name}
                    </label>
                  </li>
                ))}
              </ul>
              <FieldErrors id={fields.productIds.errorId} errors={fields.productIds.errors} />
            </fieldset>
          ) : null}
        </Card>
        <Button type="submit" disabled={navigation.state !== 'idle' || slots.length === 0}>
          {navigation.state === 'submitting' ? t('common.loading') : t('consultations.book.submit')}
        </Button>
      </Form>
    </div>
  )
}
