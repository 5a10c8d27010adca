/** How many assembly-log entries each page holds, on the server's first render and on "Load older". */
export const LOG_PAGE_SIZE = 30;
