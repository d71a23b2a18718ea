import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { RfqForm } from '~/components/rfq-form'
import { buttonClass } from '~/components/ui/button'
import { type LiveRoom, useLiveRoom } from '~/live/use-live-room'
import type { ParticipantView, PinnedProductView } from '~/protocol/live'
import { useRootData } from '~/lib/use-root-data'
import { ChatPanel } from './chat-panel'
import { PinnedProducts, ProductPinner } from './pinned-products'
import { ReactionBar } from './reaction-bar'

function ConnectionBadge({ room }: { room: LiveRoom }) {
  const { t } = useTranslation()
  const state = room.state.connection
  const tone = state === 'connected' ? 'bg-emerald-100 text-emerald-800' : state === 'offline' ? 'bg-red-100 text-red-800' : 'bg-amber-100 text-amber-800'
  return (
    <span role="status" data-testid="chat-connection" className={`rounded-full px-2 py-0.5 text-xs font-semibold ${tone}`}>
      {t(`liveRoom.connection.${state}`)}
    </span>
  )
}

/** A dialog with the RFQ form prefilled with the pinned product and this session. */
function QuoteDialog({ product, sessionId, onClose }: { product: PinnedProductView; sessionId: string; onClose: () => void }) {
  const { t } = useTranslation()
  const [sentId, setSentId] = useState<string | null>(null)
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="quote-dialog-title" className="fixed inset-0 z-40 flex items-center justify-center bg-slate-900/40 p-4">
      <div className="max-h-full w-full max-w-lg overflow-y-auto rounded-xl bg-white p-5 shadow-xl">
        <div className="mb-3 flex items-start justify-between gap-2">
          <h2 id="quote-dialog-title" className="text-lg font-semibold">
            {t('liveRoom.requestQuote')}: {product.name}
          </h2>
          <button type="button" onClick={onClose} className={buttonClass('ghost', 'min-h-8 px-2 py-1')}>
            {t('liveRoom.closeForm')}
          </button>
        </div>
        {sentId ? (
          <div role="status" className="space-y-3 text-sm">
            <p>{t('liveRoom.inquirySent')}</p>
            <Link to={`/inquiries/${sentId}`} target="_blank" className={buttonClass('secondary')}>
              {t('liveRoom.openInquiry')}
            </Link>
          </div>
        ) : (
          <RfqForm
            productId={product.id}
            liveSessionId={sessionId}
            defaults={{ quantity: product.moq, destinationCountry: 'US' }}
            incoterms={product.incoterms}
            certificationTypes={[...new Set(product.certifications.map((c) => c.type))]}
            inline={{ onSent: setSentId }}
          />
        )}
      </div>
    </div>
  )
}

/**
 * What a viewer has beside the video: chat, reactions, and the pinned product cards with
 * "Request quote" (for buyers) and any extra actions such as buying samples.
 */
export function ViewerRoomPanel({
  sessionId,
  renderProductActions,
}: {
  sessionId: string
  renderProductActions?: (product: PinnedProductView) => React.ReactNode
}) {
  const { t } = useTranslation()
  const { user } = useRootData()
  const [guestName, setGuestName] = useState<string | null>(null)
  const room = useLiveRoom(sessionId, { guestName })
  const [quoteFor, setQuoteFor] = useState<PinnedProductView | null>(null)
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-2">
        <ReactionBar onReact={(emoji) => void room.react(emoji)} burst={room.state.reactionBurst} />
        <ConnectionBadge room={room} />
      </div>
      <PinnedProducts
        products={room.state.pinnedProducts}
        onRequestQuote={user?.role === 'BUYER' ? setQuoteFor : undefined}
        renderExtraActions={(product) => (
          <>
            {!user ? (
              <Link to={`/login?redirectTo=${encodeURIComponent(`/live/${sessionId}`)}`} className={buttonClass('secondary', 'min-h-8 px-3 py-1 text-xs')}>
                {t('liveRoom.signInToChat')}
              </Link>
            ) : null}
            {renderProductActions?.(product)}
          </>
        )}
      />
      <ChatPanel room={room} guestName={user ? user.name : guestName} onGuestName={setGuestName} />
      {quoteFor ? <QuoteDialog product={quoteFor} sessionId={sessionId} onClose={() => setQuoteFor(null)} /> : null}
    </div>
  )
}

function ParticipantsList({ room }: { room: LiveRoom }) {
  const { t } = useTranslation()
  const [participants, setParticipants] = useState<ParticipantView[] | null>(null)
  return (
    <section aria-labelledby="participants-title" className="space-y-1 text-sm">
      <div className="flex items-center justify-between">
        <h3 id="participants-title" className="font-semibold">
          {t('liveRoom.participants')}
        </h3>
        <button
          type="button"
          className="text-xs underline"
          onClick={async () => {
            const result = await room.listParticipants()
            if (result.ok) setParticipants(result.participants)
          }}
        >
          {t('liveRoom.refreshParticipants')}
        </button>
      </div>
      {participants ? (
        <ul className="max-h-40 overflow-y-auto">
          {participants.map((p) => (
            <li key={p.key} className="flex justify-between">
              <span>{p.name}</span>
              <span className="text-xs text-slate-500">{p.role ? t(`roles.${p.role}`) : ''}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}

function BlockedWordsEditor({ room, initial }: { room: LiveRoom; initial: readonly string[] }) {
  const { t } = useTranslation()
  const [text, setText] = useState(initial.join('\n'))
  const [status, setStatus] = useState<string | null>(null)
  return (
    <form
      className="space-y-1 text-sm"
      onSubmit={async (event) => {
        event.preventDefault()
        const result = await room.setBlockedWords(text.split('\n').map((w) => w.trim()).filter((w) => w.length >= 2))
        setStatus(result.ok ? t('liveRoom.saved') : t(`liveRoom.errors.${result.error.code}`, { defaultValue: result.error.message }))
      }}
    >
      <label htmlFor="blocked-words" className="block font-semibold">
        {t('liveRoom.blockedWords')}
      </label>
      <textarea id="blocked-words" rows={3} value={text} onChange={(e) => setText(e.target.value)} className="block w-full rounded-md border border-slate-300 px-2 py-1" />
      <div className="flex items-center gap-2">
        <button type="submit" className={buttonClass('secondary', 'min-h-8 px-3 py-1 text-xs')}>
          {t('liveRoom.saveBlockedWords')}
        </button>
        <span role="status" className="text-xs text-slate-600">
          {status}
        </span>
      </div>
    </form>
  )
}

/** The host's side panel: chat with moderation, slow mode, participants, products on screen. */
export function HostRoomPanel({
  sessionId,
  products,
  blockedWords = [],
}: {
  sessionId: string
  products: ReadonlyArray<{ id: string; name: string }>
  blockedWords?: readonly string[]
}) {
  const { t } = useTranslation()
  const room = useLiveRoom(sessionId)
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <ConnectionBadge room={room} />
        <label className="flex items-center gap-2 text-sm">
          {t('liveRoom.slowModeLabel')}
          <select
            value={room.state.slowModeSeconds}
            onChange={(event) => void room.setSlowMode(Number(event.target.value))}
            className="rounded-md border border-slate-300 px-2 py-1 text-sm"
          >
            {[0, 5, 10, 30, 60].map((seconds) => (
              <option key={seconds} value={seconds}>
                {seconds === 0 ? t('liveRoom.slowModeOff') : `${seconds} s`}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ProductPinner
        products={products}
        pinnedIds={room.state.pinnedProducts.map((p) => p.id)}
        onToggle={async (productId, pinned) => {
          const result = await room.pinProduct(productId, pinned)
          return result.ok ? null : t(`liveRoom.errors.${result.error.code}`, { defaultValue: result.error.message })
        }}
      />
      <PinnedProducts products={room.state.pinnedProducts} />
      <ChatPanel room={room} />
      <ParticipantsList room={room} />
      {room.state.you?.isHost ? <BlockedWordsEditor room={room} initial={blockedWords} /> : null}
    </div>
  )
}

