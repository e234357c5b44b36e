// Validates the bundled knowledge base (and any extra paths given): prints one line per problem and
// a summary; exit status 1 when there is any problem.
import { BUNDLED_KB_DIR, loadKbFiles } from '../src/kb/load.ts';

const paths = [BUNDLED_KB_DIR, ...process.argv.slice(2)];
const { entries, problems } = loadKbFiles(paths);
for (const p of problems) console.error(`${p.file}${p.line ? `:${p.line}` : ''}: ${p.reason}`);
const byType = new Map<string, number>();
for (const e of entries) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
console.log(`${entries.length} entries (${[...byType].map(([t, n]) => `${t} ${n}`).join(', ')}), ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
