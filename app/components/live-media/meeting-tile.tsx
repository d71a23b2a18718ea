import { clsx } from 'clsx'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '~/components/ui/button'

/**
 * One participant's video (and audio) in a meeting room. Plays with sound; when the browser's
 * autoplay policy refuses that, plays muted and offers "Tap to unmute".
 */
export function MeetingTile({
  stream,
  label,
  sublabel,
  local = false,
  placeholder,
  className,
  ...data
}: {
  stream: MediaStream | null
  label: string
  sublabel?: string
  /** The local preview: always muted, mirrored. */
  local?: boolean
  /** Shown instead of the picture (camera off, not yet connected). */
  placeholder?: string | null
  className?: string
} & Record<`data-${string}`, string | number>) {
  const { t } = useTranslation()
  const ref = useRef<HTMLVideoElement>(null)
  const [blocked, setBlocked] = useState(false)

  useEffect(() => {
    const video = ref.current
    if (!video) return
    if (video.srcObject !== stream) video.srcObject = stream
    if (!stream) return
    video.muted = local
    video.play().catch((error: unknown) => {
      if (local || (error as { name?: unknown } | null | undefined)?.name !== 'NotAllowedError') return
      video.muted = true
      setBlocked(true)
      void video.play().catch(() => undefined)
    })
  }, [stream, local])

  const unmute = () => {
    const video = ref.current
    if (!video) return
    video.muted = false
    setBlocked(false)
    void video.play().catch(() => setBlocked(true))
  }

  return (
    <figure className={clsx('relative aspect-video overflow-hidden rounded-xl bg-slate-900', className)} aria-label={label} {...data}>
      {/* eslint-disable-next-line jsx-a11y/media-has-caption -- a live call has no caption track to offer */}
      <video ref={ref} autoPlay playsInline muted={local} className={clsx('h-full w-full object-cover', local && '-scale-x-100', placeholder && 'invisible')} />
      {placeholder ? <p className="absolute inset-0 grid place-items-center p-4 text-center text-sm text-slate-300">{placeholder}</p> : null}
      <figcaption className="absolute bottom-2 left-2 flex items-center gap-2 rounded-md bg-black/60 px-2 py-1 text-xs text-white">
        <span className="font-semibold">{label}</span>
        {sublabel ? <span className="text-slate-200">{sublabel}</span> : null}
      </figcaption>
      {blocked ? (
        <Button className="absolute right-2 top-2" onClick={unmute}>
          {t('meetings.room.tapToUnmute')}
        </Button>
      ) : null}
    </figure>
  )
}
