// A local RTMP "platform" (node-media-server) in its own process, for the restream tests and benchmark:
// argv = port, folder (its store, and with "record" the FLV of every stream it receives). Only loopback.
// Killing the process is what "the platform went away" looks like to a publisher.
import NodeMediaServer from 'node-media-server'

const [port, folder, record] = process.argv.slice(2)
if (!port || !folder) throw new Error('usage: rtmp-platform-server.ts <port> <folder> [record]')
const server = new NodeMediaServer({
  bind: '127.0.0.1',
  rtmp: { port: Number(port) },
  store: { path: `${folder}/store` },
  webadmin: { enable: false },
  auth: { play: false, publish: false },
  record: record === 'record' ? { auto: true, path: `${folder}/record` } : { auto: false },
})
void server.run()
process.on('SIGTERM', () => {
  void server.stop().finally(() => process.exit(0))
})
