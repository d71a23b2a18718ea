import { parseWithZod } from '@conform-to/zod/v4'
import type { ServerBuild } from 'react-router'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { DomainError } from '~/domain/errors'
import { answerDomainErrors, domainFormReply, formErrorFromDomain, rethrowAsResponse } from './route-errors.server'

const Schema = z.object({ name: z.string() })
const submission = () => {
  const formData = new FormData()
  formData.set('name', 'x')
  return parseWithZod(formData, { schema: Schema })
}

function thrown(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('expected a throw')
}

describe('rethrowAsResponse', () => {
  it('throws a DomainError as the error response the root ErrorBoundary reads', () => {
    const response = thrown(() => rethrowAsResponse(new DomainError('not-found', { status: 404 })))
    expect(response).toMatchObject({ type: 'DataWithResponseInit', data: { reason: 'not-found', messageKey: 'errors.not-found' }, init: { status: 404 } })
  })

  it('adds Retry-After to a 429', () => {
    const response = thrown(() => rethrowAsResponse(new DomainError('slow-down', { status: 429, retryAfterSeconds: 90 })))
    expect(response).toMatchObject({ init: { status: 429, headers: { 'Retry-After': '90' } } })
  })

  it('rethrows anything else untouched', () => {
    const error = new Error('boom')
    expect(thrown(() => rethrowAsResponse(error))).toBe(error)
  })
})

describe('form errors from a DomainError', () => {
  it('puts the message key on the form, or on the field the error names, with its status', () => {
    const formError = formErrorFromDomain(submission(), new DomainError('closed', { status: 409, messageKey: 'x.closed' }), { extra: { run: null } })
    expect(formError).toMatchObject({ data: { result: { error: { '': ['x.closed'] } }, run: null }, init: { status: 409 } })
    const fieldError = domainFormReply(submission(), new DomainError('invalid', { field: 'name' }))
    expect(fieldError.reply.error).toEqual({ name: ['errors.invalid'] })
    expect(fieldError.init).toEqual({ status: 400 })
  })

  it('lets the route choose the status, field and message', () => {
    const { reply, init } = domainFormReply(submission(), new DomainError('slow', { status: 429, retryAfterSeconds: 60 }), {
      status: 400,
      field: 'name',
      message: 'x.slow|1',
    })
    expect(reply.error).toEqual({ name: ['x.slow|1'] })
    expect(init).toEqual({ status: 400, headers: { 'Retry-After': '60' } })
  })

  it('rethrows a code the form does not show, and any other error', () => {
    const notFound = new DomainError('not-found', { status: 404 })
    expect(thrown(() => domainFormReply(submission(), notFound, { only: ['closed'] }))).toBe(notFound)
    const other = new TypeError('bug')
    expect(thrown(() => formErrorFromDomain(submission(), other))).toBe(other)
  })
})

describe('answerDomainErrors', () => {
  const build = (module: Record<string, unknown>) => ({ routes: { r: { id: 'r', path: '/', module } } }) as unknown as ServerBuild
  const run = (handler: unknown) => (handler as () => Promise<unknown>)()

  it('answers a DomainError thrown by a loader or action with its error response, and passes everything else', async () => {
    const failure = new Error('bug')
    const answering = answerDomainErrors(
      build({
        loader: async () => {
          throw new DomainError('forbidden', { status: 403 })
        },
        action: async () => {
          throw failure
        },
        default: 'component',
      }),
    )
    const route = answering.routes.r!.module
    await expect(run(route.loader)).rejects.toMatchObject({ data: { reason: 'forbidden' }, init: { status: 403 } })
    await expect(run(route.action)).rejects.toBe(failure)
    expect(route.default).toBe('component')
  })

  it('recognises a DomainError from another copy of the module (the build bundles its own)', async () => {
    const foreign = Object.assign(new Error('gone'), { [Symbol.for('tradecast.DomainError')]: true, code: 'gone', status: 410, messageKey: 'errors.gone' })
    const route = answerDomainErrors(
      build({
        loader: async () => {
          throw foreign
        },
      }),
    ).routes.r!.module
    await expect(run(route.loader)).rejects.toMatchObject({ data: { reason: 'gone' }, init: { status: 410 } })
  })
})
