import { Query, Resolver } from 'type-graphql';

/** The API's own version, so clients and the CLI can check what they talk to. */
@Resolver()
export class SystemResolver {
  @Query(() => String, { description: "modelgraph's version." })
  version(): string {
    return process.env.npm_package_version ?? '0.1.0';
  }
}
