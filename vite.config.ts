import { reactRouter } from '@react-router/dev/vite'
import tailwindcss from '@tailwindcss/vite'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { timeZoneData } from './tools/time-zone-data.ts'

export default defineConfig({
  plugins: [tailwindcss(), reactRouter(), timeZoneData()],
  resolve: { alias: { '~': fileURLToPath(new URL('./app', import.meta.url)) } },
  server: {
    // engine.io owns WebSocket upgrades on the app's port, so HMR gets its own.
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- moving to server.ws.port needs a dev-mode check first
    hmr: { port: Number(process.env.HMR_PORT ?? 24_678) },
  },
  optimizeDeps: {
    // Discovered late otherwise, which reloads the page during a cold dev start.
    include: ['socket.io-client', 'hls.js'],
  },
  build: { target: 'es2022' },
})
