import { describe, expect, it } from 'vitest'
import { safeRedirectPath } from './request.server'

const FALLBACK = '/dashboard'

describe('safeRedirectPath', () => {
  it.each([
    ['//evil.example', 'protocol-relative'],
    ['/\\evil.example', 'backslash read as a slash'],
    ['\\\\evil.example', 'two backslashes'],
    ['/%09/evil.example', 'encoded tab'],
    ['/\t/evil.example', 'raw tab (what the form field holds after decoding)'],
    ['/\n/evil.example', 'raw newline'],
    ['/\r\n/evil.example', 'raw CR/LF'],
    ['/%0d%0a/evil.example', 'encoded CR/LF'],
    ['/%5Cevil.example', 'encoded backslash'],
    ['/%5C%5Cevil.example', 'two encoded backslashes'],
    ['/%2F%2Fevil.example', 'encoded slashes'],
    ['/%2fevil.example', 'encoded slash after the first'],
    ['https://evil.example', 'absolute URL'],
    ['http:/evil.example', 'scheme without slashes'],
    ['javascript:alert(1)', 'javascript: URL'],
    [' /catalog', 'leading space'],
    ['catalog', 'not a path'],
    ['', 'empty'],
    ['/%E0%A4%A', 'broken percent-encoding'],
    [`/${'a'.repeat(2001)}`, 'absurdly long'],
  ])('refuses %j (%s)', (input) => {
    expect(safeRedirectPath(input, FALLBACK)).toBe(FALLBACK)
  })

  it.each([
    ['/catalog?q=x#y', '/catalog?q=x#y'],
    ['/buyer', '/buyer'],
    ['/catalog/abc', '/catalog/abc'],
    ['/invitations/tok_en-1', '/invitations/tok_en-1'],
    ['/catalog?q=%EA%B9%80%EC%B9%98', '/catalog?q=%EA%B9%80%EC%B9%98'],
    ['/a/../catalog', '/catalog'],
  ])('keeps the same-origin path %j', (input, expected) => {
    expect(safeRedirectPath(input, FALLBACK)).toBe(expected)
  })

  it('falls back for anything that is not a string', () => {
    expect(safeRedirectPath(null, FALLBACK)).toBe(FALLBACK)
    expect(safeRedirectPath(undefined, FALLBACK)).toBe(FALLBACK)
    expect(safeRedirectPath(new File([], 'x'), FALLBACK)).toBe(FALLBACK)
  })
})
