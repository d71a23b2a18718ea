/** Case- and width-insensitive form, so "ＦＡＫＥ" and "Fake" match a blocked "fake". */
function normalize(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase()
}

/** The first blocked word or phrase the message contains, if any. */
export function findBlockedWord(message: string, blockedWords: readonly string[]): string | null {
  const haystack = normalize(message)
  return blockedWords.find((word) => word.trim() && haystack.includes(normalize(word.trim()))) ?? null
}
