// The sharp peer of `VehicleImages.Benchmarks render-worker` (same protocol): reads the job list, loads every file
// into memory, then for each "run" line on stdin renders all of them, N at once, and answers with one JSON line
// {seconds, latenciesMs, outputs: [[width, height, bytes], ...]}.
//   node bench/sharp/render-worker.mjs JOBS_FILE CONCURRENCY
// Job lines: path <TAB> box <TAB> jpeg|png <TAB> opaque|transparent <TAB> spec size <TAB> width <TAB> height.
//
// Settings mirror src/VehicleImages.Imaging (ImagingOptions, ImageProcessor.Encode, VipsImage.Thumbnail):
// one libvips thread per pipeline (sharp.concurrency(1)), operation cache off, fail on truncated input, auto-orient,
// fit inside the box without enlarging (Lanczos 3, shrink-on-load), flatten onto white for opaque output,
// JPEG quality 82 baseline with optimised Huffman coding and 4:2:0 chroma, metadata stripped (sharp's default);
// PNG compression 6 without row filters or palette.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import sharp from 'sharp';

const [listFile, concurrencyArg] = process.argv.slice(2);
const concurrency = Number.parseInt(concurrencyArg ?? '2', 10);
sharp.concurrency(1);
sharp.cache(false);

const jobs = readFileSync(listFile, 'utf8').split('\n').filter((line) => line.length > 0).map((line) => {
  const [path, box, format, background] = line.split('\t');
  return { path, box: Number.parseInt(box, 10), format, background };
});
const files = jobs.map((job) => readFileSync(job.path));
process.stderr.write(`sharp render-worker: ${jobs.length} files, concurrency ${concurrency}, sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}\n`);

async function render(job, input) {
  let pipeline = sharp(input, { failOn: 'truncated', limitInputPixels: 50_000_000 })
    .autoOrient()
    .resize({ width: job.box, height: job.box, fit: 'inside', withoutEnlargement: true });
  if (job.background === 'opaque') {
    pipeline = pipeline.flatten({ background: '#ffffff' });
  }
  pipeline = job.format === 'png'
    ? pipeline.png({ compressionLevel: 6, adaptiveFiltering: false, palette: false, progressive: false })
    : pipeline.jpeg({ quality: 82, progressive: false, optimiseCoding: true, chromaSubsampling: '4:2:0', mozjpeg: false });
  return pipeline.toBuffer({ resolveWithObject: true });
}

async function round() {
  const latenciesMs = new Array(jobs.length);
  const outputs = new Array(jobs.length);
  let next = 0;
  const started = process.hrtime.bigint();
  async function lane() {
    for (let i = next++; i < jobs.length; i = next++) {
      const t0 = process.hrtime.bigint();
      const { info } = await render(jobs[i], files[i]);
      latenciesMs[i] = Number(process.hrtime.bigint() - t0) / 1e6;
      outputs[i] = [info.width, info.height, info.size];
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, latenciesMs, outputs };
}

const lines = createInterface({ input: process.stdin });
for await (const command of lines) {
  if (command === 'run') {
    process.stdout.write(`${JSON.stringify(await round())}\n`);
  }
}
