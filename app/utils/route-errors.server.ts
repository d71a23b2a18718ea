// Where a DomainError (app/domain/errors.ts) meets HTTP, in one place: guards and refusals thrown by the
// domain become the error response the ErrorBoundaries render (`data({ reason })` with the status),
// and refusals a person can act on become form errors next to their form.
import type { SubmissionResult } from '@conform-to/react'
import { data, type ServerBuild } from 'react-router'
import { type DomainError, isDomainError } from '~/domain/errors'

/** The body of an error response: `reason` is what the ErrorBoundaries read (app/components/error-page.tsx). */
export type DomainErrorBody = { reason: string; messageKey: string }

function responseInit(error: DomainError): ResponseInit {
  const retryAfter = error.status === 429 && error.retryAfterSeconds !== undefined ? { 'Retry-After': String(Math.ceil(error.retryAfterSeconds)) } : undefined
  return retryAfter ? { status: error.status, headers: retryAfter } : { status: error.status }
}

/** The error response of a DomainError, as a loader or action would throw it. */
export function responseFromDomainError(error: DomainError) {
  return data<DomainErrorBody>({ reason: error.code, messageKey: error.messageKey }, responseInit(error))
}

/** In a catch block: a DomainError leaves as its error response; anything else is rethrown untouched. */
export function rethrowAsResponse(error: unknown): never {
  if (isDomainError(error)) throw responseFromDomainError(error)
  throw error
}

type Replyable = { reply: (options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]>; hideFields?: string[] }) => SubmissionResult }

export type DomainFormErrorOptions = {
  /** Only these codes are the form's to show; any other error leaves as its error response. */
  only?: readonly string[]
  /** The status of the form answer when it differs from the error's. */
  status?: number
  /** Replaces the message key, e.g. when the route adds interpolation to it. */
  message?: string
  /** The field to show the message on (default: the error's own field, else the whole form). */
  field?: string
  hideFields?: string[]
}

/**
 * In an action's catch block: a DomainError becomes the form's error (on its field when it names one)
 * with its status (and Retry-After for 429); anything else is rethrown untouched.
 */
export function domainFormReply(submission: Replyable, error: unknown, options: DomainFormErrorOptions = {}) {
  if (!isDomainError(error) || (options.only && !options.only.includes(error.code))) throw error
  const message = options.message ?? error.messageKey
  const field = options.field ?? error.field
  const hideFields = options.hideFields ? { hideFields: options.hideFields } : {}
  const reply = field ? submission.reply({ fieldErrors: { [field]: [message] }, ...hideFields }) : submission.reply({ formErrors: [message], ...hideFields })
  const init = responseInit(error)
  return { reply, init: options.status === undefined ? init : { ...init, status: options.status } }
}

/** `domainFormReply` as the usual action answer `data({ result, ...extra }, { status })`. */
// eslint-disable-next-line @typescript-eslint/no-generated-empty-object-type -- no extra fields by default, on purpose
export function formErrorFromDomain<Extra extends Record<string, unknown> = Record<never, never>>(
  submission: Replyable,
  error: unknown,
  options: DomainFormErrorOptions & { extra?: Extra } = {},
) {
  const { reply, init } = domainFormReply(submission, error, options)
  // Without extra, the spread adds nothing; typed as Extra so callers read their own fields.
  return data({ result: reply, ...(options.extra ?? ({} as Extra)) }, init)
}

type RouteHandler = (...args: never[]) => unknown

function answeringDomainErrors<Handler extends RouteHandler>(handler: Handler): Handler {
  return (async (...args: never[]) => {
    try {
      return await handler(...args)
    } catch (error) {
      rethrowAsResponse(error)
    }
  }) as Handler
}

const wrapped = new WeakMap<ServerBuild, ServerBuild>()

/**
 * The server build with every route loader and action answering a DomainError with its error response,
 * so guards in app/domain can throw one error type and routes need no catch block to pass it on (React
 * Router's middleware does not see loader errors, hence the build). Used by every request handler:
 * server/app.ts and tests/app-handler.ts.
 */
export function answerDomainErrors(build: ServerBuild): ServerBuild {
  const known = wrapped.get(build)
  if (known) return known
  const routes: ServerBuild['routes'] = {}
  for (const [id, route] of Object.entries(build.routes)) {
    if (!route) continue
    const { loader, action } = route.module
    routes[id] = {
      ...route,
      module: {
        ...route.module,
        ...(loader ? { loader: answeringDomainErrors(loader) } : {}),
        ...(action ? { action: answeringDomainErrors(action) } : {}),
      },
    }
  }
  const answering = { ...build, routes }
  wrapped.set(build, answering)
  return answering
}
