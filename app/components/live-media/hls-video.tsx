import { useEffect, type RefObject, type VideoHTMLAttributes } from 'react'

/**
 * The <video> an HLS player (useHlsPlayer) plays into. `muted` is applied to the element (React sets the
 * attribute only at mount); unmuting also resumes playback that the browser held back.
 */
export function HlsVideo({
  videoRef,
  muted,
  ...props
}: { videoRef: RefObject<HTMLVideoElement | null>; muted: boolean } & Omit<VideoHTMLAttributes<HTMLVideoElement>, 'muted' | 'src'>) {
  useEffect(() => {
    const video = videoRef.current
    if (!video) return
    video.muted = muted
    if (!muted && video.paused && video.readyState > 0) void video.play().catch(() => undefined)
  }, [videoRef, muted])
  // eslint-disable-next-line jsx-a11y/media-has-caption -- a live stream has no caption track to offer
  return <video ref={videoRef} autoPlay playsInline muted={muted} {...props} />
}
