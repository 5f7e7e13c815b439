/**
 * The access pages (issue #8) behind one lazy import: the patient's access log, blocking and the
 * leader's review are used now and then, so the start-up code carries one list of what they need
 * to load instead of three (first-page budget).
 */
export { Component as AccessLogPage } from './AccessLogPage';
export { Component as BlockingPage } from './BlockingPage';
export { Component as LeaderReviewPage } from './LeaderReviewPage';
