import { createHash } from 'node:crypto';
import { styles as accessLogPage } from './account/access-log-page.js';
import { styles as accountPages } from './account/open-account-page.js';
import { styles as attachmentList } from './components/attachment-list.js';
import { styles as brand } from './components/brand.js';
import { styles as buttonRow } from './components/button-row.js';
import { styles as scrollTable } from './components/scroll-table.js';
import { styles as checkbox } from './components/checkbox.js';
import { styles as choiceButtons } from './components/choice-buttons.js';
import { styles as dailyVolumeChart } from './components/daily-volume-chart.js';
import { styles as errorSummary } from './components/error-summary.js';
import { styles as fieldError } from './components/field-error.js';
import { styles as field } from './components/field.js';
import { styles as icon } from './components/icon.js';
import { styles as inlineList } from './components/inline-list.js';
import { styles as linkButton } from './components/link-button.js';
import { styles as messageList } from './components/message-list.js';
import { styles as notice } from './components/notice.js';
import { styles as paging } from './components/paging.js';
import { styles as ruledList } from './components/ruled-list.js';
import { styles as tagList } from './components/tag-list.js';
import { styles as threadList } from './components/thread-list.js';
import { styles as visuallyHidden } from './components/visually-hidden.js';
import { styles as layout } from './layout.js';
import { styles as folderPage } from './mailbox/folder-page.js';
import { styles as messagePage } from './mailbox/message-page.js';
import { publicPageStyles } from './public/styles.js';
import { styles as consentPages } from './staff/consent-pages.js';
import { styles as adminPages } from './staff/admin-parts.js';
import { styles as dashboardPage } from './staff/dashboard-page.js';
import { styles as sendPage } from './staff/send-page.js';
import { styles as sentListPage } from './staff/sent-list-page.js';
import { styles as receivedPages } from './staff/received-pages.js';
import { styles as startPage } from './start-page.js';
import { base } from './styles/base.js';
import { tokens } from './styles/tokens.js';

/**
 * Each component's and page's own section, in cascade order: a later section wins over an earlier
 * one at equal specificity (the layout's current-page markers come last for that reason).
 */
const componentSections = [
  icon,
  brand,
  inlineList,
  ruledList,
  linkButton,
  buttonRow,
  scrollTable,
  field,
  fieldError,
  checkbox,
  errorSummary,
  notice,
  tagList,
  messageList,
  paging,
  visuallyHidden,
  startPage,
  accountPages,
  accessLogPage,
  folderPage,
  attachmentList,
  threadList,
  messagePage,
  consentPages,
  choiceButtons,
  publicPageStyles,
  dailyVolumeChart,
  dashboardPage,
  adminPages,
  sendPage,
  sentListPage,
  receivedPages,
  layout,
];

/**
 * The one stylesheet, in three cascade layers: tokens (custom properties, the only colour values),
 * base (elements) and components (classes). Layer order decides before specificity does, so a
 * component's rule always wins over a base one.
 */
export const stylesheet = [
  '@layer tokens, base, components;',
  `@layer tokens {${tokens}}`,
  `@layer base {${base}}`,
  `@layer components {${componentSections.join('')}}`,
].join('\n');

/** For conditional requests: the sheet only changes with a new release. */
export const stylesheetEtag = `"${createHash('sha256').update(stylesheet).digest('base64url').slice(0, 16)}"`;
