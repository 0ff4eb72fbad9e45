import { Query, Resolver } from 'type-graphql';

/** The API's own version, so clients and the CLI can check what they talk to. */
@Resolver()
export class SystemResolver {
  constructor(private readonly apiVersion: string) {}

  @Query(() => String, { description: "modelgraph's version." })
  version(): string {
    return this.apiVersion;
  }
}
