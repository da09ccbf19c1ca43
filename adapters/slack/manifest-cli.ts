/**
 * npm run slack:manifest                      writes slack-manifest.yml (Socket Mode)
 * npm run slack:manifest -- --url <base URL>  prints the HTTP-mode manifest for that URL
 */
import { writeFileSync } from 'node:fs';
import { buildManifest, MANIFEST_FILE, manifestYaml } from './manifest.ts';

const args = process.argv.slice(2);
const urlAt = args.indexOf('--url');
const publicUrl = urlAt >= 0 ? args[urlAt + 1] : undefined;

if (urlAt >= 0 && !/^https:\/\/\S+$/.test(publicUrl ?? '')) {
  process.stderr.write('slack:manifest: --url needs the bot\'s public https URL, e.g. --url https://bot.example.org\n');
  process.exit(2);
}
if (publicUrl) {
  process.stdout.write(manifestYaml(buildManifest({ publicUrl }), { publicUrl }));
} else {
  writeFileSync(MANIFEST_FILE, manifestYaml(buildManifest()));
  process.stdout.write(`wrote ${MANIFEST_FILE}\n`);
}
