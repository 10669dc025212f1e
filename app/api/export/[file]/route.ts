import { describeArchive, openArchive } from '@/lib/archive';
import { describeExport, openExport } from '@/lib/export';
import { errorResponse } from '@/lib/http';
import { cacheHeadersAt } from '@/lib/cache-rules';

export const dynamic = 'force-dynamic';

// What the file is and when it was made: in its name and in a header (the CSV stays plain CSV;
// the ZIP also carries a README.txt). Header values are ASCII: anything else is replaced.
const attachment = (type: string, filename: string, description: string, url: string) => ({
  'Content-Type': type,
  'Content-Disposition': `attachment; filename="${filename}"`,
  'X-Whipcount-Export': description.replace(/[^\x20-\x7e]/g, '?'),
  ...cacheHeadersAt(url),
  'X-Content-Type-Options': 'nosniff',
});

/**
 * GET /api/export/NAME.csv — a CSV report, streamed. `?excel=1` adds a BOM for Excel.
 * GET /api/export/everything.zip — the whole public data set, one CSV per table (docs/csv.md).
 */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  // A HEAD reads no body: it is answered from what the file would be, holding no download slot
  // and no database connection (four HEADs once held every slot of an address for good).
  const head = request.method === 'HEAD';
  try {
    if (head && file === 'everything.zip') {
      const { filename, description } = describeArchive();
      return new Response(null, { headers: attachment('application/zip', filename, description, request.url) });
    }
    if (file === 'everything.zip') {
      const { filename, description, stream } = await openArchive({ headers: request.headers });
      return new Response(stream, { headers: attachment('application/zip', filename, description, request.url) });
    }
    const match = /^([a-z]+)\.csv$/.exec(file);
    if (!match)
      return Response.json(
        {
          error: {
            code: 'NOT_FOUND',
            message: 'Exports end in .csv (e.g. /api/export/signatures.csv), or are everything.zip',
          },
        },
        { status: 404 },
      );
    if (head) {
      const { filename, description } = await describeExport(match[1]!, new URL(request.url).searchParams, {
        headers: request.headers,
      });
      return new Response(null, {
        headers: attachment('text/csv; charset=utf-8; header=present', filename, description, request.url),
      });
    }
    const { filename, description, stream } = await openExport(match[1]!, new URL(request.url).searchParams, {
      headers: request.headers,
    });
    return new Response(stream, {
      headers: attachment('text/csv; charset=utf-8; header=present', filename, description, request.url),
    });
  } catch (error) {
    return errorResponse(error, `export ${file}`);
  }
}
