import { z } from 'zod'

// Parsed once at boot; a bad value stops the process with a readable message (fail fast).
const EnvSchema = z.object({
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
  /// "auto": Secure cookies when APP_URL is https
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  REDIS_URL: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO_DATA: z.enum(['true', 'false']).default('true'),
  /// Stripe secret key (sk_test_… / sk_live_…); without it and the webhook secret, payments are off
  STRIPE_SECRET_KEY: z.string().optional(),
  /// Signing secret of the /webhooks/stripe endpoint (whsec_…)
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  /// Send Stripe API calls elsewhere, e.g. http://127.0.0.1:12111 for the local fake (tests, dev:mocks)
  STRIPE_API_BASE: z.union([z.literal(''), z.url()]).optional(),
})

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
