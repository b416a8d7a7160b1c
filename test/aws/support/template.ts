import { join } from 'node:path';

/**
 * Reading the synthesized CloudFormation template: its resources by type, each function's asset
 * directory in the cloud assembly, and the intrinsic functions (Ref, Fn::GetAtt, Fn::Join,
 * Fn::Sub) resolved against what the test stands up in place of each resource.
 */
export type Json = any; // CloudFormation JSON as Template.toJSON() gives it.

export interface Resource {
  Type: string;
  Properties: Json;
}

export const region = 'eu-north-1';
export const account = '123456789012';

/** What a logical id stands for here: its Ref and its attributes. */
export interface Binding {
  ref: string;
  attributes?: Record<string, string>;
}

export class SynthesizedTemplate {
  readonly resources: Record<string, Resource>;
  private readonly bindings = new Map<string, Binding>();
  /** Text that stands for something only known here, e.g. `https://` + a Cognito provider URL. */
  private readonly aliases: [string, string][] = [];

  constructor(
    template: Json,
    readonly outdir: string,
  ) {
    this.resources = template.Resources;
  }

  ofType(type: string): [string, Resource][] {
    return Object.entries(this.resources).filter(([, resource]) => resource.Type === type);
  }

  /** The one resource of `type` that `match` picks; fails loudly when the template changed shape. */
  single(type: string, match: (properties: Json) => boolean = () => true): [string, Resource] {
    const found = this.ofType(type).filter(([, resource]) => match(resource.Properties ?? {}));
    if (found.length !== 1) throw new Error(`expected one ${type} in the template, found ${found.length}`);
    return found[0]!;
  }

  /** The Lambda function whose Powertools service name is `service`. */
  functionOf(service: string): [string, Resource] {
    return this.single(
      'AWS::Lambda::Function',
      (properties) => properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === service,
    );
  }

  /** The staged asset directory (index.mjs and its neighbours) of a function. */
  assetDirectory(resource: Resource): string {
    return join(this.outdir, `asset.${String(resource.Properties.Code.S3Key).replace(/\.zip$/, '')}`);
  }

  bind(logicalId: string, binding: Binding) {
    this.bindings.set(logicalId, binding);
  }

  /** After joining, `from` is read as `to` (cognito-local's issuer is http, not https). */
  alias(from: string, to: string) {
    this.aliases.push([from, to]);
  }

  /** Resolves intrinsic functions; a reference to something not stood up stays visible as such. */
  resolve(value: Json): Json {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null)
      return value;
    if (Array.isArray(value)) return value.map((item) => this.resolve(item));
    if ('Ref' in value) return this.ref(value.Ref);
    if ('Fn::GetAtt' in value) {
      const [id, attribute] = value['Fn::GetAtt'] as [string, string];
      return this.bindings.get(id)?.attributes?.[attribute] ?? `unresolved:${id}.${attribute}`;
    }
    if ('Fn::Join' in value) {
      const [separator, parts] = value['Fn::Join'] as [string, Json[]];
      const joined = parts.map((part) => this.resolve(part)).join(separator);
      return this.aliases.reduce((text, [from, to]) => text.replaceAll(from, to), joined);
    }
    if ('Fn::Sub' in value) {
      const [text, variables = {}] = Array.isArray(value['Fn::Sub']) ? value['Fn::Sub'] : [value['Fn::Sub']];
      return (text as string).replace(/\$\{([^}]+)\}/g, (_, name: string) => {
        if (name in variables) return String(this.resolve(variables[name]));
        const [id, attribute] = name.split('.');
        return attribute ? this.resolve({ 'Fn::GetAtt': [id, attribute] }) : this.ref(id!);
      });
    }
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.resolve(item)]));
  }

  private ref(id: string): string {
    const pseudo: Record<string, string> = {
      'AWS::Region': region,
      'AWS::AccountId': account,
      'AWS::Partition': 'aws',
      'AWS::URLSuffix': 'amazonaws.com',
      'AWS::StackName': 'Finsam',
    };
    return pseudo[id] ?? this.bindings.get(id)?.ref ?? `unresolved:${id}`;
  }
}
