// Client-safe: the shape of a stored row's id (cuid) as forms send it back. Anything else is refused at
// the edge as a wrong type instead of reaching a query (a NUL byte there was a 500 from PostgreSQL).
export const RECORD_ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/
