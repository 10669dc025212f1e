// An embed of a campaign or vote that is not on Whipcount: a small page that frames cleanly
// (the /embed/* headers allow framing; no site navigation to squeeze into someone's article).
export default function EmbedNotFound() {
  return (
    <div className="embed p-3 text-sm" data-theme="auto">
      <p className="font-semibold">Not found</p>
      <p className="text-muted">
        This count is not on Whipcount: the campaign or vote may have been renamed or removed.
      </p>
    </div>
  );
}
