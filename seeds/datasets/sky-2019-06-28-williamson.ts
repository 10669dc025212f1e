// What one article says, and nothing more: Sky News, Friday 28 June 2019 17:43 UK.
// The full text is in docs/sources/sky-2019-06-28-williamson.txt. Every fact below carries it
// as its source; where the article gives no date or number, none is given here.
import type { Dataset } from '../dataset';

const PUBLISHED = '2019-06-28' as const;

export const skyWilliamson: Dataset = {
  source: {
    key: 'sky-2019-06-28-williamson',
    publisher: 'Sky News',
    title: 'Growing calls for Jeremy Corbyn to boot out anti-Semitism row MP Chris Williamson',
    // 17:43 UK time on 28 June 2019 is British Summer Time (UTC+1).
    publishedAt: '2019-06-28T16:43:00Z',
    excerpt:
      'The controversial politician has not shown "one iota of contrition", says the founder of the grassroots Momentum group.',
  },

  people: [
    { ref: 'corbyn', name: 'Jeremy Corbyn' },
    { ref: 'williamson', name: 'Chris Williamson' },
    { ref: 'watson', name: 'Tom Watson' },
    { ref: 'starmer', name: 'Sir Keir Starmer' },
    { ref: 'ashworth', name: 'Jonathan Ashworth' },
    { ref: 'vaz', name: 'Keith Vaz' },
    { ref: 'cooper', name: 'Yvette Cooper' },
    { ref: 'hodge', name: 'Dame Margaret Hodge' },
    { ref: 'streeting', name: 'Wes Streeting' },
    { ref: 'lammy', name: 'David Lammy' },
    { ref: 'johnson', name: 'Diana Johnson' },
    { ref: 'ryan', name: 'Joan Ryan' },
    // Not in the 2017–19 Commons roster.
    { ref: 'lansman', name: 'Jon Lansman', create: { house: 'NONE' } },
    { ref: 'foot', name: 'Michael Foot', create: { house: 'NONE', party: 'Labour' } },
  ],

  bodies: [
    {
      slug: 'plp',
      name: 'Parliamentary Labour Party',
      description: 'Labour MPs.',
      // Labour MPs: the roster lists Labour and Labour/Co-operative members apart.
      members: { houses: ['COMMONS'], parties: ['Labour', 'Labour/Co-operative'] },
      // The article's "Parliamentary Labour Party": Labour/Co-operative MPs sit in it as Labour MPs.
      partyGroup: true,
    },
    {
      slug: 'plp-parliamentary-committee',
      name: 'PLP parliamentary committee',
      description: 'The influential backbench body which meets weekly with the Labour leader.',
    },
    { slug: 'labour-nec', name: 'Labour National Executive Committee (NEC)', description: "Labour's ruling body." },
    {
      slug: 'nec-antisemitism-panel',
      name: 'NEC anti-Semitism panel',
      description: 'The three-member panel which agreed to let Chris Williamson back into the party with a warning.',
      sizes: [{ asOf: PUBLISHED, size: 3 }],
    },
  ],

  roles: [
    { person: 'corbyn', title: 'Leader of the Labour Party', organisation: 'Labour Party', heldOn: PUBLISHED },
    { person: 'watson', title: 'Deputy Leader of the Labour Party', organisation: 'Labour Party', heldOn: PUBLISHED },
    { person: 'starmer', title: 'Shadow Brexit Secretary', organisation: 'Labour Party', heldOn: PUBLISHED },
    { person: 'ashworth', title: 'Shadow Health Secretary', organisation: 'Labour Party', heldOn: PUBLISHED },
    { person: 'lansman', title: 'Founder', organisation: 'Momentum', heldOn: PUBLISHED },
    {
      person: 'vaz',
      title: 'Member of the NEC anti-Semitism panel',
      body: 'nec-antisemitism-panel',
      heldOn: PUBLISHED,
    },
    { person: 'vaz', title: 'MP for Leicester East', organisation: 'House of Commons', heldOn: PUBLISHED },
    { person: 'williamson', title: 'MP for Derby North', organisation: 'House of Commons', heldOn: PUBLISHED },
  ],

  campaigns: [
    {
      slug: 'watson-letter',
      title: 'Statement led by Tom Watson demanding the whip be withdrawn from Chris Williamson',
      kind: 'STATEMENT',
      summary:
        'More than 140 Labour MPs and peers led by deputy leader Tom Watson demanded Jeremy Corbyn intervene and withdraw the Labour whip from Chris Williamson.',
      leadSponsor: 'watson',
      status: 'OPEN',
      eligibleHouses: ['COMMONS', 'LORDS'],
      // "Labour MPs and peers"; the roster lists Labour and Labour/Co-operative members apart.
      eligibleParties: ['Labour', 'Labour/Co-operative'],
    },
    {
      slug: 'plp-motion',
      title: 'PLP motion to withdraw the whip from Chris Williamson for 12 months',
      kind: 'MOTION',
      summary:
        'A motion calling for the Derby North MP to have the whip withdrawn for 12 months under the standing orders of the Parliamentary Labour Party, referred to the parliamentary committee.',
      body: 'plp',
      status: 'OPEN',
      eligibleHouses: ['COMMONS'],
      // The PLP: Labour and Labour/Co-operative MPs.
      eligibleParties: ['Labour', 'Labour/Co-operative'],
    },
  ],

  signatures: [
    {
      campaign: 'watson-letter',
      person: 'watson',
      roleAtSigning: 'Deputy Leader of the Labour Party',
      confidence: 'REPORTED',
      isLeadSponsor: true,
      note: 'The article says the MPs and peers were "led by deputy leader Tom Watson".',
    },
    ...(['cooper', 'hodge', 'streeting', 'lammy', 'johnson'] as const).map((person) => ({
      campaign: 'plp-motion',
      person,
      confidence: 'REPORTED' as const,
      note: 'Named by the article among the signatories to the motion.',
    })),
  ],

  tallies: [
    { campaign: 'watson-letter', asOf: PUBLISHED, count: 140, qualifier: 'MORE_THAN', scope: 'Labour MPs and peers' },
    { campaign: 'plp-motion', asOf: PUBLISHED, count: 60, qualifier: 'MORE_THAN', scope: 'MPs' },
  ],

  // The article states no procedural threshold; these mark the counts it reports as passed.
  thresholds: [
    {
      campaign: 'watson-letter',
      label: '140 MPs and peers (reported)',
      absoluteValue: 140,
      purpose: 'REPORTED_MILESTONE',
    },
    { campaign: 'plp-motion', label: '60 MPs (reported)', absoluteValue: 60, purpose: 'REPORTED_MILESTONE' },
  ],

  stages: [
    {
      campaign: 'plp-motion',
      position: 1,
      name: 'Referral to the parliamentary committee',
      body: 'plp-parliamentary-committee',
      // Published on Friday 28 June 2019, the article names "its next meeting on Wednesday".
      scheduledOn: '2019-07-03',
      scheduleNote: 'At its next meeting on Wednesday',
      status: 'SCHEDULED',
      decisionRule: 'The committee approves the referral',
    },
    {
      campaign: 'plp-motion',
      position: 2,
      name: 'Vote of the full PLP at Westminster',
      body: 'plp',
      scheduleNote: 'The week after the committee meeting, if approved',
      status: 'PENDING',
      // The article names no voting rule: the arithmetic stays "not known" (ruleKind UNKNOWN).
      decisionRule: 'A vote of the full PLP',
      // No date is given for the vote: who may vote is the PLP as on the article's day.
      membersOn: PUBLISHED,
    },
  ],

  positionRules: [
    {
      stage: { campaign: 'plp-motion', position: 2 },
      campaign: 'plp-motion',
      stand: 'FOR',
      note: 'Signing the motion counts as support for it in the vote of the full PLP.',
    },
  ],

  statements: [
    {
      person: 'lansman',
      subject: 'Chris Williamson remaining in the Labour Party',
      stance: 'OPPOSES',
      quote:
        "This tweet reveals not one iota of contrition nor any acknowledgement of wrongdoing following a further formal warning from the Labour Party for behaviour grossly detrimental to the party. Such contempt for the party's verdict! He has to go!",
      summary: 'Said on Twitter that Chris Williamson "has to go".',
    },
    {
      person: 'starmer',
      subject: "The NEC panel's decision to readmit Chris Williamson",
      stance: 'OPPOSES',
      quote: 'deeply concerned',
      summary:
        'Deeply concerned at the decision; urged the ruling body to overrule it and the EHRC "to look at the specifics of this case".',
    },
    {
      person: 'ashworth',
      subject: "The NEC panel's decision to readmit Chris Williamson",
      stance: 'OPPOSES',
      quote: "can't understand",
      summary: 'Said he "can\'t understand" the decision and hoped it would be overturned.',
    },
    {
      person: 'vaz',
      subject: "The NEC panel's decision to readmit Chris Williamson",
      stance: 'CONCERNED',
      summary:
        'One of the three members of the panel that readmitted Mr Williamson; has now called for the decision to be reviewed.',
    },
    {
      // The article names her only as "Ms Butler"; it does not say which Ms Butler.
      speakerLabel: 'Ms Butler',
      campaign: 'watson-letter',
      subject: 'The leader intervening in the disciplinary case',
      stance: 'OPPOSES',
      quote:
        'I think that Jeremy should make a statement in terms of what he thinks about the situation, but asking him to get involved is in breach of our procedures - as leader he should not be getting involved in disciplinary matters.',
    },
    {
      speakerLabel: 'A Labour source',
      campaign: 'watson-letter',
      subject: 'The leader intervening in the disciplinary case',
      stance: 'OPPOSES',
      quote:
        "It would be wholly inappropriate for a leader to pick and choose cases in the way that is being demanded. Several of the MPs who have signed (Mr Watson's statement) have in the past argued against political interference.",
    },
  ],

  polls: [
    {
      pollster: 'Ipsos MORI',
      subject: 'corbyn',
      subjectRole: 'Leader of the Opposition',
      net: -58,
      note: 'The worst overall satisfaction rating of any opposition leader since 1978 (Ipsos MORI).',
    },
    {
      pollster: 'Ipsos MORI',
      subject: 'foot',
      subjectRole: 'Leader of the Opposition',
      net: -56,
      note: "The record previously held, which Jeremy Corbyn's -58 beat (as reported with the Ipsos MORI survey). The article gives no fieldwork dates.",
    },
  ],

  events: [
    {
      occurredOn: '2019-02-01',
      datePrecision: 'MONTH',
      title: 'Chris Williamson suspended from the Labour Party',
      description:
        'Suspended after footage emerged of him telling a Momentum meeting that Labour\'s reaction to anti-Semitism allegations had led to the party being "demonised".',
      people: ['williamson'],
    },
    {
      occurredOn: PUBLISHED,
      onOrBefore: true,
      title: 'NEC panel readmits Chris Williamson with a formal warning',
      description:
        'A three-member NEC anti-Semitism panel agreed to let Mr Williamson back into the party with a warning.',
      people: ['williamson', 'vaz'],
    },
    {
      occurredOn: PUBLISHED,
      onOrBefore: true,
      title: 'More than 140 Labour MPs and peers, led by Tom Watson, demand the whip be withdrawn',
      campaign: 'watson-letter',
      people: ['watson', 'corbyn', 'williamson'],
    },
    {
      occurredOn: PUBLISHED,
      onOrBefore: true,
      title: 'More than 60 MPs sign a PLP motion to withdraw the whip for 12 months',
      campaign: 'plp-motion',
      people: ['cooper', 'hodge', 'streeting', 'lammy', 'johnson', 'williamson'],
    },
    {
      occurredOn: PUBLISHED,
      onOrBefore: true,
      title: 'Keith Vaz calls for the panel decision to be reviewed',
      people: ['vaz'],
    },
    {
      occurredOn: PUBLISHED,
      onOrBefore: true,
      title: 'Jon Lansman says Chris Williamson "has to go"',
      people: ['lansman', 'williamson'],
    },
  ],
};
