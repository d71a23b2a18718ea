import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { redactLoggedRequest, redactLoggedResponse, redactSecrets } from './redact.server'

const token = () => randomBytes(32).toString('base64url')

describe('redactSecrets', () => {
  it('hides reset and invitation tokens in a mail body but keeps the rest readable', () => {
    const reset = token()
    const invite = token()
    const body = `Reset here:\n\nhttp://localhost:3000/reset-password/${reset}\n\nor join: https://x.example/invitations/${invite}?from=mail`
    const logged = redactSecrets(body)
    expect(logged).not.toContain(reset)
    expect(logged).not.toContain(invite)
    expect(logged).toBe('Reset here:\n\nhttp://localhost:3000/reset-password/[redacted]\n\nor join: https://x.example/invitations/[redacted]?from=mail')
  })

  it('leaves ids, words and ordinary paths alone', () => {
    const text = 'Order cmh1x2y3z0000abcdefghijk is now Paid: http://localhost:3000/orders/cmh1x2y3z0000abcdefghijk'
    expect(redactSecrets(text)).toBe(text)
  })
})

describe('redactLoggedRequest', () => {
  it('hides a token in the URL, the query, the route params and the Referer', () => {
    const secret = token()
    const logged = redactLoggedRequest({
      id: 1,
      method: 'GET',
      url: `/reset-password/${secret}?x=${secret}`,
      query: { x: secret },
      params: { splat: [`reset-password/${secret}`] },
      headers: { referer: `http://localhost/invitations/${secret}`, 'user-agent': 'curl' },
    })
    expect(JSON.stringify(logged)).not.toContain(secret)
    expect(logged).toMatchObject({ id: 1, method: 'GET', url: '/reset-password/[redacted]?x=[redacted]', headers: { 'user-agent': 'curl' } })
  })
})

describe('redactLoggedResponse', () => {
  it('hides a token in a redirect target (invitation sign-in) and keeps the other headers', () => {
    const secret = token()
    const logged = redactLoggedResponse({
      statusCode: 302,
      headers: { location: `/login?redirectTo=%2Finvitations%2F${secret}`, 'content-type': 'text/plain' },
    })
    expect(JSON.stringify(logged)).not.toContain(secret)
    expect(logged).toEqual({ statusCode: 302, headers: { location: '/login?redirectTo=%2Finvitations%[redacted]', 'content-type': 'text/plain' } })
  })
})
