import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect } from 'react-router'
import { requireUser } from '~/domain/accounts/session.server'
import { findMeetingCounterpart } from '~/domain/meetings/counterpart.server'
import { findMeetingSlots, requestMeeting } from '~/domain/meetings/meetings.server'
import { RequestMeetingSchema } from '~/domain/meetings/schemas'
import { formatSlotForViewer } from '~/domain/matchmaking/slot-finder'
import { languageOptions } from '~/lib/languages'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { consumeTradeBudget } from '~/utils/rate-limit.server'
import { getClientIp } from '~/utils/request.server'
import { resolveLocale, resolveTimeZone } from '~/utils/preferences.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'

/** Who the meeting is with, from ?company=<slug> (buyers) or ?buyer=<profile id> (exporters). */
async function resolveCounterpart(request: Request) {
  const user = await requireUser(request)
  const locale = await resolveLocale(request, user)
  const url = new URL(request.url)
  const companySlug = url.searchParams.get('company')
  if (user.role === 'BUYER' && companySlug && !user.buyerProfile) throw redirect('/buyer/profile')
  const counterpart = await findMeetingCounterpart(
    user,
    { fairSlug: url.searchParams.get('fair'), companySlug, buyerId: url.searchParams.get('buyer') },
    locale,
  )
  return { user, counterpart, locale }
}

export async function loadNewMeeting(request: Request) {
  const { user, counterpart, locale } = await resolveCounterpart(request)
  const now = requestNow(request)
  const viewerZone = resolveTimeZone(request, user).timeZone
  const { slots } = await findMeetingSlots({ buyerId: counterpart.buyerId, companyId: counterpart.companyId }, { now })
  return {
    counterpart: { name: counterpart.name, timeZone: counterpart.timeZone },
    viewerZone,
    languages: languageOptions(locale),
    // Labels are made here, once, so server and browser render the same text.
    slots: slots.map((slot) => ({
      start: slot.start.toISOString(),
      ...formatSlotForViewer(slot, { locale, viewerTimeZone: viewerZone, otherTimeZone: counterpart.timeZone }),
    })),
  }
}

export async function handleNewMeeting(request: Request) {
  const { user, counterpart } = await resolveCounterpart(request)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: RequestMeetingSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  // Anti-automation: each valid request costs a point of the account's and the address's daily budget.
  const budget = await consumeTradeBudget('meetingRequest', { userId: user.id, ip: getClientIp(request) })
  if (!budget.allowed) {
    return data(
      { result: submission.reply({ formErrors: [`meetings.errors.tooMany|${Math.ceil(budget.retryAfterSeconds / 60)}`] }) },
      { status: 429, headers: { 'Retry-After': String(budget.retryAfterSeconds) } },
    )
  }
  let meetingId: string
  try {
    meetingId = await requestMeeting(user, counterpart.target, { ...submission.value, fairId: counterpart.fairId }, requestNow(request))
  } catch (error) {
    return formErrorFromDomain(submission, error, { only: ['slot-unavailable'], field: 'slotStart' })
  }
  return redirectWithToast(`/meetings/${meetingId}`, 'meetings.toast.requested')
}
