// Colours a chart and its key (on the page and in a downloaded file) must agree on. Client-safe.

/** The satisfaction comparison: every rating, and the record low. */
export const NET_RATING_COLOUR = { rating: '#8aa9c7', recordLow: '#a14a00' } as const;
