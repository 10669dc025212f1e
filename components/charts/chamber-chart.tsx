'use client';
// A hemicycle that is a file of its own (a division's or a whip count's chamber.svg): shown as an
// image at once, then, with JavaScript, drawn into the page from the same file, so that each seat
// names its member on hover (and on a tap, in a SeatReadout) and the chart downloads like the
// others. The page itself carries none of its 650 seats.
import { useEffect, useState } from 'react';

export function ChamberChart({ src, label }: { src: string; label: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetch(src, { signal: controller.signal })
      .then((response) => (response.ok ? response.text() : null))
      // Our own document (names escaped where it is drawn): its <svg> element alone, without the XML prolog.
      .then((text) => setSvg(text?.slice(text.indexOf('<svg')) ?? null))
      .catch(() => {});
    return () => controller.abort();
  }, [src]);
  if (svg)
    return <div className="w-full max-w-[560px]" data-testid="chamber" dangerouslySetInnerHTML={{ __html: svg }} />;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- an SVG document of our own, not a photo to optimise
    <img src={src} alt={label} width={560} height={308} className="h-auto w-full max-w-[560px]" data-testid="chamber" />
  );
}
