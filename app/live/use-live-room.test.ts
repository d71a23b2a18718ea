import { describe, expect, it } from 'vitest'
import type { ChatMessageView, JoinState } from '~/protocol/live'
import { initialRoomState, mergeMessages, roomReducer } from './use-live-room'

const message = (id: string, createdAt: string, body = id): ChatMessageView => ({
  id,
  body,
  language: null,
  createdAt,
  author: { kind: 'guest', key: 'g', name: 'Guest' },
})

const joinState = (messages: ChatMessageView[], removedMessageIds: string[] = []): JoinState => ({
  messages,
  removedMessageIds,
  pinnedMessage: null,
  pinnedProducts: [],
  slowModeSeconds: 0,
  viewerCount: 2,
  chatClosed: false,
  you: { key: 'g:me', name: 'Me', canModerate: false, isHost: false, muted: false, banned: false, sanctionUntil: null, canChat: true },
})

describe('mergeMessages', () => {
  it('keeps each message once, in stored order (createdAt, then id), whatever order they arrive in', () => {
    const a = message('c1', '2026-11-24T10:00:00.000Z')
    const b = message('c2', '2026-11-24T10:00:01.000Z')
    const sameMsA = message('c3a', '2026-11-24T10:00:02.000Z')
    const sameMsB = message('c3b', '2026-11-24T10:00:02.000Z')
    // A late batch from another process carries an older message.
    expect(mergeMessages([b, sameMsB], [sameMsA, a, b]).map((m) => m.id)).toEqual(['c1', 'c2', 'c3a', 'c3b'])
  })

  it('keeps the newest 200', () => {
    const many = Array.from({ length: 250 }, (_, n) => message(`m${String(n).padStart(3, '0')}`, new Date(Date.UTC(2026, 10, 24, 10, 0, n)).toISOString()))
    const merged = mergeMessages([], many)
    expect(merged).toHaveLength(200)
    expect(merged[0]!.id).toBe('m050')
    expect(merged.at(-1)!.id).toBe('m249')
  })
})

describe('roomReducer', () => {
  it('merges a catch-up with what the client has and drops the messages removed meanwhile', () => {
    const seen = message('a', '2026-11-24T10:00:00.000Z')
    const removed = message('b', '2026-11-24T10:00:01.000Z')
    const missed = message('c', '2026-11-24T10:00:02.000Z')
    let state = roomReducer(initialRoomState, { type: 'messages', messages: [seen, removed] })
    state = roomReducer(state, { type: 'joined', state: joinState([seen, missed], ['b']) })
    expect(state.messages.map((m) => m.id)).toEqual(['a', 'c'])
    expect(state.viewerCount).toBe(2)
  })

  it('takes a sanction and its lifting', () => {
    let state = roomReducer(initialRoomState, { type: 'sanctioned', kind: 'MUTE', until: '2026-11-24T10:10:00.000Z' })
    expect(state.sanction).toEqual({ kind: 'MUTE', until: '2026-11-24T10:10:00.000Z' })
    state = roomReducer(state, { type: 'sanctioned', kind: null, until: null })
    expect(state.sanction).toBeNull()
  })

  it('closes the chat when the show ends while the viewer is in the room, and keeps it closed for a later join', () => {
    let state = roomReducer(initialRoomState, { type: 'joined', state: joinState([]) })
    expect(state.you?.canChat).toBe(true)
    state = roomReducer(state, { type: 'chat-closed' })
    expect(state.chatClosed).toBe(true)
    expect(state.you?.canChat).toBe(false)
    const later = roomReducer(initialRoomState, {
      type: 'joined',
      state: { ...joinState([]), chatClosed: true, you: { ...joinState([]).you, canChat: false } },
    })
    expect(later.chatClosed).toBe(true)
  })
})
