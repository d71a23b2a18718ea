import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { clsx } from 'clsx'
import { Button } from '~/components/ui/button'
import { VerifiedBuyerBadge } from '~/components/verified-buyer'
import type { LiveRoom } from '~/live/use-live-room'
import { CHAT_MAX_LENGTH, type ChatMessageView } from '~/protocol/live'
import { measureText } from '~/lib/chat-length'
import { stripHiddenCharacters } from '~/lib/plain-text'
import { useRootData } from '~/lib/use-root-data'
import { formatDateTime, formatDate, formatTime } from '~/lib/time'
import { AudienceCount } from './audience-count'
import { LinkifiedText } from './linkified-text'

// The counter appears when this few characters are left.
const COUNTER_FROM = 100

function authorTarget(message: ChatMessageView): { userId: string } | { guestKey: string } {
  return message.author.kind === 'user' ? { userId: message.author.id } : { guestKey: message.author.key }
}

/** One message as the chat shows it: the author (exporters highlighted), then the text with its links (live and replay). */
export function ChatMessageText({ message }: { message: ChatMessageView }) {
  return (
    <p className="text-sm">
      <span className={clsx('font-semibold', message.author.kind === 'user' && message.author.role === 'EXPORTER' ? 'text-brand-700' : 'text-slate-800')}>
        {message.author.name}
      </span>{' '}
      {message.author.kind === 'user' && message.author.verifiedBuyer ? (
        <>
          <VerifiedBuyerBadge badge={message.author.verifiedBuyer} />{' '}
        </>
      ) : null}
      <span className="break-words text-slate-800">
        <LinkifiedText text={message.body} />
      </span>
    </p>
  )
}

function MessageItem({ message, room, canModerate, isPinned }: { message: ChatMessageView; room: LiveRoom; canModerate: boolean; isPinned: boolean }) {
  const { t } = useTranslation()
  const own = room.state.you?.key === (message.author.kind === 'user' ? `u:${message.author.id}` : `g:${message.author.key}`)
  return (
    <li className="group rounded-md px-2 py-1 hover:bg-slate-50" data-testid="chat-message" data-message-id={message.id}>
      <ChatMessageText message={message} />
      {canModerate ? (
        <div className="mt-0.5 flex flex-wrap gap-2 text-xs" aria-label={t('liveRoom.moderate', { name: message.author.name })}>
          <button type="button" className="text-slate-600 underline" onClick={() => void room.pinMessage(isPinned ? null : message.id)}>
            {isPinned ? t('liveRoom.unpin') : t('liveRoom.pin')}
          </button>
          <button type="button" className="text-red-700 underline" onClick={() => void room.deleteMessage(message.id)}>
            {t('liveRoom.delete')}
          </button>
          {!own ? (
            <>
              <button type="button" className="text-slate-600 underline" onClick={() => void room.sanction(authorTarget(message), 'MUTE', 10)}>
                {t('liveRoom.mute')}
              </button>
              <button type="button" className="text-red-700 underline" onClick={() => void room.sanction(authorTarget(message), 'BAN')}>
                {t('liveRoom.ban')}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
    </li>
  )
}

/** Chat of a live session: history, live messages, composer with limits, moderation for the host. */
/** A time today as "14:05"; a later day with its date (a mute can last until tomorrow). */
function formatUntil(value: string, options: { locale: string; timeZone: string }): string {
  return formatDate(value, options) === formatDate(new Date(), options) ? formatTime(value, options) : formatDateTime(value, options)
}

export function ChatPanel({
  room,
  guestName: chosenGuestName,
  onGuestName,
}: {
  room: LiveRoom
  guestName?: string | null
  onGuestName?: (name: string) => void
}) {
  const { t } = useTranslation()
  const { state } = room
  const [draft, setDraft] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [guestName, setGuestName] = useState('')
  const listRef = useRef<HTMLOListElement>(null)

  useEffect(() => {
    const list = listRef.current
    if (list) list.scrollTop = list.scrollHeight
  }, [state.messages.length])

  // Fire and forget from onSubmit: a refusal is shown in the form; the acknowledgement never rejects.
  async function send(event: React.SubmitEvent) {
    event.preventDefault()
    const body = draft.trim()
    if (!body) return
    const result = await room.sendMessage(body)
    if (result.ok) {
      setDraft('')
      setError(null)
    } else {
      // The server says why (app/protocol/live.ts LIVE_ERROR_CODES); the text is ours, in the reader's language.
      setError(
        t(`liveRoom.errors.${result.error.code}`, {
          seconds: Math.max(1, Math.ceil((result.error.retryAfterMs ?? 0) / 1000)),
          max: CHAT_MAX_LENGTH,
          defaultValue: t('liveRoom.errors.internal'),
        }),
      )
    }
  }

  const canModerate = state.you?.canModerate ?? false
  const { locale, timeZone } = useRootData()
  const blocked =
    state.sanction?.kind === 'BAN'
      ? t('liveRoom.youAreBanned')
      : state.sanction?.kind === 'MUTE'
        ? state.sanction.until
          ? t('liveRoom.youAreMutedUntil', { time: formatUntil(state.sanction.until, { locale, timeZone }) })
          : t('liveRoom.youAreMuted')
        : null
  // Guests pick the name shown next to their messages before they can write.
  const needsGuestName = Boolean(state.you?.key.startsWith('g:') && !chosenGuestName)
  // Counted as the server counts: hidden characters dropped, trimmed, one per character people see.
  const { length, over } = measureText(stripHiddenCharacters(draft).trim(), CHAT_MAX_LENGTH)
  const closed = state.chatClosed
  const offline = state.connection !== 'connected' || !state.you
  const describedBy = [closed ? 'chat-closed' : null, 'chat-counter', over > 0 ? 'chat-too-long' : null, error ? 'chat-error' : null].filter(Boolean).join(' ')

  return (
    <section aria-labelledby="chat-title" className="flex h-full min-h-80 flex-col rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <header className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
        <h2 id="chat-title" className="font-semibold">
          {t('liveRoom.chat')}
        </h2>
        <AudienceCount count={state.viewerCount} className="text-xs text-slate-600" testId="chat-presence" />
      </header>
      {state.pinnedMessage ? (
        <div className="border-b border-amber-200 bg-amber-50 px-3 py-2 text-sm" data-testid="pinned-message">
          <span className="mr-1 text-xs font-semibold uppercase text-amber-800">{t('liveRoom.pinned')}</span>
          <span className="font-semibold">{state.pinnedMessage.author.name}</span> <LinkifiedText text={state.pinnedMessage.body} />
        </div>
      ) : null}
      <ol ref={listRef} aria-live="polite" aria-relevant="additions" className="flex-1 space-y-0.5 overflow-y-auto p-2" style={{ maxHeight: '28rem' }}>
        {state.messages.map((message) => (
          <MessageItem key={message.id} message={message} room={room} canModerate={canModerate} isPinned={state.pinnedMessage?.id === message.id} />
        ))}
      </ol>
      <footer className="border-t border-slate-100 p-2">
        {state.slowModeSeconds > 0 && !closed ? (
          <p className="mb-1 text-xs text-slate-600">{t('liveRoom.slowMode', { seconds: state.slowModeSeconds })}</p>
        ) : null}
        {blocked && !closed ? (
          <p role="status" className="text-sm text-red-700">
            {blocked}
          </p>
        ) : needsGuestName && onGuestName && !closed ? (
          <form
            className="space-y-1"
            onSubmit={(event) => {
              event.preventDefault()
              if (guestName.trim()) onGuestName(guestName.trim())
            }}
          >
            {/* A visible label above the field, not a placeholder: beside the button a placeholder was cut
                off in the narrow chat column, in every language (e2e/languages.spec.ts). */}
            <label className="block text-xs font-medium text-slate-700" htmlFor="guest-name">
              {t('liveRoom.guestNameLabel')}
            </label>
            <div className="flex gap-2">
              <input
                id="guest-name"
                value={guestName}
                maxLength={40}
                onChange={(e) => setGuestName(e.target.value)}
                className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
              />
              <Button type="submit">{t('liveRoom.joinAsGuest')}</Button>
            </div>
          </form>
        ) : state.joinError ? (
          <p role="status" className="text-sm text-slate-700">
            {t(`liveRoom.errors.${state.joinError.code}`, { defaultValue: t('liveRoom.errors.internal') })}
          </p>
        ) : state.you && !state.you.canChat && !closed ? (
          // Signed out of the chat without a sanction: a guest admitted watch-only over its network's budget.
          <p className="text-sm text-slate-600">{t('liveRoom.errors.guest-limit')}</p>
        ) : (
          <form onSubmit={(event) => void send(event)} className="space-y-1">
            {closed ? (
              <p id="chat-closed" role="status" className="text-sm font-medium text-slate-700">
                {t('liveRoom.chatClosed')}
              </p>
            ) : null}
            <div className="flex gap-2">
              <label className="sr-only" htmlFor="chat-input">
                {t('liveRoom.messageLabel')}
              </label>
              {/* No maxLength: a pasted message stays whole, and the counter says how much is over. */}
              <input
                id="chat-input"
                value={draft}
                onChange={(e) => {
                  setDraft(e.target.value)
                  setError(null)
                }}
                placeholder={t('liveRoom.messagePlaceholder')}
                disabled={closed || offline}
                className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm aria-invalid:border-red-600"
                aria-invalid={over > 0 || undefined}
                aria-describedby={describedBy}
              />
              <Button
                type="submit"
                disabled={closed || offline || length === 0 || over > 0}
                aria-describedby={over > 0 ? 'chat-too-long' : closed ? 'chat-closed' : undefined}
              >
                {t('liveRoom.send')}
              </Button>
            </div>
            <div className="flex justify-between gap-2 text-xs">
              <span id="chat-error" role="alert" className="text-red-700">
                {over > 0 ? null : error}
              </span>
              <span id="chat-counter" data-testid="chat-counter" className={over > 0 ? 'shrink-0 font-semibold text-red-700' : 'shrink-0 text-slate-600'}>
                {over > 0
                  ? t('liveRoom.charactersOver', { count: over })
                  : length > CHAT_MAX_LENGTH - COUNTER_FROM
                    ? t('liveRoom.charactersLeft', { count: CHAT_MAX_LENGTH - length })
                    : null}
              </span>
            </div>
            {over > 0 ? (
              <p id="chat-too-long" role="status" className="text-xs text-red-700">
                {t('liveRoom.tooLongToSend', { max: CHAT_MAX_LENGTH })}
              </p>
            ) : null}
          </form>
        )}
      </footer>
    </section>
  )
}
