// The read-only JSON API's shapes: stable field names (docs/api.md), dates as YYYY-MM-DD,
// instants as ISO 8601, lists paginated the same way everywhere.
import type { DivisionDetail, DivisionSummary } from './divisions';
import type { CampaignDetail, CampaignSummary, TallyView, ThresholdView } from './campaigns';
import type { PollView } from './polls';
import type { SignatureRow } from './signatures';
import type { SourceRef } from './sql';
import type { StageView } from './stages';
import type { WhipChange, WhipCount, WhipMember } from './whip-count';
import { carried } from './division-outcome';
import { cacheHeaders } from './cache-rules';

export const MAX_PER_PAGE = 200;

export function pagination(params: URLSearchParams) {
  const page = Math.min(Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1), 1_000_000);
  const perPage = Math.min(Math.max(1, Number.parseInt(params.get('per_page') ?? '50', 10) || 50), MAX_PER_PAGE);
  return { page, perPage, offset: (page - 1) * perPage };
}

export function paged<T>(data: T[], page: { page: number; perPage: number }, total: number) {
  const pages = Math.max(1, Math.ceil(total / page.perPage));
  return {
    data,
    pagination: {
      page: page.page,
      perPage: page.perPage,
      total,
      pages,
      nextPage: page.page < pages ? page.page + 1 : null,
    },
  };
}

const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);
const source = (s: SourceRef) => ({
  id: s.id,
  publisher: s.publisher,
  title: s.title,
  publishedAt: s.publishedAt?.toISOString() ?? null,
  url: s.url,
});
const tally = (t: TallyView) => ({
  count: t.count,
  qualifier: t.qualifier,
  scope: t.scope,
  asOf: day(t.asOf),
  source: source(t.source),
});
const threshold = (t: ThresholdView) => ({
  label: t.label,
  purpose: t.purpose,
  value: t.value,
  absoluteValue: t.absoluteValue,
  sharePercent: t.sharePercent,
  body: t.bodyName,
  bodySize: t.bodySize,
  reached: t.reached,
  source: source(t.source),
});

export function campaignJson(c: CampaignSummary) {
  return {
    slug: c.slug,
    title: c.title,
    kind: c.kind,
    status: c.status,
    eligibleHouses: c.eligibleHouses,
    eligibleParties: c.eligibleParties,
    namedSignatories: c.named,
    countedSignatories: c.namedEligible,
    latestTally: c.latestTally ? tally(c.latestTally) : null,
    thresholds: c.thresholds.map(threshold),
    currentStage: c.currentStage
      ? {
          position: c.currentStage.position,
          name: c.currentStage.name,
          status: c.currentStage.status,
          scheduledOn: day(c.currentStage.scheduledOn),
        }
      : null,
    source: source(c.source),
  };
}

export function campaignDetailJson(c: CampaignDetail, stages: StageView[]) {
  return {
    ...campaignJson(c),
    summary: c.summary,
    openedOn: day(c.openedOn),
    leadSponsor: c.leadSponsor,
    withdrawnSignatures: c.withdrawn,
    byConfidence: Object.fromEntries(c.byConfidence.map((b) => [b.confidence, b.count])),
    tallies: c.tallies.map(tally),
    thresholds: c.thresholds.map((t) => ({
      ...threshold(t),
      crossedOn: t.crossedOn,
      reportedPassedOn: day(t.reportedPassedOn),
      projection: t.projection,
    })),
    series: c.series,
    stages: stages.map((s) => ({
      position: s.position,
      name: s.name,
      body: s.bodyName,
      scheduledOn: day(s.scheduledOn),
      scheduleNote: s.scheduleNote,
      status: s.status,
      decisionRule: s.decisionRule,
      divisions: s.divisions.map((d) => ({
        heldOn: day(d.heldOn),
        question: d.question,
        ayes: d.ayes,
        noes: d.noes,
        abstentions: d.abstentions,
        result: d.result,
        carried: carried(d.result),
        mismatch: d.mismatch,
        path: d.path,
        source: source(d.source),
      })),
      source: source(s.source),
    })),
  };
}

export function signatureJson(s: SignatureRow) {
  return {
    person: s.person.slug,
    name: s.person.name,
    honorific: s.person.honorific,
    house: s.house,
    party: s.party,
    constituency: s.constituency,
    roleAtSigning: s.roleAtSigning,
    signedOn: day(s.signedOn),
    knownOn: day(s.knownOn),
    confidence: s.confidence,
    leadSponsor: s.isLeadSponsor,
    withdrawnOn: day(s.withdrawnOn),
    withdrawalReason: s.withdrawalReason,
    counted: s.eligible && !s.withdrawnOn,
    source: source(s.source),
  };
}

export function pollJson(p: PollView) {
  return {
    id: p.id,
    pollster: p.pollster,
    subject: p.subject.slug,
    subjectName: p.subject.name,
    subjectRole: p.subjectRole,
    fieldworkStart: day(p.fieldworkStart),
    fieldworkEnd: day(p.fieldworkEnd),
    satisfied: p.satisfied,
    dissatisfied: p.dissatisfied,
    dontKnow: p.dontKnow,
    net: p.net,
    sampleSize: p.sampleSize,
    recordLow: p.isRecordLow,
    note: p.note,
    source: source(p.source),
  };
}

/** A public answer of the JSON API: shared as a page is (lib/cache-rules.ts), readable from any origin. */
export const JSON_HEADERS = { ...cacheHeaders('page'), 'Access-Control-Allow-Origin': '*' };

/** The API's answer for a campaign slug that names no campaign. */
export function campaignNotFound(slug: string): Response {
  return Response.json(
    { error: { code: 'NOT_FOUND', message: `No campaign ${JSON.stringify(slug)}.` } },
    { status: 404 },
  );
}

export function whipCountJson(w: WhipCount & { memberList: WhipMember[] }, changes: WhipChange[]) {
  const evidence = (e: WhipMember['evidence']) =>
    e && {
      derivedFromCampaign: e.derivedFrom?.slug ?? null,
      quote: e.quote,
      note: e.note,
      statementId: e.statement?.id ?? null,
      confidence: e.confidence,
      source: source(e.source),
    };
  return {
    campaign: w.campaign,
    stage: {
      position: w.stage.position,
      name: w.stage.name,
      status: w.stage.status,
      body: w.stage.bodyName,
      scheduledOn: day(w.stage.scheduledOn),
      decisionRuleText: w.stage.decisionRule,
    },
    rule: { ...w.rule, description: w.ruleText },
    membersOn: day(w.day),
    membersOnReason: w.dayReason,
    members: w.members,
    counts: w.counts,
    outlook: { ...w.outlook, description: w.outlookText },
    byParty: w.byParty,
    memberList: w.memberList.map((m) => ({
      slug: m.slug,
      name: m.name,
      party: m.party,
      constituency: m.constituency,
      position: m.stand,
      since: day(m.since),
      previous: m.previous && { position: m.previous.stand, until: day(m.previous.until) },
      evidence: evidence(m.evidence),
      ...(w.division ? { vote: m.vote, teller: m.teller, forecast: m.result, rebel: m.rebel } : {}),
    })),
    changes: changes.map((c) => ({
      slug: c.slug,
      name: c.name,
      from: c.from,
      to: c.to,
      on: day(c.on),
      derived: c.derived,
      source: source(c.source),
    })),
    division: w.division && {
      heldOn: day(w.division.heldOn),
      question: w.division.question,
      ayes: w.division.ayes,
      noes: w.division.noes,
      abstentions: w.division.abstentions,
      countedFromBallots: w.division.fromBallots,
      namedBallots: w.division.namedBallots,
      result: w.division.result,
      passed: carried(w.division.result),
      mismatch: w.division.mismatch,
      path: w.division.path,
      forecastHeld: w.division.held,
      forecastSwitched: w.division.switched,
      forecastDidNotVote: w.division.didNotVote,
      heldShare: w.division.heldShare,
      rebels: w.division.rebels,
      source: source(w.division.source),
    },
    source: source(w.source),
  };
}

const lowerVote = (v: 'AYE' | 'NO' | 'ABSTAIN' | null) =>
  v ? (v === 'AYE' ? 'aye' : v === 'NO' ? 'no' : 'abstain') : null;
const houseName = (h: string | null) => (h ? h.toLowerCase() : null);

/** A division in a list: enough to sort, filter and find it (docs/api.md). */
export function divisionSummaryJson(d: DivisionSummary) {
  return {
    house: houseName(d.house),
    date: day(d.heldOn),
    number: d.number,
    title: d.question,
    ayes: d.ayes,
    noes: d.noes,
    result: d.result,
    carried: carried(d.result),
    margin: d.margin,
    turnout: d.turnout,
    rebels: d.rebels,
    deferred: d.deferred,
    warnings: d.warnings,
    stage: d.stage && { campaign: d.stage.campaignSlug, position: d.stage.position, name: d.stage.name },
    path: d.path,
  };
}

/** One division, result first: totals (tellers apart), tellers, the table by party, rebels, ballots. */
export function divisionJson(d: DivisionDetail) {
  const named = (lobby: 'AYE' | 'NO') => d.ballots.filter((b) => b.teller && b.vote === lobby).map((b) => b.name);
  return {
    house: houseName(d.house),
    date: day(d.heldOn),
    number: d.number,
    divisionId: d.externalId,
    title: d.question,
    result: d.result,
    carried: carried(d.result),
    ayes: d.totals.ayes,
    noes: d.totals.noes,
    abstentions: d.totals.abstentions,
    countedFromBallots: d.totals.fromBallots,
    margin: d.margin,
    eligible: d.eligible,
    turnout: d.turnout,
    deferred: d.deferred,
    warnings: d.warnings,
    tellers: { ayes: named('AYE'), noes: named('NO') },
    byParty: d.byParty.map((p) => ({
      party: p.party,
      ayes: p.ayes,
      noes: p.noes,
      abstentions: p.abstentions,
      tellers: p.tellers,
      notVoting: p.notVoting,
      rebels: p.rebels,
      line: p.line?.line ? lowerVote(p.line.line) : null,
      lineBasis: p.line?.basis ?? null,
      whip: p.whip && { whip: p.whip.whip.toLowerCase(), lines: p.whip.lines, source: source(p.whip.source) },
    })),
    rebels: d.rebels.map((b) => ({ name: b.name, person: b.slug, party: b.party, vote: lowerVote(b.vote) })),
    ballots: d.ballots
      .filter((b) => b.vote !== null)
      .map((b) => ({
        name: b.name,
        person: b.slug,
        party: b.party,
        constituency: b.constituency,
        vote: lowerVote(b.vote),
        teller: b.teller,
        proxy: b.proxy,
        rebel: b.rebel,
      })),
    stage: d.stage && { campaign: d.stage.campaignSlug, position: d.stage.position, name: d.stage.name },
    path: d.path,
    source: source(d.source),
  };
}
