import type { z } from 'zod'
import { type DomainError, isDomainError } from '../../../app/domain/errors.ts'
import { getLogger } from '../../../app/utils/logger.server.ts'

/** A refusal as acks carry it (`{ ok: false, error }`); `retryAfterMs` only where the namespace's protocol has it. */
export type Refusal<Code extends string = string> = { code: Code; message: string; retryAfterMs?: number }

/** A refusal decided by the gateway or a handler (not the domain): code and message are final. */
export class ProtocolError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message)
  }
}

/** A zod failure as one line for the ack's message (`path: problem; …`). */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`).join('; ')
}

/** How one namespace words the refusals the domain and its other layers raise. */
export type RefusalPolicy<Code extends string> = {
  /** For logs: which namespace failed. */
  namespace: string
  /** The ack of a DomainError (its code in the namespace's vocabulary), or null when the namespace has none for it. */
  fromDomain: (error: DomainError) => Refusal<Code> | null
  /** Errors of layers below the domain (e.g. server/media's MediaError); null when not one of them. */
  fromOther?: (error: unknown) => Refusal<Code> | null
  /** The message of an unexpected failure (logged, answered as `internal`). */
  internalMessage: string
  /** The message of a spent budget (`rate-limited`). */
  rateLimited: string
  /** The message for an event the catalogue does not have (or does not serve here). */
  unknownEvent: (event: string) => string
}

/**
 * The one place a thrown error becomes an ack's refusal: protocol errors as they are, domain errors
 * through the namespace's policy, anything else logged and answered as `internal`.
 */
export function refusalFrom<Code extends string>(error: unknown, policy: RefusalPolicy<Code>): Refusal<Code | 'internal'> {
  if (error instanceof ProtocolError) {
    return { code: error.code as Code, message: error.message, ...(error.retryAfterMs ? { retryAfterMs: error.retryAfterMs } : {}) }
  }
  const mapped = isDomainError(error) ? policy.fromDomain(error) : (policy.fromOther?.(error) ?? null)
  if (mapped) return mapped
  getLogger().error({ err: error, ns: policy.namespace }, `${policy.namespace} request failed`)
  return { code: 'internal', message: policy.internalMessage }
}

/** A domain error's code when the namespace's protocol has it, else null. */
export function knownCode<Code extends string>(codes: readonly Code[], code: string): Code | null {
  return (codes as readonly string[]).includes(code) ? (code as Code) : null
}
