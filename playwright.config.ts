import { defineConfig, devices } from '@playwright/test'

const PORT = Number(process.env.E2E_PORT ?? 3100)
const DATA_DIR = process.env.E2E_DATA_DIR ?? `data/e2e-pglite`
// Showcases recorded during the run (ffmpeg HLS), started empty like the database.
const RECORDINGS_DIR = `${DATA_DIR}-recordings`
// Payments: the app talks to the local Stripe fake (tests/mocks/stripe-server.ts), which posts signed
// webhooks back to the app; nothing reaches Stripe.
const STRIPE_MOCK_PORT = Number(process.env.E2E_STRIPE_PORT ?? 12111)
const STRIPE_WEBHOOK_SECRET = 'whsec_e2e_local_only_secret'

export default defineConfig({
  testDir: './e2e',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        // Debian's Chromium: Playwright cannot download its own browser on these machines.
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
        },
      },
    },
  ],
  webServer: [
    {
      command: 'node_modules/.bin/tsx tests/mocks/stripe-server.ts',
      url: `http://127.0.0.1:${STRIPE_MOCK_PORT}/healthz`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        STRIPE_MOCK_PORT: String(STRIPE_MOCK_PORT),
        STRIPE_WEBHOOK_URL: `http://localhost:${PORT}/webhooks/stripe`,
        STRIPE_WEBHOOK_SECRET,
      },
    },
    {
      // The production build on a fresh embedded database, seeded with the demo data at start (explicitly:
      // outside development demo data is opt-in). NODE_ENV=test, not production: a production process
      // refuses ENABLE_TEST_HOOKS (app/utils/env.server.ts); server/index.ts serves the build for both.
      command: `rm -rf ${DATA_DIR} ${RECORDINGS_DIR} && node_modules/.bin/tsx server/index.ts`,
      url: `http://localhost:${PORT}/healthz`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        NODE_ENV: 'test',
        // One secret for the bundled app and the Socket.io gateway (two module instances in one process;
        // without it, NODE_ENV=test gives each a random one and sockets would not know the session).
        SESSION_SECRET: 'e2e-session-secret-local-only-0123456789abcdef',
        PORT: String(PORT),
        PGLITE_DATA_DIR: DATA_DIR,
        RECORDINGS_DIR,
        LOG_LEVEL: 'warn',
        SEED_DEMO_DATA: 'true',
        // Every spec signs in from 127.0.0.1: the whole suite makes more sign-ins than one address's
        // default budget (50 per 15 min) allows; the sign-in budgets are tested in server/app.db.test.ts.
        LOGIN_ATTEMPTS_PER_IP: '1000',
        STRIPE_SECRET_KEY: 'sk_test_e2e',
        STRIPE_WEBHOOK_SECRET,
        STRIPE_API_BASE: `http://127.0.0.1:${STRIPE_MOCK_PORT}`,
        // Live media: WebRTC on loopback only (Chromium runs with --allow-loopback-in-peer-connection),
        // two workers, and the test hook that kills a worker (e2e/live-media.spec.ts).
        RTC_LISTEN_IP: '127.0.0.1',
        RTC_MIN_PORT: '42000',
        RTC_MAX_PORT: '42999',
        MEDIASOUP_WORKERS: '2',
        // Encoder ingest over RTMP (e2e/ingest.spec.ts): the listener on its own port.
        RTMP_INGEST_PORT: process.env.E2E_RTMP_INGEST_PORT ?? '19350',
        // One sealing key for the bundled app and the server's own modules (two module instances in one process;
        // without it, NODE_ENV=test gives each a random key and neither opens what the other sealed).
        SECRETS_ENCRYPTION_KEY: '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
        ENABLE_TEST_HOOKS: '1',
        // Restream destinations on loopback (e2e/restream.spec.ts runs its own RTMP server).
        RESTREAM_ALLOW_PRIVATE_HOSTS: 'true',
      },
    },
  ],
})
