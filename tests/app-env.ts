// The test's modules and the Vite-compiled app are two module instances: they share the database
// through the globalThis singleton in db.server.ts, and cookies only if both sign with one secret.
// A module of its own so it runs before anything reads the environment.
process.env.SESSION_SECRET ??= 'test-session-secret-shared-by-test-and-app-0123456789'
