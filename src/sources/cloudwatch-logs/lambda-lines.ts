import type { Random } from '../../core/random.js';

/** A log line and when it was written, in epoch milliseconds. */
export interface TimedLine {
  timestamp: number;
  message: string;
}

/** What a Lambda function's log group receives when nobody gave the messages. */
export interface InvocationLog {
  /** When the first line was written. */
  start: number;
  /** Lines wanted; default: one invocation's worth. */
  count?: number;
  memorySize: number;
  /** An application line's text, written at `at`. */
  appText: (at: number) => string;
}

/**
 * Lines as the Lambda Node.js runtime writes them: `START`, the function's own lines
 * (`<ISO time>\t<request id>\tINFO\t<text>`), `END` and `REPORT`, each ending in `\n` as in the real
 * capture (FORMATS-events §7). With a count, invocations follow each other until there are enough lines.
 */
export function lambdaLogLines(rng: Random, log: InvocationLog): TimedLine[] {
  const lines: TimedLine[] = [];
  let t = log.start;
  do {
    const requestId = rng.uuid();
    const started = t;
    lines.push({ timestamp: t, message: `START RequestId: ${requestId} Version: $LATEST\n` });
    const appLines = rng.int(1, 3);
    for (let i = 0; i < appLines; i++) {
      t += rng.int(0, 4);
      const text = log.appText(t);
      lines.push({ timestamp: t, message: `${new Date(t).toISOString()}\t${requestId}\tINFO\t${text}\n` });
    }
    t += rng.int(1, 30);
    // Duration is measured to the hundredth of a millisecond and billed in whole milliseconds.
    const duration = (t - started + rng.int(1, 99) / 100).toFixed(2);
    const billed = Math.ceil(Number(duration));
    const used = rng.int(Math.min(60, log.memorySize), Math.min(log.memorySize, 190));
    lines.push({ timestamp: t, message: `END RequestId: ${requestId}\n` });
    lines.push({
      timestamp: t,
      message:
        `REPORT RequestId: ${requestId}\tDuration: ${duration} ms\tBilled Duration: ${billed} ms\t` +
        `Memory Size: ${log.memorySize} MB\tMax Memory Used: ${used} MB\t\n`,
    });
    t += rng.int(5, 400);
  } while (log.count !== undefined && lines.length < log.count);
  return log.count === undefined ? lines : lines.slice(0, log.count);
}
