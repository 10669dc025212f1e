import { openExport } from '@/lib/export';
import { errorResponse } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** GET /api/export/NAME.csv — a CSV report, streamed. `?excel=1` adds a BOM for Excel. */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const match = /^([a-z]+)\.csv$/.exec(file);
  if (!match) return Response.json({ error: { code: 'NOT_FOUND', message: 'Exports end in .csv, e.g. /api/export/signatures.csv' } }, { status: 404 });
  try {
    const { filename, stream } = await openExport(match[1]!, new URL(request.url).searchParams, { headers: request.headers });
    return new Response(stream, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8; header=present',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    return errorResponse(error, `export ${file}`);
  }
}
