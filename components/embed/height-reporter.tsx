'use client';

import { useEffect } from 'react';

/**
 * Tells the page that frames this embed how tall its content is, whenever that changes (the chart
 * arriving, a narrower frame): `{ whipcount: 'embed-height', height }` by postMessage. The host's
 * /embed.js sets the matching iframe's height (README, "Embedding").
 */
export function HeightReporter() {
  useEffect(() => {
    if (window.parent === window) return;
    const content = document.querySelector<HTMLElement>('.embed');
    if (!content) return;
    let last = 0;
    const report = () => {
      const height = Math.ceil(content.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      window.parent.postMessage({ whipcount: 'embed-height', height, href: location.href }, '*');
    };
    const observer = new ResizeObserver(report);
    observer.observe(content);
    report();
    return () => observer.disconnect();
  }, []);
  return null;
}
