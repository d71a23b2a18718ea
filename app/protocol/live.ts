import { z } from 'zod'
import { SUPPORTED_LOCALES } from '~/lib/i18n'
import { stripHiddenCharacters } from '~/lib/plain-text'
import type { AckOf, Catalogue, NoResult, RequestEvents } from './catalogue'

// Socket.io catalogue of the `/live` namespace (chat, moderation, reactions, pinned products).
// Client → server payloads are validated with these schemas where they arrive; server → client
// payloads are typed with the same module so both ends agree.

/** Characters as people see them (grapheme clusters, app/lib/chat-length.ts): an emoji counts one. */
export const CHAT_MAX_LENGTH = 500
/**
 * A hard bound in UTF-16 code units, far above any message the composer lets through (500 ZWJ family
 * emoji are 5,500 units): one "character" can carry any number of combining marks, so the grapheme
 * limit alone would not bound the work a message makes.
 */
export const CHAT_MAX_CODE_UNITS = 8000
export const MAX_PINNED_PRODUCTS = 3
export const REACTIONS = ['👍', '❤️', '👏', '🔥', '😮', '🤝'] as const
export type Reaction = (typeof REACTIONS)[number]

const id = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[\w-]+$/)
const sessionId = id

/** Text people read (chat, names): hidden characters (app/lib/plain-text.ts) stripped before trimming and length checks. */
const visibleText = () => z.string().transform(stripHiddenCharacters).pipe(z.string().trim())

// Objects are strict: a key the catalogue does not know (`__proto__` included) is refused, never ignored.
export const JoinSchema = z.strictObject({
  sessionId,
  /** Guests of public showcases name themselves; ignored for signed-in users. Single line. */
  guestName: visibleText()
    .pipe(z.string().min(1).max(40))
    .transform((name) => name.replace(/\s+/g, ' '))
    .optional(),
  /** After a reconnect: only messages newer than this one are sent back. */
  sinceMessageId: id.optional(),
  /**
   * The language the page was rendered in: pinned products come in it (a signed-in user without it
   * gets their saved language, a guest English).
   */
  locale: z.enum(SUPPORTED_LOCALES).optional(),
})

export const SendMessageSchema = z.strictObject({
  sessionId,
  // The limit in characters people see is the domain's (a `too-long` refusal that says so); here only the hard bound.
  body: visibleText().pipe(z.string().min(1, { error: 'empty' }).max(CHAT_MAX_CODE_UNITS, { error: 'too-long' })),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/)
    .optional(),
})

export const MessageRefSchema = z.strictObject({ sessionId, messageId: id })
export const PinMessageSchema = z.strictObject({ sessionId, messageId: id.nullable() })

export const ParticipantRefSchema = z.union([z.strictObject({ userId: id }), z.strictObject({ guestKey: id })])
export const SanctionSchema = z.strictObject({
  sessionId,
  target: ParticipantRefSchema,
  kind: z.enum(['MUTE', 'BAN']),
  /** Mutes expire; bans last for the session. */
  minutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .optional(),
  reason: visibleText().pipe(z.string().max(200)).optional(),
})
export const UnbanSchema = z.strictObject({ sessionId, target: ParticipantRefSchema })
export const SlowModeSchema = z.strictObject({ sessionId, seconds: z.number().int().min(0).max(300) })
export const BlockedWordsSchema = z.strictObject({
  sessionId,
  words: z.array(visibleText().pipe(z.string().min(2).max(40))).max(200),
})
export const ReactionSchema = z.strictObject({ sessionId, emoji: z.enum(REACTIONS) })
export const PinProductSchema = z.strictObject({ sessionId, productId: id, pinned: z.boolean() })
export const SessionRefSchema = z.strictObject({ sessionId })

/** The schema of every client → server event: the catalogue's one list of names (results: LiveResponses). */
export const LIVE_EVENT_SCHEMAS = {
  'live:join': JoinSchema,
  'live:leave': SessionRefSchema,
  'chat:send': SendMessageSchema,
  'chat:delete': MessageRefSchema,
  'chat:pin': PinMessageSchema,
  'mod:sanction': SanctionSchema,
  'mod:unban': UnbanSchema,
  'mod:slow-mode': SlowModeSchema,
  'mod:blocked-words': BlockedWordsSchema,
  'mod:participants': SessionRefSchema,
  'room:react': ReactionSchema,
  'products:pin': PinProductSchema,
} as const
export type LiveEventName = keyof typeof LIVE_EVENT_SCHEMAS
export type LiveRequest<E extends LiveEventName> = z.input<(typeof LIVE_EVENT_SCHEMAS)[E]>
export const LIVE_CLIENT_EVENTS = Object.keys(LIVE_EVENT_SCHEMAS) as LiveEventName[]

export const LIVE_ERROR_CODES = [
  'invalid',
  'unauthenticated',
  'not-found',
  'forbidden',
  'banned',
  'muted',
  'rate-limited',
  'slow-mode',
  'blocked-word',
  /** A chat message over CHAT_MAX_LENGTH characters (as people count them). */
  'too-long',
  /** The session is over (or cancelled): its chat is read-only. */
  'chat-closed',
  'too-many-pins',
  'not-joined',
  /** A guest minted over its network's budget of new guests: it may watch, not chat. */
  'guest-limit',
  'internal',
] as const
export type ErrorCode = (typeof LIVE_ERROR_CODES)[number]

/** Why a request was refused; `retryAfterMs` with `rate-limited` and `slow-mode`. */
export type LiveRefusal = { code: ErrorCode; message: string; retryAfterMs?: number }
export type Ack<T = NoResult> = AckOf<T, LiveRefusal>

/**
 * A buyer company an organizer or admin verified (docs/verified-buyers.md). Set by the server from the
 * database on every message view, never taken from a client: `chat:send` carries only the body. The
 * badge only — when and how — never the verifier's name: chat payloads reach every viewer, guests included.
 */
export type ChatVerifiedBuyer = { verified: true; verifiedAt: string; method: 'DOCUMENTS' | 'TRADE_REFERENCE' | 'OTHER' }

export type ChatMessageView = {
  id: string
  body: string
  language: string | null
  createdAt: string
  author:
    | { kind: 'user'; id: string; name: string; role: string; /** Present only when the author is a verified buyer. */ verifiedBuyer?: ChatVerifiedBuyer }
    | { kind: 'guest'; key: string; name: string }
}

export type PinnedProductView = {
  id: string
  name: string
  /** The content language of `name` (English when the product has no name in the room language). */
  nameLang: string
  hsCode: string
  moq: number
  unit: string
  incoterms: string[]
  leadTimeDays: number
  priceTiers: Array<{ minQuantity: number; unitPriceMinor: number; currency: string }>
  certifications: Array<{ type: string; market: string; validUntil: string | null }>
  sample: { priceMinor: number; currency: string; maxQuantity: number } | null
  image: string | null
}

export type ParticipantTarget = { userId: string } | { guestKey: string }

/** Someone present in the room, as the host's participant list shows them. */
export type ParticipantView = {
  key: string
  name: string
  kind: 'user' | 'guest'
  role: string | null
  /** The sanction in force for this session, if any. */
  sanction: 'MUTE' | 'BAN' | null
  target: ParticipantTarget
  /** Members of the hosting company cannot be muted or banned in their own showcase. */
  protected: boolean
}

export type JoinState = {
  messages: ChatMessageView[]
  /** On a catch-up: messages removed meanwhile, to drop from the client's list. */
  removedMessageIds: string[]
  pinnedMessage: ChatMessageView | null
  pinnedProducts: PinnedProductView[]
  slowModeSeconds: number
  /** People watching now (app/domain/live/audience.ts). */
  viewerCount: number
  /** The session ended or was cancelled: the chat is read-only. */
  chatClosed: boolean
  you: { key: string; name: string; canModerate: boolean; isHost: boolean; muted: boolean; banned: boolean; sanctionUntil: string | null; canChat: boolean }
}

export type LiveServerToClient = {
  /** New messages, oldest first; a busy room sends several per frame. */
  'chat:messages': (payload: { messages: ChatMessageView[] }) => void
  'chat:removed': (payload: { messageId: string }) => void
  'chat:pinned': (payload: { message: ChatMessageView | null }) => void
  'products:pinned': (payload: { products: PinnedProductView[] }) => void
  /** People watching now (app/domain/live/audience.ts), sent when it changes. */
  'room:viewers': (payload: { count: number }) => void
  /** The session ended or was cancelled while people were in the room: its chat closes. */
  'room:chat-closed': (payload: Record<string, never>) => void
  'room:slow-mode': (payload: { seconds: number }) => void
  'room:reactions': (payload: { counts: Partial<Record<(typeof REACTIONS)[number], number>> }) => void
  'room:participants': (payload: { participants: ParticipantView[] }) => void
  /** `kind: null`: a moderator lifted the sanction. */
  'you:sanctioned': (payload: { kind: 'MUTE' | 'BAN' | null; until: string | null }) => void
  /** A refused event sent without an acknowledgement callback (with one, the ack carries the error). */
  'live:error': (payload: { event: string; code: ErrorCode; message: string }) => void
}

/** What each request answers with (inside `{ ok: true, ... }`). */
export type LiveResponses = {
  'live:join': { state: JoinState }
  'live:leave': NoResult
  'chat:send': { message: ChatMessageView }
  'chat:delete': NoResult
  'chat:pin': NoResult
  'mod:sanction': NoResult
  'mod:unban': NoResult
  'mod:slow-mode': NoResult
  'mod:blocked-words': { words: string[] }
  'mod:participants': { participants: ParticipantView[] }
  'room:react': NoResult
  'products:pin': { products: PinnedProductView[] }
}

/** Sent without an acknowledgement callback, a refused request comes back as `live:error`. */
export type LiveClientToServer = RequestEvents<typeof LIVE_EVENT_SCHEMAS, LiveResponses, LiveRefusal>
export type LiveCatalogue = Catalogue<typeof LIVE_EVENT_SCHEMAS, LiveResponses, LiveRefusal>
