// The worker threads' entry point, in plain JavaScript because a worker starts without the TypeScript
// loader of its parent: `npm start` and `npx mamori` register tsx in the main thread only, and vitest
// transforms TypeScript in its own module runner. tsx is registered here, once per worker, for every way the
// server is started; a parent that runs under `node --import tsx` passes that on too, which is harmless.
import { register } from 'tsx/esm/api';

register();
const { runTask } = await import('./tasks.ts');

export default runTask;
