// The studio's encoder ingest (WHIP / RTMP): source choice, addresses, stream key, feed state and health.
const ingest = {
  ingest: {
    source: { legend: 'Video source', camera: 'Browser camera', encoder: 'Encoder (OBS, hardware)' },
    title: 'Encoder feed',
    preview: 'Encoder feed preview',
    noFeed: 'No feed yet. Point your encoder at the address below and start streaming there.',
    health: 'Feed health',
    bitrate: 'Bitrate',
    kbps: '{{value}} kbit/s',
    resolution: 'Resolution',
    fps: 'Frames/s',
    loss: 'Packet loss',
    state: {
      none: 'No encoder connected',
      waiting: 'Encoder connected, waiting for media',
      receiving: 'Receiving',
      stalled: 'Stalled: no media for a few seconds',
      stopped: 'Stopped',
    },
    whipUrl: 'WHIP URL (OBS 30+: Service “WHIP”)',
    rtmpUrl: 'RTMP server',
    rtmpOff: 'RTMP ingest is not enabled on this server.',
    streamKey: 'Stream key / bearer token',
    noKey: 'No stream key yet: create one to connect an encoder.',
    encoderSettings:
      'Encoder settings: video H.264 (profile baseline or main, no B-frames) or VP8, audio AAC or Opus, a key frame every 1–2 s (OBS: Output → Keyframe Interval 2). Longer intervals make new viewers wait for a picture.',
    keyNote: 'Keep the key secret. Rotating it disconnects the encoder that uses the old key.',
    copy: 'Copy',
    copied: 'Copied',
    copyLabel: 'Copy {{field}}',
    rotate: 'Rotate key',
    create: 'Create stream key',
    rotating: 'Working…',
    rotateConfirm: 'Make a new key? The encoder using the current key is disconnected now.',
    loading: 'Loading the encoder settings…',
    goLiveNote: 'Going live shows the encoder feed to viewers; start streaming from the encoder first.',
    errors: { invalid: 'This request could not be understood.', notShowcase: 'Only a showcase takes an encoder feed.' },
  },
}

export default ingest
