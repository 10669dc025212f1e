// Share images: the 1200×630 PNG that social networks and chat apps show for a link to a
// campaign, a vote or a person (Open Graph / Twitter cards). Drawn with next/og from a small card
// description, in fonts shipped with the repository (assets/fonts: no network at build or run),
// and kept per process until the data version changes (decision 015), so a new signature
// regenerates it and a burst of link previews costs one drawing.
import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ImageResponse } from 'next/og';
import { renderDataVersion, VersionedMemo } from './data-version';
import { today } from './format';

export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** What each kind of card shows, for the image's `alt` in the page's metadata. */
export const SHARE_IMAGE_ALT = {
  campaign: 'The count of named signatories against its thresholds',
  person: 'A person: seat and party, what they signed and said',
  stage: 'The whip count: members who may vote, by where they stand',
  division: 'A division: the result, ayes and noes, and the rebels',
} as const;

export interface ShareCard {
  /** Small capitals above the title: "Letter · Open", "Whip count". */
  kicker: string;
  title: string;
  /** The big figures, left to right. */
  figures: { value: string; label: string; colour?: string }[];
  /** Up to three lines under the figures. */
  lines: string[];
  /** A bar of shares (the whip count's positions), optional. */
  bar?: { share: number; colour: string }[];
  /** "As of 1 December 2026 · source: …" */
  footer: string;
}

let fonts: Promise<{ name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[]> | null = null;
function loadFonts() {
  fonts ??= Promise.all([
    readFile(path.join(process.cwd(), 'assets/fonts/DejaVuSans.ttf')).then((data) => ({
      name: 'DejaVu Sans',
      data,
      weight: 400 as const,
      style: 'normal' as const,
    })),
    readFile(path.join(process.cwd(), 'assets/fonts/DejaVuSans-Bold.ttf')).then((data) => ({
      name: 'DejaVu Sans',
      data,
      weight: 700 as const,
      style: 'normal' as const,
    })),
  ]);
  return fonts;
}

const INK = '#15202b';
const MUTED = '#5b6775';
const PAPER = '#f7f6f2';
const ACCENT = '#1f4e79';

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

function Card({ card }: { card: ShareCard }) {
  return (
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        background: PAPER,
        color: INK,
        padding: '56px 64px',
        fontFamily: 'DejaVu Sans',
        borderTop: `14px solid ${ACCENT}`,
      }}
    >
      <div style={{ display: 'flex', fontSize: 26, color: MUTED, textTransform: 'uppercase', letterSpacing: 2 }}>
        {clip(card.kicker, 60)}
      </div>
      <div
        style={{
          display: 'flex',
          fontSize: card.title.length > 60 ? 44 : 54,
          fontWeight: 700,
          lineHeight: 1.15,
          marginTop: 12,
        }}
      >
        {clip(card.title, 110)}
      </div>
      <div style={{ display: 'flex', gap: 56, marginTop: 28, alignItems: 'flex-end' }}>
        {card.figures.slice(0, 3).map((f) => (
          <div key={f.label} style={{ display: 'flex', flexDirection: 'column' }}>
            <div
              style={{
                display: 'flex',
                fontSize: f.value.length > 6 ? 60 : 88,
                fontWeight: 700,
                color: f.colour ?? ACCENT,
                lineHeight: 1,
              }}
            >
              {f.value}
            </div>
            <div style={{ display: 'flex', fontSize: 26, color: MUTED, marginTop: 8 }}>{clip(f.label, 40)}</div>
          </div>
        ))}
      </div>
      {card.bar && card.bar.length > 0 && (
        <div
          style={{
            display: 'flex',
            height: 28,
            marginTop: 28,
            borderRadius: 6,
            overflow: 'hidden',
            background: '#dedbd2',
          }}
        >
          {card.bar.map((b, i) => (
            <div key={i} style={{ display: 'flex', width: `${(b.share * 100).toFixed(2)}%`, background: b.colour }} />
          ))}
        </div>
      )}
      <div style={{ display: 'flex', flexDirection: 'column', marginTop: 20, fontSize: 26, gap: 4 }}>
        {card.lines.slice(0, 3).map((line) => (
          <div key={line} style={{ display: 'flex' }}>
            {clip(line, 90)}
          </div>
        ))}
      </div>
      <div style={{ display: 'flex', marginTop: 'auto', justifyContent: 'space-between', fontSize: 22, color: MUTED }}>
        <div style={{ display: 'flex' }}>{clip(card.footer, 90)}</div>
        <div style={{ display: 'flex', fontWeight: 700, color: ACCENT }}>Whipcount</div>
      </div>
    </div>
  );
}

const drawn = new VersionedMemo<ArrayBuffer>(200);

/**
 * The PNG for `key` (the page's path), drawn from `describe()` at most once per data version, or
 * null when there is nothing there (the route answers 404).
 */
export async function shareImage(key: string, describe: () => Promise<ShareCard | null>): Promise<Response> {
  let missing = false;
  // The day is part of the key: every card says "As of <day>", which must not outlive its day.
  const png = await drawn.get(`${key}|${today()}`, async (version) => {
    // Filed under the version read before the data: at worst older than the data it shows, which
    // makes the next request draw again, never keep a stale card.
    const card = await describe();
    if (!card) {
      missing = true;
      return { value: new ArrayBuffer(0), version: -1n };
    }
    const image = new ImageResponse(<Card card={card} />, { ...SHARE_IMAGE_SIZE, fonts: await loadFonts() });
    return { value: await image.arrayBuffer(), version };
  });
  if (missing || png.byteLength === 0)
    return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(png, { headers: { 'Content-Type': 'image/png', 'Content-Length': String(png.byteLength) } });
}

/**
 * A page's share image as its metadata names it (lib/metadata.ts `pageMetadata`): the data version
 * and the day this render sees, so the image's URL changes whenever the card would.
 */
export async function shareImageMeta(kind: keyof typeof SHARE_IMAGE_ALT, path?: string) {
  return { path, alt: SHARE_IMAGE_ALT[kind], version: await renderDataVersion(), day: today(), ...SHARE_IMAGE_SIZE };
}
