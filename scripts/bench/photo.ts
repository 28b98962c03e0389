/**
 * How long one evidence-photo upload costs the server: a noisy 12 MP JPEG (as large and slow as a
 * real phone photo; a flat image would flatter the numbers) through processUpload, 20 times.
 * Run: npx tsx scripts/bench/photo.ts
 */
import { performance } from "node:perf_hooks";
import sharp from "sharp";
import { processUpload } from "../../server/photos/process-photo";
import { noisyJpeg } from "../../server/photos/test-images";

const RUNS = 20;
const WIDTH = 4000;
const HEIGHT = 3000;

const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const input = await noisyJpeg(WIDTH, HEIGHT);
await processUpload(input); // warm-up: first call loads libvips codecs

const times: number[] = [];
let last: Awaited<ReturnType<typeof processUpload>> | undefined;
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  last = await processUpload(input);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);

console.log(`processUpload ×${RUNS}, ${WIDTH}×${HEIGHT} noisy JPEG, sharp ${sharp.versions.sharp} / libvips ${sharp.versions.vips}, concurrency ${sharp.concurrency()}`);
console.log(`  p50 ${percentile(times, 50).toFixed(0)} ms   p95 ${percentile(times, 95).toFixed(0)} ms   min ${times[0]?.toFixed(0)} ms   max ${times.at(-1)?.toFixed(0)} ms`);
console.log(`  input ${kib(input.length)} → image ${last?.width}×${last?.height} ${kib(last?.bytes ?? 0)}, thumbnail ${kib(last?.thumbnail.length ?? 0)}`);
