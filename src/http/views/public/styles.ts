import { styles as breadcrumbs } from '../components/breadcrumbs.js';
import { styles as catalogue } from './catalogue-page.js';
import { styles as feedback } from './feedback-page.js';
import { styles as siteIndex } from './site-index-pages.js';

/** The public pages' sections (breadcrumbs, catalogue, feedback, site map and index), as one stylesheet entry. */
export const publicPageStyles = [breadcrumbs, catalogue, feedback, siteIndex].join('');
