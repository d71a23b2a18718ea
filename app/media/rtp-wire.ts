import type { types } from 'mediasoup-client'
import type { MediaRequest } from '~/protocol/media'

type WireValue = string | number | boolean
type WireCapabilities = MediaRequest<'media:ready'>['rtpCapabilities']
type WireRtpParameters = MediaRequest<'media:produce'>['rtpParameters']

function isWireValue(value: unknown): value is WireValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}

/**
 * mediasoup-client types codec and header-extension parameters as `Record<string, unknown>`; the
 * protocol (and the browser's SDP fmtp lines) only has strings, numbers and booleans there. Anything
 * else would be refused by the server's schema, so keeping only those values sends the same bytes.
 */
function withWireParameters<T extends { parameters?: Record<string, unknown> }>({
  parameters,
  ...rest
}: T): Omit<T, 'parameters'> & { parameters?: Record<string, WireValue> } {
  if (!parameters) return rest
  return { ...rest, parameters: Object.fromEntries(Object.entries(parameters).filter((entry): entry is [string, WireValue] => isWireValue(entry[1]))) }
}

/** What this browser can receive, in the shape `media:ready` takes. */
export function wireRtpCapabilities({ codecs, ...rest }: types.RtpCapabilities): WireCapabilities {
  return { ...rest, ...(codecs ? { codecs: codecs.map(withWireParameters) } : {}) }
}

/** A new producer's RTP parameters, in the shape `media:produce` takes. */
export function wireRtpParameters({ codecs, headerExtensions, ...rest }: types.RtpParameters): WireRtpParameters {
  return { ...rest, codecs: codecs.map(withWireParameters), ...(headerExtensions ? { headerExtensions: headerExtensions.map(withWireParameters) } : {}) }
}
