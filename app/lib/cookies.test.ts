import { describe, expect, it } from 'vitest'
import { readCookie } from './cookies'

describe('readCookie', () => {
  it('finds a cookie among others and decodes its value', () => {
    expect(readCookie('a=1; tc_tz=Asia%2FSeoul; b=2', 'tc_tz')).toBe('Asia/Seoul')
    expect(readCookie('tc_tz=UTC', 'tc_tz')).toBe('UTC')
  })

  it('keeps "=" inside a value and tells an empty cookie from a missing one', () => {
    expect(readCookie('tc_guest=abc.de==', 'tc_guest')).toBe('abc.de==')
    expect(readCookie('tc_session=; other=1', 'tc_session')).toBe('')
    expect(readCookie('other=1', 'tc_session')).toBeNull()
    expect(readCookie(null, 'tc_session')).toBeNull()
    expect(readCookie(undefined, 'tc_session')).toBeNull()
  })

  it('matches whole names only, and returns a malformed escape as written', () => {
    expect(readCookie('xtc_tz=1; tc_tz2=2', 'tc_tz')).toBeNull()
    expect(readCookie('tc_test_now=%E0%A4%A', 'tc_test_now')).toBe('%E0%A4%A')
  })
})
