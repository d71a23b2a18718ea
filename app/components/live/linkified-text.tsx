import { Fragment } from 'react'

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi

/**
 * Chat text with http(s) links made clickable. Everything is rendered as React text nodes, so markup
 * in a message stays inert; links open in a new tab without referrer or opener access.
 */
export function LinkifiedText({ text }: { text: string }) {
  const parts: Array<{ text: string; href?: string }> = []
  let last = 0
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index
    if (start > last) parts.push({ text: text.slice(last, start) })
    const raw = match[0].replace(/[),.;!?]+$/, '')
    parts.push({ text: raw, href: raw })
    last = start + raw.length
  }
  if (last < text.length) parts.push({ text: text.slice(last) })
  return (
    <>
      {parts.map((part, index) =>
        part.href ? (
          <a key={index} href={part.href} target="_blank" rel="noopener noreferrer nofollow ugc" className="break-all text-brand-700 underline">
            {part.text}
          </a>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </>
  )
}
