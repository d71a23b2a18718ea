import { z } from 'zod'

// Parsed once at boot; a bad value stops the process with a readable message (fail fast).
const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    /// Public origin used in links and CSRF origin checks, e.g. https://tradecast.example
    APP_URL: z.url().optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// URL')
      .optional(),
    PGLITE_DATA_DIR: z.string().optional(),
    SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
    /// Seals stored third-party secrets (restream stream keys, ingest tokens): 32 bytes, hex or base64
    SECRETS_ENCRYPTION_KEY: z.string().min(1).optional(),
    /// "auto": Secure cookies when APP_URL is https
    COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
    /// Sign-in attempts one address may make per 15 minutes, whatever the accounts; raise it where many people share one address (a fair venue's Wi-Fi)
    LOGIN_ATTEMPTS_PER_IP: z.coerce.number().int().min(10).max(100_000).default(50),
    /// A session unused this long ends (ASVS L2 V3.3.2: 12 h); the 30-day absolute life still applies
    SESSION_IDLE_TIMEOUT_MINUTES: z.coerce.number().int().min(5).max(43_200).default(720),
    REDIS_URL: z.string().optional(),
    /// Pub/sub channel prefix shared by the processes of one deployment (several deployments on one Redis)
    REDIS_CHANNEL: z.string().min(1).max(100).optional(),
    /// Longest wait (ms) before a busy live room's chat goes out; larger = less CPU per viewer, more latency
    LIVE_CHAT_BATCH_MAX_MS: z.coerce.number().min(0).max(1000).default(50),
    /// pino level; default 'info', and 'silent' under NODE_ENV=test (see the transform below)
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
    /// Seed the demo data set into an empty database; default only in development (see the transform below)
    SEED_DEMO_DATA: z.enum(['true', 'false']).optional(),
    /// Proxies in front of the app: a hop count ("1") or their addresses/subnets ("10.0.0.1, 172.16.0.0/12")
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((value, ctx) => parseTrustProxy(value, ctx)),
    /// Stripe secret key (sk_test_… / sk_live_…); without it and the webhook secret, payments are off
    STRIPE_SECRET_KEY: z.string().optional(),
    /// Signing secret of the /webhooks/stripe endpoint (whsec_…)
    STRIPE_WEBHOOK_SECRET: z.string().optional(),
    /// Send Stripe API calls elsewhere, e.g. http://127.0.0.1:12111 for the local fake (tests, dev:mocks)
    STRIPE_API_BASE: z.union([z.literal(''), z.url()]).optional(),
    /// mediasoup workers (default: one per core, os.availableParallelism())
    MEDIASOUP_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
    /// Consumers one router serves before a showcase fans out to a router on another worker
    MEDIA_CONSUMERS_PER_ROUTER: z.coerce.number().int().min(2).max(10_000).default(500),
    /// Address WebRTC transports bind to; 0.0.0.0 = all interfaces (then announce RTC_ANNOUNCED_IP)
    RTC_LISTEN_IP: z.union([z.ipv4(), z.ipv6()]).default('0.0.0.0'),
    /// Public IP or host name put in ICE candidates (behind NAT / in containers)
    RTC_ANNOUNCED_IP: z.string().min(1).optional(),
    RTC_MIN_PORT: z.coerce.number().int().min(1024).max(65_535).default(40_000),
    RTC_MAX_PORT: z.coerce.number().int().min(1024).max(65_535).default(49_999),
    /// Media nodes (ADR 020; only with REDIS_URL): this node's id in the cluster (default: node-<random>; browsers see it)
    MEDIA_NODE_ID: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash and underscore')
      .optional(),
    /// Viewers this node takes (default: its workers × MEDIA_CONSUMERS_PER_ROUTER / 2; 0 = origin-only, for hosts and encoders)
    MEDIA_NODE_MAX_VIEWERS: z.coerce.number().int().min(0).max(1_000_000).optional(),
    /// Address the pipe transports to other media nodes bind to (default RTC_LISTEN_IP) and the one announced to them
    MEDIA_PIPE_IP: z.union([z.ipv4(), z.ipv6()]).optional(),
    MEDIA_PIPE_ANNOUNCED_IP: z.string().min(1).optional(),
    /// SIGTERM: how long a media node waits for its viewers to move to other nodes before it stops
    MEDIA_DRAIN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
    /// RTMP ingest from encoders (issue 17): the port the RTMP listener takes (unset: no RTMP ingest) and the
    /// host encoders are told to use (default: the host of the page that shows it)
    RTMP_INGEST_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
    RTMP_INGEST_HOST: z.string().min(1).optional(),
    /// STUN/TURN servers for browsers, JSON: [{"urls":"turn:turn.example:3478","username":"u","credential":"p"}]
    ICE_SERVERS: z
      .string()
      .default('[]')
      .transform((value, ctx) => {
        try {
          return JSON.parse(value) as unknown
        } catch {
          ctx.addIssue({ code: 'custom', message: 'ICE_SERVERS must be JSON' })
          return z.NEVER
        }
      })
      .pipe(
        z
          .array(
            z.object({
              urls: z.union([z.string().regex(/^(stun|stuns|turn|turns):/), z.array(z.string().regex(/^(stun|stuns|turn|turns):/)).min(1)]),
              username: z.string().optional(),
              credential: z.string().optional(),
            }),
          )
          .max(10),
      ),
    /// Meeting attendance (docs/meeting-attendance.md): hours a request or new time waits for an answer
    /// before it expires (never later than the meeting's start), and minutes after the end before the
    /// room's attendance is marked (HELD or NO_SHOW)
    MEETING_REQUEST_EXPIRY_HOURS: z.coerce.number().int().min(1).max(1440).default(72),
    MEETING_NO_SHOW_GRACE_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
    /// "1" enables test-only hooks (e.g. killing a mediasoup worker from the e2e suite). Never in real deployments.
    ENABLE_TEST_HOOKS: z.enum(['0', '1']).default('0'),
    /// With ENABLE_TEST_HOOKS=1 only: milliseconds added to the request clock (app/utils/clock.server.ts)
    TEST_CLOCK_OFFSET_MS: z.coerce.number().int().default(0),
    /// SMTP server for outgoing mail, e.g. smtp://user:pass@mail.example:587; without it mail goes to the log
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().default('Tradecast <no-reply@tradecast.dev>'),
    /// Folder of uploaded logos and product images (relative to the working directory)
    UPLOAD_DIR: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || 'data/uploads'),
    /// Folder of showcase recordings (HLS parts, posters, clips), relative to the working directory
    RECORDINGS_DIR: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || 'data/recordings'),
    /// "false" turns server-side recording off for the whole deployment (live HLS fallback goes with it)
    RECORDING_ENABLED: z.enum(['true', 'false']).default('true'),
    /// The ffmpeg program recording runs (Debian's package by default)
    FFMPEG_PATH: z.string().min(1).default('ffmpeg'),
    /// Recording stops (with an alert to the host) when the recordings disk has less free space than this
    RECORDING_MIN_FREE_MB: z.coerce.number().int().min(0).max(10_000_000).default(512),
    /// Video bitrate of recordings and the live HLS rendition, kbit/s
    RECORDING_VIDEO_KBPS: z.coerce.number().int().min(200).max(20_000).default(2500),
    /// The shared encode while a showcase restreams (recording then uses the same encode): video kbit/s and height
    RESTREAM_VIDEO_KBPS: z.coerce.number().int().min(500).max(20_000).default(4500),
    RESTREAM_HEIGHT: z.enum(['720', '1080']).default('720').transform(Number),
    /// "true" lets restream destinations point at loopback/private addresses (tests, a studio's own RTMP relay)
    RESTREAM_ALLOW_PRIVATE_HOSTS: z.enum(['true', 'false']).default('false'),
    /// Bearer token of GET /metrics (Prometheus), at least 16 characters; unset: /metrics answers 404
    METRICS_TOKEN: z
      .union([z.literal(''), z.string().min(16, 'METRICS_TOKEN must be at least 16 characters')])
      .optional()
      .transform((value) => value || undefined),
    /// Port of Vite's HMR websocket in development (allowed by the CSP)
    HMR_PORT: z.coerce.number().int().min(0).max(65_535).default(24_678),
  })
  .refine((env) => env.RTC_MIN_PORT <= env.RTC_MAX_PORT, { error: 'RTC_MIN_PORT must not exceed RTC_MAX_PORT', path: ['RTC_MIN_PORT'] })
  // Test hooks let a client kill media workers and move the clock: never in a production process.
  .refine((env) => !(env.NODE_ENV === 'production' && env.ENABLE_TEST_HOOKS === '1'), {
    error: 'ENABLE_TEST_HOOKS=1 is refused when NODE_ENV=production',
    path: ['ENABLE_TEST_HOOKS'],
  })
  // An https APP_URL is a public deployment whatever NODE_ENV says: no clock overrides or worker kills there.
  .refine((env) => !(env.ENABLE_TEST_HOOKS === '1' && env.APP_URL?.startsWith('https://')), {
    error: 'ENABLE_TEST_HOOKS=1 is refused when APP_URL is https (a public deployment)',
    path: ['ENABLE_TEST_HOOKS'],
  })
  // Demo data (known passwords) is opt-in outside development; the quick start sets it explicitly.
  .transform((env) => ({
    ...env,
    SEED_DEMO_DATA: env.SEED_DEMO_DATA ?? (env.NODE_ENV === 'development' ? 'true' : 'false'),
    // Test runs stay quiet unless a level is asked for.
    LOG_LEVEL: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
  }))

/** Express `trust proxy`: false (no proxy), a hop count, or the proxies' addresses; never "any proxy". */
export type TrustProxy = false | number | string[]

// Express also knows these names for address ranges.
const TRUST_PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal'])

function parseTrustProxy(value: string | undefined, ctx: z.RefinementCtx): TrustProxy {
  const trimmed = value?.trim() ?? ''
  if (trimmed === '' || trimmed === 'false' || trimmed === '0') return false
  if (trimmed === 'true') {
    // "true" makes Express believe the left-most X-Forwarded-For, which any client can write.
    ctx.addIssue({
      code: 'custom',
      message:
        "TRUST_PROXY=true trusts addresses any client can forge; set the number of proxy hops (e.g. 1) or the proxies' addresses/subnets (e.g. 10.0.0.1,172.16.0.0/12)",
    })
    return z.NEVER
  }
  if (/^\d+$/.test(trimmed)) {
    const hops = Number(trimmed)
    if (hops > 10) ctx.addIssue({ code: 'custom', message: 'TRUST_PROXY: at most 10 proxy hops' })
    return hops
  }
  const entries = trimmed
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  const address = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()])
  for (const entry of entries) {
    if (!TRUST_PROXY_NAMES.has(entry) && !address.safeParse(entry).success) {
      ctx.addIssue({ code: 'custom', message: `TRUST_PROXY: "${entry}" is neither a hop count nor an IP address or subnet` })
    }
  }
  return entries
}

export type Env = z.infer<typeof EnvSchema>

let cached: Env | undefined

export function getEnv(): Env {
  if (cached) return cached
  const parsed = EnvSchema.safeParse(process.env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid environment:\n${problems.join('\n')}`)
  }
  cached = parsed.data
  return cached
}

/** For tests that change process.env between cases. */
export function resetEnvCache() {
  cached = undefined
}
