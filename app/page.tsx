import { CampaignCard } from '@/components/campaign-card';
import { listCampaignSummaries } from '@/lib/campaigns';

export const dynamic = 'force-dynamic';

export default async function OverviewPage() {
  const campaigns = await listCampaignSummaries();
  return (
    <div className="flex flex-col gap-6">
      <section>
        <h1 className="font-serif text-3xl font-bold">State of play</h1>
        <p className="mt-1 max-w-3xl text-muted">
          Named signatories against the latest reported counts and the thresholds that matter. Reported counts often run ahead of the
          names: the gap is shown for each campaign.
        </p>
      </section>
      {campaigns.length === 0 ? (
        <p className="rounded border border-dashed border-rule bg-white p-6 text-muted">
          No campaigns yet. Editors can add one from the admin pages.
        </p>
      ) : (
        <div className="grid gap-5 md:grid-cols-2">
          {campaigns.map((campaign) => (
            <CampaignCard key={campaign.id} campaign={campaign} />
          ))}
        </div>
      )}
    </div>
  );
}
