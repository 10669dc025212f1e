// Twitter's card image is the Open Graph one.
export { default, size, contentType, alt } from './opengraph-image';
export const dynamic = 'force-dynamic';
