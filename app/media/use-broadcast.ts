import type { types } from 'mediasoup-client'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { RecordingState, RestreamStatus, SessionStatus } from '~/protocol/media'
import { deviceFailure, listMediaDevices, openCamera, openMicrophone, openScreen, type DeviceFailure, type DeviceOption } from './local-media'
import { isSessionOver, MediaSession, MediaSessionClosedError } from './media-session'
import { isTransientMediaFailure, request, type MediaRequestError } from './signalling'
import { studioRejoin } from './studio-rejoin'
import { useMediaSocket } from './use-media-socket'

/**
 * preview: camera on, not broadcasting · connecting: going live · live · reconnecting: the
 * connection or the media server dropped (a page that was broadcasting resumes by itself) · resumable: live,
 * but this page was not broadcasting it (opened or reloaded mid-show): one click to broadcast ·
 * ended.
 */
export type StudioPhase = 'preview' | 'connecting' | 'live' | 'reconnecting' | 'resumable' | 'ended'
export type TransportQuality = 'new' | 'connecting' | 'connected' | 'disconnected' | 'failed' | 'closed'

/**
 * What the studio shows when something fails: a camera, microphone or screen problem (liveMedia.deviceErrors),
 * or a media request refused or lost, by its code (liveMedia.studio.errors); never the server's English text.
 */
export type StudioError = { device: DeviceFailure } | { code: string }

/** The screen could not be shared (other than by the user cancelling the picker). */
class ScreenShareError extends Error {}

/**
 * A failure as the studio explains it: a media request's by its code; what the browser's media APIs throw
 * (a DOMException such as NotAllowedError) as a device failure; anything else as an internal error.
 */
export function studioError(error: unknown): StudioError {
  const code = (error as { code?: unknown } | null | undefined)?.code
  if (typeof code === 'string') return { code }
  if (error instanceof ScreenShareError) return { device: 'screen' }
  if (typeof DOMException !== 'undefined' && error instanceof DOMException) return { device: deviceFailure(error) }
  return { code: 'internal' }
}

export type StudioState = {
  phase: StudioPhase
  status: SessionStatus | null
  cameras: DeviceOption[]
  microphones: DeviceOption[]
  cameraId: string | null
  microphoneId: string | null
  preview: MediaStream | null
  muted: boolean
  sharingScreen: boolean
  viewerCount: number
  transport: TransportQuality
  busy: null | 'devices' | 'go-live' | 'end' | 'screen' | 'resume'
  error: StudioError | null
  /** The server-side recording, once the show is live (null before). */
  recording: RecordingState | null
  /** Live state of the restream destinations (hosts only; null until the server told). */
  restream: RestreamStatus | null
  /** This connection's host join is done (device loaded): going live can start. */
  joined: boolean
}

/**
 * The host's studio: device choice and preview, go live / resume / end, screen share, mute. With
 * `source: 'encoder'` the show is fed by an encoder (WHIP / RTMP ingest): going live publishes nothing
 * from the browser, and a show already live is simply live here.
 */
export function useBroadcast(sessionId: string, { source = 'camera' }: { source?: 'camera' | 'encoder' } = {}) {
  const { socket, state: socketState, epoch } = useMediaSocket()
  const [state, setState] = useState<StudioState>({
    phase: 'preview',
    status: null,
    cameras: [],
    microphones: [],
    cameraId: null,
    microphoneId: null,
    preview: null,
    muted: false,
    sharingScreen: false,
    viewerCount: 0,
    transport: 'new',
    busy: 'devices',
    error: null,
    recording: null,
    restream: null,
    joined: false,
  })
  const [resets, setResets] = useState(0)
  const patch = useCallback((next: Partial<StudioState>) => setState((current) => ({ ...current, ...next })), [])

  const camera = useRef<MediaStreamTrack | null>(null)
  const microphone = useRef<MediaStreamTrack | null>(null)
  const screen = useRef<MediaStreamTrack | null>(null)
  /** The join of the current connection; publishing opens its send transport. */
  const session = useRef<MediaSession | null>(null)
  const videoProducer = useRef<types.Producer | null>(null)
  const audioProducer = useRef<types.Producer | null>(null)
  /** True while this page meant to be broadcasting (survives reconnects). */
  const broadcasting = useRef(false)
  const mutedRef = useRef(false)
  const joinedRef = useRef(false)
  const encoderRef = useRef(source === 'encoder')
  useEffect(() => {
    encoderRef.current = source === 'encoder'
  }, [source])

  const setPreview = useCallback(() => {
    const video = screen.current ?? camera.current
    const tracks = [video, microphone.current].filter((track): track is MediaStreamTrack => track !== null)
    patch({ preview: tracks.length > 0 ? new MediaStream(tracks) : null })
  }, [patch])

  // Devices: ask once (labels need a grant), then list.
  useEffect(() => {
    let cancelled = false
    void (async () => {
      try {
        camera.current = await openCamera()
        microphone.current = await openMicrophone()
        const { cameras, microphones } = await listMediaDevices()
        // The cleanup may have run while awaiting (TypeScript cannot see it from here).
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
        if (cancelled) return
        patch({
          cameras,
          microphones,
          cameraId: camera.current.getSettings().deviceId ?? cameras[0]?.deviceId ?? null,
          microphoneId: microphone.current.getSettings().deviceId ?? microphones[0]?.deviceId ?? null,
          busy: null,
        })
        setPreview()
      } catch (error) {
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- as above
        if (!cancelled) patch({ busy: null, error: { device: deviceFailure(error) } })
      }
    })()
    return () => {
      cancelled = true
      camera.current?.stop()
      microphone.current?.stop()
      screen.current?.stop()
    }
  }, [patch, setPreview])

  const closeMedia = useCallback(() => {
    videoProducer.current = null
    audioProducer.current = null
    session.current?.closeSendTransport()
  }, [])

  const publish = useCallback(async () => {
    const current = session.current
    if (!current) throw new Error('not connected')
    closeMedia()
    const sendTransport = await current.openSendTransport()
    sendTransport.on('connectionstatechange', (connectionState) => patch({ transport: connectionState }))
    const video = screen.current ?? camera.current
    if (video) videoProducer.current = await current.produceVideo(video, screen.current ? 'screen' : 'camera')
    if (microphone.current) {
      audioProducer.current = await current.produceAudio(microphone.current)
      if (mutedRef.current) await current.setProducerPaused(audioProducer.current, true)
    }
    broadcasting.current = true
    patch({ phase: 'live', error: null })
  }, [closeMedia, patch])

  // Join as host at every connection; a page that was broadcasting resumes by itself after a worker reset,
  // a network drop or a server restart (studio-rejoin.ts).
  useEffect(() => {
    if (!socket || epoch === 0) return
    const joining = new MediaSession(socket, sessionId, 'host')
    session.current = joining
    const onStatus = ({ status }: { status: SessionStatus }) => patch({ status, ...(status === 'ENDED' ? { phase: 'ended' as const } : {}) })
    const onViewers = ({ count }: { count: number }) => patch({ viewerCount: count })
    const onRecording = (recording: RecordingState) => patch({ recording })
    const onRestream = (restream: RestreamStatus) => patch({ restream })
    const onReset = () => {
      joinedRef.current = false
      closeMedia()
      patch({ phase: 'reconnecting', joined: false })
      setResets((value) => value + 1)
    }
    socket.on('media:status', onStatus)
    socket.on('media:viewers', onViewers)
    socket.on('media:reset', onReset)
    socket.on('media:recording', onRecording)
    socket.on('media:restream', onRestream)
    void (async () => {
      const joined = await joining.join()
      patch({ status: joined.status })
      if (isSessionOver(joined.status)) {
        broadcasting.current = false
        patch({ phase: 'ended' })
        return
      }
      // The host only sends: no receive transport; the send transport opens when going live.
      await joining.connect(joined)
      const ready = await joining.ready()
      joinedRef.current = true
      patch({ viewerCount: ready.viewerCount, joined: true })
      // Read now, not when this join started: the socket may have dropped while the join was under way.
      const next = studioRejoin(joined.status, { encoder: encoderRef.current, wasBroadcasting: broadcasting.current })
      if (next === 'publish') {
        patch({ phase: 'connecting' })
        await publish()
      } else patch({ phase: next })
    })().catch((error: unknown) => {
      if (joining.closed) return
      const failure = error as MediaRequestError
      // As the viewers do (mediaRecovery): a restarting worker, a lost answer or a dropped socket is not the host's problem.
      if (isTransientMediaFailure(failure)) {
        setTimeout(() => !joining.closed && setResets((value) => value + 1), 1000)
        patch({ phase: 'reconnecting' })
      } else patch({ error: studioError(failure) })
    })
    return () => {
      joining.close()
      if (session.current === joining) session.current = null
      socket.off('media:status', onStatus)
      socket.off('media:viewers', onViewers)
      socket.off('media:reset', onReset)
      socket.off('media:recording', onRecording)
      socket.off('media:restream', onRestream)
    }
  }, [socket, epoch, resets, sessionId, patch, publish, closeMedia])

  useEffect(() => {
    if (socketState !== 'reconnecting') return
    joinedRef.current = false
    closeMedia()
    // eslint-disable-next-line react-hooks/set-state-in-effect -- mirrors the socket's state, an external system
    setState((current) =>
      current.phase === 'ended' || current.phase === 'preview'
        ? { ...current, joined: false }
        : { ...current, phase: 'reconnecting', transport: 'disconnected', joined: false },
    )
  }, [socketState, closeMedia])

  const run = useCallback(
    async (busy: NonNullable<StudioState['busy']>, action: () => Promise<void>) => {
      patch({ busy, error: null })
      try {
        await action()
      } catch (error) {
        // A reset or reconnection replaced the join meanwhile; the new join decides what to show.
        if (error instanceof MediaSessionClosedError) return
        patch({ error: studioError(error) })
      } finally {
        patch({ busy: null })
      }
    },
    [patch],
  )

  const goLive = useCallback(
    () =>
      run('go-live', async () => {
        if (!socket) return
        patch({ phase: 'connecting' })
        const result = await request(socket, 'media:go-live', {})
        patch({ status: result.status })
        if (encoderRef.current) patch({ phase: 'live', error: null })
        else await publish()
      }),
    [run, socket, patch, publish],
  )

  const resume = useCallback(() => run('resume', publish), [run, publish])

  const end = useCallback(
    () =>
      run('end', async () => {
        if (!socket) return
        const result = await request(socket, 'media:end', {})
        broadcasting.current = false
        closeMedia()
        patch({ status: result.status, phase: 'ended' })
      }),
    [run, socket, closeMedia, patch],
  )

  const switchVideo = useCallback(
    async (track: MediaStreamTrack, source: 'camera' | 'screen') => {
      const producer = videoProducer.current
      if (producer && socket) {
        await producer.replaceTrack({ track })
        await request(socket, 'media:set-source', { producerId: producer.id, source })
      }
      setPreview()
    },
    [socket, setPreview],
  )

  const stopScreen = useCallback(async () => {
    const track = screen.current
    screen.current = null
    patch({ sharingScreen: false })
    if (camera.current) await switchVideo(camera.current, 'camera')
    track?.stop()
  }, [patch, switchVideo])

  const toggleScreen = useCallback(
    () =>
      run('screen', async () => {
        if (screen.current) return stopScreen()
        const track = await openScreen().catch((error: unknown) => {
          // Cancelling the browser's picker is a choice, not a failure; anything else is the screen's own message.
          if (deviceFailure(error) === 'NotAllowedError') return null
          throw new ScreenShareError()
        })
        if (!track) return
        screen.current = track
        // The browser's own "Stop sharing" button.
        track.addEventListener('ended', () => void stopScreen())
        patch({ sharingScreen: true })
        await switchVideo(track, 'screen')
      }),
    [run, stopScreen, patch, switchVideo],
  )

  const toggleMute = useCallback(() => {
    const muted = !mutedRef.current
    mutedRef.current = muted
    patch({ muted })
    if (microphone.current) microphone.current.enabled = !muted
    const producer = audioProducer.current
    // The track is already silenced here (enabled = false); a lost request only leaves the viewers'
    // "muted" note behind, and the next publish applies the choice again.
    if (producer) void session.current?.setProducerPaused(producer, muted).catch(() => undefined)
  }, [patch])

  const selectCamera = useCallback(
    (deviceId: string) =>
      run('devices', async () => {
        const next = await openCamera(deviceId)
        const previous = camera.current
        camera.current = next
        patch({ cameraId: deviceId })
        if (!screen.current) await switchVideo(next, 'camera')
        previous?.stop()
      }),
    [run, patch, switchVideo],
  )

  const selectMicrophone = useCallback(
    (deviceId: string) =>
      run('devices', async () => {
        const next = await openMicrophone(deviceId)
        next.enabled = !mutedRef.current
        const previous = microphone.current
        microphone.current = next
        patch({ microphoneId: deviceId })
        await audioProducer.current?.replaceTrack({ track: next })
        setPreview()
        previous?.stop()
      }),
    [run, patch, setPreview],
  )

  /** Retries a restream destination now; a refusal or a lost answer only shows in its next state. */
  const retryRestream = useCallback(
    async (destinationId: string) => {
      if (!socket) return
      await request(socket, 'media:restream-retry', { destinationId }).catch(() => undefined)
    },
    [socket],
  )

  return { ...state, socketState, goLive, resume, end, toggleScreen, toggleMute, selectCamera, selectMicrophone, retryRestream }
}
