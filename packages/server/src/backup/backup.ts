export { writeBackup } from './write.js';
export { restoreBackup } from './restore.js';
export { RestoreError } from './format.js';
