export type DeviceOption = { deviceId: string; label: string }

/** Cameras and microphones; labels are empty until the user granted access once. */
export async function listMediaDevices(): Promise<{ cameras: DeviceOption[]; microphones: DeviceOption[] }> {
  const devices = await navigator.mediaDevices.enumerateDevices()
  const pick = (kind: MediaDeviceKind) =>
    devices.filter((device) => device.kind === kind).map((device, index) => ({ deviceId: device.deviceId, label: device.label || `${kind} ${index + 1}` }))
  return { cameras: pick('videoinput'), microphones: pick('audioinput') }
}

export async function openCamera(deviceId?: string): Promise<MediaStreamTrack> {
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { ...(deviceId ? { deviceId: { exact: deviceId } } : {}), width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } },
  })
  return stream.getVideoTracks()[0]!
}

export async function openMicrophone(deviceId?: string): Promise<MediaStreamTrack> {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { ...(deviceId ? { deviceId: { exact: deviceId } } : {}), echoCancellation: true, noiseSuppression: true },
  })
  return stream.getAudioTracks()[0]!
}

export async function openScreen(): Promise<MediaStreamTrack> {
  const stream = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 15 } }, audio: false })
  return stream.getVideoTracks()[0]!
}
