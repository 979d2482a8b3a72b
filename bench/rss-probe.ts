/**
 * Loaded with `node --import` into a process the bench measures: at exit, writes the process's peak
 * resident set size (bytes) to the file named by GEN_EVENT_BENCH_RSS_FILE.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.GEN_EVENT_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
}
