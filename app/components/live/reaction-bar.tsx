import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Reaction, REACTIONS } from '~/protocol/live'

/** Emoji buttons, plus the room's aggregated reactions floating up for a moment. */
export function ReactionBar({ onReact, burst }: { onReact: (emoji: Reaction) => void; burst: { id: number; counts: Record<string, number> } | null }) {
  const { t } = useTranslation()
  const [visible, setVisible] = useState(burst)
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- each burst shows, then a timer hides it
    setVisible(burst)
    const timer = setTimeout(() => setVisible(null), 1500)
    return () => clearTimeout(timer)
  }, [burst])
  return (
    <div className="relative flex items-center gap-1" role="group" aria-label={t('liveRoom.reactions')}>
      {REACTIONS.map((emoji) => (
        <button
          key={emoji}
          type="button"
          onClick={() => onReact(emoji)}
          aria-label={t('liveRoom.react', { emoji })}
          className="rounded-full bg-white/90 px-2 py-1 text-lg pointer-coarse:min-h-11 pointer-coarse:min-w-11 shadow-sm ring-1 ring-slate-200 hover:scale-110 motion-safe:transition-transform"
        >
          {emoji}
        </button>
      ))}
      {visible ? (
        <div aria-hidden="true" className="pointer-events-none absolute -top-8 left-0 flex gap-2 text-lg motion-safe:animate-bounce">
          {Object.entries(visible.counts).map(([emoji, count]) => (
            <span key={emoji}>
              {emoji}
              {count > 1 ? <sup className="text-xs">{count}</sup> : null}
            </span>
          ))}
        </div>
      ) : null}
    </div>
  )
}
