import { describe, expect, it } from 'vitest'
import { isPlainText } from './plain-text'

describe('isPlainText', () => {
  it('accepts ordinary text in any script, with tabs and line breaks', () => {
    for (const text of [
      'Seorak Foods',
      '설악식품 — 김 스낵',
      'مرحبا بالعالم',
      'שלום',
      'Line one\nLine two\r\n\tindented',
      '<script>alert(1)</script>',
      '=SUM(A1)',
    ]) {
      expect(isPlainText(text), JSON.stringify(text)).toBe(true)
    }
  })

  it('refuses NUL, other C0/C1 controls, DEL and bidi overrides, embeddings and isolates', () => {
    for (const text of ['a\u0000b', 'a\u0007b', 'a\u001b[31m', 'a\u007f', 'a\u0085b', 'a\u202Eb', 'a\u202Ab', 'a\u2066b\u2069', 'a\u000Bb']) {
      expect(isPlainText(text), JSON.stringify(text)).toBe(false)
    }
  })
})
