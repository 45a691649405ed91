// Preloaded (node --import) into every server the benchmark starts. run.ts keeps a pipe to the child's
// stdin open; if the benchmark process dies without cleaning up (kill -9, crash), the pipe closes and the
// child stops itself through its normal SIGTERM shutdown, so no server is ever left running.
process.stdin.on('end', () => {
  setTimeout(() => process.exit(1), 5_000).unref();
  process.kill(process.pid, 'SIGTERM');
});
process.stdin.resume();

export {};
