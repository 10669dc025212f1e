'use client';

import { useActionState, useState } from 'react';
import { type PasteState, pasteFlowAction } from '@/app/actions/add-signatures';
import { asOptions, FilterSelect } from '@/components/filter-select';
import { CONFIDENCE } from '@/lib/admin/entities';
import { NEW_SOURCE } from '@/lib/admin/fields';
import { NewSourceFields } from '@/components/admin/source-choice';
import type { RefOption } from '@/lib/admin/store';
import { Input, Select, Textarea } from '@/components/ui/controls';

const STATUS_TEXT: Record<string, string> = {
  exact: 'Exact match',
  alias: 'Known alias',
  guess: 'Guess: check it',
  ambiguous: 'Ambiguous: choose',
  unmatched: 'No match',
};
const STATUS_CLASS: Record<string, string> = {
  exact: 'bg-green-100 text-green-900',
  alias: 'bg-green-100 text-green-900',
  guess: 'bg-amber-100 text-amber-900',
  ambiguous: 'bg-red-100 text-red-900',
  unmatched: 'bg-red-100 text-red-900',
};

/** Paste names, review each match, save them all with one source, date and confidence. */
export function AddSignaturesForm({
  campaigns,
  sources,
  initialCampaign,
}: {
  campaigns: RefOption[];
  sources: RefOption[];
  initialCampaign?: string;
}) {
  const initial: PasteState = { step: 'paste', campaignId: initialCampaign ?? '', text: '', lines: [], review: {} };
  const [state, action, pending] = useActionState(pasteFlowAction, initial);
  const [sourceChoice, setSourceChoice] = useState(state.review.sourceId ?? '');
  const campaignTitle = campaigns.find((c) => c.value === state.campaignId)?.label;
  const err = state.fieldErrors ?? {};

  return (
    <div className="flex flex-col gap-5">
      <form
        action={action}
        key={`${state.campaignId}:${state.text}`}
        className="flex flex-col gap-3 rounded-lg border border-rule bg-white p-4"
      >
        <input type="hidden" name="intent" value="preview" />
        <h2 className="font-semibold">1. Paste the names</h2>
        <FilterSelect
          name="campaignId"
          label="Campaign they signed"
          value={state.campaignId}
          options={asOptions(campaigns)}
          anyLabel="Choose…"
          required
          invalid={Boolean(err.campaignId)}
          labelClassName="text-sm font-medium"
        />
        <label className="flex flex-col gap-1">
          <span className="text-sm font-medium">Names, one per line, as the source writes them</span>
          <Textarea
            name="names"
            rows={8}
            maxLength={100_000}
            defaultValue={state.text}
            required
            className="font-mono text-sm"
            placeholder={'Dame Margaret Hodge\nMr Lammy\nYvette Cooper'}
          />
        </label>
        <button type="submit" disabled={pending} className="self-start rounded bg-accent px-4 py-2 text-white">
          {pending ? 'Working…' : 'Match names'}
        </button>
        {state.step === 'paste' && state.message && (
          <p role="alert" className="text-sm text-red-800">
            {state.message}
          </p>
        )}
      </form>

      {state.step !== 'paste' && (
        <form
          action={action}
          className="flex flex-col gap-4 rounded-lg border border-rule bg-white p-4"
          key={`${state.campaignId}:${state.text}:${JSON.stringify(state.review)}`}
        >
          <input type="hidden" name="intent" value="save" />
          <h2 className="font-semibold">2. Check each line{campaignTitle ? ` — ${campaignTitle}` : ''}</h2>
          {state.message && (
            <p
              role={state.step === 'done' ? 'status' : 'alert'}
              className={`rounded p-3 text-sm ${state.step === 'done' ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-900'}`}
              data-testid="add-result"
            >
              {state.message}
            </p>
          )}
          <MatchTable lines={state.lines} review={state.review} undecided={state.undecided} />
          <h2 className="font-semibold">3. Where and when</h2>
          <div className="grid grid-cols-[minmax(0,1fr)] gap-3 md:grid-cols-3">
            <label className="flex flex-col gap-1">
              <span className="text-sm font-medium">
                Source<span aria-hidden="true"> *</span>
              </span>
              <Select
                name="sourceId"
                defaultValue={state.review.sourceId ?? ''}
                onChange={(e) => setSourceChoice(e.target.value)}

                aria-invalid={err.sourceId ? true : undefined}
                aria-describedby={err.sourceId ? 'paste-source-error' : undefined}
              >
                <option value="">Choose…</option>
                <option value={NEW_SOURCE}>+ A new source</option>
                {sources.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </Select>
              {err.sourceId && (
                <span id="paste-source-error" className="text-sm text-red-800">
                  {err.sourceId}
                </span>
              )}
            </label>
            <label className="flex flex-col gap-1">
              <span className="text-sm font-medium">Signed on (if the source says)</span>
              <Input type="date" name="signedOn" defaultValue={state.review.signedOn ?? ''} />
              {err.signedOn && <span className="text-sm text-red-800">{err.signedOn}</span>}
            </label>
            <label className="flex flex-col gap-1">
              <span className="text-sm font-medium">
                Confidence<span aria-hidden="true"> *</span>
              </span>
              <Select name="confidence" defaultValue={state.review.confidence ?? 'REPORTED'}>
                {CONFIDENCE.map(([v, label]) => (
                  <option key={v} value={v}>
                    {label}
                  </option>
                ))}
              </Select>
            </label>
          </div>
          {sourceChoice === NEW_SOURCE && <NewSourceFields values={state.review} errors={err} />}
          <button
            type="submit"
            disabled={pending || state.step === 'done'}
            className="self-start rounded bg-accent px-4 py-2 font-medium text-white disabled:opacity-60"
          >
            {pending ? 'Saving…' : `Save ${state.lines.length} line${state.lines.length === 1 ? '' : 's'}`}
          </button>
        </form>
      )}
    </div>
  );
}

/** Step 2: each pasted line, how it matched, and the person (or new person, or skip) chosen for it. */
function MatchTable({ lines, review, undecided: undecidedLines }: Pick<PasteState, 'lines' | 'review' | 'undecided'>) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm max-sm:block sm:min-w-[640px]" data-testid="match-table">
        <thead className="bg-paper text-xs uppercase text-muted max-sm:hidden">
          <tr>
            <th scope="col" className="px-2 py-2">
              Line
            </th>
            <th scope="col" className="px-2 py-2">
              As written
            </th>
            <th scope="col" className="px-2 py-2">
              Match
            </th>
            <th scope="col" className="px-2 py-2">
              Person
            </th>
          </tr>
        </thead>
        <tbody className="max-sm:block">
          {lines.map((l) => {
            const chosen = review[`line-${l.line}`] ?? (l.person ? l.person.slug : '');
            const undecided = undecidedLines?.includes(l.line);
            return (
              <tr
                key={l.line}
                className={`border-t border-rule max-sm:grid max-sm:grid-cols-[2rem_1fr] max-sm:py-2 ${undecided ? 'bg-red-50' : ''}`}
                data-testid="match-row"
              >
                <td className="px-2 py-2 tabular-nums max-sm:row-span-3">{l.line}</td>
                <td className="px-2 py-2 font-medium max-sm:py-0">{l.input}</td>
                <td className="px-2 py-2 max-sm:py-1">
                  <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_CLASS[l.status]}`}>
                    {STATUS_TEXT[l.status]}
                  </span>
                  {l.alreadySigned.length > 0 && <span className="ml-1 text-xs text-muted">(already signed)</span>}
                </td>
                <td className="px-2 py-2 max-sm:py-0">
                  <label className="sr-only" htmlFor={`line-${l.line}`}>
                    Person for line {l.line}, {l.input}
                  </label>
                  <Select
                    id={`line-${l.line}`}
                    name={`line-${l.line}`}
                    defaultValue={chosen}
                    className="w-full"
                    aria-invalid={undecided ? true : undefined}
                  >
                    <option value="">Choose…</option>
                    {l.candidates.map((c) => (
                      <option key={c.person.slug} value={c.person.slug}>
                        {[c.person.name, c.person.party, c.person.constituency].filter(Boolean).join(' — ')} (
                        {Math.round(c.score * 100)}%, {c.reason})
                      </option>
                    ))}
                    <option value="new">Create a new person: {l.input}</option>
                    <option value="skip">Skip this line</option>
                  </Select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
