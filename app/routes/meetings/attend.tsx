import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, useNavigation } from 'react-router'
import type { Route } from './+types/attend'
import { CsrfInput } from '~/components/csrf-input'
import { Button, buttonClass } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { FormErrors } from '~/components/ui/form-errors'
import { getOptionalUser } from '~/domain/accounts/session.server'
import { formatSlotInZone } from '~/domain/matchmaking/slot-finder'
import { answerAttendanceByLink, attendanceLinkView, ATTENDANCE_FORM_ERRORS } from '~/domain/meetings/attendance.server'
import { AttendanceAnswerSchema } from '~/domain/meetings/schemas'
import { pageTitle } from '~/lib/meta'
import { requestNow } from '~/utils/clock.server'
import { validateCsrf } from '~/utils/csrf.server'
import { resolveLocale, resolveTimeZone } from '~/utils/preferences.server'
import { formErrorFromDomain } from '~/utils/route-errors.server'
import { redirectWithToast } from '~/utils/toast.server'

// The page a confirmation mail links to (docs/meeting-attendance.md). The signed token in the URL is the
// only credential: it answers for one side of one meeting until its start. Opening the link changes
// nothing (mail scanners open links); the answer is the one button pressed here.

export const meta: Route.MetaFunction = (args) => [...pageTitle(args, (t) => [t('attendance.page.title')]), { name: 'robots', content: 'noindex' }]

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await getOptionalUser(request)
  const locale = await resolveLocale(request, user)
  const view = await attendanceLinkView(params.token, requestNow(request))
  const timeZone = user ? resolveTimeZone(request, user).timeZone : view.ownTimeZone
  const chosen = new URL(request.url).searchParams.get('answer')
  return {
    meetingId: view.meetingId,
    status: view.status,
    otherName: view.otherName,
    when: `${formatSlotInZone({ start: view.startsAt, end: view.endsAt }, { locale, timeZone })} (${timeZone})`,
    answer: view.answer,
    chosen: chosen === 'decline' ? ('decline' as const) : ('confirm' as const),
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: AttendanceAnswerSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  try {
    await answerAttendanceByLink(params.token, submission.value.answer, requestNow(request))
  } catch (error) {
    return formErrorFromDomain(submission, error, { only: ATTENDANCE_FORM_ERRORS })
  }
  return redirectWithToast(
    `/meetings/attend/${params.token}`,
    submission.value.answer === 'confirm' ? 'attendance.toast.confirmed' : 'attendance.toast.cantMakeIt',
  )
}

function AnswerButton({ answer, label, primary }: { answer: 'confirm' | 'decline'; label: string; primary: boolean }) {
  const navigation = useNavigation()
  return (
    <Form method="post">
      <CsrfInput />
      <input type="hidden" name="answer" value={answer} />
      <Button type="submit" variant={primary ? (answer === 'decline' ? 'danger' : 'primary') : 'secondary'} disabled={navigation.state !== 'idle'}>
        {label}
      </Button>
    </Form>
  )
}

export default function AttendRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { meetingId, status, otherName, when, answer, chosen } = loaderData
  const errors = (actionData?.result as { error?: Record<string, string[]> } | undefined)?.error?.['']
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t('attendance.page.title')}</h1>
      <Card id="attendance" title={t('attendance.page.intro', { name: otherName, time: when })}>
        <div className="space-y-4" data-testid="attendance-link">
          {errors ? <FormErrors id="attendance-errors" errors={errors} /> : null}
          {answer === 'confirmed' ? (
            <p className="text-sm font-medium text-emerald-800">{t('attendance.page.confirmed')}</p>
          ) : answer === 'declined' ? (
            <>
              <p className="text-sm font-medium">{t('attendance.page.declined', { name: otherName })}</p>
              <p className="text-sm text-slate-600">{t('attendance.page.rescheduleHint')}</p>
            </>
          ) : status !== 'ACCEPTED' ? (
            <p className="text-sm">{t('attendance.page.closed', { status })}</p>
          ) : null}
          {status === 'ACCEPTED' ? (
            <>
              <div className="flex flex-wrap gap-2">
                {answer !== 'confirmed' ? <AnswerButton answer="confirm" label={t('attendance.page.confirm')} primary={chosen === 'confirm'} /> : null}
                <AnswerButton answer="decline" label={t('attendance.page.decline')} primary={chosen === 'decline'} />
              </div>
              <p className="text-xs text-slate-600">{t('attendance.page.declineHint', { name: otherName })}</p>
            </>
          ) : null}
          <Link to={`/meetings/${meetingId}`} className={buttonClass('secondary')}>
            {t('attendance.page.openMeeting')}
          </Link>
        </div>
      </Card>
    </div>
  )
}
