// The database connections a process may hold are sized in one place, and the README says the
// same total (issue 25: four owners, up to 17 a process, a number no page stated).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { connectionBudget, connectionsPerProcess } from '../lib/connections';

describe('the connection budget', () => {
  it('adds up the four owners, and the README states the same total per process', () => {
    expect(connectionBudget()).toEqual({ prisma: 10, copy: 4, versionReader: 2, outageProbe: 1 });
    expect(connectionsPerProcess()).toBe(17);
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain(`Each app process holds at most **${connectionsPerProcess()}** connections`);
  });

  it('follows the pool settings, and ignores ones that are not a positive whole number', () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, { WHIPCOUNT_DB_POOL: '20', WHIPCOUNT_EXPORT_POOL: 'lots' });
      expect(connectionBudget()).toMatchObject({ prisma: 20, copy: 4 });
      expect(connectionsPerProcess()).toBe(27);
    } finally {
      process.env = saved;
    }
  });
});
