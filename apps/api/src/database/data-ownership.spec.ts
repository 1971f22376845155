import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import { getMetadataArgsStorage } from 'typeorm';
import { AUDIT_ENTITIES } from '@aidial/api/audit';
import { AUTH_ENTITIES } from '@aidial/api/auth';
import { CORE_ENTITIES } from '@aidial/api/core';
import { INTEGRATIONS_ENTITIES } from '@aidial/api/integrations';
import { MFA_ENTITIES } from '@aidial/api/mfa';
import { NOTIFICATIONS_ENTITIES } from '@aidial/api/notifications';
import { SESSIONS_ENTITIES } from '@aidial/api/sessions';
import { SUPPORT_ENTITIES } from '@aidial/api/support';
import { TENANCY_ENTITIES } from '@aidial/api/tenancy';
import { ENTITIES } from './data-source';

/**
 * STYLE.md, "Data access": a table is read and written by the repository of the module that owns it, and by nothing
 * else; raw SQL lives only in repositories, typed by a declared projection, never by a cast of the query's result.
 * These tests read the source of every API library, so a shortcut fails here rather than in review.
 */

const LIBS = join(__dirname, '../../../../libs/api');

/** Each library's tables, from the entity lists it exports (the same lists the data source is built from). */
/** An entity class, as the libraries' entity lists hold them. */
type EntityClass = abstract new (...args: never[]) => unknown;

const OWNED_ENTITIES: Record<string, readonly EntityClass[]> = {
  core: CORE_ENTITIES,
  tenancy: TENANCY_ENTITIES,
  auth: AUTH_ENTITIES,
  sessions: SESSIONS_ENTITIES,
  audit: AUDIT_ENTITIES,
  integrations: INTEGRATIONS_ENTITIES,
  mfa: MFA_ENTITIES,
  support: SUPPORT_ENTITIES,
  notifications: NOTIFICATIONS_ENTITIES,
};

function tableOf(entity: EntityClass): string {
  const table = getMetadataArgsStorage().tables.find((t) => t.target === entity);
  if (!table?.name) throw new Error(`${entity.name} names no table`);
  return table.name;
}

const OWNER_OF_TABLE = new Map<string, string>(
  Object.entries(OWNED_ENTITIES).flatMap(([library, entities]) => entities.map((e) => [tableOf(e), library] as const)),
);

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const FILES = readdirSync(LIBS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'testing')
  .flatMap((entry) => sourceFiles(join(LIBS, entry.name, 'src')).map((path) => ({ library: entry.name, path })));

function parse(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

/** A call of `.query(...)` on anything: a data source, an entity manager, a repository. */
function isQueryCall(node: ts.Node): node is ts.CallExpression {
  return (
    ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'query'
  );
}

function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isAwaitExpression(current)) current = current.expression;
  return current;
}

/** The text of every string and template literal in a file: the SQL it could send. */
function literals(file: ts.SourceFile): string[] {
  const found: string[] = [];
  walk(file, (node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    if (ts.isTemplateExpression(node)) found.push(node.getText(file));
  });
  return found;
}

const TABLE_REFERENCE = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+"?([a-z_]+)"?/gi;

describe('data ownership', () => {
  it('knows every table of the data source, each owned by exactly one library', () => {
    expect(ENTITIES.map(tableOf).sort()).toEqual([...OWNER_OF_TABLE.keys()].sort());
  });

  it('finds the libraries it checks', () => {
    expect(new Set(FILES.map((f) => f.library))).toEqual(
      new Set([
        'audit',
        'auth',
        'core',
        'integrations',
        'mfa',
        'notifications',
        'proxy',
        'sessions',
        'sms-otp',
        'support',
        'tenancy',
        'zitadel',
      ]),
    );
  });

  it('sends SQL about a table only from the library that owns it', () => {
    const crossings = FILES.flatMap(({ library, path }) =>
      literals(parse(path)).flatMap((text) =>
        [...text.matchAll(TABLE_REFERENCE)]
          .map((match) => match[1]?.toLowerCase() ?? '')
          .filter((table) => OWNER_OF_TABLE.has(table) && OWNER_OF_TABLE.get(table) !== library)
          .map((table) => `${relative(LIBS, path)} touches ${table} (owned by ${OWNER_OF_TABLE.get(table)})`),
      ),
    );
    expect(crossings).toEqual([]);
  });

  it('sends raw SQL only from repositories (and the two statements core owns)', () => {
    const allowed = new Set([
      'core/src/lib/database/named-statements.ts', // runs the named statements repositories hand it
      'core/src/lib/rate-limit/postgres-rate-limit-store.ts', // the repository of rate_limit_counter
      'core/src/lib/health/health.controller.ts', // the readiness probe's SELECT 1
    ]);
    const outside = FILES.filter(({ path }) => !path.endsWith('.repository.ts') && !allowed.has(relative(LIBS, path)))
      .filter(({ path }) => {
        let calls = false;
        walk(parse(path), (node) => (calls ||= isQueryCall(node)));
        return calls;
      })
      .map(({ path }) => relative(LIBS, path));
    expect(outside).toEqual([]);
  });

  it('never casts the result of a query: results are typed by the entity or a declared projection', () => {
    const casts = FILES.flatMap(({ path }) => {
      const file = parse(path);
      const found: string[] = [];
      walk(file, (node) => {
        if (ts.isAsExpression(node) && isQueryCall(unwrap(node.expression))) {
          found.push(`${relative(LIBS, path)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
        }
      });
      return found;
    });
    expect(casts).toEqual([]);
  });

  it('declares named statements in *.statements.ts files that import only types, each name once', () => {
    const files = FILES.filter(({ path }) => path.endsWith('.statements.ts'));
    expect(files.length).toBeGreaterThan(0);
    const names: string[] = [];
    const valueImports: string[] = [];
    for (const { path } of files) {
      const file = parse(path);
      walk(file, (node) => {
        // The bench's floors load these files with Node's type stripping: an import it cannot erase would fail there.
        if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) valueImports.push(relative(LIBS, path));
        if (
          ts.isPropertyAssignment(node) &&
          node.name.getText(file) === 'name' &&
          ts.isStringLiteral(node.initializer)
        ) {
          names.push(node.initializer.text);
        }
      });
    }
    expect(valueImports).toEqual([]);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });
});
