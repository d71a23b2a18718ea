import './console-guard.ts'
// Unit/integration tests: a fresh in-memory PGlite per test file, never a service.
process.env.NODE_ENV = 'test'
process.env.PGLITE_DATA_DIR = 'memory://'
process.env.SEED_DEMO_DATA = 'false'
delete process.env.DATABASE_URL
