/** The port a bench server wrapper was told to listen on (`--port N` or PORT). */
export function serverPort(): number {
  const flag = process.argv.indexOf('--port');
  const port = Number(flag >= 0 ? process.argv[flag + 1] : process.env.PORT);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    console.error('Give the port: --port N (or PORT=N).');
    process.exit(2);
  }
  return port;
}
