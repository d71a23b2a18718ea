import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { RfqForm } from '~/components/rfq-form'
import { SampleOrderForm } from '~/components/sample-order-form'
import { buttonClass } from '~/components/ui/button'
import { NarrowTabs } from '~/components/ui/narrow-tabs'
import { type LiveRoom, useLiveRoom } from '~/live/use-live-room'
import { type ProductOpenSource, useProductOpen } from '~/live/use-product-open'
import type { Ack, ParticipantView, PinnedProductView } from '~/protocol/live'
import { useRootData } from '~/lib/use-root-data'
import { ChatPanel } from './chat-panel'
import { LeadPrivacyNotice } from './lead-privacy-notice'
import { PinnedProducts, ProductPinner, type ReadyForViewer } from './pinned-products'
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

/** The RFQ form prefilled with the pinned product and this session; answered in place. */
function QuoteDialog({
  product,
  sessionId,
  buyerCountry,
  onClose,
}: {
  product: PinnedProductView
  sessionId: string
  buyerCountry: string | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [sentId, setSentId] = useState<string | null>(null)
  return (
    <Dialog title={`${t('liveRoom.requestQuote')}: ${product.name}`} onClose={onClose}>
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
          defaults={{ quantity: product.moq, destinationCountry: buyerCountry ?? 'US' }}
          incoterms={product.incoterms}
          certificationTypes={[...new Set(product.certifications.map((c) => c.type))]}
          inline={{ onSent: setSentId }}
        />
      )}
    </Dialog>
  )
}

type ProductDialog = { kind: 'quote' | 'samples'; product: PinnedProductView } | null

// Opened only in the browser (by a click, or after hydration for ?rfq=), so a portal to the body is safe;
// it keeps the dialog visible when its product cards sit in a hidden tab on a phone.
function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: React.ReactNode }) {
  const { t } = useTranslation()
  const dialogRef = useRef<HTMLDivElement>(null)
  const closeOnEscape = useEffectEvent((event: KeyboardEvent) => {
    if (event.key === 'Escape') onClose()
  })
  // Focus moves into the dialog when it opens (also when it opens by itself, back from signing in) and
  // back to where it was when it closes; Escape closes it.
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
    dialogRef.current?.focus()
    document.addEventListener('keydown', closeOnEscape)
    return () => {
      document.removeEventListener('keydown', closeOnEscape)
      before?.focus()
    }
  }, [])
  return createPortal(
    <div
      ref={dialogRef}
      role="dialog"
      aria-modal="true"
      aria-labelledby="live-dialog-title"
      tabIndex={-1}
      className="fixed inset-0 z-40 flex items-center justify-center bg-slate-900/40 p-4 focus:outline-none"
    >
      <div className="max-h-full w-full max-w-lg overflow-y-auto rounded-xl bg-white p-5 shadow-xl">
        <div className="mb-3 flex items-start justify-between gap-2">
          <h2 id="live-dialog-title" className="text-lg font-semibold">
            {title}
          </h2>
          <button type="button" onClick={onClose} className={buttonClass('ghost', 'min-h-8 px-2 py-1')}>
            {t('liveRoom.closeForm')}
          </button>
        </div>
        {children}
      </div>
    </div>,
    document.body,
  )
}

/**
 * The pinned product cards a buyer acts on: "Request quote" and "Buy samples" open in place (the RFQ and
 * the sample order are linked to this session), so buyers stay in the stream — live or in its replay.
 */
export function ShoppableProducts({
  sessionId,
  products,
  paymentsEnabled,
  buyerCountry,
  readyForViewer = null,
  initialQuoteProduct = null,
  source = 'live',
}: {
  sessionId: string
  products: readonly PinnedProductView[]
  /** Where the cards are shown: the live room or the replay (recorded with a signed-in viewer's opens). */
  source?: ProductOpenSource
  paymentsEnabled: boolean
  buyerCountry: string | null
  /** The viewer's market and the featured products ready for it (the room's loader): "Ready for your market" badges. */
  readyForViewer?: ReadyForViewer | null
  /** A buyer back from signing in to ask a quote (`?rfq=`, checked by the loader): its form opens at once. */
  initialQuoteProduct?: PinnedProductView | null
}) {
  const { t } = useTranslation()
  const { user } = useRootData()
  const [dialog, setDialog] = useState<ProductDialog>(null)
  const [, setSearchParams] = useSearchParams()
  // Once per product: revalidations (the RFQ's own submit among them) hand a new but equal object.
  const openedFor = useRef<string | null>(null)
  useEffect(() => {
    if (!initialQuoteProduct || openedFor.current === initialQuoteProduct.id) return
    openedFor.current = initialQuoteProduct.id
    setDialog({ kind: 'quote', product: initialQuoteProduct })
  }, [initialQuoteProduct])
  const closeDialog = () => {
    setDialog(null)
    // Closed is closed: a reload must not open the form again.
    if (initialQuoteProduct) {
      setSearchParams(
        (params) => {
          params.delete('rfq')
          return params
        },
        { replace: true, preventScrollReset: true },
      )
    }
  }
  const isBuyer = user?.role === 'BUYER'
  const recordOpen = useProductOpen(sessionId, source, Boolean(user))
  return (
    <>
      <PinnedProducts
        products={products}
        readyForViewer={readyForViewer}
        onOpen={(product, how) => recordOpen(product.id, how)}
        onRequestQuote={isBuyer ? (product) => setDialog({ kind: 'quote', product }) : undefined}
        guestQuoteReturnTo={user ? undefined : (product) => `/live/${sessionId}?${new URLSearchParams({ rfq: product.id })}`}
        renderExtraActions={(product) =>
          isBuyer && product.sample ? (
            <button
              type="button"
              className={buttonClass('secondary', 'min-h-8 px-3 py-1 text-xs')}
              onClick={() => {
                recordOpen(product.id, 'samples')
                setDialog({ kind: 'samples', product })
              }}
            >
              {t('payments.buySamples')}
            </button>
          ) : null
        }
      />
      <LeadPrivacyNotice />
      {dialog?.kind === 'quote' ? <QuoteDialog product={dialog.product} sessionId={sessionId} buyerCountry={buyerCountry} onClose={closeDialog} /> : null}
      {dialog?.kind === 'samples' && dialog.product.sample ? (
        <Dialog title={`${t('payments.buySamples')}: ${dialog.product.name}`} onClose={closeDialog}>
          <SampleOrderForm
            productId={dialog.product.id}
            liveSessionId={sessionId}
            sample={dialog.product.sample}
            defaultCountry={buyerCountry}
            paymentsEnabled={paymentsEnabled}
          />
        </Dialog>
      ) : null}
    </>
  )
}

/**
 * The live room around a viewer's video: reactions under it, then the chat beside the video and the pinned
 * product cards under it on a wide screen, or the chat and the products as two tabs below the video on a phone.
 */
export function ViewerRoom({
  sessionId,
  video,
  paymentsEnabled,
  buyerCountry,
  readyForViewer = null,
  initialQuoteProduct = null,
}: {
  sessionId: string
  video: React.ReactNode
  paymentsEnabled: boolean
  buyerCountry: string | null
  readyForViewer?: ReadyForViewer | null
  initialQuoteProduct?: PinnedProductView | null
}) {
  const { t } = useTranslation()
  const { user } = useRootData()
  const [guestName, setGuestName] = useState<string | null>(null)
  const room = useLiveRoom(sessionId, { guestName })
  const pinnedCount = room.state.pinnedProducts.length
  return (
    <NarrowTabs
      label={t('liveRoom.panelTabs.viewerLabel')}
      className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem] lg:grid-rows-[auto_1fr] lg:gap-6"
      tabs={[
        {
          id: 'chat',
          label: t('liveRoom.panelTabs.chat'),
          content: <ChatPanel room={room} guestName={user ? user.name : guestName} onGuestName={setGuestName} />,
          wideClassName: 'lg:col-start-2 lg:row-span-2 lg:row-start-1',
        },
        {
          id: 'products',
          label: pinnedCount > 0 ? t('liveRoom.panelTabs.productsCount', { count: pinnedCount }) : t('liveRoom.panelTabs.products'),
          content: (
            <ShoppableProducts
              sessionId={sessionId}
              products={room.state.pinnedProducts}
              paymentsEnabled={paymentsEnabled}
              buyerCountry={buyerCountry}
              readyForViewer={readyForViewer}
              initialQuoteProduct={initialQuoteProduct}
            />
          ),
          wideClassName: 'lg:col-start-1 lg:row-start-2',
        },
      ]}
    >
      <div className="min-w-0 space-y-4 lg:col-start-1 lg:row-start-1">
        {video}
        <div className="flex flex-wrap items-center justify-between gap-2">
          <ReactionBar onReact={(emoji) => void room.react(emoji)} burst={room.state.reactionBurst} />
          <ConnectionBadge room={room} />
        </div>
      </div>
    </NarrowTabs>
  )
}

const PARTICIPANTS_REFRESH_MS = 5000

/** Who is in the room now, with their sanction, and the moderation actions that apply to each. */
function ParticipantsList({ room }: { room: LiveRoom }) {
  const { t } = useTranslation()
  const [participants, setParticipants] = useState<ParticipantView[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const connected = room.state.connection === 'connected' && room.state.you !== null
  // The room's calls are new functions on every render; the timer must not restart each time.
  const roomRef = useRef(room)
  useEffect(() => {
    roomRef.current = room
  })

  // Only the latest request may update the list (the timer and an action can overlap).
  const latestRequest = useRef(0)

  const refresh = useCallback(async () => {
    const request = ++latestRequest.current
    const result = await roomRef.current.listParticipants()
    if (request !== latestRequest.current) return
    if (result.ok) {
      setParticipants(result.participants)
      setError(null)
    } else {
      setError(t(`liveRoom.errors.${result.error.code}`, { defaultValue: t('liveRoom.errors.internal') }))
    }
  }, [t])

  useEffect(() => {
    if (!connected) return
    void refresh()
    const timer = setInterval(() => void refresh(), PARTICIPANTS_REFRESH_MS)
    return () => clearInterval(timer)
  }, [connected, refresh])

  // An action's refusal stays until the next action (the list's own polling must not wipe it).
  const [actionError, setActionError] = useState<string | null>(null)
  const act = async (action: () => Promise<Ack>) => {
    setActionError(null)
    const result = await action()
    if (!result.ok) setActionError(t(`liveRoom.errors.${result.error.code}`, { defaultValue: t('liveRoom.errors.internal') }))
    await refresh()
  }

  return (
    <section aria-labelledby="participants-title" className="space-y-1 text-sm">
      <div className="flex items-center justify-between">
        <h3 id="participants-title" className="font-semibold">
          {t('liveRoom.participants')} {participants ? <span className="font-normal text-slate-500">({participants.length})</span> : null}
        </h3>
        <button type="button" className="text-xs underline" onClick={() => void refresh()} disabled={!connected}>
          {t('liveRoom.refreshParticipants')}
        </button>
      </div>
      {actionError || error ? (
        <p role="alert" className="text-xs text-red-700">
          {actionError ?? error}
        </p>
      ) : null}
      {participants ? (
        <ul className="max-h-56 divide-y divide-slate-100 overflow-y-auto" data-testid="participants">
          {participants.map((p) => (
            <li key={p.key} className="flex flex-wrap items-center justify-between gap-1 py-1">
              <span className="min-w-0 truncate">
                {p.name} <span className="text-xs text-slate-500">{p.role ? t(`roles.${p.role}`) : t('liveRoom.guest')}</span>
              </span>
              <span className="flex items-center gap-2 text-xs">
                {p.sanction ? (
                  <>
                    <span className={p.sanction === 'BAN' ? 'font-semibold text-red-700' : 'font-semibold text-amber-700'}>
                      {t(p.sanction === 'BAN' ? 'liveRoom.banned' : 'liveRoom.muted')}
                    </span>
                    <button
                      type="button"
                      className="underline"
                      aria-label={t('liveRoom.liftFor', { name: p.name })}
                      onClick={() => void act(() => room.liftSanction(p.target))}
                    >
                      {t('liveRoom.lift')}
                    </button>
                  </>
                ) : p.protected ? null : (
                  <>
                    <button
                      type="button"
                      className="text-slate-600 underline"
                      aria-label={t('liveRoom.muteFor', { name: p.name })}
                      onClick={() => void act(() => room.sanction(p.target, 'MUTE', 10))}
                    >
                      {t('liveRoom.mute')}
                    </button>
                    <button
                      type="button"
                      className="text-red-700 underline"
                      aria-label={t('liveRoom.banFor', { name: p.name })}
                      onClick={() => void act(() => room.sanction(p.target, 'BAN'))}
                    >
                      {t('liveRoom.ban')}
                    </button>
                  </>
                )}
              </span>
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
      onSubmit={(event) => {
        event.preventDefault()
        // The acknowledgement resolves with ok or a refusal (shown below); it does not reject.
        void room
          .setBlockedWords(
            text
              .split('\n')
              .map((w) => w.trim())
              .filter((w) => w.length >= 2),
          )
          .then((result) => {
            setStatus(result.ok ? t('liveRoom.saved') : t(`liveRoom.errors.${result.error.code}`, { defaultValue: t('liveRoom.errors.internal') }))
          })
      }}
    >
      <label htmlFor="blocked-words" className="block font-semibold">
        {t('liveRoom.blockedWords')}
      </label>
      <textarea
        id="blocked-words"
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        className="block w-full rounded-md border border-slate-300 px-2 py-1"
      />
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
  canEditBlockedWords = false,
}: {
  sessionId: string
  products: ReadonlyArray<{ id: string; name: string }>
  blockedWords?: readonly string[]
  /** The company role allows rewriting the list ('manage:blocked-words:own'; the server re-checks). */
  canEditBlockedWords?: boolean
}) {
  const { t } = useTranslation()
  const room = useLiveRoom(sessionId)
  const pinnedCount = room.state.pinnedProducts.length
  return (
    <NarrowTabs
      label={t('liveRoom.panelTabs.hostLabel')}
      className="grid gap-4 lg:grid-cols-2 lg:grid-rows-[auto_auto_1fr] lg:gap-x-6"
      tabs={[
        { id: 'chat', label: t('liveRoom.panelTabs.chat'), content: <ChatPanel room={room} />, wideClassName: 'lg:col-start-2 lg:row-span-2 lg:row-start-2' },
        {
          id: 'products',
          label: pinnedCount > 0 ? t('liveRoom.panelTabs.productsCount', { count: pinnedCount }) : t('liveRoom.panelTabs.products'),
          content: (
            <div className="space-y-4">
              <ProductPinner
                products={products}
                pinnedIds={room.state.pinnedProducts.map((p) => p.id)}
                onToggle={async (productId, pinned) => {
                  const result = await room.pinProduct(productId, pinned)
                  return result.ok ? null : t(`liveRoom.errors.${result.error.code}`, { defaultValue: t('liveRoom.errors.internal') })
                }}
              />
              <PinnedProducts products={room.state.pinnedProducts} />
            </div>
          ),
          wideClassName: 'lg:col-start-1 lg:row-start-2',
        },
        {
          id: 'people',
          label: t('liveRoom.panelTabs.people'),
          content: (
            <div className="space-y-4">
              <ParticipantsList room={room} />
              {room.state.you?.isHost && canEditBlockedWords ? <BlockedWordsEditor room={room} initial={blockedWords} /> : null}
            </div>
          ),
          wideClassName: 'lg:col-start-1 lg:row-start-3',
        },
      ]}
    >
      <div className="flex flex-wrap items-center justify-between gap-2 lg:col-span-2">
        <ConnectionBadge room={room} />
        <label className="flex items-center gap-2 text-sm">
          {t('liveRoom.slowModeLabel')}
          <select
            value={room.state.slowModeSeconds}
            onChange={(event) => void room.setSlowMode(Number(event.target.value))}
            className="min-h-10 rounded-md border border-slate-300 px-2 py-1 text-sm"
          >
            {[0, 5, 10, 30, 60].map((seconds) => (
              <option key={seconds} value={seconds}>
                {seconds === 0 ? t('liveRoom.slowModeOff') : `${seconds} s`}
              </option>
            ))}
          </select>
        </label>
      </div>
    </NarrowTabs>
  )
}
