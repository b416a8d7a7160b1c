declare module 'asl-validator' {
  interface ValidationResult {
    isValid: boolean;
    errors: unknown[];
  }
  export default function aslValidator(definition: unknown, options?: Record<string, unknown>): ValidationResult;
}
