import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** A message as written at a raise site: literal text and holes (`${...}` or a value the scan cannot see through). */
export type MessagePattern = readonly (string | null)[];
export interface RaiseSite {
  file: string;
  code: string;
  message: MessagePattern | null;
}

// Where each raiser takes its code and its English message: a fixed code, or the index of the argument that holds it.
// A GraphQLError takes its code from `extensions.code` of its second argument.
const RAISERS: Readonly<Record<string, { code: string | number; message?: number; template?: (m: MessagePattern) => MessagePattern }>> = {
  GraphQLError: { code: 'extensions', message: 0 },
  BadInputError: { code: 'BAD_USER_INPUT', message: 0 },
  NotFoundError: { code: 'NOT_FOUND', message: 0, template: (what) => [...what, ' not found'] },
  UnauthenticatedError: { code: 1, message: 0 },
  ForbiddenError: { code: 'FORBIDDEN', message: 0 },
  AuthError: { code: 0 },
  HttpError: { code: 1, message: 2 },
  errorBody: { code: 0, message: 1 },
  sendError: { code: 2, message: 3 },
  localizeMessage: { code: 0, message: 1 },
  tooComplex: { code: 'QUERY_TOO_COMPLEX', message: 0 },
  badVariable: { code: 'BAD_USER_INPUT', message: 0 },
  oauthError: { code: 0, message: 1 },
  oauthFailure: { code: 0, message: 1 },
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
}

const nameOf = (n: ts.Node): string | null => (ts.isIdentifier(n) ? n.text : ts.isPropertyAccessExpression(n) ? n.name.text : null);

function property(obj: ts.Node | undefined, name: string): ts.Expression | undefined {
  if (!obj || !ts.isObjectLiteralExpression(obj)) return undefined;
  for (const p of obj.properties) if (ts.isPropertyAssignment(p) && nameOf(p.name) === name) return p.initializer;
  return undefined;
}

/** Every error code and English message raised in `root`: error classes and helpers, object literals with a message beside a code. */
export function raiseSites(root: string): RaiseSite[] {
  const sources = files(root).map((file) => ({ file, sf: ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true) }));
  // Subclasses raise as their base (PurposeError as ForbiddenError); constructor defaults stand for arguments left out.
  const bases = new Map<string, string>();
  const defaults = new Map<string, (string | undefined)[]>();
  const constants = new Map<ts.SourceFile, Map<string, ts.Expression>>();
  for (const { sf } of sources) {
    const consts = new Map<string, ts.Expression>();
    constants.set(sf, consts);
    sf.forEachChild(function visit(n): void {
      if (ts.isClassDeclaration(n) && n.name) {
        const base = n.heritageClauses?.[0]?.types[0]?.expression;
        if (base && ts.isIdentifier(base)) bases.set(n.name.text, base.text);
        const ctor = n.members.find(ts.isConstructorDeclaration);
        if (ctor)
          defaults.set(
            n.name.text,
            ctor.parameters.map((p) => (p.initializer && ts.isStringLiteral(p.initializer) ? p.initializer.text : undefined)),
          );
      }
      if (ts.isVariableStatement(n)) for (const d of n.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer) consts.set(d.name.text, d.initializer);
    });
  }
  const raiserOf = (name: string | null): [string, (typeof RAISERS)[string]] | null => {
    for (let c = name; c; c = bases.get(c) ?? null) if (RAISERS[c]) return [name!, RAISERS[c]];
    return null;
  };

  const sites: RaiseSite[] = [];
  for (const { file, sf } of sources) {
    const consts = constants.get(sf)!;
    // The expression's possible texts; null where the scan cannot see the text.
    const patterns = (e: ts.Expression | undefined): MessagePattern[] | null => {
      if (!e) return null;
      if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [[e.text]];
      if (ts.isTemplateExpression(e)) return [[e.head.text, ...e.templateSpans.flatMap((s) => [null, s.literal.text])]];
      if (ts.isConditionalExpression(e)) return [...(patterns(e.whenTrue) ?? [[null]]), ...(patterns(e.whenFalse) ?? [[null]])];
      if (ts.isParenthesizedExpression(e)) return patterns(e.expression);
      if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) return patterns(e.right);
      if (ts.isIdentifier(e) && consts.has(e.text)) return patterns(consts.get(e.text));
      return null;
    };
    const codeOf = (e: ts.Expression | undefined): string | null => {
      const p = patterns(e);
      if (p?.length === 1 && p[0].length === 1 && typeof p[0][0] === 'string') return p[0][0];
      // An enum member (ConsentRefusalReason.OBLIGATION_PENDING) names its code; a property such as e.code does not.
      return e && ts.isPropertyAccessExpression(e) && /^[A-Z][A-Z0-9_]+$/.test(e.name.text) ? e.name.text : null;
    };
    const add = (code: string | null, messages: MessagePattern[] | null) => {
      if (!code) return;
      if (!messages) sites.push({ file, code, message: null });
      else for (const message of messages) sites.push({ file, code, message });
    };
    const visit = (n: ts.Node): void => {
      if (ts.isNewExpression(n) || ts.isCallExpression(n)) {
        const callee = n.expression.kind === ts.SyntaxKind.SuperKeyword ? (bases.get(ts.findAncestor(n, ts.isClassDeclaration)?.name?.text ?? '') ?? null) : nameOf(n.expression);
        const found = raiserOf(callee);
        if (found) {
          const [name, spec] = found;
          const args = n.arguments ?? [];
          const arg = (i: number) => args[i] ?? (defaults.get(name)?.[i] !== undefined ? ts.factory.createStringLiteral(defaults.get(name)![i]!) : undefined);
          const code = typeof spec.code === 'number' ? codeOf(arg(spec.code)) : spec.code === 'extensions' ? codeOf(property(property(args[1], 'extensions'), 'code')) : spec.code;
          const messages = spec.message === undefined ? null : patterns(arg(spec.message));
          add(code, messages && spec.template ? messages.map(spec.template) : messages);
        }
      }
      if (ts.isObjectLiteralExpression(n)) {
        const message = property(n, 'message') ?? property(n, 'error_description');
        const code = property(property(n, 'extensions'), 'code') ?? property(n, 'error') ?? property(n, 'reason');
        if (message && code) add(codeOf(code), patterns(message));
        else if (ts.isPropertyAssignment(n.parent) && nameOf(n.parent.name) === 'extensions') add(codeOf(property(n, 'code')), null);
      }
      n.forEachChild(visit);
    };
    sf.forEachChild(visit);
  }
  return sites;
}
