// CRLF record ends for the CSV downloads (lib/export.ts rfc4180): the transform searches for quotes
// and line ends instead of looping over every byte (issue 26), and must give what the byte loop
// gave, however PostgreSQL's output is cut into chunks.
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { rfc4180 } from '../lib/export';

/** The rule, byte by byte: a line end outside quotes gets a CR before it; a BOM first when asked. */
function byByte(input: Buffer, bom: boolean): Buffer {
  let inQuotes = false;
  const out: number[] = bom ? [0xef, 0xbb, 0xbf] : [];
  for (const byte of input) {
    if (byte === 0x22) inQuotes = !inQuotes;
    else if (byte === 0x0a && !inQuotes) out.push(0x0d);
    out.push(byte);
  }
  return Buffer.from(out);
}

async function transformed(chunks: Buffer[], bom: boolean): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(
    Readable.from(chunks),
    rfc4180(bom),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        out.push(chunk);
        done();
      },
    }),
  );
  return Buffer.concat(out);
}

describe('CRLF record ends', () => {
  it('end records with CRLF and leave line breaks inside quoted fields, doubled quotes included', async () => {
    const csv = 'name,note\nAnn,"one\ntwo"\nBob,"say ""hi""\nthen"\n';
    expect((await transformed([Buffer.from(csv)], false)).toString()).toBe(
      'name,note\r\nAnn,"one\ntwo"\r\nBob,"say ""hi""\nthen"\r\n',
    );
  });

  it('give what the byte-by-byte rule gives for 2,000 seeded files cut at random places', async () => {
    let seed = 20190628;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pieces = ['a', ',', '"', '\n', '""', 'é'];
    for (let n = 0; n < 2000; n++) {
      const text = Buffer.from(
        Array.from({ length: 1 + Math.floor(random() * 60) }, () => pieces[Math.floor(random() * pieces.length)]).join(
          '',
        ),
      );
      const chunks: Buffer[] = [];
      for (let i = 0; i < text.length;) {
        const size = 1 + Math.floor(random() * 10);
        chunks.push(text.subarray(i, i + size));
        i += size;
      }
      const bom = random() < 0.5;
      expect((await transformed(chunks, bom)).equals(byByte(text, bom)), JSON.stringify(text.toString())).toBe(true);
    }
  });
});
