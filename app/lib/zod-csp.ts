import { z } from 'zod'

// zod compiles object parsers with `new Function` (and probes for it when a schema is built), which the
// Content-Security-Policy forbids (no 'unsafe-eval'): every probe is reported as a violation. Browsers
// parse without it (the server keeps the faster compiled parsers). Imported first by app/root.tsx, so it
// runs before any route module builds a schema.
if (typeof document !== 'undefined') z.config({ jitless: true })
