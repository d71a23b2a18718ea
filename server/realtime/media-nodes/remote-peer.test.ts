import { describe, expect, it } from 'vitest'
import { RpcError } from '../../cluster/node-rpc.ts'
import { ProtocolError } from '../gateway/index.ts'
import { refusalOf } from './remote-peer.ts'

// What a browser hears when a relayed request fails on (or on the way to) the node holding its peer.
describe('refusalOf', () => {
  it('turns a node that is gone, slow, unreachable or not serving yet into "restarting", which browsers answer by joining again', () => {
    for (const code of ['node-down', 'timeout', 'closed', 'unreachable', 'unknown-method']) {
      const refusal = refusalOf(new RpcError(code, 'whatever the transport said'))
      expect(refusal).toBeInstanceOf(ProtocolError)
      expect(refusal).toMatchObject({ code: 'restarting' })
    }
  })

  it('keeps the serving node’s own media codes and messages', () => {
    expect(refusalOf(new RpcError('unsupported', 'This browser cannot play this stream.'))).toMatchObject({
      code: 'unsupported',
      message: 'This browser cannot play this stream.',
    })
    expect(refusalOf(new RpcError('too-many', 'No more streams.'))).toMatchObject({ code: 'too-many' })
  })

  it('answers codes outside the media vocabulary as internal, and leaves other errors alone', () => {
    expect(refusalOf(new RpcError('internal', 'the handler failed'))).toMatchObject({ code: 'internal' })
    expect(refusalOf(new RpcError('invalid', 'payload: bad'))).toMatchObject({ code: 'invalid' })
    const other = new Error('not from the relay')
    expect(refusalOf(other)).toBe(other)
  })
})
