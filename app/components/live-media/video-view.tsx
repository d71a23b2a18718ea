import { useEffect, useRef, type VideoHTMLAttributes } from 'react'

/** A <video> bound to a MediaStream (React cannot set srcObject as an attribute). */
export function VideoView({ stream, muted, ...props }: { stream: MediaStream | null; muted: boolean } & Omit<VideoHTMLAttributes<HTMLVideoElement>, 'muted'>) {
  const ref = useRef<HTMLVideoElement>(null)
  useEffect(() => {
    const video = ref.current
    if (!video) return
    if (video.srcObject !== stream) video.srcObject = stream
    if (stream) void video.play().catch(() => undefined)
  }, [stream])
  useEffect(() => {
    const video = ref.current
    if (!video) return
    video.muted = muted
    if (!muted) void video.play().catch(() => undefined)
  }, [muted])
  // eslint-disable-next-line jsx-a11y/media-has-caption -- a live stream has no caption track to offer
  return <video ref={ref} autoPlay playsInline muted={muted} {...props} />
}
