import { useTranslation } from 'react-i18next'
import { Form, Link, useNavigation } from 'react-router'
import { CsrfInput } from '~/components/csrf-input'
import { Button, buttonClass } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import type { AttendanceView } from '~/domain/meetings/attendance'
import { formatDateTime } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'

// The meeting page's attendance block (docs/meeting-attendance.md): when an open request expires, both
// sides' confirmations with the two answers, who could not make it, what the room saw, and the one-click
// reschedule of a meeting that did not happen.

const RESCHEDULABLE = ['DECLINED', 'EXPIRED', 'NO_SHOW', 'CANCELLED']

function IntentButton({ intent, label, variant }: { intent: string; label: string; variant: 'primary' | 'secondary' | 'danger' }) {
  const navigation = useNavigation()
  return (
    <Form method="post">
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <Button type="submit" variant={variant} disabled={navigation.state !== 'idle'}>
        {label}
      </Button>
    </Form>
  )
}

export function AttendanceCard({
  status,
  attendance,
  side,
  started,
  names,
}: {
  status: string
  attendance: AttendanceView
  side: 'buyer' | 'exporter' | 'organizer' | 'interpreter'
  started: boolean
  names: { buyer: string; exporter: string }
}) {
  const { t } = useTranslation()
  const { locale, timeZone } = useRootData()
  const party = side === 'buyer' || side === 'exporter'
  const other = side === 'buyer' ? names.exporter : names.buyer
  const pending = status === 'REQUESTED' || status === 'RESCHEDULE_PROPOSED'
  const accepted = status === 'ACCEPTED'
  const lines: string[] = []
  if (pending && attendance.respondBy)
    lines.push(t('attendance.detail.respondBy', { time: formatDateTime(attendance.respondBy, { locale, timeZone, withZone: true }) }))
  if (status === 'EXPIRED') lines.push(t('attendance.detail.expired'))
  if (attendance.cantMakeItBy) lines.push(t('attendance.detail.cantMakeItBy', { name: names[attendance.cantMakeItBy] }))
  if (attendance.absent) {
    const missing = (['buyer', 'exporter'] as const).filter((s) => attendance.absent?.[s]).map((s) => names[s])
    lines.push(
      missing.length === 0
        ? t('attendance.detail.roomHeld')
        : t('attendance.detail.roomAbsent', { names: new Intl.ListFormat(locale, { type: 'conjunction' }).format(missing) }),
    )
  }
  if (attendance.rescheduledFromId) lines.push(t('attendance.detail.rescheduledFrom'))
  const ownState = party ? attendance.confirmation[side] : null
  const canAnswer = party && accepted && !started
  const canReschedule = party && RESCHEDULABLE.includes(status) && !attendance.rescheduledAsId
  if (lines.length === 0 && !accepted && !canReschedule && !attendance.rescheduledAsId) return null
  return (
    <Card id="attendance" title={t('attendance.detail.title')}>
      <div className="space-y-3 text-sm" data-testid="meeting-attendance">
        {lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
        {accepted ? (
          <>
            <ul className="space-y-1" data-testid="confirmations">
              {(['buyer', 'exporter'] as const).map((s) => (
                <li key={s} data-side={s} data-state={attendance.confirmation[s]}>
                  {t('attendance.detail.side', { name: names[s], state: t(`attendance.detail.state.${attendance.confirmation[s]}`) })}
                </li>
              ))}
            </ul>
            {canAnswer ? (
              <>
                <p className="text-slate-600">{t('attendance.detail.ask')}</p>
                <div className="flex flex-wrap gap-2">
                  {ownState !== 'confirmed' ? <IntentButton intent="confirm-attendance" label={t('attendance.detail.confirm')} variant="primary" /> : null}
                  <IntentButton intent="cant-make-it" label={t('attendance.detail.cantMakeIt')} variant="secondary" />
                </div>
              </>
            ) : null}
          </>
        ) : null}
        {attendance.rescheduledAsId ? (
          <Link to={`/meetings/${attendance.rescheduledAsId}`} className={buttonClass('secondary')}>
            {t('attendance.detail.rescheduledAs')}
          </Link>
        ) : canReschedule ? (
          <div className="space-y-2 border-t border-slate-100 pt-3">
            <h3 className="font-semibold">{t('attendance.detail.rescheduleTitle')}</h3>
            <p className="text-slate-600">{t('attendance.detail.rescheduleHelp', { name: other })}</p>
            <IntentButton intent="reschedule" label={t('attendance.detail.reschedule')} variant="primary" />
          </div>
        ) : null}
      </div>
    </Card>
  )
}
