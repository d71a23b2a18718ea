import { useCallback, useEffect, useReducer, useRef } from 'react'
import { io, type Socket } from 'socket.io-client'
import { isSupportedLocale } from '~/lib/i18n'
import { useRootData } from '~/lib/use-root-data'
import { type AckFor, type RequestOf, timedEmit } from '~/protocol/catalogue'
import type {
  ChatMessageView,
  JoinState,
  LiveCatalogue,
  LiveClientToServer,
  LiveEventName,
  LiveRequest,
  LiveServerToClient,
  ParticipantTarget,
  PinnedProductView,
  Reaction,
} from '~/protocol/live'
import { publishAudience } from './audience-store'

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline'

type RoomState = {
  connection: ConnectionState
  joinError: { code: string; message: string } | null
  messages: ChatMessageView[]
  pinnedMessage: ChatMessageView | null
  pinnedProducts: PinnedProductView[]
  viewerCount: number
  slowModeSeconds: number
  /** The session ended: the chat is read-only (told at join, or by the server when it ends meanwhile). */
  chatClosed: boolean
  you: JoinState['you'] | null
  sanction: { kind: 'MUTE' | 'BAN'; until: string | null } | null
  reactionBurst: { id: number; counts: Record<string, number> } | null
}

type Action =
  | { type: 'reset' }
  | { type: 'connection'; state: ConnectionState }
  | { type: 'joined'; state: JoinState }
  | { type: 'join-failed'; error: { code: string; message: string } }
  | { type: 'messages'; messages: ChatMessageView[] }
  | { type: 'removed'; messageId: string }
  | { type: 'pinned-message'; message: ChatMessageView | null }
  | { type: 'products'; products: PinnedProductView[] }
  | { type: 'viewers'; count: number }
  | { type: 'slow-mode'; seconds: number }
  | { type: 'chat-closed' }
  | { type: 'sanctioned'; kind: 'MUTE' | 'BAN' | null; until: string | null }
  | { type: 'reactions'; counts: Record<string, number> }

const MAX_MESSAGES = 200

export const initialRoomState: RoomState = {
  connection: 'connecting',
  joinError: null,
  messages: [],
  pinnedMessage: null,
  pinnedProducts: [],
  viewerCount: 0,
  slowModeSeconds: 0,
  chatClosed: false,
  you: null,
  sanction: null,
  reactionBurst: null,
}

/** Both lists, each message once, in stored order (catch-ups overlap and batches may arrive late). */
export function mergeMessages(list: ChatMessageView[], incoming: ChatMessageView[]): ChatMessageView[] {
  const byId = new Map(list.map((m) => [m.id, m]))
  for (const message of incoming) byId.set(message.id, message)
  return [...byId.values()]
    .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.createdAt < b.createdAt ? -1 : 1))
    .slice(-MAX_MESSAGES)
}

export function roomReducer(state: RoomState, action: Action): RoomState {
  switch (action.type) {
    case 'reset':
      return initialRoomState
    case 'connection':
      return { ...state, connection: action.state }
    case 'joined':
      return {
        ...state,
        joinError: null,
        // Messages broadcast while the join was answered are kept too.
        messages: mergeMessages(state.messages, action.state.messages).filter((m) => !action.state.removedMessageIds.includes(m.id)),
        pinnedMessage: action.state.pinnedMessage,
        pinnedProducts: action.state.pinnedProducts,
        slowModeSeconds: action.state.slowModeSeconds,
        viewerCount: action.state.viewerCount || state.viewerCount,
        chatClosed: action.state.chatClosed,
        you: action.state.you,
        sanction: action.state.you.banned
          ? { kind: 'BAN', until: action.state.you.sanctionUntil }
          : action.state.you.muted
            ? { kind: 'MUTE', until: action.state.you.sanctionUntil }
            : null,
      }
    case 'join-failed':
      return { ...state, joinError: action.error, sanction: action.error.code === 'banned' ? { kind: 'BAN', until: null } : state.sanction }
    case 'messages':
      return { ...state, messages: mergeMessages(state.messages, action.messages) }
    case 'removed':
      return {
        ...state,
        messages: state.messages.filter((m) => m.id !== action.messageId),
        pinnedMessage: state.pinnedMessage?.id === action.messageId ? null : state.pinnedMessage,
      }
    case 'pinned-message':
      return { ...state, pinnedMessage: action.message }
    case 'products':
      return { ...state, pinnedProducts: action.products }
    case 'viewers':
      return { ...state, viewerCount: action.count }
    case 'slow-mode':
      return { ...state, slowModeSeconds: action.seconds }
    case 'chat-closed':
      return { ...state, chatClosed: true, you: state.you ? { ...state.you, canChat: false } : null }
    case 'sanctioned':
      return { ...state, sanction: action.kind ? { kind: action.kind, until: action.until } : null }
    case 'reactions':
      return { ...state, reactionBurst: { id: (state.reactionBurst?.id ?? 0) + 1, counts: action.counts } }
  }
}

type LiveSocket = Socket<LiveServerToClient, LiveClientToServer>

/**
 * The `/live` room of one session: connection state, chat, pinned products and moderation calls.
 * A connection that recovers (one server) needs nothing more; otherwise it rejoins and catches up
 * from the last message it has. A guest choosing a name rejoins on the same connection. The join
 * carries the page's language: pinned products come in it.
 */
export function useLiveRoom(sessionId: string, options: { guestName?: string | null; enabled?: boolean } = {}) {
  const [state, dispatch] = useReducer(roomReducer, initialRoomState)
  const socketRef = useRef<LiveSocket | null>(null)
  const lastMessageId = useRef<string | null>(null)
  const lastId = state.messages.at(-1)?.id ?? null
  useEffect(() => {
    lastMessageId.current = lastId
  })
  const enabled = options.enabled ?? true
  const guestName = options.guestName ?? undefined
  const guestNameRef = useRef(guestName)
  useEffect(() => {
    guestNameRef.current = guestName
  })
  const rejoinRef = useRef<(() => void) | null>(null)
  const { locale: pageLocale } = useRootData()
  const locale = isSupportedLocale(pageLocale) ? pageLocale : undefined

  useEffect(() => {
    if (!enabled) return
    // Another session (or the same one after a pause): start from an empty room.
    dispatch({ type: 'reset' })
    const socket: LiveSocket = io('/live', { withCredentials: true, transports: ['websocket', 'polling'] })
    socketRef.current = socket
    let joinedOnce = false

    const join = () => {
      const sinceMessageId = joinedOnce ? (lastMessageId.current ?? undefined) : undefined
      socket.emit('live:join', { sessionId, guestName: guestNameRef.current, sinceMessageId, locale }, (result) => {
        if (result.ok) {
          dispatch({ type: 'joined', state: result.state })
          joinedOnce = true
        } else {
          dispatch({ type: 'join-failed', error: result.error })
        }
      })
    }

    rejoinRef.current = join
    socket.on('connect', () => {
      dispatch({ type: 'connection', state: 'connected' })
      // A recovered connection (one server process) kept its rooms and got what it missed replayed:
      // no rejoin, which spares the database when a whole audience comes back after a blip.
      if (joinedOnce && socket.recovered) return
      join()
    })
    socket.on('disconnect', () => dispatch({ type: 'connection', state: 'reconnecting' }))
    socket.io.on('reconnect_attempt', () => dispatch({ type: 'connection', state: 'reconnecting' }))
    socket.io.on('reconnect_failed', () => dispatch({ type: 'connection', state: 'offline' }))
    socket.on('chat:messages', ({ messages }) => dispatch({ type: 'messages', messages }))
    socket.on('chat:removed', ({ messageId }) => dispatch({ type: 'removed', messageId }))
    socket.on('chat:pinned', ({ message }) => dispatch({ type: 'pinned-message', message }))
    socket.on('products:pinned', ({ products }) => dispatch({ type: 'products', products }))
    socket.on('room:viewers', ({ count }) => dispatch({ type: 'viewers', count }))
    socket.on('room:slow-mode', ({ seconds }) => dispatch({ type: 'slow-mode', seconds }))
    socket.on('room:chat-closed', () => dispatch({ type: 'chat-closed' }))
    socket.on('room:reactions', ({ counts }) => dispatch({ type: 'reactions', counts: counts }))
    socket.on('you:sanctioned', ({ kind, until }) => {
      dispatch({ type: 'sanctioned', kind, until })
      // Lifted: join again for a fresh state (whether this person may write now, the latest messages).
      if (kind === null) join()
    })
    return () => {
      socket.removeAllListeners()
      socket.io.removeAllListeners()
      socket.disconnect()
      socketRef.current = null
      rejoinRef.current = null
    }
    // A language switch (the root data changes) connects again and joins in the new language.
  }, [sessionId, enabled, locale])

  // The audience figure, for the page's header (one definition: app/domain/live/audience.ts).
  const joined = state.you !== null
  useEffect(() => {
    if (!joined) return
    publishAudience(sessionId, state.viewerCount)
    return () => publishAudience(sessionId, null)
  }, [sessionId, joined, state.viewerCount])

  // A guest who picks a name joins again on the same connection: nothing is reloaded or lost.
  useEffect(() => {
    if (guestName && socketRef.current?.connected) rejoinRef.current?.()
  }, [guestName])

  // A mute ends by itself: clear it on this side when it expires (the server decides on every send).
  const sanctionUntil = state.sanction?.until ?? null
  useEffect(() => {
    if (!sanctionUntil) return
    const timer = setTimeout(() => dispatch({ type: 'sanctioned', kind: null, until: null }), Math.max(0, new Date(sanctionUntil).getTime() - Date.now()))
    return () => clearTimeout(timer)
  }, [sanctionUntil])

  /** A request about this session; its answer is typed by the catalogue (app/protocol/live.ts). */
  const call = useCallback(
    <E extends LiveEventName>(event: E, payload: Omit<LiveRequest<E>, 'sessionId'>) =>
      new Promise<AckFor<LiveCatalogue, E>>((resolve) => {
        const failed = (message: string) => resolve({ ok: false, error: { code: 'internal', message } })
        const socket = socketRef.current
        if (!socket?.connected) {
          failed('offline')
          return
        }
        timedEmit<LiveCatalogue, E>(socket, 10_000, event, { sessionId, ...payload } as RequestOf<LiveCatalogue, E>, (error, result) => {
          if (error) failed('timeout')
          else resolve(result)
        })
      }),
    [sessionId],
  )

  return {
    state,
    sendMessage: (body: string, language?: string) => call('chat:send', { body, ...(language ? { language } : {}) }),
    deleteMessage: (messageId: string) => call('chat:delete', { messageId }),
    pinMessage: (messageId: string | null) => call('chat:pin', { messageId }),
    sanction: (target: ParticipantTarget, kind: 'MUTE' | 'BAN', minutes?: number) => call('mod:sanction', { target, kind, ...(minutes ? { minutes } : {}) }),
    liftSanction: (target: ParticipantTarget) => call('mod:unban', { target }),
    setSlowMode: (seconds: number) => call('mod:slow-mode', { seconds }),
    setBlockedWords: (words: string[]) => call('mod:blocked-words', { words }),
    listParticipants: () => call('mod:participants', {}),
    react: (emoji: Reaction) => call('room:react', { emoji }),
    pinProduct: (productId: string, pinned: boolean) => call('products:pin', { productId, pinned }),
  }
}

export type LiveRoom = ReturnType<typeof useLiveRoom>
