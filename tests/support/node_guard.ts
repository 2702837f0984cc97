// better-sqlite3 13 is a Node-API 10 addon: on an older Node (the system Node 20) it crashes
// the process instead of failing. Stop early with a message that says what to do.
if (Number(process.versions.napi) < 10) {
  throw new Error(`Run the tests with "npm test" (Node >= 22 from node_modules); this is Node ${process.version}.`);
}
