import { createSocket, type Socket } from 'node:dgram'
import { readFile } from 'node:fs/promises'

export type PortPair = { rtpPort: number; rtcpPort: number }

function bind(port: number, host: string): Promise<Socket | null> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4')
    socket.once('error', () => {
      socket.close()
      resolve(null)
    })
    socket.bind(port, host, () => resolve(socket))
  })
}

/**
 * Free UDP port pairs (even RTP port, RTCP on the next, as RFC 3550 and ffmpeg expect) for a local
 * receiver, found by binding both and releasing them just before the receiver binds. Another program
 * could take one in between: the receiver then fails to start and the recorder tries again with new ports.
 */
export async function findFreePortPairs(
  count: number,
  host = '127.0.0.1',
  range: { min: number; max: number } = { min: 50_000, max: 59_998 },
): Promise<PortPair[]> {
  const pairs: PortPair[] = []
  const held: Socket[] = []
  try {
    for (let attempt = 0; pairs.length < count && attempt < 200; attempt++) {
      const span = Math.floor((range.max - range.min) / 2)
      const rtpPort = range.min + 2 * Math.floor(Math.random() * span)
      const rtp = await bind(rtpPort, host)
      if (!rtp) continue
      const rtcp = await bind(rtpPort + 1, host)
      if (!rtcp) {
        rtp.close()
        continue
      }
      held.push(rtp, rtcp)
      pairs.push({ rtpPort, rtcpPort: rtpPort + 1 })
    }
  } finally {
    await Promise.all(held.map((socket) => new Promise<void>((resolve) => socket.close(() => resolve()))))
  }
  if (pairs.length < count) throw new Error('no free UDP port pairs for the recorder')
  return pairs
}

/** UDP ports bound on 127.0.0.1 right now, read from the kernel's table (null where there is no /proc). */
async function boundLoopbackUdpPorts(): Promise<Set<number> | null> {
  let table: string
  try {
    table = await readFile('/proc/net/udp', 'utf8')
  } catch {
    return null
  }
  const ports = new Set<number>()
  for (const line of table.split('\n').slice(1)) {
    // "  sl  local_address rem_address ...": the local address is hex IPv4 (little-endian) : hex port.
    const local = line.trim().split(/\s+/)[1]
    const [address, port] = local?.split(':') ?? []
    if (address === '0100007F' && port) ports.add(Number.parseInt(port, 16))
  }
  return ports
}

/**
 * Resolves once every port is bound on loopback (ffmpeg listening), or after `timeoutMs`. It only reads the
 * kernel's table: trying to bind the port to see whether it is taken could take it from ffmpeg.
 */
export async function waitUntilBound(ports: readonly number[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const bound = await boundLoopbackUdpPorts()
    if (bound === null) {
      // No /proc: give the receiver a moment; the key-frame requests that follow cover a late start.
      await new Promise((resolve) => setTimeout(resolve, 500))
      return true
    }
    if (ports.every((port) => bound.has(port))) return true
    if (Date.now() > deadline) return false
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
