// Checked by `tsc` (npm test's type step), never run: proof that the admin engine's declarations
// are typed against the generated Prisma client. Each @ts-expect-error must meet an error; if the
// typing stopped catching the mistake below it, tsc would fail with "unused @ts-expect-error".
import type { Confidence } from '../../lib/generated/prisma/enums';
import { entity, labelled } from '../../lib/admin/entities';

const base = { label: 'x', plural: 'xs', title: () => 'x', versioned: false } as const;

// A renamed or unknown enum value in a list of choices.
// @ts-expect-error 'SIGNED' is not a value of the Confidence enum
labelled<Confidence>({ REPORTED: 'a', CONFIRMED: 'b', CLAIMED: 'c', SIGNED: 'd' });
// @ts-expect-error every value needs its label (CLAIMED is missing)
labelled<Confidence>({ REPORTED: 'a', CONFIRMED: 'b' });

// A model that does not exist.
// @ts-expect-error 'campaing' is not a model
entity({ ...base, key: 'k', model: 'campaing', fields: [], columns: [], search: [], orderBy: [] });

// A field, a list column, a search column, a sort column the model does not have.
entity({
  ...base,
  key: 'k',
  model: 'campaign',
  // @ts-expect-error Campaign has no column 'titel'
  fields: [{ name: 'titel', label: 'Title', type: 'text' }],
  columns: [],
  search: [],
  orderBy: [],
});
// @ts-expect-error Campaign has no column 'name' to list
entity({ ...base, key: 'k', model: 'campaign', fields: [], columns: ['name'], search: [], orderBy: [] });
// @ts-expect-error Campaign has no column 'name' to search
entity({ ...base, key: 'k', model: 'campaign', fields: [], columns: [], search: ['name'], orderBy: [] });
// @ts-expect-error Campaign has no column 'name' to sort by
entity({ ...base, key: 'k', model: 'campaign', fields: [], columns: [], search: [], orderBy: [{ name: 'asc' }] });
// A cascade naming a column of another model that does not exist.
entity({
  ...base,
  key: 'k',
  model: 'campaign',
  fields: [],
  columns: [],
  search: [],
  orderBy: [],
  // @ts-expect-error Signature has no column 'campaign_id'
  cascade: [{ model: 'signature', field: 'campaign_id', label: 'signatures' }],
});

// And the right ones compile.
entity({
  ...base,
  key: 'k',
  model: 'campaign',
  fields: [{ name: 'title', label: 'Title', type: 'text' }],
  columns: ['title'],
  search: ['title'],
  orderBy: [{ title: 'asc' }],
  cascade: [{ model: 'signature', field: 'campaignId', label: 'signatures' }],
});
