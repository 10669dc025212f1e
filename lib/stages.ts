// A campaign's procedure: its stages in order, and the votes held at them.
import 'server-only';
import { db } from './db';
import { versioned } from './data-version';
import type { SourceRef } from './sql';

export interface DivisionView {
  id: number;
  heldOn: Date | null;
  question: string;
  /** From the recorded totals where given, else counted from the named ballots. */
  ayes: number;
  noes: number;
  abstentions: number;
  countedFromBallots: boolean;
  namedBallots: number;
  /** A simple majority of those voting aye or no. */
  carried: boolean | null;
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
        select: {
          id: true,
          heldOn: true,
          question: true,
          ayes: true,
          noes: true,
          abstentions: true,
          source: { select: { id: true, publisher: true, title: true, publishedAt: true, url: true } },
          ballots: { select: { vote: true } },
        },
      },
    },
  });
  return stages.map((s) => ({
    id: s.id,
    position: s.position,
    name: s.name,
    bodyName: s.body?.name ?? null,
    scheduledOn: s.scheduledOn,
    scheduleNote: s.scheduleNote,
    status: s.status,
    decisionRule: s.decisionRule,
    source: s.source,
    divisions: s.divisions.map((d) => {
      const counted = { AYE: 0, NO: 0, ABSTAIN: 0 };
      for (const b of d.ballots) counted[b.vote]++;
      const fromBallots = d.ayes === null && d.noes === null;
      const ayes = d.ayes ?? counted.AYE;
      const noes = d.noes ?? counted.NO;
      return {
        id: d.id,
        heldOn: d.heldOn,
        question: d.question,
        ayes,
        noes,
        abstentions: d.abstentions ?? counted.ABSTAIN,
        countedFromBallots: fromBallots,
        namedBallots: d.ballots.length,
        carried: ayes + noes === 0 ? null : ayes > noes,
        source: d.source,
      };
    }),
  }));
});
