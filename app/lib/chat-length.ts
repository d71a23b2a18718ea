// Client-safe: how long a chat message is, as people see it. One grapheme cluster (a letter with its
// accents, a Hangul syllable, an emoji with its skin tone, a ZWJ family, a flag) counts as one
// character, in the composer's counter and in the server's limit alike.

let segmenter: Intl.Segmenter | undefined

/** The number of user-perceived characters (extended grapheme clusters) in `text`. */
export function countGraphemes(text: string): number {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })
  let count = 0
  for (const _ of segmenter.segment(text)) count++
  return count
}

/**
 * A message's length against a limit: `length` in characters as people see them, `over` how many
 * characters too many (0 when it fits).
 */
export function measureText(text: string, max: number): { length: number; over: number } {
  const length = countGraphemes(text)
  return { length, over: Math.max(0, length - max) }
}
