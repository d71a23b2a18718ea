/** A camera or microphone; `label` is empty until the user granted access once (the UI then names it by `number`). */
export type DeviceOption = { deviceId: string; label: string; number: number }

/** getUserMedia failures the UI explains in words (their DOMException names). */
const EXPLAINED_FAILURES = ['NotFoundError', 'NotAllowedError', 'NotReadableError', 'OverconstrainedError'] as const
/**
 * Why a camera, microphone or screen could not be used; each has a message under
 * `liveMedia.deviceErrors` (en/ko). `screen`: sharing failed; `unknown`: any other failure.
 */
export type DeviceFailure = (typeof EXPLAINED_FAILURES)[number] | 'screen' | 'unknown'

export function deviceFailure(error: unknown): DeviceFailure {
  const name = error instanceof Error ? error.name : null
  return EXPLAINED_FAILURES.find((known) => known === name) ?? 'unknown'
}

/** Cameras and microphones; labels are empty until the user granted access once. */
export async function listMediaDevices(): Promise<{ cameras: DeviceOption[]; microphones: DeviceOption[] }> {
  const devices = await navigator.mediaDevices.enumerateDevices()
  const pick = (kind: MediaDeviceKind) =>
    devices.filter((device) => device.kind === kind).map((device, index) => ({ deviceId: device.deviceId, label: device.label, number: index + 1 }))
  return { cameras: pick('videoinput'), microphones: pick('audioinput') }
}

export async function openCamera(deviceId?: string): Promise<MediaStreamTrack> {
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { ...(deviceId ? { deviceId: { exact: deviceId } } : {}), width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } },
  })
  return onlyTrack(stream.getVideoTracks())
}

export async function openMicrophone(deviceId?: string): Promise<MediaStreamTrack> {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { ...(deviceId ? { deviceId: { exact: deviceId } } : {}), echoCancellation: true, noiseSuppression: true },
  })
  return onlyTrack(stream.getAudioTracks())
}

export async function openScreen(): Promise<MediaStreamTrack> {
  const stream = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 15 } }, audio: false })
  return onlyTrack(stream.getVideoTracks())
}

/** The track a one-kind request returns (the browser grants all of it or throws). */
function onlyTrack(tracks: MediaStreamTrack[]): MediaStreamTrack {
  const [track] = tracks
  if (!track) throw new Error('The browser returned a stream without the requested track')
  return track
}
