import { useEffect, useState } from 'react'
import { connectMediaSocket, type MediaSocket } from './signalling'

export type SocketState = 'connecting' | 'connected' | 'reconnecting'

/**
 * The `/media` socket of a page. `epoch` grows at every (re)connection: effects keyed on it join
 * the room again after a network drop or a server restart.
 */
export function useMediaSocket(): { socket: MediaSocket | null; state: SocketState; epoch: number } {
  const [socket, setSocket] = useState<MediaSocket | null>(null)
  const [state, setState] = useState<SocketState>('connecting')
  const [epoch, setEpoch] = useState(0)
  useEffect(() => {
    const next = connectMediaSocket()
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the socket exists only in the browser, from this effect on
    setSocket(next)
    const onConnect = () => {
      setState('connected')
      setEpoch((value) => value + 1)
    }
    const onDisconnect = () => setState('reconnecting')
    next.on('connect', onConnect)
    next.on('disconnect', onDisconnect)
    next.io.on('reconnect_attempt', onDisconnect)
    return () => {
      next.off('connect', onConnect)
      next.off('disconnect', onDisconnect)
      next.io.off('reconnect_attempt', onDisconnect)
      next.close()
    }
  }, [])
  return { socket, state, epoch }
}
