import { parseWithZod } from '@conform-to/zod/v4'
import { data } from 'react-router'
import { requirePermission } from '~/domain/accounts/permissions.server'
import { actingCompanyChoice, chooseActingCompany } from '~/domain/agencies/actor.server'
import { agencyConsultationKpis } from '~/domain/agencies/consultation-kpis.server'
import { loadAgencyDashboard } from '~/domain/agencies/dashboard.server'
import { AgencyDashboardActionSchema, AgencyInboxFilterSchema } from '~/domain/agencies/schemas'
import { kpiPeriod } from '~/domain/consultations/kpi-period'
import { countryName } from '~/lib/countries'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { resolveLocale, resolveTimeZone } from '~/utils/preferences.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'

// /agency: one inbox across the companies the agency represents, those companies and their scopes, the
// agency's action log and KPIs; the company this session acts for is chosen here (ADR 026).

export async function loadAgencyPage(request: Request) {
  const user = await requirePermission(request, 'act:agency')
  const locale = await resolveLocale(request, user)
  const url = new URL(request.url)
  const filter = AgencyInboxFilterSchema.parse(Object.fromEntries(url.searchParams))
  const now = requestNow(request)
  // The consultation KPIs' period: calendar days in the viewer's zone, as on /organizer/consultations; a
  // refused period shows its message over the default one (the rest of the page is unaffected).
  const period = kpiPeriod({ from: url.searchParams.get('from'), to: url.searchParams.get('to') }, { now, timeZone: resolveTimeZone(request, user).timeZone })
  const [dashboard, consultations] = await Promise.all([
    loadAgencyDashboard(user.id, locale, filter, await actingCompanyChoice(request), now),
    agencyConsultationKpis(user.id, period.range),
  ])
  return {
    filter,
    ...dashboard,
    consultations: {
      from: period.from,
      to: period.to,
      error: period.error,
      kpis: { ...consultations, byMarket: consultations.byMarket.map((market) => ({ ...market, name: countryName(market.market, locale) })) },
    },
  }
}

export async function handleAgencyAction(request: Request) {
  const user = await requirePermission(request, 'act:agency')
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: AgencyDashboardActionSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  try {
    await chooseActingCompany(request, user, submission.value.companyId)
  } catch (error) {
    return formErrorFromDomain(submission, error, { only: ['agency-no-grant'] })
  }
  return redirectWithToast('/agency', 'agency.toast.actingFor')
}
