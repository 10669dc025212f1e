'use client';

import { useActionState } from 'react';
import { changePasswordAction, createUserAction, type UserFormState, userRoleAction } from '@/app/actions/users';
import { ROLE_DESCRIPTIONS, ROLES } from '@/lib/auth/roles';
import { Input, Select } from '@/components/ui/controls';

export function NewUserForm() {
  const [state, action, pending] = useActionState<UserFormState, FormData>(createUserAction, {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form
      action={action}
      key={state.ok ? 'reset' : 'keep'}
      className="grid gap-3 rounded-lg border border-rule bg-white p-4 md:grid-cols-2"
    >
      <h2 className="font-semibold md:col-span-2">New account</h2>
      {state.message && (
        <p
          role={state.ok ? 'status' : 'alert'}
          className={`text-sm md:col-span-2 ${state.ok ? 'text-green-900' : 'text-red-800'}`}
        >
          {state.message}
        </p>
      )}
      {(
        [
          ['name', 'Name', 'text', 'name'],
          ['email', 'E-mail address', 'email', 'off'],
        ] as const
      ).map(([name, label, type, auto]) => (
        <label key={name} className="flex flex-col gap-1">
          <span className="text-sm font-medium">{label}</span>
          <Input
            name={name}
            type={type}
            autoComplete={auto}
            defaultValue={v[name] ?? ''}
            required

            aria-invalid={e[name] ? true : undefined}
          />
          {e[name] && <span className="text-sm text-red-800">{e[name]}</span>}
        </label>
      ))}
      <label className="flex flex-col gap-1">
        <span className="text-sm font-medium">Role</span>
        <Select name="role" defaultValue={v.role ?? 'viewer'}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r} — {ROLE_DESCRIPTIONS[r]}
            </option>
          ))}
        </Select>
        {e.role && <span className="text-sm text-red-800">{e.role}</span>}
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-sm font-medium">Password (8 to 128 characters)</span>
        <Input
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={8}
          maxLength={128}
          required

          aria-invalid={e.password ? true : undefined}
        />
        {e.password && <span className="text-sm text-red-800">{e.password}</span>}
      </label>
      <button type="submit" disabled={pending} className="self-start rounded bg-accent px-4 py-2 text-white">
        Create account
      </button>
    </form>
  );
}

export function UserRoleForm({ userId, role, email }: { userId: string; role: string; email: string }) {
  const [state, action, pending] = useActionState<UserFormState, FormData>(userRoleAction.bind(null, userId), {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`role-${userId}`}>
        Role of {email}
      </label>
      <Select id={`role-${userId}`} name="role" defaultValue={role}>
        {ROLES.map((r) => (
          <option key={r}>{r}</option>
        ))}
      </Select>
      <button
        type="submit"
        name="intent"
        value="role"
        disabled={pending}
        className="rounded border border-rule px-2 py-1"
      >
        Set role
      </button>
      <button
        type="submit"
        name="intent"
        value="remove"
        disabled={pending}
        className="rounded border border-red-300 px-2 py-1 text-red-900"
      >
        Remove
      </button>
      <details className="basis-full">
        <summary className="cursor-pointer text-xs text-accent">Set a new password (ends their sessions)</summary>
        <span className="mt-1 flex flex-wrap items-center gap-2">
          <label className="sr-only" htmlFor={`password-${userId}`}>
            New password for {email}
          </label>
          <Input
            id={`password-${userId}`}
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={8}
            maxLength={128}
          />
          <button
            type="submit"
            name="intent"
            value="reset-password"
            disabled={pending}
            className="rounded border border-rule px-2 py-1"
          >
            Set password
          </button>
        </span>
      </details>
      {state.message && (
        <span role="status" className="text-sm">
          {state.message}
        </span>
      )}
    </form>
  );
}

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState<UserFormState, FormData>(changePasswordAction, {});
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="flex max-w-md flex-col gap-3 rounded-lg border border-rule bg-white p-4">
      <h2 className="font-semibold">Change your password</h2>
      {state.message && (
        <p role={state.ok ? 'status' : 'alert'} className={`text-sm ${state.ok ? 'text-green-900' : 'text-red-800'}`}>
          {state.message}
        </p>
      )}
      {(
        [
          ['currentPassword', 'Current password', 'current-password'],
          ['newPassword', 'New password (8 to 128 characters)', 'new-password'],
          ['confirmPassword', 'New password again', 'new-password'],
        ] as const
      ).map(([name, label, auto]) => (
        <label key={name} className="flex flex-col gap-1">
          <span className="text-sm font-medium">{label}</span>
          <Input
            name={name}
            type="password"
            autoComplete={auto}
            required
            minLength={name === 'currentPassword' ? undefined : 8}
            maxLength={128}

            aria-invalid={e[name] ? true : undefined}
          />
          {e[name] && <span className="text-sm text-red-800">{e[name]}</span>}
        </label>
      ))}
      <button type="submit" disabled={pending} className="self-start rounded bg-accent px-4 py-2 text-white">
        Change password
      </button>
    </form>
  );
}
