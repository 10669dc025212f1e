// A ZIP's files as text: for tests that read the "everything" archive (unit and end-to-end).
import yauzl from 'yauzl';

export async function unzip(archive: Buffer): Promise<Map<string, string>> {
  const zip = await yauzl.fromBufferPromise(archive, { lazyEntries: true });
  const entries: yauzl.Entry[] = [];
  await new Promise((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => (entries.push(entry), zip.readEntry()));
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  const files = new Map<string, string>();
  for (const entry of entries) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    files.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
  }
  return files;
}
