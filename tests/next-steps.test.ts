// After a save, the editor is led to the record's public page and the next step (issue 24).
import { describe, expect, it } from 'vitest';
import { nextSteps, prefill } from '../lib/admin/next-steps';

describe('next steps after a save', () => {
  it('lead from a campaign to its thresholds, names and stages, and to its public page', () => {
    const steps = nextSteps('campaigns', 7, { slug: 'x' }, 'leadership-letter');
    expect(steps.page?.href).toBe('/campaigns/leadership-letter');
    expect(steps.next.map((s) => s.href)).toEqual([
      '/admin/thresholds/new?campaignId=7',
      '/admin/add-signatures?campaign=7',
      '/admin/stages/new?campaignId=7',
    ]);
  });

  it('lead from a stage to its whip count, and from a person to their page', () => {
    expect(nextSteps('stages', 3, { campaignId: '7', position: '2' }, 'plp-motion')).toEqual({
      page: { label: 'Open its whip count', href: '/campaigns/plp-motion/stages/2' },
      next: [{ label: 'Place members', href: '/campaigns/plp-motion/stages/2#edit' }],
    });
    expect(nextSteps('people', 1, { slug: 'diane-abbott' }, null).page?.href).toBe('/people/diane-abbott');
    expect(nextSteps('sources', 1, {}, null)).toEqual({ page: null, next: [] });
  });

  it('prefill only references, and only by id', () => {
    const fields = [
      { name: 'campaignId', type: 'ref' },
      { name: 'label', type: 'text' },
    ];
    expect(prefill(fields, { campaignId: '12', label: 'injected' })).toEqual({ campaignId: '12' });
    expect(prefill(fields, { campaignId: '1; DROP' })).toEqual({});
  });
});

describe('proposed slugs', () => {
  it('follow the title, folded and cut at a word', async () => {
    const { proposeSlug } = await import('../lib/names');
    expect(proposeSlug('Letter calling for a leadership contest')).toBe('letter-calling-for-a-leadership-contest');
    expect(proposeSlug('Motion de censure — Assemblée nationale')).toBe('motion-de-censure-assemblee-nationale');
    const long = proposeSlug('A very long title '.repeat(10));
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).not.toMatch(/-$/);
    expect(proposeSlug('   ')).toBe('');
  });
});
