import { parseWithZod } from '@conform-to/zod/v4'
import { data } from 'react-router'
import { requireUser } from '~/domain/accounts/session.server'
import { pickTranslation } from '~/domain/catalog/translations'
import {
  addConsultationTask,
  cancelConsultation,
  confirmConsultation,
  getConsultationFor,
  recordConsultationOutcome,
  saveAdvisorNotes,
  setConsultationTaskDone,
} from '~/domain/consultations/consultations.server'
import { roomState } from '~/domain/meetings/room-window'
import { ConsultationActionSchema } from '~/domain/consultations/schemas'
import { formatSlotInZone } from '~/domain/matchmaking/slot-finder'
import { countryName } from '~/lib/countries'
import { formatDate } from '~/lib/time'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { resolveLocale, resolveTimeZone } from '~/utils/preferences.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'

type ConsultationView = Awaited<ReturnType<typeof getConsultationFor>>['consultation']

/**
 * The slot in the reader's zone, the company's (its requester's own zone first) and the trade officer's,
 * for the consultation page and its room. Formatted here so the server and the browser render identical text.
 */
export function consultationTimes(consultation: ConsultationView, locale: string, viewerZone: string) {
  const interval = { start: consultation.startsAt, end: consultation.endsAt }
  const exporterZone = consultation.requester.timeZone ?? consultation.company.timeZone
  return [
    { key: 'viewer', label: viewerZone, text: formatSlotInZone(interval, { locale, timeZone: viewerZone }) },
    { key: 'exporter', label: `${consultation.company.name} · ${exporterZone}`, text: formatSlotInZone(interval, { locale, timeZone: exporterZone }) },
    {
      key: 'officer',
      label: `${consultation.officer.officeName} · ${consultation.officer.timeZone}`,
      text: formatSlotInZone(interval, { locale, timeZone: consultation.officer.timeZone }),
    },
  ]
}

/** The consultation as one of its two participants sees it, with its time in both parties' zones. */
export async function loadConsultation(request: Request, consultationId: string) {
  const user = await requireUser(request)
  const { consultation, side } = await getConsultationFor(user, consultationId)
  const locale = await resolveLocale(request, user)
  const now = requestNow(request)
  const viewerZone = resolveTimeZone(request, user).timeZone
  const open = consultation.status === 'REQUESTED' || consultation.status === 'CONFIRMED'
  const room = consultation.status === 'CONFIRMED' ? roomState(consultation, now).state : 'closed'
  return {
    side,
    id: consultation.id,
    status: consultation.status,
    title: `${consultation.officer.officeName} × ${consultation.company.name}`,
    startsAt: consultation.startsAt.toISOString(),
    market: countryName(consultation.market, locale),
    topic: consultation.topic,
    question: consultation.question,
    advisorNotes: consultation.advisorNotes,
    company: {
      name: consultation.company.name,
      overseasKorean: consultation.company.overseasKorean,
      residence: consultation.company.residenceCountry ? countryName(consultation.company.residenceCountry, locale) : null,
    },
    requesterName: consultation.requester.name,
    officer: { officeName: consultation.officer.officeName, name: consultation.officer.user.name },
    products: consultation.products.map(({ product }) => ({ id: product.id, name: pickTranslation(product.translations, locale)?.name ?? product.id })),
    tasks: consultation.tasks.map((task) => ({
      id: task.id,
      title: task.title,
      dueOn: task.dueOn ? formatDate(task.dueOn, { locale, timeZone: 'UTC' }) : null,
      done: task.doneAt !== null,
    })),
    joined: { officer: consultation.officerJoinedAt !== null, requester: consultation.requesterJoinedAt !== null },
    times: consultationTimes(consultation, locale, viewerZone),
    can: {
      confirm: side === 'officer' && consultation.status === 'REQUESTED' && consultation.endsAt > now,
      cancel: open && consultation.endsAt > now,
      enterRoom: room === 'open' && consultation.liveSessionId !== null,
      roomSoon: room === 'early',
      writeNotes: side === 'officer' && (consultation.status === 'CONFIRMED' || consultation.status === 'HELD' || consultation.status === 'NO_SHOW'),
      recordOutcome:
        side === 'officer' &&
        (consultation.status === 'CONFIRMED' || consultation.status === 'HELD' || consultation.status === 'NO_SHOW') &&
        now >= consultation.startsAt,
    },
  }
}

const FORM_ERRORS = ['invalid-transition', 'too-early'] as const

export async function handleConsultationAction(request: Request, consultationId: string) {
  const user = await requireUser(request)
  // Only the two participants get past this (404 for anyone else), before the form is read.
  await getConsultationFor(user, consultationId)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: ConsultationActionSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const input = submission.value
  const now = requestNow(request)
  let toastKey: string
  try {
    switch (input.intent) {
      case 'confirm':
        await confirmConsultation(user, consultationId, now)
        toastKey = 'consultations.toast.confirmed'
        break
      case 'cancel':
        await cancelConsultation(user, consultationId, now)
        toastKey = 'consultations.toast.cancelled'
        break
      case 'notes':
        await saveAdvisorNotes(user, consultationId, input.advisorNotes)
        toastKey = 'consultations.toast.notesSaved'
        break
      case 'outcome':
        await recordConsultationOutcome(user, consultationId, input.status, now)
        toastKey = input.status === 'HELD' ? 'consultations.toast.held' : 'consultations.toast.noShow'
        break
      case 'add-task':
        await addConsultationTask(user, consultationId, input)
        toastKey = 'consultations.toast.taskAdded'
        break
      case 'toggle-task':
        await setConsultationTaskDone(user, consultationId, input.taskId, input.done, now)
        toastKey = input.done ? 'consultations.toast.taskDone' : 'consultations.toast.taskReopened'
        break
    }
  } catch (error) {
    return formErrorFromDomain(submission, error, { only: FORM_ERRORS })
  }
  return redirectWithToast(`/consultations/${consultationId}`, toastKey)
}
