'use client';

// Saves the chart's SVG as it is drawn, or as a PNG rendered from it at twice the size.
function svgOf(targetId: string): SVGSVGElement | null {
  return document.getElementById(targetId)?.querySelector('svg.recharts-surface, svg[data-chart]') ?? null;
}

function serialize(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const { width, height } = svg.getBoundingClientRect();
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  // A white background and the page's font, so the file reads the same outside the page.
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = `text { font-family: ${getComputedStyle(document.body).fontFamily}; }`;
  clone.prepend(style);
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', 'white');
  clone.insertBefore(background, style.nextSibling);
  return new XMLSerializer().serializeToString(clone);
}

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ChartDownload({ targetId, filename }: { targetId: string; filename: string }) {
  const downloadSvg = () => {
    const svg = svgOf(targetId);
    if (svg) save(new Blob([serialize(svg)], { type: 'image/svg+xml' }), `${filename}.svg`);
  };
  const downloadPng = () => {
    const svg = svgOf(targetId);
    if (!svg) return;
    const { width, height } = svg.getBoundingClientRect();
    const image = new Image();
    image.onload = () => {
      const canvas = Object.assign(document.createElement('canvas'), { width: width * 2, height: height * 2 });
      const context = canvas.getContext('2d')!;
      context.scale(2, 2);
      context.drawImage(image, 0, 0, width, height);
      canvas.toBlob((blob) => blob && save(blob, `${filename}.png`), 'image/png');
    };
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(serialize(svg))}`;
  };
  return (
    <>
      <span className="text-muted">Download chart:</span>
      <button
        type="button"
        onClick={downloadPng}
        className="rounded border border-rule bg-white px-2 py-1 hover:bg-accent-soft"
      >
        PNG
      </button>
      <button
        type="button"
        onClick={downloadSvg}
        className="rounded border border-rule bg-white px-2 py-1 hover:bg-accent-soft"
      >
        SVG
      </button>
    </>
  );
}
