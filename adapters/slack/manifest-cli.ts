/**
 * npm run slack:manifest                                    writes slack-manifest.yml (one workspace, Socket Mode)
 * npm run slack:manifest -- --url <base URL>                prints the HTTP-mode manifest for that URL
 * npm run slack:manifest -- --url <base URL> --distributed  prints a distributed app's manifest (OAuth redirect, uninstall events)
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
const distributed = args.includes('--distributed');
if (distributed && !publicUrl) {
  process.stderr.write('slack:manifest: --distributed needs --url (Slack sends installs back to <url>/slack/oauth_redirect)\n');
  process.exit(2);
}
if (publicUrl) {
  process.stdout.write(manifestYaml(buildManifest({ publicUrl, distributed }), { publicUrl, distributed }));
} else {
  writeFileSync(MANIFEST_FILE, manifestYaml(buildManifest()));
  process.stdout.write(`wrote ${MANIFEST_FILE}\n`);
}
