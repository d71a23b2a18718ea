import { useTranslation } from 'react-i18next'
import { Form, useNavigation } from 'react-router'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'

type SlotMeeting = { id: string; buyer: string; exporter: string; tableNumber: number | null; movable: boolean }

/**
 * One slot's meetings with their table, and (before the slot starts) a form per meeting to put it at another
 * table: the meeting there swaps with it (docs/fair-on-site.md, "Meeting tables").
 */
export function SlotMeetingTables({
  slotLabel,
  meetings,
  tableCount,
  open,
}: {
  slotLabel: string
  meetings: SlotMeeting[]
  tableCount: number
  open: boolean
}) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  if (meetings.length === 0) return <span className="text-slate-600">{t('onSite.setup.noMeetings')}</span>
  const tables = Array.from({ length: tableCount }, (_, i) => i + 1)
  return (
    <details>
      <summary className="cursor-pointer text-brand-700 underline">{t('onSite.setup.meetingsCount', { count: meetings.length })}</summary>
      <ul className="mt-2 space-y-2" aria-label={t('onSite.setup.meetingsOf', { slot: slotLabel })}>
        {meetings.map((meeting) => {
          const parties = t('onSite.setup.parties', { exporter: meeting.exporter, buyer: meeting.buyer })
          const selectId = `table-${meeting.id}`
          const busy = navigation.state !== 'idle' && navigation.formData?.get('meetingId') === meeting.id
          return (
            <li key={meeting.id} className="flex flex-wrap items-center gap-2">
              <span className="min-w-40 font-medium">{parties}</span>
              <span className="text-slate-700" data-testid="meeting-table">
                {meeting.tableNumber === null ? t('onSite.setup.heldOnline') : t('onSite.setup.tableNumber', { number: meeting.tableNumber })}
              </span>
              {open && meeting.movable && tableCount > 0 ? (
                <Form method="post" className="flex items-center gap-2">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="move-table" />
                  <input type="hidden" name="meetingId" value={meeting.id} />
                  <label htmlFor={selectId} className="sr-only">
                    {t('onSite.setup.moveTo', { parties })}
                  </label>
                  <select
                    id={selectId}
                    name="tableNumber"
                    defaultValue={meeting.tableNumber ?? 1}
                    className="rounded-md border border-slate-300 px-2 py-1 text-sm"
                  >
                    {tables.map((table) => (
                      <option key={table} value={table}>
                        {t('onSite.setup.tableNumber', { number: table })}
                      </option>
                    ))}
                  </select>
                  <Button type="submit" variant="secondary" disabled={busy} aria-busy={busy}>
                    {busy ? t('onSite.setup.moving') : t('onSite.setup.move')}
                  </Button>
                </Form>
              ) : null}
            </li>
          )
        })}
      </ul>
    </details>
  )
}
