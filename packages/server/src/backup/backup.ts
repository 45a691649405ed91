export { writeBackup } from './write.js';
export { restoreBackup } from './restore.js';
export { RestoreError, type BackupSummary } from './format.js';
