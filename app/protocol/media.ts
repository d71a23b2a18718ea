import type { types as client } from 'mediasoup-client'
import { z } from 'zod'
import type { Catalogue, NoResult, RequestEvents } from './catalogue'

// Socket.io catalogue of the `/media` namespace (mediasoup signalling of live showcases).
// Client → server requests are validated with these schemas where they arrive, and every request
// is answered with an acknowledgement `{ ok: true, ...result } | { ok: false, error }`.
// Server → client events are typed here too, so both ends agree.
// Types only from mediasoup(-client): nothing here runs on one side only.

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w-]+$/)
const shortText = z.string().max(64)
const int = (min: number, max: number) => z.number().int().min(min).max(max)

export const MEDIA_SOURCES = ['camera', 'microphone', 'screen'] as const
export type MediaSource = (typeof MEDIA_SOURCES)[number]
/** host/viewer: a showcase; participant: a seat of a private meeting (sends and receives). */
export const MEDIA_ROLES = ['host', 'viewer', 'participant'] as const
export type MediaRole = (typeof MEDIA_ROLES)[number]
export const QUALITY_CHOICES = ['auto', 'high', 'medium', 'low'] as const
export type QualityChoice = (typeof QUALITY_CHOICES)[number]
/** Simulcast spatial layer per quality choice (three layers: 0 low, 1 medium, 2 high). */
export const QUALITY_LAYER: Record<QualityChoice, number> = { auto: 2, high: 2, medium: 1, low: 0 }

const DtlsParametersSchema = z.object({
  role: z.enum(['auto', 'client', 'server']).optional(),
  fingerprints: z
    .array(
      z.object({
        algorithm: z.enum(['sha-1', 'sha-224', 'sha-256', 'sha-384', 'sha-512']),
        value: z
          .string()
          .min(8)
          .max(200)
          .regex(/^[0-9A-Fa-f:]+$/),
      }),
    )
    .min(1)
    .max(5),
})

const ParametersSchema = z
  .record(z.string().max(64), z.union([z.string().max(256), z.number(), z.boolean()]))
  .refine((value) => Object.keys(value).length <= 32)

const RtcpFeedbackSchema = z.object({ type: shortText, parameter: shortText.optional() })

const RtpCodecParametersSchema = z.object({
  mimeType: z.string().regex(/^(audio|video)\/[\w.-]{1,32}$/),
  payloadType: int(0, 127),
  clockRate: int(1, 200_000),
  channels: int(1, 8).optional(),
  parameters: ParametersSchema.optional(),
  rtcpFeedback: z.array(RtcpFeedbackSchema).max(20).optional(),
})

const RtpEncodingSchema = z.object({
  ssrc: int(0, 2 ** 32 - 1).optional(),
  rid: z
    .string()
    .max(16)
    .regex(/^[\w-]*$/)
    .optional(),
  codecPayloadType: int(0, 127).optional(),
  rtx: z.object({ ssrc: int(0, 2 ** 32 - 1) }).optional(),
  dtx: z.boolean().optional(),
  scalabilityMode: z.string().max(16).optional(),
  scaleResolutionDownBy: z.number().min(1).max(64).optional(),
  maxBitrate: int(1, 50_000_000).optional(),
  maxFramerate: z.number().min(1).max(120).optional(),
  adaptivePtime: z.boolean().optional(),
  priority: z.enum(['very-low', 'low', 'medium', 'high']).optional(),
  networkPriority: z.enum(['very-low', 'low', 'medium', 'high']).optional(),
  active: z.boolean().optional(),
})

const HeaderExtensionParametersSchema = z.object({
  uri: z.string().max(200),
  id: int(1, 255),
  encrypt: z.boolean().optional(),
  parameters: ParametersSchema.optional(),
})

export const RtpParametersSchema = z.object({
  mid: z.string().max(32).optional(),
  codecs: z.array(RtpCodecParametersSchema).min(1).max(16),
  headerExtensions: z.array(HeaderExtensionParametersSchema).max(32).optional(),
  encodings: z.array(RtpEncodingSchema).max(4).optional(),
  rtcp: z.object({ cname: z.string().max(64).optional(), reducedSize: z.boolean().optional(), mux: z.boolean().optional() }).optional(),
  msid: z.string().max(200).optional(),
})

const RtpCodecCapabilitySchema = z.object({
  kind: z.enum(['audio', 'video']),
  mimeType: z.string().regex(/^(audio|video)\/[\w.-]{1,32}$/),
  preferredPayloadType: int(0, 127).optional(),
  clockRate: int(1, 200_000),
  channels: int(1, 8).optional(),
  parameters: ParametersSchema.optional(),
  rtcpFeedback: z.array(RtcpFeedbackSchema).max(20).optional(),
})

export const RtpCapabilitiesSchema = z.object({
  codecs: z.array(RtpCodecCapabilitySchema).max(64).optional(),
  headerExtensions: z
    .array(
      z.object({
        kind: z.enum(['audio', 'video']),
        uri: z.string().max(200),
        preferredId: int(1, 255),
        preferredEncrypt: z.boolean().optional(),
        direction: z.enum(['sendrecv', 'sendonly', 'recvonly', 'inactive']).optional(),
      }),
    )
    .max(64)
    .optional(),
})

// ---- client → server requests ------------------------------------------------------------------

export const RestreamRetryRequestSchema = z.strictObject({ destinationId: id })
export const JoinRequestSchema = z.strictObject({ sessionId: id, role: z.enum(MEDIA_ROLES) })
export const ReadyRequestSchema = z.strictObject({ rtpCapabilities: RtpCapabilitiesSchema })
export const CreateTransportRequestSchema = z.strictObject({ direction: z.enum(['send', 'recv']) })
export const ConnectTransportRequestSchema = z.strictObject({ transportId: id, dtlsParameters: DtlsParametersSchema })
export const ProduceRequestSchema = z
  .strictObject({ transportId: id, kind: z.enum(['audio', 'video']), rtpParameters: RtpParametersSchema, source: z.enum(MEDIA_SOURCES) })
  .refine((value) => (value.kind === 'audio') === (value.source === 'microphone'), { error: 'source does not match kind', path: ['source'] })
export const ProducerRequestSchema = z.strictObject({ producerId: id })
export const ProducerSourceRequestSchema = z.strictObject({ producerId: id, source: z.enum(['camera', 'screen']) })
export const ConsumeRequestSchema = z.strictObject({ transportId: id, producerId: id })
export const ConsumerRequestSchema = z.strictObject({ consumerId: id })
export const PreferredLayersRequestSchema = z.strictObject({ consumerId: id, quality: z.enum(QUALITY_CHOICES) })
export const EmptyRequestSchema = z.strictObject({})
export const KillWorkerRequestSchema = z.strictObject({ sessionId: id })

export const MEDIA_REQUEST_SCHEMAS = {
  'media:join': JoinRequestSchema,
  'media:ready': ReadyRequestSchema,
  'media:create-transport': CreateTransportRequestSchema,
  'media:connect-transport': ConnectTransportRequestSchema,
  'media:produce': ProduceRequestSchema,
  'media:pause-producer': ProducerRequestSchema,
  'media:resume-producer': ProducerRequestSchema,
  'media:close-producer': ProducerRequestSchema,
  'media:set-source': ProducerSourceRequestSchema,
  'media:consume': ConsumeRequestSchema,
  'media:resume-consumer': ConsumerRequestSchema,
  'media:set-quality': PreferredLayersRequestSchema,
  'media:go-live': EmptyRequestSchema,
  'media:end': EmptyRequestSchema,
  'media:leave': EmptyRequestSchema,
  /** The host retries a restream destination now (after a failure, or to cut a retry wait short). */
  'media:restream-retry': RestreamRetryRequestSchema,
  /** Only with ENABLE_TEST_HOOKS=1: kill the worker of a session's room. */
  'test:kill-worker': KillWorkerRequestSchema,
} as const

export type MediaRequestName = keyof typeof MEDIA_REQUEST_SCHEMAS
export type MediaRequest<E extends MediaRequestName> = z.input<(typeof MEDIA_REQUEST_SCHEMAS)[E]>

// ---- shapes shared by answers and events (types from mediasoup-client, structurally) ---------------

export type SessionStatus = 'SCHEDULED' | 'LIVE' | 'ENDED' | 'CANCELLED'
export type TransportInfo = {
  id: string
  iceParameters: client.IceParameters
  iceCandidates: client.IceCandidate[]
  dtlsParameters: client.DtlsParameters
  iceServers: IceServerInfo[]
}
export type IceServerInfo = { urls: string | string[]; username?: string; credential?: string }
/** ADVISOR: the trade officer in a consultation's room (docs/consultations.md). */
export type MeetingSeatRole = 'BUYER' | 'EXPORTER' | 'INTERPRETER' | 'ORGANIZER' | 'ADVISOR'
/** A meeting participant as the others see them (peerId = their connection id). */
export type ParticipantInfo = { peerId: string; name: string; role: MeetingSeatRole }
/** `owner` is set in meetings: whose camera, microphone or screen this is. */
export type ProducerInfo = { producerId: string; kind: 'audio' | 'video'; source: MediaSource; paused: boolean; owner?: ParticipantInfo }
export type ConsumerParameters = {
  id: string
  producerId: string
  kind: 'audio' | 'video'
  rtpParameters: client.RtpParameters
  type: string
  source: MediaSource
}

export type MediaResponses = {
  'media:join': {
    /** Empty when the session is over (nothing to load). */
    routerRtpCapabilities: client.RtpCapabilities
    status: SessionStatus
    isHost: boolean
    title: string
    /** Meetings (role participant): the caller's own seat. */
    seat?: ParticipantInfo
    /** In a cluster of media nodes: the node whose SFU serves this connection (support, tests). */
    mediaNode?: string
  }
  /** Meetings: `participants` are the others already in the room; `producers` exclude the caller's own. */
  'media:ready': { producers: ProducerInfo[]; viewerCount: number; status: SessionStatus; participants?: ParticipantInfo[] }
  'media:create-transport': { transport: TransportInfo }
  'media:connect-transport': NoResult
  'media:produce': { producerId: string }
  'media:pause-producer': NoResult
  'media:resume-producer': NoResult
  'media:close-producer': NoResult
  'media:set-source': NoResult
  'media:consume': { consumer: ConsumerParameters }
  'media:resume-consumer': NoResult
  'media:set-quality': NoResult
  'media:go-live': { status: SessionStatus; startedAt: string }
  'media:end': { status: SessionStatus; endedAt: string }
  'media:leave': NoResult
  'media:restream-retry': NoResult
  'test:kill-worker': { pid: number | null }
}

export const MEDIA_ERROR_CODES = [
  'invalid',
  'unauthenticated',
  'forbidden',
  'not-found',
  'not-joined',
  'not-live',
  'ended',
  'unsupported',
  'restarting',
  /** A per-connection cap (transports, producers, consumers) is reached. */
  'too-many',
  /** Too many requests from this connection in a short time (valid or not). */
  'rate-limited',
  'internal',
] as const
export type MediaErrorCode = (typeof MEDIA_ERROR_CODES)[number]

export type MediaRefusal = { code: MediaErrorCode; message: string }

export type MediaClientToServer = RequestEvents<typeof MEDIA_REQUEST_SCHEMAS, MediaResponses, MediaRefusal>
export type MediaCatalogue = Catalogue<typeof MEDIA_REQUEST_SCHEMAS, MediaResponses, MediaRefusal>

// ---- server → client events --------------------------------------------------------------------

export const RECORDING_STOP_REASONS = ['disk-full', 'ffmpeg-missing', 'ffmpeg-failed', 'disabled'] as const
/**
 * The showcase's server-side recording, as everyone in the room sees it (viewers are told they are
 * recorded). off: not recorded (turned off, the fair's policy, or no ffmpeg); restarting: ffmpeg failed and
 * a new part starts in `retryInSeconds`; stopped: recording gave up (`reason`) while the show goes on.
 */
export type RecordingState =
  | { state: 'off'; reason?: (typeof RECORDING_STOP_REASONS)[number] }
  | { state: 'starting' }
  | { state: 'recording' }
  | { state: 'paused' }
  | { state: 'restarting'; retryInSeconds: number }
  | { state: 'stopped'; reason: (typeof RECORDING_STOP_REASONS)[number] }
  | { state: 'finished' }

export const RESTREAM_FAILURES = ['unreachable', 'rejected', 'dropped', 'exited', 'no-encoder', 'key-unreadable', 'private-host', 'encoder'] as const
export type RestreamFailure = (typeof RESTREAM_FAILURES)[number]
/**
 * One restream destination as the studio sees it (ADR 018). off: the show is not live (or the
 * destination is turned off); connecting: its publisher is starting or waits for the encode; live: the
 * platform takes the stream; retrying: it dropped and a new try starts in `retryInSeconds`; failed: it
 * gave up (`reason`) until the host retries.
 */
export type RestreamDestinationState =
  | { state: 'off' }
  | { state: 'connecting' }
  | { state: 'live'; since: string }
  /** `retryAt`: when the next try starts (ISO); the studio counts down to it. */
  | { state: 'retrying'; retryInSeconds: number; retryAt: string; reason: RestreamFailure }
  | { state: 'failed'; reason: RestreamFailure }
export type RestreamStatus = { destinations: Array<{ id: string; status: RestreamDestinationState }> }

export type MediaServerToClient = {
  /** Lifecycle of the session (SCHEDULED → LIVE → ENDED). */
  'media:status': (payload: { status: SessionStatus }) => void
  'media:producer-added': (payload: ProducerInfo) => void
  'media:producer-closed': (payload: { producerId: string; ownerId?: string }) => void
  /** Meetings: a participant entered (after media:ready) or left the room. */
  'media:participant-joined': (payload: ParticipantInfo) => void
  'media:participant-left': (payload: { peerId: string }) => void
  'media:producer-paused': (payload: { producerId: string; paused: boolean }) => void
  /** The host switched the video between camera and screen (same producer, new track). */
  'media:producer-source': (payload: { producerId: string; source: MediaSource }) => void
  'media:consumer-closed': (payload: { consumerId: string; producerId: string }) => void
  'media:consumer-layers': (payload: { consumerId: string; spatialLayer: number | null; temporalLayer: number | null }) => void
  'media:viewers': (payload: { count: number }) => void
  /** The server-side recording's state changed (also sent once after joining). */
  'media:recording': (payload: RecordingState) => void
  /** The host's view of the showcase's restream destinations (hosts only; also sent once after joining). */
  'media:restream': (payload: RestreamStatus) => void
  /**
   * Join again: the room's media restarted (a worker died), or the media node serving this connection
   * went down or is draining for a deploy (the next join places it on another node).
   */
  'media:reset': (payload: { reason: 'worker-died' | 'shutdown' | 'peer-timeout' | 'node-down' | 'draining' }) => void
}
