// Every database connection an app process may hold, sized in one place (issue 25). Four owners:
// the Prisma client's pool (pages, actions, imports), the COPY pool of downloads, the data
// version reader of the app server (ETags, the page cache) and the outage probe. The README's
// "Database connections" gives the same total (tests/connections.test.ts keeps the two equal).

/** A pool size as set, or `fallback` when unset or not a positive whole number. */
const size = (setting: string | undefined, fallback: number) => {
  const value = Number(setting);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

/** The most connections each owner opens at once in one app process. */
export function connectionBudget() {
  return {
    /** The Prisma client's pool (`WHIPCOUNT_DB_POOL`). */
    prisma: size(process.env.WHIPCOUNT_DB_POOL, 10),
    /** Downloads' COPY streams (`WHIPCOUNT_EXPORT_POOL`): a download beyond them waits, then 503. */
    copy: size(process.env.WHIPCOUNT_EXPORT_POOL, 4),
    /** The app server's data-version reader, read at most every 200 ms. */
    versionReader: 2,
    /** The outage probe: one short-lived connection, at most once a second, only while marked down. */
    outageProbe: 1,
  };
}

/** All of them: what one app process may hold at most. */
export const connectionsPerProcess = () => Object.values(connectionBudget()).reduce((a, b) => a + b, 0);
