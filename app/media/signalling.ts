import { io, type Socket } from 'socket.io-client'
import { timedEmit } from '~/protocol/catalogue'
import type { MediaCatalogue, MediaClientToServer, MediaErrorCode, MediaRequest, MediaRequestName, MediaResponses, MediaServerToClient } from '~/protocol/media'

export type MediaSocket = Socket<MediaServerToClient, MediaClientToServer>

export class MediaRequestError extends Error {
  constructor(
    readonly code: MediaErrorCode | 'timeout' | 'disconnected',
    message: string,
  ) {
    super(message)
  }
}

/** Failures that clear up by themselves (a worker restarting, a dropped socket): rejoin, don't show an error. */
export function isTransientMediaFailure(error: unknown): boolean {
  const code = (error as Partial<MediaRequestError>).code
  return code === 'restarting' || code === 'disconnected' || code === 'timeout'
}

/**
 * How a viewing hook reacts to a media reset or a failed request: a transient failure shows
 * "reconnecting" and joins again a second later; anything else is shown as an error.
 */
export function mediaRecovery(options: {
  isCancelled: () => boolean
  reconnecting: () => void
  rejoin: () => void
  failed: (error: { code: string; message: string }) => void
}) {
  // Arrow functions: the hooks destructure them, so they must not depend on `this`.
  return {
    onReset: () => {
      options.reconnecting()
      options.rejoin()
    },
    fail: (error: unknown) => {
      if (options.isCancelled()) return
      const failure = error as MediaRequestError
      if (isTransientMediaFailure(failure)) {
        options.reconnecting()
        setTimeout(() => !options.isCancelled() && options.rejoin(), 1000)
        return
      }
      // What was thrown may be a plain Error, without a code.
      options.failed({ code: (failure as Partial<MediaRequestError>).code ?? 'internal', message: failure.message })
    },
  }
}

/** The `/media` namespace on this origin; the session cookie authenticates it. Reconnects on its own. */
export function connectMediaSocket(): MediaSocket {
  return io('/media', { withCredentials: true, reconnectionDelay: 500, reconnectionDelayMax: 3000 })
}

/** One request/answer round trip; rejects with the server's error code (or a timeout). */
export function request<E extends MediaRequestName>(socket: MediaSocket, event: E, payload: MediaRequest<E>, timeoutMs = 10_000): Promise<MediaResponses[E]> {
  return new Promise((resolve, reject) => {
    if (!socket.connected) {
      reject(new MediaRequestError('disconnected', 'Not connected.'))
      return
    }
    timedEmit<MediaCatalogue, E>(socket, timeoutMs, event, payload, (error, answer) => {
      if (error) reject(new MediaRequestError('timeout', `${event} timed out`))
      else if (answer.ok) resolve(answer)
      else reject(new MediaRequestError(answer.error.code, answer.error.message))
    })
  })
}
