// Runs a wasm32-wasip1 program under Node.js's WASI, for benchmarks of the
// core as WebAssembly: node scripts/wasi-run.mjs program.wasm
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';
import { argv, env } from 'node:process';

const wasi = new WASI({ version: 'preview1', args: argv.slice(2), env });
const module = await WebAssembly.compile(await readFile(argv[2]));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
wasi.start(instance);
