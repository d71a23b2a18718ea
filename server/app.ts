import { createRequestHandler } from '@react-router/express'
import express, { type Express } from 'express'
import { pinoHttp } from 'pino-http'
import type { ServerBuild } from 'react-router'
import type { ViteDevServer } from 'vite'
import { embedFrameAncestors } from '../app/domain/exporters/embed-ancestors.server.ts'
import { loadContextWithNonce } from '../app/utils/csp.server.ts'
import { getEnv, type TrustProxy } from '../app/utils/env.server.ts'
import { getLogger } from '../app/utils/logger.server.ts'
import { redactLoggedRequest, redactLoggedResponse } from '../app/utils/redact.server.ts'
import { answerDomainErrors } from '../app/utils/route-errors.server.ts'
import { CLIENT_IP_HEADER } from '../app/utils/request.server.ts'
import { mountStripeWebhook } from './stripe-webhook.ts'
import { getUploadDir, UPLOAD_URL_PREFIX } from '../app/utils/uploads.server.ts'
import { limitRequestBody } from './body-limit.ts'
import { mountRecordingFiles } from './recording/media-files.ts'
import type { IngestService } from './ingest/service.ts'
import { mountWhip } from './ingest/whip-http.ts'
import { mountJobTestHook, type JobService } from './jobs.ts'
import { createOperations, mountOperations, type Operations, PROBE_PATHS } from './operations/index.ts'
import { cspNonce, noStoreWhenSignedIn, permissionsPolicy, securityHeaders } from './security.ts'

type AppOptions = ({ mode: 'production'; build: ServerBuild; clientDir: string } | { mode: 'development'; vite: ViteDevServer }) & {
  /** Proxies whose X-Forwarded-For is believed (default: TRUST_PROXY); the rate limits key on the result. */
  trustProxy?: TrustProxy
  /** Encoder ingest (WHIP); created after the app, with the media layer (null: not served). */
  ingest?: () => IngestService | null
  /** Health probes and metrics (default: the database check and this process's metrics). */
  operations?: Operations
  /** The job service, started after the app (ENABLE_TEST_HOOKS=1 serves its run-due hook). */
  jobs?: () => JobService | null
}

/** Where a form may lead besides our origin: Stripe Checkout (or the local fake) after a redirect. */
function checkoutOrigins(): string[] {
  const env = getEnv()
  if (!env.STRIPE_SECRET_KEY) return []
  return env.STRIPE_API_BASE ? ['https://checkout.stripe.com', new URL(env.STRIPE_API_BASE).origin] : ['https://checkout.stripe.com']
}

/** The Express app: static assets, health, then every other request to React Router. */
export function createExpressApp(options: AppOptions): Express {
  const app = express()
  app.disable('x-powered-by')
  const operations = options.operations ?? createOperations()
  // First, so every request's time is measured, whoever answers it.
  app.use(operations.metrics.httpMiddleware())
  // Only the configured hops or proxy addresses: "trust everything" would key rate limits on a header
  // any client can write.
  app.set('trust proxy', options.trustProxy ?? getEnv().TRUST_PROXY)

  app.use(cspNonce())
  app.use(
    securityHeaders({
      mode: options.mode,
      formActionOrigins: checkoutOrigins(),
      hmrPort: getEnv().HMR_PORT,
      embedFrameAncestors,
    }),
  )
  app.use(permissionsPolicy())

  // Liveness, readiness (also at /healthz) and /metrics; before the access log, which ignores them.
  mountOperations(app, operations)

  // Stripe signs the raw body: this route must come before any body parser and before React Router.
  mountStripeWebhook(app)

  if (options.mode === 'production') {
    app.use('/assets', express.static(`${options.clientDir}/assets`, { immutable: true, maxAge: '1y' }))
    app.use(express.static(options.clientDir, { maxAge: '1h' }))
  } else {
    app.use(options.vite.middlewares)
  }
  app.use(express.static('public', { maxAge: '1h' }))

  // User uploads (logos, product images): random names, raster types checked from the bytes on upload.
  // nosniff keeps browsers from reinterpreting a file; a missing file is a plain 404 (no fallthrough).
  app.use(
    UPLOAD_URL_PREFIX,
    express.static(getUploadDir(), {
      maxAge: '7d',
      fallthrough: false,
      index: false,
      dotfiles: 'deny',
      setHeaders: (res) => res.setHeader('X-Content-Type-Options', 'nosniff'),
    }),
    // A missing upload is an ordinary 404, not an error worth a stack trace in the log.
    (error: { status?: number }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
      if (error.status === 404) res.status(404).end()
      else next(error)
    },
  )

  // Recording segments, posters and clips behind signed links (the playlists' routes decide who may watch).
  mountRecordingFiles(app)

  // WHIP ingest from encoders (bearer token; before the request log, which would record the Authorization header).
  mountWhip(app, options.ingest ?? (() => null))

  // e2e specs run the jobs due at an instant they choose; never served without test hooks.
  if (getEnv().ENABLE_TEST_HOOKS === '1') mountJobTestHook(app, options.jobs ?? (() => null))

  app.use(
    pinoHttp({
      logger: getLogger(),
      autoLogging: { ignore: (req) => PROBE_PATHS.has(req.url.split('?')[0] ?? '') },
      // Reset and invitation links carry their token in the path (and redirects in Location): never into the access log.
      serializers: { req: redactLoggedRequest, res: redactLoggedResponse },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    }),
  )

  // Overwrite whatever the client claimed: rate limits key on this value.
  app.use((req, _res, next) => {
    req.headers[CLIENT_IP_HEADER] = req.ip ?? req.socket.remoteAddress ?? 'unknown'
    next()
  })

  app.use(noStoreWhenSignedIn)

  // The CSP nonce travels to app/entry.server.tsx in React Router's load context.
  const getLoadContext = (_req: express.Request, res: express.Response) => loadContextWithNonce(res.locals.cspNonce as string)
  app.all(
    '/{*splat}',
    limitRequestBody(
      options.mode === 'production'
        ? createRequestHandler({ build: answerDomainErrors(options.build), mode: 'production', getLoadContext })
        : createRequestHandler({
            build: async () => answerDomainErrors((await options.vite.ssrLoadModule('virtual:react-router/server-build')) as ServerBuild),
            mode: 'development',
            getLoadContext,
          }),
    ),
  )
  return app
}
