import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';
import { type FormProblem, fieldId, messagesAt } from '../form-errors.ts';

/**
 * Labelled form controls. Each takes the field's API path: that gives the element id, and the
 * problem's messages for that path are shown under the label and tied to the control with
 * aria-describedby, so a screen reader reads the error with the field.
 */

interface FieldBase {
  path: string;
  label: string;
  hint?: string;
  problem: FormProblem | null;
  /** Further paths whose messages belong at this field, e.g. a member's id at its name. */
  alsoPaths?: string[];
}

function fieldText(path: string, problem: FormProblem | null, hint?: string, alsoPaths: string[] = []) {
  const id = fieldId(path);
  // A message repeated for one field says nothing new; showing it once also keeps React keys unique.
  const messages = [...new Set([path, ...alsoPaths].flatMap((each) => messagesAt(problem, each)))];
  const hintId = hint ? `${id}-tips` : undefined;
  const errorId = messages.length > 0 ? `${id}-fel` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { id, messages, hintId, errorId, describedBy };
}

export function FieldMessages({ id, messages }: { id: string | undefined; messages: string[] }) {
  if (!id) return null;
  return (
    <div id={id} className="field-error">
      {messages.map((message) => (
        <p key={message}>
          <span className="visually-hidden">Fel: </span>
          {message}
        </p>
      ))}
    </div>
  );
}

type TextFieldProps = FieldBase &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> & {
    value: string;
    onChange: (value: string) => void;
  };

export function TextField({
  path,
  label,
  hint,
  problem,
  alsoPaths,
  value,
  onChange,
  className,
  ...input
}: TextFieldProps) {
  const text = fieldText(path, problem, hint, alsoPaths);
  return (
    <div className={`field${text.errorId ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={text.id}>{label}</label>
      {hint && (
        <p id={text.hintId} className="hint">
          {hint}
        </p>
      )}
      <FieldMessages id={text.errorId} messages={text.messages} />
      <input
        type="text"
        {...input}
        id={text.id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={text.describedBy}
        aria-invalid={text.errorId ? true : undefined}
      />
    </div>
  );
}

interface SelectFieldProps<V extends string> extends FieldBase {
  value: V | '';
  options: readonly (readonly [V, string])[];
  onChange: (value: V) => void;
  /** Text of an empty first option, when nothing is chosen yet. */
  placeholder?: string;
}

export function SelectField<V extends string>(props: SelectFieldProps<V>) {
  const { path, label, hint, problem, alsoPaths, value, options, onChange, placeholder } = props;
  const text = fieldText(path, problem, hint, alsoPaths);
  return (
    <div className={`field${text.errorId ? ' field--invalid' : ''}`}>
      <label htmlFor={text.id}>{label}</label>
      {hint && (
        <p id={text.hintId} className="hint">
          {hint}
        </p>
      )}
      <FieldMessages id={text.errorId} messages={text.messages} />
      <select
        id={text.id}
        value={value}
        onChange={(event) => onChange(event.target.value as V)}
        aria-describedby={text.describedBy}
        aria-invalid={text.errorId ? true : undefined}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}

interface CheckboxFieldProps extends FieldBase {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function CheckboxField({ path, label, hint, problem, alsoPaths, checked, onChange }: CheckboxFieldProps) {
  const text = fieldText(path, problem, hint, alsoPaths);
  return (
    <div className={`field field--checkbox${text.errorId ? ' field--invalid' : ''}`}>
      <FieldMessages id={text.errorId} messages={text.messages} />
      <input
        type="checkbox"
        id={text.id}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={text.describedBy}
        aria-invalid={text.errorId ? true : undefined}
      />
      <label htmlFor={text.id}>{label}</label>
      {hint && (
        <p id={text.hintId} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}

interface FieldGroupProps {
  path: string;
  legend: ReactNode;
  hint?: string;
  problem: FormProblem | null;
  children: ReactNode;
  className?: string;
}

/** A fieldset whose legend names the group; messages for the group's own path show under it. */
export function FieldGroup({ path, legend, hint, problem, children, className }: FieldGroupProps) {
  const text = fieldText(path, problem, hint);
  return (
    <fieldset
      id={text.id}
      tabIndex={-1}
      className={`group${text.errorId ? ' group--invalid' : ''}${className ? ` ${className}` : ''}`}
      aria-describedby={text.describedBy}
    >
      <legend>{legend}</legend>
      {hint && (
        <p id={text.hintId} className="hint">
          {hint}
        </p>
      )}
      <FieldMessages id={text.errorId} messages={text.messages} />
      {children}
    </fieldset>
  );
}

interface RadioGroupProps<V extends string> extends Omit<FieldGroupProps, 'children'> {
  value: V;
  options: readonly (readonly [V, string])[];
  onChange: (value: V) => void;
}

/** Radios for a short list of choices: every option is visible and read with the group's legend. */
export function RadioGroup<V extends string>(props: RadioGroupProps<V>) {
  const { path, value, options, onChange, ...group } = props;
  const id = fieldId(path);
  return (
    <FieldGroup path={path} {...group}>
      {options.map(([optionValue, optionLabel]) => (
        <div className="radio" key={optionValue}>
          <input
            type="radio"
            id={`${id}-${optionValue.replace(/[^A-Za-z0-9_-]/g, '-')}`}
            name={id}
            value={optionValue}
            checked={value === optionValue}
            onChange={() => onChange(optionValue)}
          />
          <label htmlFor={`${id}-${optionValue.replace(/[^A-Za-z0-9_-]/g, '-')}`}>{optionLabel}</label>
        </div>
      ))}
    </FieldGroup>
  );
}

type TextAreaFieldProps = FieldBase &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange'> & {
    value: string;
    onChange: (value: string) => void;
  };

/** Longer text: a verksamhetsplan, synpunkter, a förvaltningsberättelse. */
export function TextAreaField({
  path,
  label,
  hint,
  problem,
  alsoPaths,
  value,
  onChange,
  ...textarea
}: TextAreaFieldProps) {
  const text = fieldText(path, problem, hint, alsoPaths);
  return (
    <div className={`field${text.errorId ? ' field--invalid' : ''}`}>
      <label htmlFor={text.id}>{label}</label>
      {hint && (
        <p id={text.hintId} className="hint">
          {hint}
        </p>
      )}
      <FieldMessages id={text.errorId} messages={text.messages} />
      <textarea
        rows={5}
        {...textarea}
        id={text.id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={text.describedBy}
        aria-invalid={text.errorId ? true : undefined}
      />
    </div>
  );
}

interface FileFieldProps extends FieldBase {
  /** File types offered in the picker, e.g. ".pdf,application/pdf". */
  accept?: string;
  onChange: (file: File | null) => void;
}

/** One file; what is done with it (read, checked, sent) is the form's business. */
export function FileField({ path, label, hint, problem, alsoPaths, accept, onChange }: FileFieldProps) {
  const text = fieldText(path, problem, hint, alsoPaths);
  return (
    <div className={`field${text.errorId ? ' field--invalid' : ''}`}>
      <label htmlFor={text.id}>{label}</label>
      {hint && (
        <p id={text.hintId} className="hint">
          {hint}
        </p>
      )}
      <FieldMessages id={text.errorId} messages={text.messages} />
      <input
        type="file"
        id={text.id}
        accept={accept}
        onChange={(event) => onChange(event.target.files?.[0] ?? null)}
        aria-describedby={text.describedBy}
        aria-invalid={text.errorId ? true : undefined}
      />
    </div>
  );
}
