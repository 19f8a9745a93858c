// Findings as a SARIF 2.1.0 log, for code-scanning services in CI.
// https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
//
// One rule per detector (id = kind); a result per finding with its region (lines and columns
// from 1, columns in UTF-16 code units, SARIF's default `columnKind`) and the masked preview
// in the message; a finding in a document (docx, xlsx, pptx) has the file and a logical
// location instead ("Kunden!B2", "paragraph 12", "slide 3"). No snippet, no fingerprint of the value: nothing derived from the raw value
// leaves the machine through the log.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { locationLabel } from './documents.mjs';

const LEVEL = { high: 'error', medium: 'warning', low: 'note' };

/**
 * @param {{findings: object[], kinds: object[], version: string, cwd: string}} input
 * @returns {object} the SARIF log
 */
export function toSarif({ findings, kinds, version, cwd }) {
  const ruleIndex = new Map(kinds.map((k, i) => [k.kind, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'draftguard',
            version,
            semanticVersion: version,
            informationUri: 'https://www.npmjs.com/package/draftguard',
            rules: kinds.map((k) => ({
              id: k.kind,
              name: camel(k.kind),
              shortDescription: { text: k.names.en },
              fullDescription: { text: `${k.names.en}: ${k.checks}.` },
              properties: { category: k.category, tags: ['security', 'privacy', k.category] },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => ({
          ruleId: f.kind,
          ...(ruleIndex.has(f.kind) ? { ruleIndex: ruleIndex.get(f.kind) } : {}),
          level: LEVEL[f.confidence],
          message: { text: `${nameOf(kinds, f.kind)} (${f.confidence} confidence): ${f.preview}` },
          locations: [
            f.location
              ? {
                  // A document (docx, xlsx, pptx): the file, and the paragraph, cell or slide
                  // as a logical location (lines and offsets of the zip would mean nothing).
                  physicalLocation: { artifactLocation: artifact(f.file, cwd) },
                  logicalLocations: [{ fullyQualifiedName: locationLabel(f.location), kind: 'element' }],
                }
              : {
                  physicalLocation: {
                    artifactLocation: artifact(f.file, cwd),
                    region: {
                      startLine: f.line,
                      startColumn: f.column,
                      endLine: f.endLine,
                      endColumn: f.endColumn,
                      charOffset: f.start,
                      charLength: f.end - f.start,
                    },
                  },
                },
          ],
          properties: { confidence: f.confidence, category: f.category, reasons: f.reasons },
        })),
      },
    ],
  };
}

function artifact(file, cwd) {
  if (file === '<stdin>') return { uri: 'stdin' };
  const rel = path.relative(cwd, path.resolve(cwd, file));
  if (rel.startsWith('..') || path.isAbsolute(rel)) return { uri: pathToFileURL(path.resolve(cwd, file)).href };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
}

const camel = (kind) => kind.replace(/(^|_)(\w)/g, (_, __, c) => c.toUpperCase());
const nameOf = (kinds, kind) => kinds.find((k) => k.kind === kind)?.names.en ?? kind;
