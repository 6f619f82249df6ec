// Runs Azurite (its blob and queue services) in this process and ends it with the test host that started it:
// when the host's end of our standard input closes, or when our parent process goes away,
// so no emulator outlives a crashed or killed test run.
// Usage: node run-azurite.js <path to azurite/dist/src/azurite.js> [azurite options]
'use strict';

const azuriteBlobMain = process.argv[2];
process.argv.splice(2, 1);

const parentPid = process.ppid;
const exit = () => process.exit(0);
process.stdin.on('end', exit);
process.stdin.on('close', exit);
process.stdin.resume();
setInterval(() => {
  if (process.ppid !== parentPid) {
    exit();
  }
}, 500).unref();

require(azuriteBlobMain);
