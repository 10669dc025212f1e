// The bench's yardstick (issue 26): work that is the same whatever the app does, measured in the
// same run as the pages, so that a page's time can be read as a multiple of the machine's speed.
// This part is React rendering a fixed tree to HTML; run by bench/run.ts as a process of its own,
// since the bench runs under the react-server condition, where react-dom/server is not offered.
// Prints {"reactMs": median of RUNS renders after a warm-up}.
import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';

const ROWS = 2_000;
const RUNS = 30;

/** A table of 2,000 people, four cells each, as a long signatory list renders: 10,000 elements. */
function tree() {
  const rows = Array.from({ length: ROWS }, (_, i) =>
    h(
      'tr',
      { key: i },
      h('td', null, h('a', { href: `/people/person-${i}` }, `Person ${i}`)),
      h('td', null, i % 2 ? 'Labour' : 'Conservative'),
      h('td', null, `Seat ${i}`),
      h('td', null, '2019-06-28'),
    ),
  );
  return h('table', null, h('tbody', null, rows));
}

for (let i = 0; i < 5; i++) renderToString(tree());
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t = performance.now();
  renderToString(tree());
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ reactMs: times[Math.floor(RUNS / 2)] }));
