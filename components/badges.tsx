import { titleCase } from '@/lib/format';

const CONFIDENCE: Record<string, string> = {
  CONFIRMED: 'bg-green-100 text-green-900',
  REPORTED: 'bg-blue-100 text-blue-900',
  CLAIMED: 'bg-amber-100 text-amber-900',
};
const STANCE: Record<string, string> = {
  SUPPORTS: 'bg-green-100 text-green-900',
  OPPOSES: 'bg-red-100 text-red-900',
  CONCERNED: 'bg-amber-100 text-amber-900',
  NEUTRAL: 'bg-gray-100 text-gray-900',
};
const STATUS: Record<string, string> = {
  PASSED: 'bg-green-100 text-green-900',
  FAILED: 'bg-red-100 text-red-900',
  CANCELLED: 'bg-gray-100 text-gray-900',
  SCHEDULED: 'bg-blue-100 text-blue-900',
  IN_PROGRESS: 'bg-amber-100 text-amber-900',
  PENDING: 'bg-gray-100 text-gray-900',
};

function Badge({ value, palette }: { value: string; palette: Record<string, string> }) {
  return (
    // `.badge` (globals.css) holds the shape once: badges sit in every row of long tables.
    <span className={`badge ${palette[value] ?? 'bg-gray-100 text-gray-900'}`}>{titleCase(value)}</span>
  );
}

export const ConfidenceBadge = ({ value }: { value: string }) => <Badge value={value} palette={CONFIDENCE} />;
export const StanceBadge = ({ value }: { value: string }) => <Badge value={value} palette={STANCE} />;
export const StatusBadge = ({ value }: { value: string }) => <Badge value={value} palette={STATUS} />;
