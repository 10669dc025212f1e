// A campaign's procedure: its stages in order, and the votes held at them.
import 'server-only';
import { db } from './db';
import { versioned } from './data-version';
import type { Result } from './division-outcome';
import { getDivision } from './divisions';
import type { SourceRef } from './sql';

export interface DivisionView {
  id: number;
  heldOn: Date | null;
  question: string;
  /** Announced totals where recorded, else counted from the named ballots; tellers apart. */
  ayes: number;
  noes: number;
  abstentions: number | null;
  countedFromBallots: boolean;
  namedBallots: number;
  /** By the stage's rule, as the whip count and the division page decide it (lib/division-outcome.ts). */
  result: Result;
  /** Where the named ballots do not add up to the announced totals: the same warning as the whip count's. */
  mismatch: string | null;
  /** The division's own page, where it has one. */
  path: string | null;
  source: SourceRef;
}

export interface StageView {
  id: number;
  position: number;
  name: string;
  bodyName: string | null;
  scheduledOn: Date | null;
  scheduleNote: string | null;
  status: string;
  decisionRule: string | null;
  divisions: DivisionView[];
  source: SourceRef;
}

export const listStages = versioned(async function listStages(campaignId: number): Promise<StageView[]> {
  const stages = await db().stage.findMany({
    where: { campaignId },
    orderBy: { position: 'asc' },
    select: {
      id: true,
      position: true,
      name: true,
      scheduledOn: true,
      scheduleNote: true,
      status: true,
      decisionRule: true,
      body: { select: { name: true } },
      source: { select: { id: true, publisher: true, title: true, publishedAt: true, url: true } },
      divisions: {
        orderBy: { heldOn: 'asc' },
        select: { id: true },
      },
    },
  });
  return Promise.all(
    stages.map(async (s) => ({
      id: s.id,
      position: s.position,
      name: s.name,
      bodyName: s.body?.name ?? null,
      scheduledOn: s.scheduledOn,
      scheduleNote: s.scheduleNote,
      status: s.status,
      decisionRule: s.decisionRule,
      source: s.source,
      divisions: await Promise.all(
        s.divisions.map(async ({ id }) => {
          // Read as the division's own page and the whip count read it: one rule for the result.
          const d = (await getDivision(id))!;
          return {
            id,
            heldOn: d.heldOn,
            question: d.question,
            ayes: d.totals.ayes,
            noes: d.totals.noes,
            abstentions: d.totals.abstentions,
            countedFromBallots: d.totals.fromBallots,
            namedBallots: d.totals.namedBallots,
            result: d.result,
            mismatch: d.warnings.length ? d.warnings.join(' ') : null,
            path: d.house ? d.path : null,
            source: d.source,
          };
        }),
      ),
    })),
  );
});
