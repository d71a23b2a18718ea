/** Same keys as the English module, any strings: other locales are checked against English by tsc. */
export type MessagesOf<T> = { [K in keyof T]: T[K] extends string ? string : MessagesOf<T[K]> }
