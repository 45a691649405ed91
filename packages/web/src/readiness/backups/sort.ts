import type { RestoreTestView } from '../api';

/** Newest first by the day of the test, then by when it was recorded. */
export const sortedTests = (tests: RestoreTestView[]) =>
  [...tests].sort((a, b) => (a.testedOn === b.testedOn ? (a.createdAt < b.createdAt ? 1 : -1) : a.testedOn < b.testedOn ? 1 : -1));
