// The Atom writer: valid XML for any text (a property test over random strings with "]]>",
// markup, control characters and lone surrogates), text kept as text, nothing injected.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { atomXml, xmlText } from '../lib/atom';

/** A small deterministic PRNG (mulberry32), so a failure can be reproduced from its seed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const PIECES = [
  ']]>',
  '<![CDATA[',
  '</title>',
  '<entry>',
  '&',
  '&amp;',
  '"',
  "'",
  '<script>',
  '\u0000',
  '\u0007',
  '\u001b',
  '\uD800',
  '\uDC00',
  '\uFFFE',
  '😀',
  'é',
  '\t',
  '\n',
  ' ',
  'x',
];
function randomText(next: () => number): string {
  let out = '';
  const n = Math.floor(next() * 12);
  for (let i = 0; i < n; i++)
    out +=
      next() < 0.6 ? PIECES[Math.floor(next() * PIECES.length)]! : String.fromCharCode(Math.floor(next() * 0x10000));
  return out;
}
/** What survives: the text without the characters XML 1.0 cannot carry. */
const carried = (text: string) => text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');

const parser = new XMLParser({ ignoreAttributes: false, trimValues: false, parseTagValue: false });
const value = (t: unknown) =>
  typeof t === 'object' && t !== null ? ((t as Record<string, string>)['#text'] ?? '') : String(t ?? '');

describe('the Atom writer', () => {
  it('writes valid XML whose texts read back as written, for 500 random feeds', () => {
    const next = random(22);
    for (let run = 0; run < 500; run++) {
      const texts = Array.from({ length: 6 }, () => randomText(next));
      const xml = atomXml({
        id: 'urn:test',
        title: texts[0]!,
        link: 'http://localhost/',
        self: 'http://localhost/feed.xml',
        updated: new Date(0),
        author: { name: 'Whipcount' },
        entries: [
          {
            id: 'urn:test:1',
            title: texts[1]!,
            link: `http://localhost/?q=${texts[2]}`,
            updated: new Date(0),
            summary: texts[3]!,
            contentHtml: texts[4]!,
          },
          { id: 'urn:test:2', title: texts[5]!, link: 'http://localhost/', updated: new Date(0), summary: '' },
        ],
      });
      expect(XMLValidator.validate(xml), `run ${run}: ${JSON.stringify(texts)}`).toBe(true);
      const { feed } = parser.parse(xml) as {
        feed: { title: unknown; entry: { id: string; title: unknown; summary: unknown; content: unknown }[] };
      };
      expect(feed.entry.map((e) => e.id)).toEqual(['urn:test:1', 'urn:test:2']);
      expect(value(feed.title)).toBe(carried(texts[0]!));
      expect(value(feed.entry[0]!.title)).toBe(carried(texts[1]!));
      expect(value(feed.entry[0]!.summary)).toBe(carried(texts[3]!));
      expect(value(feed.entry[0]!.content)).toBe(carried(texts[4]!));
    }
  });

  it('text constructs are type="text"; content is escaped HTML, never CDATA', () => {
    const xml = atomXml({
      id: 'urn:x',
      title: '<script>alert(1)</script>',
      link: 'http://localhost/',
      self: 'http://localhost/feed.xml',
      updated: new Date(0),
      author: { name: 'W' },
      entries: [
        {
          id: 'urn:x:1',
          title: 'a ]]> b',
          link: 'http://localhost/',
          updated: new Date(0),
          summary: 's',
          contentHtml: '<p>x</p>',
        },
      ],
    });
    expect(xml).not.toContain('CDATA');
    expect(xml).toContain('<title type="text">&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(xml).toContain('<content type="html">&lt;p&gt;x&lt;/p&gt;</content>');
    expect(xmlText('\u0000a\uD800b')).toBe('ab');
  });
});
