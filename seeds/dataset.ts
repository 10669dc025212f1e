// A data set is what one source says, written as data; `loadDataset` puts it in the database,
// linking every fact to that source. Loading the same data set again changes nothing.
import type {
  CampaignKind,
  CampaignStatus,
  Confidence,
  DatePrecision,
  House,
  Stance,
  StageStatus,
  Stand,
  TallyQualifier,
  ThresholdPurpose,
} from '../lib/generated/prisma/enums';
import { db } from '../lib/db';
import { normalizeName, personFromWrittenName } from '../lib/names';
import { matchNames } from '../lib/matching';

type Day = `${number}-${number}-${number}`;

export interface Dataset {
  source: { key: string; publisher: string; title: string; publishedAt: string; url?: string; excerpt?: string };
  /** People the source names, as it writes them. Matched to existing people by name or alias;
   * `create` ones that no roster holds (a party activist, a past leader). */
  people: { ref: string; name: string; create?: { house: House; party?: string } }[];
  bodies: {
    slug: string;
    name: string;
    description?: string;
    sizes?: { asOf: Day; size: number }[];
    /** Members by rule: who sits in these houses for these parties on the day. */
    members?: { houses: House[]; parties?: string[] };
    /** A parliamentary party: its member parties count as one for majorities, whips and rebels. */
    partyGroup?: boolean;
  }[];
  roles: {
    person: string;
    title: string;
    organisation?: string;
    body?: string;
    heldOn?: Day;
    confidence?: Confidence;
  }[];
  campaigns: {
    slug: string;
    title: string;
    kind: CampaignKind;
    summary?: string;
    body?: string;
    leadSponsor?: string;
    openedOn?: Day;
    status: CampaignStatus;
    eligibleHouses: House[];
    /** Parties whose members may sign, as the roster names them; omitted means any. */
    eligibleParties?: string[];
  }[];
  signatures: {
    campaign: string;
    person: string;
    signedOn?: Day;
    roleAtSigning?: string;
    confidence: Confidence;
    isLeadSponsor?: boolean;
    note?: string;
  }[];
  tallies: {
    campaign: string;
    asOf: Day;
    count: number;
    qualifier: TallyQualifier;
    scope?: string;
    confidence?: Confidence;
  }[];
  thresholds: {
    campaign: string;
    label: string;
    absoluteValue?: number;
    sharePercent?: number;
    body?: string;
    purpose: ThresholdPurpose;
  }[];
  stages: {
    campaign: string;
    position: number;
    name: string;
    body?: string;
    scheduledOn?: Day;
    scheduleNote?: string;
    status: StageStatus;
    decisionRule?: string;
    /** The day whose membership decides who may vote, until the vote is dated. */
    membersOn?: Day;
  }[];
  /** "Signatories of this campaign count as … on that stage's vote." */
  positionRules?: { stage: { campaign: string; position: number }; campaign: string; stand: Stand; note?: string }[];
  statements: {
    person?: string;
    speakerLabel?: string;
    campaign?: string;
    subject: string;
    stance: Stance;
    quote?: string;
    summary?: string;
    saidOn?: Day;
    confidence?: Confidence;
  }[];
  polls: {
    pollster: string;
    subject: string;
    subjectRole: string;
    net: number;
    satisfied?: number;
    dissatisfied?: number;
    dontKnow?: number;
    fieldworkStart?: Day;
    fieldworkEnd?: Day;
    sampleSize?: number;
    note?: string;
  }[];
  events: {
    occurredOn: Day;
    datePrecision?: DatePrecision;
    onOrBefore?: boolean;
    title: string;
    description?: string;
    campaign?: string;
    people?: string[];
  }[];
}

const day = (d: Day | undefined) => (d ? new Date(`${d}T00:00:00Z`) : null);

function lookup<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`The data set refers to ${what} "${key}", which it does not define.`);
  return value;
}

/** Resolves the data set's people to ids: matched by name, created where asked, never guessed. */
async function resolvePeople(data: Dataset, sourceId: number): Promise<Map<string, number>> {
  const prisma = db();
  const matches = await matchNames(data.people.map((p) => p.name));
  const ids = new Map<string, number>();
  for (const [i, entry] of data.people.entries()) {
    const match = matches[i]!;
    if (match.person) {
      ids.set(entry.ref, match.person.id);
      continue;
    }
    if (!entry.create || match.status !== 'unmatched') {
      const options = match.candidates.map((c) => `${c.person.name} (${c.reason})`).join('; ') || 'none';
      throw new Error(
        `"${entry.name}" is ${match.status} (candidates: ${options}); name the person exactly in the data set.`,
      );
    }
    const fields = personFromWrittenName(entry.name);
    const person = await prisma.person.create({
      data: {
        slug: fields.slugBase,
        name: fields.name,
        honorific: fields.honorific,
        sortName: fields.sortName,
        house: entry.create.house,
        party: entry.create.party ?? null,
        sourceId,
        aliases: { create: [{ alias: entry.name, normalized: normalizeName(entry.name), sourceId }] },
      },
      select: { id: true },
    });
    ids.set(entry.ref, person.id);
  }
  return ids;
}

export async function loadDataset(data: Dataset): Promise<void> {
  const prisma = db();
  const { key, ...sourceFields } = data.source;
  const source = await prisma.source.upsert({
    where: { key },
    create: { key, ...sourceFields, publishedAt: new Date(data.source.publishedAt) },
    update: {},
    select: { id: true },
  });
  const sourceId = source.id;
  const people = await resolvePeople(data, sourceId);
  const person = (ref: string) => lookup(people, ref, 'person');

  await prisma.$transaction(async (tx) => {
    const bodies = new Map<string, number>();
    for (const b of data.bodies) {
      const body = await tx.body.upsert({
        where: { slug: b.slug },
        create: {
          slug: b.slug,
          name: b.name,
          description: b.description,
          memberHouses: b.members?.houses ?? [],
          memberParties: b.members?.parties ?? [],
          partyGroup: b.partyGroup ?? false,
          sourceId,
        },
        update: {},
        select: { id: true },
      });
      bodies.set(b.slug, body.id);
      for (const s of b.sizes ?? []) {
        await tx.bodySize.upsert({
          where: { bodyId_asOf: { bodyId: body.id, asOf: day(s.asOf)! } },
          create: { bodyId: body.id, asOf: day(s.asOf)!, size: s.size, sourceId },
          update: {},
        });
      }
    }
    const body = (slug?: string) => (slug ? lookup(bodies, slug, 'body') : null);

    for (const r of data.roles) {
      const where = { personId: person(r.person), title: r.title, sourceId };
      if (!(await tx.role.findFirst({ where, select: { id: true } }))) {
        await tx.role.create({
          data: {
            ...where,
            organisation: r.organisation,
            bodyId: body(r.body),
            heldOn: day(r.heldOn),
            confidence: r.confidence ?? 'REPORTED',
          },
        });
      }
    }

    const campaigns = new Map<string, number>();
    for (const c of data.campaigns) {
      const fields = {
        title: c.title,
        kind: c.kind,
        summary: c.summary,
        bodyId: body(c.body),
        leadSponsorId: c.leadSponsor ? person(c.leadSponsor) : null,
        openedOn: day(c.openedOn),
        status: c.status,
        eligibleHouses: c.eligibleHouses,
        eligibleParties: c.eligibleParties ?? [],
        sourceId,
      };
      const row = await tx.campaign.upsert({
        where: { slug: c.slug },
        create: { slug: c.slug, ...fields },
        update: {},
        select: { id: true },
      });
      campaigns.set(c.slug, row.id);
    }
    const campaign = (slug: string) => lookup(campaigns, slug, 'campaign');

    for (const s of data.signatures) {
      const campaignId = campaign(s.campaign);
      const personId = person(s.person);
      await tx.signature.upsert({
        where: { campaignId_personId: { campaignId, personId } },
        create: {
          campaignId,
          personId,
          signedOn: day(s.signedOn),
          roleAtSigning: s.roleAtSigning,
          confidence: s.confidence,
          isLeadSponsor: s.isLeadSponsor ?? false,
          note: s.note,
          sourceId,
        },
        update: {},
      });
    }

    for (const t of data.tallies) {
      const where = {
        campaignId: campaign(t.campaign),
        asOf: day(t.asOf)!,
        count: t.count,
        qualifier: t.qualifier,
        sourceId,
      };
      if (!(await tx.tally.findFirst({ where, select: { id: true } }))) {
        await tx.tally.create({ data: { ...where, scope: t.scope, confidence: t.confidence ?? 'REPORTED' } });
      }
    }

    for (const t of data.thresholds) {
      const where = { campaignId: campaign(t.campaign), label: t.label };
      if (!(await tx.threshold.findFirst({ where, select: { id: true } }))) {
        await tx.threshold.create({
          data: {
            ...where,
            absoluteValue: t.absoluteValue,
            sharePercent: t.sharePercent,
            bodyId: body(t.body),
            purpose: t.purpose,
            sourceId,
          },
        });
      }
    }

    for (const s of data.stages) {
      const campaignId = campaign(s.campaign);
      await tx.stage.upsert({
        where: { campaignId_position: { campaignId, position: s.position } },
        create: {
          campaignId,
          position: s.position,
          name: s.name,
          bodyId: body(s.body),
          scheduledOn: day(s.scheduledOn),
          scheduleNote: s.scheduleNote,
          status: s.status,
          decisionRule: s.decisionRule,
          membersOn: day(s.membersOn),
          sourceId,
        },
        update: {},
      });
    }

    for (const r of data.positionRules ?? []) {
      const stage = await tx.stage.findUniqueOrThrow({
        where: { campaignId_position: { campaignId: campaign(r.stage.campaign), position: r.stage.position } },
        select: { id: true },
      });
      await tx.positionRule.upsert({
        where: { stageId_campaignId: { stageId: stage.id, campaignId: campaign(r.campaign) } },
        create: { stageId: stage.id, campaignId: campaign(r.campaign), stand: r.stand, note: r.note, sourceId },
        update: {},
      });
    }

    for (const s of data.statements) {
      const where = {
        personId: s.person ? person(s.person) : null,
        speakerLabel: s.speakerLabel ?? null,
        subject: s.subject,
        sourceId,
      };
      if (!(await tx.statement.findFirst({ where, select: { id: true } }))) {
        await tx.statement.create({
          data: {
            ...where,
            campaignId: s.campaign ? campaign(s.campaign) : null,
            stance: s.stance,
            quote: s.quote,
            summary: s.summary,
            saidOn: day(s.saidOn),
            confidence: s.confidence ?? 'REPORTED',
          },
        });
      }
    }

    for (const p of data.polls) {
      const where = {
        pollster: p.pollster,
        subjectPersonId: person(p.subject),
        subjectRole: p.subjectRole,
        net: p.net,
        sourceId,
      };
      if (!(await tx.poll.findFirst({ where, select: { id: true } }))) {
        const { subject: _subject, fieldworkStart, fieldworkEnd, ...rest } = p;
        await tx.poll.create({
          data: { ...rest, ...where, fieldworkStart: day(fieldworkStart), fieldworkEnd: day(fieldworkEnd) },
        });
      }
    }

    for (const e of data.events) {
      const where = { title: e.title, sourceId };
      if (!(await tx.timelineEvent.findFirst({ where, select: { id: true } }))) {
        await tx.timelineEvent.create({
          data: {
            ...where,
            occurredOn: day(e.occurredOn)!,
            datePrecision: e.datePrecision ?? 'DAY',
            onOrBefore: e.onOrBefore ?? false,
            description: e.description,
            campaignId: e.campaign ? campaign(e.campaign) : null,
            people: { create: (e.people ?? []).map((ref) => ({ personId: person(ref) })) },
          },
        });
      }
    }
  });
}
