import { parseWithZod } from '@conform-to/zod/v4'
import { data } from 'react-router'
import { requireUser } from '~/domain/accounts/session.server'
import {
  acceptMeeting,
  cancelMeeting,
  declineMeeting,
  findMeetingSlots,
  MEETING_FORM_ERRORS,
  proposeNewTime,
  recordOutcome,
  seatInterpreter,
} from '~/domain/meetings/meetings.server'
import { ATTENDANCE_FORM_ERRORS, answerAttendanceAsUser, rescheduleMeeting } from '~/domain/meetings/attendance.server'
import { getMeetingView, requireMeetingAccess } from '~/domain/meetings/queries.server'
import { MeetingActionSchema } from '~/domain/meetings/schemas'
import { formatSlotForViewer, formatSlotInZone } from '~/domain/matchmaking/slot-finder'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { resolveLocale, resolveTimeZone } from '~/utils/preferences.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'

export async function loadMeeting(request: Request, meetingId: string) {
  const user = await requireUser(request)
  const { side, agency } = await requireMeetingAccess(user, meetingId)
  const locale = await resolveLocale(request, user)
  const now = requestNow(request)
  const viewerZone = resolveTimeZone(request, user).timeZone
  const meeting = await getMeetingView(meetingId, { locale, viewer: user })
  const interval = { start: new Date(meeting.startsAt), end: new Date(meeting.endsAt) }
  const pending = meeting.status === 'REQUESTED' || meeting.status === 'RESCHEDULE_PROPOSED'
  const canRespond = pending && (side === 'buyer' || side === 'exporter') && meeting.proposer !== side
  const otherName = side === 'buyer' ? meeting.company.name : meeting.buyer.companyName
  const canSeatInterpreter = side === 'organizer' && meeting.status === 'ACCEPTED' && meeting.interpreterLanguage !== null
  const proposals = canRespond
    ? (await findMeetingSlots({ buyerId: meeting.buyerId, companyId: meeting.companyId, excludeMeetingId: meetingId }, { now })).slots.map((slot) => ({
        start: slot.start.toISOString(),
        ...formatSlotForViewer(slot, { locale, viewerTimeZone: viewerZone, otherTimeZone: meeting.otherTimeZone }),
      }))
    : []
  return {
    side,
    // An agency member acts here for the company (ADR 026): the page says so.
    actingAgency: agency ? { agency: agency.agency.name, company: agency.company.name } : null,
    meeting,
    otherName,
    viewerZone,
    canRespond,
    canSeatInterpreter,
    started: now.getTime() >= interval.start.getTime(),
    times: {
      viewer: formatSlotInZone(interval, { locale, timeZone: viewerZone }),
      buyer: formatSlotInZone(interval, { locale, timeZone: meeting.buyer.timeZone }),
      exporter: formatSlotInZone(interval, { locale, timeZone: meeting.company.timeZone }),
    },
    proposals,
  }
}

export async function handleMeetingAction(request: Request, meetingId: string) {
  const user = await requireUser(request)
  // `agency`: an agency member acting for the company, its MEETINGS grant read now and again in each mutation.
  const { side, agency } = await requireMeetingAccess(user, meetingId)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: MeetingActionSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const input = submission.value
  // The organizer (or an admin) only seats interpreters; the parties do everything else; a seated
  // interpreter only reads.
  const allowed = input.intent === 'seat-interpreter' ? side === 'organizer' : side === 'buyer' || side === 'exporter'
  if (!allowed) throw data({ reason: 'forbidden' }, { status: 403 })
  const now = requestNow(request)
  let toastKey: string
  let target = `/meetings/${meetingId}`
  try {
    switch (input.intent) {
      case 'seat-interpreter':
        await seatInterpreter(user, meetingId, input.email)
        toastKey = 'meetings.toast.interpreterSeated'
        break
      case 'accept':
        await acceptMeeting(user, meetingId, now, agency)
        toastKey = 'meetings.toast.accepted'
        break
      case 'decline':
        await declineMeeting(user, meetingId, agency, now)
        toastKey = 'meetings.toast.declined'
        break
      case 'propose':
        await proposeNewTime(user, meetingId, input.slotStart, now, agency)
        toastKey = 'meetings.toast.proposed'
        break
      case 'cancel':
        await cancelMeeting(user, meetingId, now, agency)
        toastKey = 'meetings.toast.cancelled'
        break
      case 'outcome':
        await recordOutcome(user, meetingId, input, now, agency)
        toastKey = 'meetings.toast.outcome'
        break
      case 'confirm-attendance':
        await answerAttendanceAsUser(user, meetingId, 'confirm', now, agency)
        toastKey = 'attendance.toast.confirmed'
        break
      case 'cant-make-it':
        await answerAttendanceAsUser(user, meetingId, 'decline', now, agency)
        toastKey = 'attendance.toast.cantMakeIt'
        break
      case 'reschedule':
        target = `/meetings/${await rescheduleMeeting(user, meetingId, now, agency)}`
        toastKey = 'attendance.toast.rescheduled'
        break
    }
  } catch (error) {
    return formErrorFromDomain(submission, error, { only: [...MEETING_FORM_ERRORS, ...ATTENDANCE_FORM_ERRORS] })
  }
  return redirectWithToast(target, toastKey)
}
