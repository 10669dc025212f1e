'use client';

// The whip count's fast paths for editors: move one member, place a pasted list at one position,
// record a division list as Hansard prints it. What was typed stays after an error.
import { useActionState, useMemo, useState } from 'react';
import { whipCountAction, type WhipCountState } from '@/app/actions/whip-count';
import { SourceChoice } from '@/components/admin/source-choice';
import { FilterSelect } from '@/components/filter-select';
import { Input, Select, Textarea } from '@/components/ui/controls';
import { normalizeName } from '@/lib/names';
import { RECORDS } from '@/lib/records';

type Option = readonly [value: string, label: string];

function Result({ state, testId }: { state: WhipCountState; testId: string }) {
  if (!state.message) return null;
  return (
    <div
      role={state.ok ? 'status' : 'alert'}
      data-testid={testId}
      className={`rounded p-2 text-sm ${state.ok ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-900'}`}
    >
      <p>{state.message}</p>
      {state.fieldErrors && (
        <ul className="list-disc pl-5">
          {Object.entries(state.fieldErrors).map(([field, message]) => (
            <li key={field}>{message}</li>
          ))}
        </ul>
      )}
      {state.leftOver && state.leftOver.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {state.leftOver.slice(0, 200).map((l) => (
            <li key={`${l.line}-${l.text}`}>
              Line {l.line} “{l.text}”: {l.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Common({
  state,
  stands,
  sources,
  today,
  lastSource,
  withConfidence = true,
}: {
  state: WhipCountState;
  stands: readonly Option[];
  sources: readonly Option[];
  today: string;
  lastSource: string;
  withConfidence?: boolean;
}) {
  const v = state.values ?? {};
  return (
    <>
      <FilterSelect
        name="stand"
        label="Position"
        options={stands}
        value={v.stand}
        anyLabel={null}
        required
        labelClassName="text-sm font-medium"
      />
      <label className="flex flex-col gap-1">
        <span className="text-sm font-medium">Stated on</span>
        <Input type="date" name="statedOn" required defaultValue={v.statedOn ?? today} />
      </label>
      <SourceChoice sources={sources} value={v.sourceId ?? lastSource} values={v} errors={state.fieldErrors} />
      {withConfidence && (
        <FilterSelect
          name="confidence"
          label="Confidence"
          options={[
            ['REPORTED', 'Reported'],
            ['CONFIRMED', 'Confirmed'],
            ['CLAIMED', 'Claimed'],
          ]}
          value={v.confidence}
          anyLabel={null}
          labelClassName="text-sm font-medium"
        />
      )}
    </>
  );
}

/**
 * The member to move, out of every member who may vote (650 in the Commons): a box that narrows the
 * list as you type (any part of the name or seat, accents and case aside), choosing the member
 * once one is left, and the list itself.
 */
function MemberPicker({ members, value }: { members: readonly Option[]; value?: string }) {
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState(value ?? '');
  // Each label folded once (650 of them), not on every keystroke.
  const folded = useMemo(() => members.map(([v, label]) => [v, normalizeName(label)] as const), [members]);
  const q = normalizeName(query);
  const matching = q ? new Set(folded.filter(([, label]) => label.includes(q)).map(([v]) => v)) : null;
  const shown = matching ? members.filter(([v]) => v === chosen || matching.has(v)) : members;
  return (
    <div className="flex flex-col gap-1">
      <label className="flex flex-col gap-1">
        <span className="text-sm font-medium">Find a member</span>
        <Input
          type="search"
          value={query}
          placeholder="Part of a name or seat"
          onChange={(e) => {
            setQuery(e.target.value);
            const n = normalizeName(e.target.value);
            const matches = n ? folded.filter(([, label]) => label.includes(n)) : [];
            if (matches.length === 1) setChosen(matches[0]![0]);
          }}
        />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-sm font-medium">Member</span>
        <Select name="person" value={chosen} required onChange={(e) => setChosen(e.target.value)}>
          <option value="">{q ? `Choose… (${shown.length} matching)` : 'Choose…'}</option>
          {shown.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </Select>
      </label>
    </div>
  );
}

export function WhipCountEditor({
  stageId,
  members,
  stands,
  sources,
  divisions,
  today,
  lastSource,
}: {
  stageId: number;
  members: readonly Option[];
  stands: readonly Option[];
  sources: readonly Option[];
  divisions: readonly Option[];
  today: string;
  lastSource: string;
}) {
  const [move, moveAction, moving] = useActionState<WhipCountState, FormData>(whipCountAction.bind(null, 'move'), {
    ok: true,
    message: '',
  });
  const [paste, pasteAction, pasting] = useActionState<WhipCountState, FormData>(whipCountAction.bind(null, 'paste'), {
    ok: true,
    message: '',
  });
  const [division, divisionAction, recording] = useActionState<WhipCountState, FormData>(
    whipCountAction.bind(null, 'division'),
    { ok: true, message: '' },
  );
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-3">
      <form
        action={moveAction}
        key={`move-${move.nonce}`}
        className="flex min-w-0 flex-col gap-2 rounded-lg border border-rule bg-white p-3"
        aria-labelledby="move-title"
      >
        <h3 id="move-title" className="font-semibold">
          Move a member
        </h3>
        <input type="hidden" name="stageId" value={stageId} />
        <MemberPicker members={members} value={move.values?.person} />
        <Common state={move} stands={stands} sources={sources} today={today} lastSource={lastSource} />
        <label className="flex flex-col gap-1">
          <span className="text-sm font-medium">Their words (optional)</span>
          <Textarea
            name="quote"
            rows={2}
            maxLength={RECORDS.position.quote.max}
            defaultValue={move.values?.quote ?? ''}
          />
        </label>
        <Result state={move} testId="move-result" />
        <button
          type="submit"
          disabled={moving}
          className="self-start rounded bg-accent px-4 py-2 text-white disabled:opacity-60"
        >
          {moving ? 'Saving…' : 'Save the move'}
        </button>
      </form>

      <form
        action={pasteAction}
        key={`paste-${paste.nonce}`}
        className="flex min-w-0 flex-col gap-2 rounded-lg border border-rule bg-white p-3"
        aria-labelledby="paste-title"
      >
        <h3 id="paste-title" className="font-semibold">
          Place a list at one position
        </h3>
        <input type="hidden" name="stageId" value={stageId} />
        <label className="flex flex-col gap-1">
          <span className="text-sm font-medium">Names, one a line (a seat in brackets tells namesakes apart)</span>
          <Textarea
            name="names"
            rows={6}
            maxLength={200_000}
            required
            defaultValue={paste.values?.names ?? ''}
            className="font-mono text-xs"
          />
        </label>
        <Common state={paste} stands={stands} sources={sources} today={today} lastSource={lastSource} />
        <Result state={paste} testId="paste-result" />
        <button
          type="submit"
          disabled={pasting}
          className="self-start rounded bg-accent px-4 py-2 text-white disabled:opacity-60"
        >
          {pasting ? 'Matching…' : 'Place these members'}
        </button>
      </form>

      <form
        action={divisionAction}
        key={`division-${division.nonce}`}
        className="flex min-w-0 flex-col gap-2 rounded-lg border border-rule bg-white p-3"
        aria-labelledby="division-title"
      >
        <h3 id="division-title" className="font-semibold">
          Record a division list
        </h3>
        <input type="hidden" name="stageId" value={stageId} />
        <FilterSelect
          name="divisionId"
          label="Division"
          options={[['new', 'A new division'], ...divisions]}
          value={division.values?.divisionId}
          anyLabel={null}
          labelClassName="text-sm font-medium"
        />
        <label className="flex flex-col gap-1">
          <span className="text-sm font-medium">Question (for a new division)</span>
          <Input
            name="question"
            maxLength={RECORDS.division.question.max}
            defaultValue={division.values?.question ?? ''}
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-sm font-medium">Held on (for a new division)</span>
          <Input type="date" name="heldOn" defaultValue={division.values?.heldOn ?? ''} />
        </label>
        <SourceChoice
          sources={sources}
          value={division.values?.sourceId ?? lastSource}
          values={division.values}
          errors={division.fieldErrors}
        />
        <label className="flex flex-col gap-1">
          <span className="text-sm font-medium">The list as Hansard prints it (Ayes, Noes, tellers)</span>
          <Textarea
            name="list"
            rows={6}
            maxLength={500_000}
            required
            defaultValue={division.values?.list ?? ''}
            className="font-mono text-xs"
          />
        </label>
        <Result state={division} testId="division-result" />
        <button
          type="submit"
          disabled={recording}
          className="self-start rounded bg-accent px-4 py-2 text-white disabled:opacity-60"
        >
          {recording ? 'Checking…' : 'Record the ballots'}
        </button>
      </form>
    </div>
  );
}
