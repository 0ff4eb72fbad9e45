import type { NextFunction, Request, Response } from 'express';
import { BadInputError } from '../common/errors';
import { jsonProblem, MAX_JSON_DEPTH } from '../common/validate';
import { sendError } from './http-errors';

/**
 * How deep a GraphQL request (body or GET parameters) may nest: a JSON argument at its own limit
 * (MAX_JSON_DEPTH, checked again where it is stored) inside a few levels of input objects and lists.
 */
export const MAX_GRAPHQL_REQUEST_DEPTH = MAX_JSON_DEPTH + 16;

/**
 * Refuses, before Apollo parses, validates or coerces anything, a GraphQL request that holds a
 * string with a lone surrogate anywhere (the document, a variable at any depth, a JSON key: Neo4j
 * would store U+FFFD instead, silently another value; and a filter or lookup would ask about
 * another string than the client sent) or nests deeper than MAX_GRAPHQL_REQUEST_DEPTH (variable
 * coercion and the JSON scalars recurse, and 100,000 levels overflow the stack). One check of the
 * whole request covers every argument of every field, present and future: 400 BAD_USER_INPUT.
 */
export function requireWellFormedGraphqlInput(req: Request, res: Response, next: NextFunction): void {
  const problem = jsonProblem(graphqlRequestOf(req), MAX_GRAPHQL_REQUEST_DEPTH);
  if (!problem) { next(); return; }
  const depth = problem.startsWith('is nested') ? ` (a JSON argument may nest at most ${MAX_JSON_DEPTH} levels)` : '';
  sendError(res, new BadInputError(`The request ${problem}${depth}.`), 'graphql');
}

/** What Apollo will read: the JSON body, or a GET's parameters with `variables` and `extensions` parsed as Apollo parses them. */
function graphqlRequestOf(req: Request): unknown {
  if (req.method !== 'GET') return req.body;
  const params = { ...(req.query as Record<string, unknown>) };
  for (const key of ['variables', 'extensions']) {
    if (typeof params[key] === 'string') {
      try { params[key] = JSON.parse(params[key] as string); } catch { /* Apollo answers unparsable JSON itself */ }
    }
  }
  return params;
}
