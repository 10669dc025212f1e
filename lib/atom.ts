// Atom 1.0 (RFC 4287) written by hand, because text in a feed is whatever people and sources
// wrote: every text is XML-escaped (never CDATA, which one "]]>" ends), characters XML 1.0 cannot
// carry (control characters, lone surrogates, U+FFFE/U+FFFF) are dropped, titles and summaries are
// `type="text"`, and content is `type="html"` holding HTML escaped as text (issue 23: the `feed`
// library escaped only the first "]]>" and sent raw text as HTML). Pure.

export interface AtomEntry {
  id: string;
  title: string;
  link: string;
  updated: Date;
  summary: string;
  /** HTML whose own text is already escaped; sent as escaped text. */
  contentHtml?: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  link: string;
  self: string;
  updated: Date;
  author: { name: string; uri?: string };
  rights?: string;
  generator?: string;
  entries: AtomEntry[];
}

/** Characters XML 1.0 allows: tab, newline, carriage return, U+0020–U+D7FF, U+E000–U+FFFD, and paired surrogates. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text as XML character data or an attribute value: escaped, with what XML cannot carry removed. */
export function xmlText(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const when = (d: Date) => d.toISOString();
const element = (name: string, text: string, attrs = '') => `<${name}${attrs}>${xmlText(text)}</${name}>`;

export function atomXml(feed: AtomFeed): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  ${element('id', feed.id)}`,
    `  ${element('title', feed.title, ' type="text"')}`,
    ...(feed.subtitle ? [`  ${element('subtitle', feed.subtitle, ' type="text"')}`] : []),
    `  <updated>${when(feed.updated)}</updated>`,
    `  <link rel="alternate" href="${xmlText(feed.link)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(feed.self)}"/>`,
    `  <author>${element('name', feed.author.name)}${feed.author.uri ? element('uri', feed.author.uri) : ''}</author>`,
    ...(feed.rights ? [`  ${element('rights', feed.rights, ' type="text"')}`] : []),
    ...(feed.generator ? [`  ${element('generator', feed.generator)}`] : []),
    ...feed.entries.map((e) =>
      [
        '  <entry>',
        `    ${element('id', e.id)}`,
        `    ${element('title', e.title, ' type="text"')}`,
        `    <link rel="alternate" href="${xmlText(e.link)}"/>`,
        `    <updated>${when(e.updated)}</updated>`,
        `    ${element('summary', e.summary, ' type="text"')}`,
        ...(e.contentHtml ? [`    ${element('content', e.contentHtml, ' type="html"')}`] : []),
        '  </entry>',
      ].join('\n'),
    ),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}
