// Where an editor goes after saving a record (issue 24): the record's public page, and the next
// natural step of the work (a campaign → its thresholds → its names → its whip count). Pure: the
// page gives the saved record's form values and its campaign's slug where it has one.
import type { FormValues } from './fields';

export interface Step {
  label: string;
  href: string;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** The public page of a saved record and what to do next; empty where neither applies. */
export function nextSteps(
  entity: string,
  id: number,
  values: FormValues,
  campaignSlug: string | null,
): { page: Step | null; next: Step[] } {
  const campaign = campaignSlug ? `/campaigns/${campaignSlug}` : null;
  const campaignId = entity === 'campaigns' ? String(id) : one(values.campaignId);
  const addThreshold = { label: 'Add a threshold', href: `/admin/thresholds/new?campaignId=${campaignId}` };
  const addNames = { label: 'Add names', href: `/admin/add-signatures?campaign=${campaignId}` };
  const addStage = { label: 'Add a stage (a vote to count)', href: `/admin/stages/new?campaignId=${campaignId}` };
  switch (entity) {
    case 'campaigns':
      return {
        page: campaign ? { label: 'See the campaign’s page', href: campaign } : null,
        next: [addThreshold, addNames, addStage],
      };
    case 'thresholds':
      return {
        page: campaign ? { label: 'See the count against its thresholds', href: `${campaign}#count` } : null,
        next: [addNames, addThreshold],
      };
    case 'signatures':
    case 'tallies':
      return {
        page: campaign ? { label: 'See the campaign’s page', href: campaign } : null,
        next: [addNames, addStage],
      };
    case 'stages': {
      const position = one(values.position);
      return {
        page: campaign && position ? { label: 'Open its whip count', href: `${campaign}/stages/${position}` } : null,
        next: campaign && position ? [{ label: 'Place members', href: `${campaign}/stages/${position}#edit` }] : [],
      };
    }
    case 'people': {
      const slug = one(values.slug);
      return { page: slug ? { label: 'See their page', href: `/people/${slug}` } : null, next: [] };
    }
    default:
      return { page: null, next: [] };
  }
}

/** Form fields a "new" link may fill in (`?campaignId=5`): references given by id, nothing else. */
export function prefill(
  fields: { name: string; type: string }[],
  query: Record<string, string | string[] | undefined>,
): FormValues {
  const values: FormValues = {};
  for (const f of fields) {
    const v = one(query[f.name]);
    if (f.type === 'ref' && /^\d{1,9}$/.test(v)) values[f.name] = v;
  }
  return values;
}
