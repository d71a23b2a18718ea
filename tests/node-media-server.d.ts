// node-media-server (the RTMP "platform" of the restream tests) ships no types: the little they use.
declare module 'node-media-server' {
  export default class NodeMediaServer {
    constructor(config: Record<string, unknown>)
    run(): Promise<void>
    stop(): Promise<void>
  }
}
